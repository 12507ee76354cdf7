// The walk's live session panel on the real core (test host): started and stopped by keyboard
// alone, showing the QR code (an image with the address as its name), the address, the join
// code and the participants; admission per person with a real participant joining over HTTP
// from node (as a phone does): a request approved, refused or its device blocked, a name
// released, a personal code handed out and used; axe-core passes with the session running, in
// Danish and in English. (The session itself, served by the CLI to three browsers, is
// live-session.test.mjs.)

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, core, describeViolations, launchBrowser, newPage, serveDist, tabTo, tabToSelector } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const TEXT = {
  da: {
    demo: "Opret demo-arbejdsområde",
    start: "Start livesession",
    stop: "Stop livesession",
    qr: "QR-kode til ",
    release: "Frigiv navnet",
    joined: "tilsluttet",
    notJoined: "ikke tilsluttet",
    wants: "vil deltage",
    approve: "Godkend",
    refuse: "Afvis",
    refuseAll: "Afvis alle (2)",
    block: "Bloker enheden",
    personal: "Personlig kode",
    noRequests: "Ingen venter på godkendelse.",
    blockedTitle: "Blokerede enheder",
  },
  en: {
    demo: "Create demo workspace",
    start: "Start live session",
    stop: "Stop live session",
    qr: "QR code for ",
    release: "Free the name",
    joined: "joined",
    notJoined: "not joined",
    wants: "wants to take part",
    approve: "Approve",
    refuse: "Refuse",
    refuseAll: "Refuse all (2)",
    block: "Block the device",
    personal: "Personal code",
    noRequests: "Nobody is waiting for approval.",
    blockedTitle: "Blocked devices",
  },
};

const PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

/** A participant's phone, over HTTP from node: its own device token (the cookie it is given). */
function participant(url) {
  let cookie = "";
  const send = async (path, init = {}) => {
    const r = await fetch(`${url}${path}`, {
      redirect: "manual",
      ...init,
      headers: { "user-agent": PHONE_UA, ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) },
    });
    const set = r.headers.getSetCookie?.() ?? [];
    if (set.length) cookie = set.map((c) => c.split(";")[0]).join("; ");
    await r.arrayBuffer();
    return r;
  };
  return {
    /** Opens the join page and asks for the name (with a personal code, if given). */
    async join(personId, code = "") {
      const page = await send("");
      assert.equal(page.status, 200, "the join page opens with the code");
      return this.ask(personId, code);
    },
    /** Asks for the name without opening the join page first. */
    ask(personId, code = "") {
      return send("/join", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ person_id: String(personId), code }).toString(),
      });
    },
    me: () => send("/me"),
    /** The participant's state: 200 only for an admitted device. */
    state: () => send("/state"),
  };
}

