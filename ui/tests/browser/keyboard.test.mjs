// The whole job by keyboard alone: demo workspace, a member, a meeting, three agenda items,
// reordering with Alt+arrows and with the buttons, and autosave of an item's text.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  core,
  hostWorkspace,
  launchBrowser,
  newPage,
  scriptDialogs,
  serveDist,
  tabTo,
  tabToSelector,
  typeDateTime,
  waitSaved,
} from "./helpers.mjs";

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

/** The demo's upcoming temamøde (a draft; the demo's other meetings are held and approved). */
const DEMO_MEETING = "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere";

/** From the demo committee's page: opens the upcoming temamøde. */
async function openDemoMeeting(page) {
  await page.locator("table").nth(1).getByRole("link", { name: DEMO_MEETING, exact: true }).click();
  await page.waitForURL(/#\/meetings\/\d+$/);
}

/** The text of a DOCX file's body (word/document.xml). */
function docxText(path) {
  return execFileSync("unzip", ["-p", path, "word/document.xml"], { encoding: "utf8" });
}

/** Titles of the agenda items in order, as "N:title". */
function agenda(page) {
  return page.$$eval(".agenda .item-select", (buttons) =>
    buttons.map((b) => `${b.querySelector(".number").textContent.replace(/\D/g, "")}:${b.querySelector(".title").textContent}`),
  );
}

function focusedItemTitle(page) {
  return page.evaluate(() => document.activeElement?.closest("li")?.querySelector(".title")?.textContent ?? null);
}

async function assertVisibleFocus(page, what) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), tag: el.tagName };
  });
  assert.ok(ring.style !== "none" && ring.width >= 2, `no visible focus ring on ${what}: ${JSON.stringify(ring)}`);
}

