// Meeting packages on the real core (test host): the meeting page's panel exports a real
// .pejling file through the scripted save dialog (open items only unless asked) and the merge
// review reads a return package through the scripted open dialog, lists the changes made
// elsewhere and each conflict with its own choice; merging is refused until every conflict is
// chosen, all by keyboard alone; package text stays text; axe-core passes in Danish and in
// English. The return package is built from the exported file as a second machine would write
// it (based on the export, with its records as the base). (The merge on two real databases is
// tests/packages.rs.)

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  axe,
  core,
  describeViolations,
  hostWorkspace,
  launchBrowser,
  newPage,
  scriptDialogs,
  serveDist,
  tabToSelector,
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

const TEXT = {
  da: {
    demo: "Opret demo-arbejdsområde",
    export: "Eksportér mødepakke",
    mergeLink: "Flet mødepakke ind",
    pick: "Vælg mødepakke …",
    submit: "Flet ind",
    saved: "Mødepakken er gemt: ",
    unresolved: "er ikke afgjort",
    merged: "Flettet ind: 2 ændringer, 2 konflikter afgjort.",
  },
  en: {
    demo: "Create demo workspace",
    export: "Export meeting package",
    mergeLink: "Merge a meeting package",
    pick: "Choose meeting package …",
    submit: "Merge",
    saved: "The meeting package is saved: ",
    unresolved: "are not resolved",
    merged: "Merged: 2 changes, 2 conflicts resolved.",
  },
};

