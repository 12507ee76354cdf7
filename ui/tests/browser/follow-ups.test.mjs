// Follow-up items across meetings in the mock build: a question raised in the demo temamøde
// is on the committee's follow-up list, is offered for the next meeting's agenda (accepted by
// keyboard), is answered and closed; declining the offer writes nothing; a follow-up from a
// decision; positions over time; axe on the new views and the offer dialog in da and en.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axe, describeViolations, launchBrowser, newPage, serveDist, tabTo, waitSaved } from "./helpers.mjs";

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

const DEMO = { da: "Opret demo-arbejdsområde", en: "Create demo workspace" };
const QUESTION = "Hvor mange borgere vil modellen udpege om året?";

/** Creates the demo and raises a question to the administration in its temamøde (as the walk
 *  does; the walk's own UI is tested in walk.test.mjs). Returns the committee's id. */
async function demoWithQuestion(page, lang = "da") {
  await page.getByRole("button", { name: DEMO[lang] }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  const committeeId = Number(/committees\/(\d+)/.exec(page.url())[1]);
  await page.evaluate((text) => {
    const core = window.__pejlingMockCore;
    const item = core.items.find((i) => i.title.startsWith("Drøftelse"));
    core.addQuestionToAdministration(item.id, 3, text, null);
  }, QUESTION);
  return committeeId;
}

async function focusedText(page) {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
}

/** Fills the new-meeting form on the committee page and submits it. */
async function createMeeting(page, title, day) {
  await page.locator("#new-meeting-title").fill(title);
  await page.locator("#new-meeting-starts").fill(`${day}T17:00`);
  await page.locator("#new-meeting-ends").fill(`${day}T19:00`);
  await page.getByRole("button", { name: "Opret møde" }).click();
}

function nextYear() {
  return new Date().getFullYear() + 1;
}

test("a question from the demo temamøde is listed, offered on the next agenda, answered and closed", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committeeId = await demoWithQuestion(page);
    await page.goto(`${server.url}#/committees/${committeeId}`);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");

    // The committee page links to the follow-up list; keyboard only.
    await tabTo(page, () => document.activeElement?.textContent === "Opfølgning");
    await page.keyboard.press("Enter");
    await page.waitForURL(/follow-ups$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    const card = page.getByTestId("follow-up").filter({ hasText: QUESTION });
    await card.waitFor();
    assert.match(await card.textContent(), /Spørgsmål til forvaltningen/);
    assert.match(await card.textContent(), /Fra Temamøde: Algoritmer.*punkt 3/);
    assert.match(await page.getByTestId("follow-up-counts").textContent(), /^1 åbne/);

    // Owner and due date (yesterday: overdue), saved by themselves.
    await tabTo(page, () => document.activeElement?.id?.endsWith("-owner"));
    await page.keyboard.type("Sundhed og Omsorg");
    const yesterday = new Date(Date.now() - 86_400_000);
    const iso = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, "0")}-${String(yesterday.getDate()).padStart(2, "0")}`;
    await card.locator("input[type=date]").fill(iso);
    await card.locator("input[type=date]").blur();
    await waitSaved(page);
    await card.getByText("Over fristen").waitFor();

    // The next meeting: the chair is offered the open item and accepts with the keyboard.
    await page.goto(`${server.url}#/committees/${committeeId}`);
    await page.locator("#new-meeting-title").waitFor();
    await createMeeting(page, "Udvalgsmøde", `${nextYear()}-01-12`);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /ét opfølgningspunkt, der ikke er lukket/);
    assert.ok(await dialog.getByRole("checkbox", { name: new RegExp(QUESTION.slice(0, 20)) }).isChecked());
    assert.equal(await focusedText(page), "Tilføj punktet med ét opfølgningspunkt");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/meetings\/\d+$/);
    const meetingId = Number(/meetings\/(\d+)/.exec(page.url())[1]);
    const agenda = await page.evaluate((id) => window.__pejlingMockCore.agenda(id), meetingId);
    assert.deepEqual(agenda.map((i) => i.title), ["Opfølgning"]);
    assert.match(agenda[0].summary, new RegExp(QUESTION.replace("?", "\\?")));
    assert.match(agenda[0].summary, /Ansvarlig: Sundhed og Omsorg\./);

    // The agenda item shows the listed item as it stands.
    await page.goto(`${server.url}#/meetings/${meetingId}/items/${agenda[0].id}`);
    const onItem = page.getByTestId("item-follow-up");
    await onItem.getByText(QUESTION).waitFor();
    assert.match(await onItem.textContent(), /Åben:/);

    // Answered in the list: not without an answer.
    await page.goto(`${server.url}#/committees/${committeeId}/follow-ups`);
    await card.waitFor();
    await card.locator("select").selectOption("answered");
    await card.getByText("Skriv svaret, før punktet markeres som besvaret.").waitFor();
    await card.locator("textarea[id$=-answer]").fill("Forvaltningen forventer 120-150 borgere om året.");
    await card.locator("textarea[id$=-answer]").blur();
    await waitSaved(page);
    await page.waitForFunction(() => !document.body.textContent.includes("Skriv svaret, før"));
    await card.locator(".status-badge", { hasText: "Besvaret" }).waitFor();
    await card.getByText("Besvaret siden sidste møde").waitFor();
    assert.equal(await card.getByText("Over fristen").count(), 0, "an answered item is not overdue");

    // The filter: answered since the last meeting.
    await page.locator("#follow-up-filter-answered").check();
    await page.getByTestId("follow-up").first().waitFor();
    assert.equal(await page.getByTestId("follow-up").count(), 1);

    // Closed by the committee.
    await card.locator("select").selectOption("closed");
    await waitSaved(page);
    await card.locator(".status-badge", { hasText: "Lukket" }).waitFor();
    const status = await page.evaluate(() => window.__pejlingMockCore.followUps[0].status);
    assert.equal(status, "closed");
    // A closed item is not offered again.
    const offer = await page.evaluate((id) => window.__pejlingMockCore.followUpItems.offer(id), meetingId);
    assert.equal(offer.items.length, 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("declining the offer adds nothing, the meeting page offers it again; a follow-up from a decision", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committeeId = await demoWithQuestion(page);
    await page.goto(`${server.url}#/committees/${committeeId}`);
    await page.locator("#new-meeting-title").waitFor();
    await createMeeting(page, "Udvalgsmøde", `${nextYear()}-02-09`);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Nej tak" }).click();
    await page.waitForURL(/#\/meetings\/\d+$/);
    const meetingId = Number(/meetings\/(\d+)/.exec(page.url())[1]);
    assert.equal(await page.evaluate((id) => window.__pejlingMockCore.agenda(id).length, meetingId), 0);
    // The meeting page still offers it (as for a meeting made from the annual cycle).
    const note = page.getByTestId("meeting-follow-up-offer");
    await note.waitFor();
    const v = await axe(page);
    assert.equal(v.length, 0, `the meeting's offer note:\n${describeViolations(v)}`);
    await note.getByRole("button", { name: "Tilføj punktet »Opfølgning« …" }).click();
    await page.getByRole("dialog").waitFor();
    await page.getByRole("dialog").getByRole("checkbox").uncheck();
    assert.ok(await page.getByRole("dialog").getByRole("button", { name: /Tilføj punktet med 0/ }).isDisabled(), "nothing chosen, nothing to add");
    await page.getByRole("dialog").getByRole("checkbox").check();
    await page.getByRole("dialog").getByRole("button", { name: "Tilføj punktet med ét opfølgningspunkt" }).click();
    await page.locator(".item-select", { hasText: "Opfølgning" }).waitFor();
    await note.waitFor({ state: "detached" });
    assert.equal(await page.evaluate((id) => window.__pejlingMockCore.agenda(id).length, meetingId), 1);

    // From a decision on the temamøde's item.
    const ids = await page.evaluate(() => {
      const core = window.__pejlingMockCore;
      const item = core.items.find((i) => i.title.startsWith("Oplæg"));
      core.updateAgendaItem(item.id, { decision: "Udvalget ønsker en pilot i ét distrikt." });
      return { meeting: item.meeting_id, item: item.id };
    });
    await page.goto(`${server.url}#/meetings/${ids.meeting}/items/${ids.item}`);
    const box = page.getByTestId("item-follow-up");
    await box.getByRole("button", { name: /Opret opfølgning fra beslutningen/ }).click();
    const text = box.locator("textarea");
    assert.equal(await text.inputValue(), "Udvalget ønsker en pilot i ét distrikt.", "the decision is the draft");
    await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    await text.fill("");
    await box.getByRole("button", { name: "Opret opfølgningspunkt" }).click();
    await box.getByText("Skriv, hvad der skal følges op på.", { exact: false }).waitFor();
    await text.fill("Forvaltningen vender tilbage med en plan for piloten.");
    await box.getByRole("button", { name: "Opret opfølgningspunkt" }).click();
    await box.getByRole("status").waitFor();
    await page.goto(`${server.url}#/committees/${committeeId}/follow-ups`);
    const card = page.getByTestId("follow-up").filter({ hasText: "plan for piloten" });
    await card.waitFor();
    assert.match(await card.textContent(), /Beslutning/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("positions over time: the room's median and named participants, in words, picture and table", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committeeId = await demoWithQuestion(page);
    await page.evaluate(() => {
      const core = window.__pejlingMockCore;
      const item = core.items.find((i) => i.title.startsWith("Drøftelse"));
      const politicians = core.memberships
        .filter((m) => m.committee_id === core.meetingRow(item.meeting_id).committee_id && m.role !== "secretary")
        .map((m) => m.person_id);
      const org1 = core.stepRows(item.id).findIndex((s) => s.question_id === "organisation-1");
      [20, 30, 40, 50].forEach((v, i) => core.setPosition(item.id, org1, politicians[i], { value: v }));
      core.setRevealed(item.id, org1, true);
      // A later temamøde, with names.
      const m = core.createMeeting({
        committee_id: core.meetingRow(item.meeting_id).committee_id,
        title: "Temamøde om data",
        kind: "theme",
        starts_at: "2026-09-10T17:00",
        ends_at: "2026-09-10T19:00",
        place: "",
      });
      const next = core.addAgendaItem(m.id, "Data om borgere");
      core.setWalkPlan(next.id, {
        case_technology: "",
        case_problem: "",
        parts: [{ set_id: "organisation-questions", set_version: 1, selection: [] }],
      });
      core.setPositionsNamed(m.id, true);
      [60, 70, 80].forEach((v, i) => core.setPosition(next.id, 0, politicians[i], { value: v }));
      core.setRevealed(next.id, 0, true);
    });
    await page.goto(`${server.url}#/committees/${committeeId}/positions`);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    const first = page.getByTestId("position-question").first();
    const summary = await first.getByTestId("position-summary").textContent();
    assert.match(summary, /Udvalgets median flyttede sig fra 35 \(12\. marts 2026\) til 70 \(10\. september 2026\): mod yderposition 2\./);
    assert.match(summary, /Anne Holm Sørensen: 60 \(10\. september 2026\)\./);
    const rows = await first.getByTestId("position-table").locator("tbody tr").allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /35/);
    assert.match(rows[1], /70.*60/s);
    assert.equal(await first.locator("svg[role=img]").count(), 1);
    // A question never revealed says so in words.
    assert.match(await page.getByTestId("position-question").nth(2).textContent(), /Ingen viste placeringer på dette spørgsmål/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const lang of ["da", "en"]) {
  describe(`follow-up views pass axe (${lang})`, () => {
    test(`follow-up list, offer dialog, item, positions (${lang})`, async () => {
      const { page, context, errors } = await newPage(browser, server.url, { lang });
      try {
        const committeeId = await demoWithQuestion(page, lang);
        await page.evaluate(() => {
          const core = window.__pejlingMockCore;
          const item = core.items.find((i) => i.title.startsWith("Drøftelse"));
          const f = core.followUpItems.create({
            committee_id: core.meetingRow(item.meeting_id).committee_id,
            text: "Bed om en oversigt over kommunens algoritmer",
            owner: "Digitalisering",
            due_date: "2020-01-01",
          });
          core.followUpItems.update(f.id, { status: "in_progress" });
          const org1 = core.stepRows(item.id).findIndex((s) => s.question_id === "organisation-1");
          core.setPositionsNamed(item.meeting_id, true);
          core.setPosition(item.id, org1, core.memberships[0].person_id, { value: 30 });
          core.setRevealed(item.id, org1, true);
        });
        await page.goto(`${server.url}#/committees/${committeeId}/follow-ups`);
        await page.getByTestId("follow-up").first().waitFor();
        let v = await axe(page);
        assert.equal(v.length, 0, `follow-up list:\n${describeViolations(v)}`);
        await page.getByRole("radio").last().check();
        await page.getByTestId("follow-up").nth(1).waitFor();
        v = await axe(page);
        assert.equal(v.length, 0, `follow-up list, all:\n${describeViolations(v)}`);

        await page.goto(`${server.url}#/committees/${committeeId}/positions`);
        await page.getByTestId("position-question").first().waitFor();
        v = await axe(page);
        assert.equal(v.length, 0, `positions over time:\n${describeViolations(v)}`);

        await page.goto(`${server.url}#/committees/${committeeId}`);
        await page.locator("#new-meeting-title").fill(lang === "da" ? "Udvalgsmøde" : "Committee meeting");
        await page.locator("#new-meeting-starts").fill(`${nextYear()}-03-09T17:00`);
        await page.locator("#new-meeting-ends").fill(`${nextYear()}-03-09T19:00`);
        await page.locator("#new-meeting-title").press("Enter");
        await page.getByRole("dialog").waitFor();
        v = await axe(page);
        assert.equal(v.length, 0, `offer dialog:\n${describeViolations(v)}`);
        await page.keyboard.press("Enter");
        await page.waitForURL(/#\/meetings\/\d+$/);
        const meetingId = Number(/meetings\/(\d+)/.exec(page.url())[1]);
        const itemId = await page.evaluate((id) => window.__pejlingMockCore.agenda(id)[0].id, meetingId);
        await page.goto(`${server.url}#/meetings/${meetingId}/items/${itemId}`);
        await page.getByTestId("item-follow-up").locator("li").first().waitFor();
        v = await axe(page);
        assert.equal(v.length, 0, `agenda item Opfølgning:\n${describeViolations(v)}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}