test("keyboard-only journey: demo, member, meeting, agenda and reordering", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("heading", { level: 1 }).waitFor();

    // The skip link comes first and leads to the main content.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
    await assertVisibleFocus(page, "the skip link");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.tagName), "H1");

    // Welcome: create the demo workspace.
    await tabTo(page, () => document.activeElement?.textContent?.trim() === "Opret demo-arbejdsområde");
    await assertVisibleFocus(page, "the demo button");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/committees\/\d+$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.equal(
      await page.evaluate(() => document.activeElement.textContent),
      "Opgaveudvalget for digitalisering og teknologi",
    );
    const memberRows = page.locator("table[aria-labelledby=members-heading] tbody tr");
    const members = await memberRows.count();

    // Add a member: name, role (arrow keys in the select), party, Enter.
    await tabToSelector(page, "#new-member-name");
    await page.keyboard.type("Bo Kristensen");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // Medlem → Borgermedlem
    await page.keyboard.press("Tab");
    await page.keyboard.type("Liste D");
    await page.keyboard.press("Enter");
    await memberRows.nth(members).waitFor();
    const row = memberRows.nth(members);
    assert.equal(await row.locator("input").first().inputValue(), "Bo Kristensen");
    assert.equal(await row.locator("select").inputValue(), "citizen_member");
    assert.equal(await row.locator("input").nth(1).inputValue(), "Liste D");
    assert.equal(await page.evaluate(() => document.activeElement.id), "new-member-name");
    await page.waitForFunction(() => document.querySelector("[data-testid=announcer]")?.textContent.includes("Bo Kristensen"));

    // Create a meeting.
    await tabToSelector(page, "#new-meeting-title");
    await page.keyboard.type("Temamøde om kunstig intelligens");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // Ordinært møde → Temamøde
    await page.keyboard.press("Tab");
    await page.keyboard.type("Byrådssalen");
    await page.keyboard.press("Tab");
    await typeDateTime(page, "2018-02-22T18:00");
    // The planned end follows the start until it is set by hand.
    assert.equal(await page.inputValue("#new-meeting-ends"), "2018-02-22T20:00");
    await tabToSelector(page, "form:has(#new-meeting-title) button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/meetings\/\d+$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Temamøde om kunstig intelligens");
    assert.match(await page.locator(".subtitle").textContent(), /Temamøde · 22\. februar 2018 kl\. 18\.00/);
    assert.equal(await page.inputValue("#meeting-kind"), "theme");
    assert.equal(await page.inputValue("#meeting-place"), "Byrådssalen");

    // Three agenda items, one after another from the same input.
    await tabToSelector(page, "#new-item-title");
    for (const title of ["Velkomst", "Oplæg om algoritmer", "Drøftelse"]) {
      await page.keyboard.type(title);
      await page.keyboard.press("Enter");
      await page.waitForFunction((t) => [...document.querySelectorAll(".agenda .title")].some((e) => e.textContent === t), title);
      assert.equal(await page.evaluate(() => document.activeElement.id), "new-item-title");
    }
    assert.deepEqual(await agenda(page), ["1:Velkomst", "2:Oplæg om algoritmer", "3:Drøftelse"]);

    // Alt+ArrowUp on the focused third item, twice.
    await tabTo(page, () => document.activeElement?.matches(".item-select") &&
      document.activeElement.querySelector(".title")?.textContent === "Drøftelse", undefined, { shift: true });
    await assertVisibleFocus(page, "an agenda item");
    await page.keyboard.press("Alt+ArrowUp");
    await page.waitForFunction(() => document.querySelector(".agenda li:nth-child(2) .title")?.textContent === "Drøftelse");
    assert.deepEqual(await agenda(page), ["1:Velkomst", "2:Drøftelse", "3:Oplæg om algoritmer"]);
    assert.equal(await focusedItemTitle(page), "Drøftelse");
    await page.waitForFunction(() => document.querySelector("[data-testid=announcer]")?.textContent === "Punkt flyttet til nummer 2");

    await page.keyboard.press("Alt+ArrowUp");
    await page.waitForFunction(() => document.querySelector(".agenda li:nth-child(1) .title")?.textContent === "Drøftelse");
    assert.deepEqual(await agenda(page), ["1:Drøftelse", "2:Velkomst", "3:Oplæg om algoritmer"]);
    assert.equal(await focusedItemTitle(page), "Drøftelse");
    assert.equal(await page.evaluate(() => document.activeElement.matches(".item-select")), true);
    await page.waitForFunction(() => document.querySelector("[data-testid=announcer]")?.textContent === "Punkt flyttet til nummer 1");

    // Alt+ArrowUp on the first item does nothing.
    await page.keyboard.press("Alt+ArrowUp");
    await page.waitForTimeout(150);
    assert.deepEqual(await agenda(page), ["1:Drøftelse", "2:Velkomst", "3:Oplæg om algoritmer"]);

    // Alt+ArrowDown moves it back down one.
    await page.keyboard.press("Alt+ArrowDown");
    await page.waitForFunction(() => document.querySelector(".agenda li:nth-child(2) .title")?.textContent === "Drøftelse");
    assert.equal(await focusedItemTitle(page), "Drøftelse");

    // The buttons: "Flyt ned" on Drøftelse (now number 2), twice. Focus stays on the moved item.
    await page.keyboard.press("Tab"); // Flyt op
    await page.keyboard.press("Tab"); // Flyt ned
    assert.match(await page.evaluate(() => document.activeElement.textContent), /Flyt ned/);
    await assertVisibleFocus(page, "the Flyt ned button");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".agenda li:nth-child(3) .title")?.textContent === "Drøftelse");
    assert.deepEqual(await agenda(page), ["1:Velkomst", "2:Oplæg om algoritmer", "3:Drøftelse"]);
    // At the bottom its "Flyt ned" is disabled, so focus moved to the item itself.
    assert.equal(await focusedItemTitle(page), "Drøftelse");
    assert.equal(await page.evaluate(() => document.activeElement.matches(".item-select")), true);
    await page.waitForFunction(() => document.querySelector("[data-testid=announcer]")?.textContent === "Punkt flyttet til nummer 3");

    // "Flyt op" on Drøftelse: focus stays on that button, which is still enabled.
    await page.keyboard.press("Tab");
    assert.match(await page.evaluate(() => document.activeElement.textContent), /Flyt op/);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".agenda li:nth-child(2) .title")?.textContent === "Drøftelse");
    assert.deepEqual(await agenda(page), ["1:Velkomst", "2:Drøftelse", "3:Oplæg om algoritmer"]);
    assert.equal(await focusedItemTitle(page), "Drøftelse");
    assert.match(await page.evaluate(() => document.activeElement.textContent), /Flyt op/);

    // Open the item, mark it closed and write a multi-line recommendation; it saves itself.
    await tabTo(page, () => document.activeElement?.matches(".item-select") &&
      document.activeElement.querySelector(".title")?.textContent === "Drøftelse", undefined, { shift: true });
    await page.keyboard.press("Enter");
    await page.getByTestId("item-editor").waitFor();
    await tabTo(page, () => document.activeElement?.matches("input[type=radio]"));
    await page.keyboard.press("ArrowRight"); // Åben → Lukket
    await tabTo(page, () => document.activeElement?.id?.endsWith("-recommendation"));
    await page.keyboard.type("Forvaltningen indstiller, at udvalget");
    await page.keyboard.press("Enter");
    await page.keyboard.type("1. drøfter sagen");
    await page.waitForFunction(() => document.querySelector(".save-status")?.textContent.includes("Gemmer"));
    await waitSaved(page);
    assert.match(await page.locator(".save-status").textContent(), /Alle ændringer er gemt/);
    assert.deepEqual(
      await page.$$eval(".agenda .openness", (e) => e.map((x) => x.textContent)),
      ["(Åben)", "(Lukket)", "(Åben)"],
    );

    // Leave by the breadcrumb (keyboard) and come back: the text is stored with its line break.
    await tabTo(page, () => document.activeElement?.matches(".breadcrumbs a") &&
      document.activeElement.textContent.startsWith("Opgaveudvalget"), undefined, { shift: true, max: 120 });
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/committees\/\d+$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    await tabTo(page, () => document.activeElement?.textContent === "Temamøde om kunstig intelligens");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/meetings\/\d+$/);
    await page.locator(".agenda li").nth(2).waitFor();
    assert.deepEqual(await agenda(page), ["1:Velkomst", "2:Drøftelse", "3:Oplæg om algoritmer"]);
    await page.locator(".item-select").nth(1).focus();
    await page.keyboard.press("Enter");
    const recommendation = page.locator("textarea[id$=-recommendation]");
    assert.equal(await recommendation.inputValue(), "Forvaltningen indstiller, at udvalget\n1. drøfter sagen");
    assert.equal(await page.locator("input[type=radio][value=closed]").isChecked(), true);

    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("drag and drop with the handle reorders the agenda", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    await openDemoMeeting(page);
    await page.locator(".agenda li").first().waitFor();
    const before = await agenda(page);
    // The demo temamøde has five items.
    assert.equal(before.length, 5);

    // Both ends of the drag must be on screen.
    await page.locator(".agenda").evaluate((e) => e.scrollIntoView({ block: "center" }));
    await page.getByTestId("drag-handle").nth(0).dragTo(page.locator(".agenda li").nth(2));
    await page.waitForFunction(
      (t) => document.querySelector(".agenda li:nth-child(3) .title")?.textContent === t,
      before[0].slice(2),
    );
    const after = await agenda(page);
    assert.deepEqual(after.map((s) => s.slice(2)), [before[1], before[2], before[0], before[3], before[4]].map((s) => s.slice(2)));
    assert.deepEqual(after.map((s) => s[0]), ["1", "2", "3", "4", "5"]);
    // The core has the new order.
    const meetingId = Number(/#\/meetings\/(\d+)$/.exec(page.url())[1]);
    const { items } = await core(page, "get_meeting", { id: meetingId });
    assert.deepEqual(items.map((i) => `${i.number}:${i.title}`), after);
    await page.waitForFunction(() => document.querySelector("[data-testid=announcer]")?.textContent === "Punkt flyttet til nummer 3");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("status moves one step at a time; the minutes are approved by a member and lock the meeting", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    await openDemoMeeting(page);
    const meetingId = Number(/#\/meetings\/(\d+)$/.exec(page.url())[1]);
    const status = page.getByTestId("meeting-status");
    await status.waitFor();
    assert.equal(await status.textContent(), "Kladde");
    assert.equal(await page.getByRole("button", { name: /^Tilbage til/ }).count(), 0);

    for (const step of ["Dagsorden udsendt", "I gang", "Afsluttet"]) {
      await page.getByRole("button", { name: `Skift status til ${step}` }).click();
      await page.waitForFunction((s) => document.querySelector("[data-testid=meeting-status]")?.textContent === s, step);
      assert.equal((await page.locator(".steps [aria-current=step]").textContent()).replace(/^\W+/, "").trim(), step);
    }
    // Approval is not a status change: it is done by a member on the minutes page.
    assert.equal(await page.getByRole("button", { name: /^Skift status/ }).count(), 0);
    await page.getByRole("link", { name: "Referat, godkendelse og eksport" }).click();
    await page.waitForURL(/#\/meetings\/\d+\/minutes$/);
    await page.getByRole("heading", { level: 1, name: /^Referat: / }).waitFor();

    // Keyboard: one member sends apologies, then the chair approves.
    const apologies = page.locator("input[type=radio][value=apologies]").nth(1);
    await apologies.focus();
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.querySelectorAll("input[type=radio][value=apologies]")[1]?.checked);
    await page.locator("#approver").focus();
    assert.match(await page.locator("#approver option:checked").textContent(), /Formand/);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Godkend referatet");
    await page.keyboard.press("Enter");
    await page.getByTestId("approvals").waitFor();
    assert.match(await page.getByTestId("approvals").textContent(), /\(Formand\), \d{1,2}\. [a-z]+ \d{4} kl\. \d{2}\.\d{2}/);
    assert.match(await page.locator(".fingerprint code").textContent(), /^[0-9a-f]{64}$/);
    assert.match(await page.locator(".locked-note").textContent(), /godkendt og låst/);
    // Attendance is locked with the minutes.
    assert.equal(await page.locator("input[type=radio][value=present]").first().isDisabled(), true);

    await page.getByRole("button", { name: "Kontrollér referatet" }).click();
    assert.equal((await page.getByTestId("verify-result").textContent()).trim(), "✓ Referatet er uændret siden godkendelsen.");

    // An amendment needs a reason; with one it is recorded and listed.
    await page.locator("#amend-item").selectOption({ index: 1 });
    await page.locator("#amend-text").fill("Udvalget drøftede sagen og bad om et kommissorium.");
    await page.getByRole("button", { name: "Registrér rettelse" }).click();
    await page.locator("#amend-error").waitFor();
    assert.match(await page.locator("#amend-error").textContent(), /Skriv en begrundelse for rettelsen/);
    assert.equal(await page.locator("#amend-reason").getAttribute("aria-invalid"), "true");
    await page.locator("#amend-reason").fill("Skrivefejl i beslutningen");
    await page.getByRole("button", { name: "Registrér rettelse" }).click();
    await page.getByTestId("amendments").waitFor();
    assert.match(await page.getByTestId("amendments").textContent(), /Skrivefejl i beslutningen/);

    // Export goes through the core (the save dialog is native, scripted here); the result is
    // reported and the file is a DOCX.
    const { dir } = await hostWorkspace(page);
    const exported = [join(dir, `referat-${meetingId}.docx`), join(dir, `referat-${meetingId}-en.docx`)];
    await scriptDialogs(page, [{ save: exported[0] }]);
    await page.locator("#export-format").selectOption("docx");
    await page.getByRole("button", { name: "Eksportér …" }).click();
    await page.getByTestId("export-result").filter({ hasText: exported[0] }).waitFor();
    assert.match(await page.getByTestId("export-result").textContent(), /^Gemt: .*referat-\d+\.docx$/);
    assert.equal((await readFile(exported[0])).subarray(0, 2).toString(), "PK", "a DOCX is a zip file");
    // Documents are Danish unless the secretary chooses English for this export.
    await scriptDialogs(page, [{ save: exported[1] }]);
    await page.getByRole("radio", { name: "English" }).check();
    await page.getByRole("button", { name: "Eksportér …" }).click();
    await page.getByTestId("export-result").filter({ hasText: exported[1] }).waitFor();
    const [da, en] = exported.map(docxText);
    assert.match(da, /Referat af møde i Opgaveudvalget for digitalisering og teknologi/);
    assert.doesNotMatch(da, /Minutes of the meeting/);
    assert.match(en, /Minutes of the meeting of Opgaveudvalget for digitalisering og teknologi/);
    assert.doesNotMatch(en, /Referat af møde/);

    // Back on the meeting page everything is locked.
    await page.getByRole("link", { name: "Tilbage til mødet og dagsordenen" }).click();
    await page.waitForURL(/#\/meetings\/\d+$/);
    await status.waitFor();
    assert.equal(await status.textContent(), "Referat godkendt");
    assert.equal(await page.getByRole("button", { name: /^Skift status/ }).count(), 0);
    assert.equal(await page.getByRole("button", { name: /^Tilbage til/ }).count(), 0);
    assert.equal(await page.locator("#meeting-title").getAttribute("readonly"), "");
    assert.equal(await page.locator("#meeting-kind").isDisabled(), true);
    assert.equal(await page.locator("#new-item-title").count(), 0);
    assert.equal(await page.getByTestId("drag-handle").count(), 0);
    assert.match(await page.locator(".locked-note").textContent(), /Referatet er godkendt/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the language menu switches to English by keyboard and remembers it", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("heading", { level: 1, name: "Velkommen til Pejling" }).waitFor();
    await tabTo(page, () => document.activeElement?.classList.contains("lang-trigger"));
    await page.keyboard.press("Enter");
    await page.getByRole("menuitemradio").first().waitFor();
    // Arrow keys move within the menu; Enter chooses.
    for (let i = 0; i < 3; i++) {
      if (await page.evaluate(() => document.activeElement?.textContent?.includes("English"))) break;
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Welcome to Pejling" }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.evaluate(() => localStorage.getItem("pejling.lang")), "en");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Welcome to Pejling" }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("text at 200 %: the page does not scroll sideways", async () => {
  const { page, context, errors } = await newPage(browser, server.url, { viewport: { width: 1280, height: 900 } });
  try {
    await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    await openDemoMeeting(page);
    await page.locator(".item-select").nth(1).click();
    await page.getByTestId("item-editor").waitFor();
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the window at 200 % text`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("who is writing: asked on the first run, changed in the header, by keyboard alone", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("heading", { level: 1, name: "Velkommen til Pejling" }).waitFor();
    const who = page.getByTestId("identity");
    await who.waitFor();
    assert.equal((await who.locator(".who").textContent()).trim(), "Hvem skriver? Ikke angivet");
    assert.equal(await core(page, "get_identity"), null);

    // The first run's form: without a name it is refused at the field.
    await tabToSelector(page, "#first-identity-name");
    await assertVisibleFocus(page, "the name field");
    await page.keyboard.press("Enter");
    await page.locator("#first-identity-name-error").waitFor();
    assert.equal(await page.getAttribute("#first-identity-name", "aria-invalid"), "true");
    await page.keyboard.type("Mette Jensen");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "first-identity-role");
    assert.equal(await page.inputValue("#first-identity-role"), "secretary");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Gem");
    await assertVisibleFocus(page, "the save button");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=announcer]")?.textContent.includes("Du skriver nu som Mette Jensen (Sekretær)."),
    );
    await page.getByTestId("identity-first-run").waitFor({ state: "detached" });
    assert.equal((await who.locator(".who").textContent()).trim(), "Du skriver som Mette Jensen (Sekretær)");
    assert.deepEqual(await core(page, "get_identity"), { name: "Mette Jensen", role: "secretary" });

    // The header's control: a disclosure; Escape closes it and gives focus back.
    const toggle = who.getByRole("button", { name: "Skift" });
    await tabTo(page, () => document.activeElement?.closest("[data-testid=identity]") && document.activeElement.tagName === "BUTTON");
    await assertVisibleFocus(page, "the header's change button");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await page.keyboard.press("Enter");
    await page.locator("#header-identity-name").waitFor();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.equal(await page.inputValue("#header-identity-name"), "Mette Jensen");
    await page.keyboard.press("Escape");
    await page.locator("#header-identity-name").waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Skift");

    // Changed: another name and role (arrow keys in the select), saved with Enter.
    await page.keyboard.press("Enter");
    await tabToSelector(page, "#header-identity-name");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("Mette Jensen Holm");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // Sekretær → Embedsperson
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator("#header-identity-name").waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Skift");
    assert.equal((await who.locator(".who").textContent()).trim(), "Du skriver som Mette Jensen Holm (Embedsperson)");
    assert.deepEqual(await core(page, "get_identity"), { name: "Mette Jensen Holm", role: "official" });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