async function assertNoViolations(page, what) {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

const MINE_AT_EXPORT = "Forvaltningen uddyber datagrundlaget.";
const MINE_AFTER = "Rettet her efter eksporten: datagrundlaget er hjemmeplejens journaler.";
const THEIRS_NOTE = "Rettet på mødelokalets pc: kun data, borgeren har givet samtykke til.";
const PILOT_NOTE = "Udvalget ønsker en <b>pilot</b> i ét distrikt.";

/** The demo's temamøde, its case item, two of its steps (a question and a continuum) and two
 *  politicians. */
async function demoMeeting(page) {
  const [committee] = await core(page, "list_committees");
  const detail = await core(page, "get_committee", { id: committee.id });
  const meeting = detail.meetings.find((m) => m.title.startsWith("Temamøde: Algoritmer"));
  const items = (await core(page, "get_meeting", { id: meeting.id })).items;
  const item = items.find((i) => i.title === "Algoritmer til forebyggelse af fald hos ældre borgere");
  const walk = await core(page, "get_walk", { itemId: item.id });
  const noteSteps = walk.steps.filter((s) => !s.is_continuum).slice(0, 2);
  const continuum = walk.steps.find((s) => s.is_continuum);
  const chair = detail.members.find((m) => m.role === "chair");
  const vice = detail.members.find((m) => m.role === "vice_chair");
  return { meeting, items, item, noteSteps, continuum, chair, vice };
}

/** The return package a second machine writes after importing `exported` and working on it. */
function returnPackage(exported, demo) {
  const person = (name) => exported.people.find((x) => x.name === name).uuid;
  const item = exported.items.find((i) => i.title === demo.item.title).uuid;
  const stepOf = (s) => ({ item, set_id: s.set_id, question_id: s.question.id });
  const at = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const records = structuredClone(exported.records);
  const note = records.notes.find((n) => n.item === item && n.question_id === demo.noteSteps[0].question.id);
  Object.assign(note, { text: THEIRS_NOTE, updated_at: at, by: "Sofie Ibsen" });
  records.notes.push({ ...stepOf(demo.noteSteps[1]), text: PILOT_NOTE, updated_at: at, by: "Mette Skovgaard" });
  const position = records.positions.find((x) => x.item === item && x.person === person(demo.chair.name));
  Object.assign(position, { value: 70, updated_at: at });
  records.positions.push({ ...stepOf(demo.continuum), person: person(demo.vice.name), value: 55, skip_reason: null, updated_at: at });
  return {
    ...exported,
    package_id: randomUUID(),
    source: "Mødelokalets pc",
    exported_by: "Sofie Ibsen",
    exported_at: at,
    based_on: exported.package_id,
    records,
    base: exported.records,
  };
}

async function activeText(page) {
  return (await page.evaluate(() => document.activeElement?.textContent ?? "")).trim();
}

for (const lang of ["da", "en"]) {
  test(`export and merge review of a meeting package by keyboard, with axe (${lang})`, async () => {
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      const text = TEXT[lang];
      await page.getByRole("button", { name: text.demo }).click();
      await page.waitForURL(/#\/committees\/\d+$/);
      const demo = await demoMeeting(page);
      const meetingId = demo.meeting.id;
      // What was noted here before the export: a note and a position.
      await core(page, "save_step_note", { itemId: demo.item.id, step: demo.noteSteps[0].index, text: MINE_AT_EXPORT });
      await core(page, "set_position", { itemId: demo.item.id, step: demo.continuum.index, personId: demo.chair.person_id, input: { value: 40 } });
      await page.goto(`${server.url}#/meetings/${meetingId}`);
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
      const { dir } = await hostWorkspace(page);
      const openOnly = join(dir, "algoritmer.pejling");
      const withClosed = join(dir, "algoritmer-alle.pejling");
      await scriptDialogs(page, [{ save: openOnly }, { save: withClosed }]);

      // Export: open items only by default, closed ones when asked.
      await tabToSelector(page, "section[aria-labelledby=package-heading] button.btn-primary", { max: 300 });
      assert.equal(await activeText(page), text.export);
      await page.keyboard.press("Enter");
      const result = page.getByTestId("package-result");
      await result.waitFor();
      assert.ok((await result.textContent()).startsWith(text.saved));
      await page.getByTestId("package-include-closed").focus();
      await page.keyboard.press("Space");
      await page.locator("section[aria-labelledby=package-heading] button.btn-primary").focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction((path) => document.querySelector("[data-testid=package-result]")?.textContent.includes(path), withClosed);
      assert.equal(await result.textContent(), `${text.saved}${withClosed}`);
      // The files written: a meeting package of this meeting, open items only, then all.
      const exported = JSON.parse(await readFile(openOnly, "utf8"));
      const all = JSON.parse(await readFile(withClosed, "utf8"));
      const closed = demo.items.filter((i) => i.openness === "closed").length;
      assert.ok(closed > 0, "the demo's temamøde has a closed item");
      for (const p of [exported, all]) {
        assert.equal(p.format, "pejling-meeting-package");
        assert.equal(p.meeting.title, demo.meeting.title);
      }
      assert.equal(exported.closed_items_left_out, closed);
      assert.equal(exported.items.length, demo.items.length - closed);
      assert.equal(all.closed_items_left_out, 0);
      assert.equal(all.items.length, demo.items.length);
      assert.ok(exported.records.notes.some((n) => n.text === MINE_AT_EXPORT));
      await assertNoViolations(page, "meeting page with the package panel");

      // Both sides work on: here the note and the position change after the export, there the
      // same note and position differently (conflicts), and a new note and position (changes).
      await core(page, "save_step_note", { itemId: demo.item.id, step: demo.noteSteps[0].index, text: MINE_AFTER });
      await core(page, "set_position", { itemId: demo.item.id, step: demo.continuum.index, personId: demo.chair.person_id, input: { value: 30 } });
      const back = join(dir, "algoritmer-retur.pejling");
      await writeFile(back, JSON.stringify(returnPackage(exported, demo), null, 2), "utf8");
      const note0 = () => core(page, "step_note", { itemId: demo.item.id, step: demo.noteSteps[0].index });

      // To the merge review, by keyboard.
      await tabToSelector(page, `a[href="#/meetings/${meetingId}/package"]`, { max: 300 });
      await page.keyboard.press("Enter");
      await page.waitForURL(/#\/meetings\/\d+\/package$/);
      // The view is ready once its heading has the focus (viewReady, after the meeting's title
      // is loaded): tabbing before that would lose the focus to the heading.
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
      await assertNoViolations(page, "merge review before a package is chosen");
      await tabToSelector(page, "main button.btn-primary", { max: 100 });
      assert.equal(await activeText(page), text.pick);
      await scriptDialogs(page, [{ pick: back }]);
      await page.keyboard.press("Enter");
      await page.getByTestId("package-changes").waitFor();
      assert.equal(await page.getByTestId("package-changes").locator("li").count(), 2);
      assert.equal(await page.getByTestId("package-conflict").count(), 2);
      // Package text is text: the note's markup is shown, never rendered.
      const changes = page.getByTestId("package-changes");
      assert.ok((await changes.textContent()).includes("<b>pilot</b>"));
      assert.equal(await changes.locator("b").count(), 0);
      // Each change says who made it there.
      assert.ok((await changes.textContent()).includes("Mette Skovgaard"));
      assert.ok((await page.getByTestId("package-conflict").nth(0).textContent()).includes("Sofie Ibsen"));
      // A note allows three choices, a position two.
      assert.equal(await page.getByTestId("package-conflict").nth(0).locator("input[type=radio]").count(), 3);
      assert.equal(await page.getByTestId("package-conflict").nth(1).locator("input[type=radio]").count(), 2);
      await assertNoViolations(page, "merge review with changes and conflicts");

      // Nothing chosen: refused, and the page says why.
      await tabToSelector(page, "main form button[type=submit]", { max: 100 });
      assert.equal(await activeText(page), text.submit);
      await page.keyboard.press("Enter");
      await page.getByRole("alert").waitFor();
      assert.ok((await page.getByRole("alert").textContent()).includes(text.unresolved));
      assert.equal(await note0(), MINE_AFTER, "nothing was merged");
      await assertNoViolations(page, "merge review with the refusal");

      // Keep both notes (third radio), take their position (second radio), by keyboard.
      await page.getByTestId("package-conflict").nth(0).locator("input[type=radio]").nth(2).focus();
      await page.keyboard.press("Space");
      await page.getByTestId("package-conflict").nth(1).locator("input[type=radio]").nth(1).focus();
      await page.keyboard.press("Space");
      await page.locator("main form button[type=submit]").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("package-merge-result").waitFor();
      assert.equal(await page.getByTestId("package-merge-result").textContent(), text.merged);
      // In the database: both notes kept, their position taken, the changes applied.
      assert.equal(await note0(), `${MINE_AFTER}\n\n${THEIRS_NOTE}`);
      assert.equal(await core(page, "step_note", { itemId: demo.item.id, step: demo.noteSteps[1].index }), PILOT_NOTE);
      await core(page, "set_positions_named", { meetingId, named: true });
      const positions = await core(page, "reveal_positions", { itemId: demo.item.id, step: demo.continuum.index });
      const valueOf = (m) => positions.values.find((v) => v.person_id === m.person_id)?.value;
      assert.equal(valueOf(demo.chair), 70);
      assert.equal(valueOf(demo.vice), 55);
      await assertNoViolations(page, "merge review after the merge");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