/** Demo workspace → the temamøde → the walk of its case item (which has a plan). */
async function openDemoWalk(page) {
  await page.waitForURL(/#\/committees\/\d+$/);
  const [committee] = await core(page, "list_committees");
  const meeting = (await core(page, "get_committee", { id: committee.id })).meetings.find((m) => m.title.startsWith("Temamøde: Algoritmer"));
  const item = (await core(page, "get_meeting", { id: meeting.id })).items.find((i) => i.title.startsWith("Algoritmer"));
  await page.goto(`${server.url}#/meetings/${meeting.id}/walk/${item.id}`);
  await page.getByTestId("walk-where").waitFor();
  return meeting.id;
}

// Svelte 5 drops the space that starts the visually hidden " – name" in the buttons, so their
// text reads "Godkend– Mette Skovgaard": compared with the dash's spacing normalised.
const norm = (t) => t.trim().replace(/\s*–\s*/g, " – ");
const focused = (page) => page.evaluate(() => (document.activeElement?.textContent ?? "").trim().replace(/\s*–\s*/g, " – "));
const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The panel's button for `label` and a person or device. */
const button = (scope, label, who) => scope.getByRole("button", { name: new RegExp(`^${escape(label)}\\s*–\\s*${escape(who)}$`) });
/** Tabs from the panel's heading to its button whose text is `label` (the heading is where the
 *  panel puts focus after a decision). */
async function tabToLabel(page, label) {
  await page.focus("#live-heading");
  try {
    await tabTo(
      page,
      (l) => document.activeElement?.tagName === "BUTTON" && document.activeElement.textContent.trim().replace(/\s*–\s*/g, " – ") === l,
      label,
      { max: 60 },
    );
  } catch (e) {
    const buttons = await page.getByTestId("live-panel").locator("button").allTextContents();
    throw new Error(`${e.message}; the panel's buttons: ${JSON.stringify(buttons.map(norm))}`);
  }
}

for (const lang of ["da", "en"]) {
  test(`the live session panel works by keyboard and passes axe (${lang})`, async () => {
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      const text = TEXT[lang];
      await page.getByRole("button", { name: text.demo }).click();
      const meetingId = await openDemoWalk(page);
      const panel = page.getByTestId("live-panel");

      // The address picker, when the machine has more than one network: by keyboard, every
      // interface offered, the default first chosen.
      const interfaces = await core(page, "live_interfaces");
      assert.ok(interfaces.length > 0, "an address to listen on");
      if (interfaces.length > 1) {
        await tabToSelector(page, "#live-address", { max: 200 });
        assert.equal(await page.locator("#live-address option").count(), interfaces.length);
        const chosen = interfaces.find((i) => i.is_default) ?? interfaces[0];
        assert.equal(await page.inputValue("#live-address"), chosen.address);
      }

      await tabToSelector(page, `[data-testid=live-panel] button`, { max: 200 });
      assert.equal(await focused(page), text.start);
      await page.keyboard.press("Enter");
      await panel.getByTestId("live-code").waitFor();
      const code = await panel.getByTestId("live-code").textContent();
      assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const url = await panel.getByTestId("live-url").textContent();
      assert.match(url, /^http:\/\/[\d.]+:\d+\/[A-Z0-9]{8}$/);
      assert.ok(url.endsWith(`/${code.replace("-", "")}`), "the address carries the join code");
      assert.equal(await panel.getByRole("img", { name: text.qr + url }).count(), 1);
      const attendance = await core(page, "list_attendance", { meetingId });
      const present = attendance.people.filter(
        (p) => p.attendance === "present" && ["chair", "vice_chair", "member", "citizen_member"].includes(p.role),
      );
      const politicians = present.map((p) => p.name);
      assert.ok(politicians.length > 2);
      assert.deepEqual(await panel.locator("li .name").allTextContents(), politicians, "the present politicians");
      // Focus went to the stop button.
      assert.equal(await focused(page), text.stop);
      await panel.getByTestId("live-no-requests").waitFor();
      assert.equal(await panel.getByTestId("live-no-requests").textContent(), text.noRequests);

      // Someone asks for their name on their phone: the panel, asking every second, shows the
      // request with the device; the chair approves it by keyboard.
      const [first, second, third] = present;
      const phone1 = participant(url);
      const asked = await phone1.join(first.person_id);
      assert.equal(asked.status, 303);
      assert.equal((await phone1.state()).status, 401, "not admitted before the chair approves");
      assert.equal((await phone1.me()).status, 200, "the phone shows that it waits");
      const requests = panel.getByTestId("live-requests");
      await requests.getByText(`${first.name} ${text.wants}`).waitFor({ timeout: 3000 });
      assert.match(await requests.textContent(), /iPhone|iOS|Safari/);
      let violations = await axe(page);
      assert.equal(violations.length, 0, `a request waiting:\n${describeViolations(violations)}`);
      await tabToLabel(page, `${text.approve} – ${first.name}`);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "live-requests-heading");
      await panel.getByTestId("live-no-requests").waitFor();
      assert.equal((await phone1.state()).status, 200, "admitted once approved");
      const firstRow = panel.locator("li").filter({ has: page.locator(".name", { hasText: first.name }) });
      await button(firstRow, text.release, first.name).waitFor({ timeout: 3000 });
      assert.match(await firstRow.textContent(), new RegExp(`${text.joined}.*\\d{2}[.:]\\d{2}`, "s"));
      assert.equal(await button(firstRow, text.block, first.name).count(), 1);
      violations = await axe(page);
      assert.equal(violations.length, 0, `a name taken:\n${describeViolations(violations)}`);

      // The chair frees the name (a wrong name picked) by keyboard.
      await tabToLabel(page, `${text.release} – ${first.name}`);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "live-heading");
      assert.match(await firstRow.textContent(), new RegExp(text.notJoined));
      assert.equal(await panel.getByRole("button", { name: new RegExp(`^${text.release}`) }).count(), 0);

      // A personal code, by keyboard: the name is taken with it at once, no approval.
      await tabToLabel(page, `${text.personal} – ${second.name}`);
      await page.keyboard.press("Enter");
      const codeShown = panel.getByTestId("live-personal-code");
      await codeShown.waitFor();
      const personal = /: (\S+) –/.exec(await codeShown.textContent())[1];
      const phone2 = participant(url);
      assert.equal((await phone2.join(second.person_id, personal)).status, 303);
      assert.equal((await phone2.state()).status, 200, "admitted with the personal code");
      const secondRow = panel.locator("li").filter({ has: page.locator(".name", { hasText: second.name }) });
      await button(secondRow, text.release, second.name).waitFor({ timeout: 3000 });
      assert.equal(await panel.getByTestId("live-no-requests").count(), 1, "nothing waited for approval");

      // A request refused, by keyboard.
      const phone3 = participant(url);
      await phone3.join(third.person_id);
      await requests.getByText(`${third.name} ${text.wants}`).waitFor({ timeout: 3000 });
      await tabToLabel(page, `${text.refuse} – ${third.name}`);
      await page.keyboard.press("Enter");
      await panel.getByTestId("live-no-requests").waitFor();
      assert.equal((await phone3.state()).status, 401, "a refused device is not admitted");
      assert.equal((await phone3.me()).status, 403, "and its page says it was refused");

      // Two requests at once (a script, or a room at once): refused together, by keyboard.
      const phone5 = participant(url);
      const phone6 = participant(url);
      await phone5.join(third.person_id);
      await phone6.join(first.person_id);
      await requests.getByText(`${third.name} ${text.wants}`).waitFor({ timeout: 3000 });
      await requests.getByText(`${first.name} ${text.wants}`).waitFor({ timeout: 3000 });
      violations = await axe(page);
      assert.equal(violations.length, 0, `two requests waiting:\n${describeViolations(violations)}`);
      await tabToLabel(page, text.refuseAll);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "live-requests-heading");
      await panel.getByTestId("live-no-requests").waitFor();
      assert.equal(await panel.getByTestId("live-refuse-all").count(), 0);
      assert.equal((await phone5.me()).status, 403, "each device is told it was refused");
      assert.equal((await phone6.me()).status, 403);

      // A device blocked from its request, by keyboard: listed, and its next request refused.
      const phone4 = participant(url);
      await phone4.join(third.person_id);
      await requests.getByText(`${third.name} ${text.wants}`).waitFor({ timeout: 3000 });
      await page.focus("#live-requests-heading");
      await tabTo(page, (prefix) => document.activeElement?.textContent?.trim().startsWith(prefix) ?? false, text.block, { max: 60 });
      assert.ok(!(await focused(page)).endsWith(second.name), "the request's device, not a joined name's");
      await page.keyboard.press("Enter");
      await panel.getByText(text.blockedTitle).waitFor();
      assert.equal(await panel.getByTestId("live-no-requests").count(), 1);
      assert.equal((await phone4.ask(third.person_id)).status, 403, "a blocked device asks no more");
      assert.equal((await phone4.me()).status, 403, "and its page says it is blocked");
      violations = await axe(page);
      assert.equal(violations.length, 0, `with a blocked device:\n${describeViolations(violations)}`);

      await tabToLabel(page, text.stop);
      assert.equal(await focused(page), text.stop);
      await page.keyboard.press("Enter");
      await panel.getByRole("button", { name: text.start }).waitFor();
      assert.equal(await focused(page), text.start);
      assert.equal(await core(page, "live_session_status"), null);
      await assert.rejects(fetch(url), "nothing answers once the session has stopped");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
