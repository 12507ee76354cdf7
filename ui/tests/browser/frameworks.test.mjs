// The frameworks where they matter, on the real core, by keyboard: the library marks the
// English beside the Danish as a translation and filters; a committee adopts a pejlemærke and
// writes one of its own; an agenda item is weighed against both; the walk and the room's
// screen show them, and TESK's "Hvad vil du belyse?" over the perspective; the question sets
// credit their models' authors. axe-clean.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, core, describeViolations, launchBrowser, newPage, serveDist, tabToSelector, waitSaved } from "./helpers.mjs";

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

async function demo(page) {
  await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  // Ready once its heading has the focus (viewReady): keys pressed before would lose it.
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  return Number(new URL(page.url()).hash.split("/").pop());
}

async function assertAxeClean(page, where) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${where}:\n${describeViolations(violations)}`);
}

test("the library: filtered, the translation marked, axe-clean", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.goto(`${server.url}#/frameworks`);
    await page.locator("h1", { hasText: "Rammer og inspiration" }).waitFor();
    await page.locator("#fw-search").fill("Sparringsrummet");
    await page.getByRole("heading", { name: "Sparringsrummet" }).first().waitFor();
    assert.equal(await page.getByText("Mennesket først", { exact: true }).count(), 0, "filtered away");
    await page.locator("#fw-search").fill("");
    await page.getByText("Vis den engelske oversættelse under den danske tekst").click();
    const other = page.locator(".other").first();
    assert.match(await other.textContent(), /^Engelsk oversættelse:/);
    assert.ok(await page.locator(".other-label").first().isVisible(), "the mark is visible, not only to screen readers");
    // No developer notes reach the UI.
    const text = await page.locator("main").textContent();
    for (const note of ["tekstudtræk", "rettet til", "Overskriften står med versaler"]) {
      assert.ok(!text.includes(note), note);
    }
    await assertAxeClean(page, "library");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a committee's own pejlemærke and an adopted one weigh an agenda item, shown in the walk and the room", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committeeId = await demo(page);
    const panel = page.getByTestId("adopted-frameworks");
    await panel.waitFor();

    // Adopt Gentofte's pejlemærke 1 by keyboard.
    const box = panel.getByRole("checkbox", { name: "Teknologi skal frigive ressourcer og skabe borgernær værdi" });
    await box.focus();
    await page.keyboard.press("Space");
    await page.getByTestId("announcer").filter({ hasText: "Vedtaget: Teknologi skal frigive" }).waitFor();

    // Write one of the committee's own: a heading, then its text, saved as typed.
    const own = page.getByTestId("own-frameworks");
    await own.locator("#own-new-bearing").focus();
    await page.keyboard.type("Ingen borger må stå alene med teknologien");
    await page.keyboard.press("Enter");
    await page.getByTestId("announcer").filter({ hasText: "Tilføjet: Ingen borger må stå alene med teknologien" }).waitFor();
    const entry = own.getByTestId("own-entry");
    await entry.waitFor();
    // Focus went to the new entry's text.
    assert.match(await page.evaluate(() => document.activeElement?.id ?? ""), /^own-\d+-text$/);
    await page.keyboard.type("Hjælp skal altid være tæt på.");
    await waitSaved(page);
    const saved = await core(page, "own_framework_entries", { committeeId });
    assert.deepEqual(
      saved.map((e) => [e.kind, e.title, e.text]),
      [["bearing", "Ingen borger må stå alene med teknologien", "Hjælp skal altid være tæt på."]],
    );
    // An empty heading is refused with a Danish message; nothing is added.
    await own.locator("#own-new-principle").focus();
    await page.keyboard.press("Enter");
    await own.getByRole("alert").filter({ hasText: "Titlen må ikke være tom" }).waitFor();
    assert.equal((await core(page, "own_framework_entries", { committeeId })).length, 1);
    await assertAxeClean(page, "committee page with own entries");

    // The temamøde's case item: choose both pejlemærker on the item.
    const committee = await core(page, "get_committee", { id: committeeId });
    const meeting = committee.meetings.find((m) => m.title.startsWith("Temamøde: Algoritmer"));
    const { items } = await core(page, "get_meeting", { id: meeting.id });
    const item = items[1];
    await page.goto(`${server.url}#/meetings/${meeting.id}/items/${item.id}`);
    const bearings = page.getByTestId("item-bearings");
    await bearings.waitFor();
    const lib = bearings.getByRole("checkbox", { name: /Pejlemærke 1: Teknologi skal frigive/ });
    const mine = bearings.getByRole("checkbox", { name: /Ingen borger må stå alene/ });
    await lib.focus();
    await page.keyboard.press("Space");
    await page.getByTestId("announcer").filter({ hasText: "Punktet vurderes nu i forhold til: Pejlemærke 1" }).waitFor();
    await mine.focus();
    await page.keyboard.press("Space");
    await page.getByTestId("announcer").filter({ hasText: "Ingen borger må stå alene" }).waitFor();
    const chosen = await core(page, "item_bearings", { agendaItemId: item.id });
    assert.equal(chosen.chosen.length, 2);
    await assertAxeClean(page, "agenda item with pejlemærker");

    // The walk shows them and TESK's prompt over the perspective.
    await page.goto(`${server.url}#/meetings/${meeting.id}/walk/${item.id}`);
    const walkBearings = page.getByTestId("walk-bearings");
    await walkBearings.waitFor();
    assert.match(await walkBearings.textContent(), /Pejlemærke 1: Teknologi skal frigive/);
    assert.match(await walkBearings.textContent(), /Ingen borger må stå alene med teknologien/);
    await walkBearings.locator("summary", { hasText: "Ingen borger" }).click();
    await walkBearings.getByText("Hjælp skal altid være tæt på.").waitFor();
    assert.equal(await page.getByTestId("walk-prompt").textContent(), "Hvad vil du belyse?");
    await assertAxeClean(page, "walk with pejlemærker");

    // The room's screen, at the same question.
    const room = await context.newPage();
    await room.goto(`${server.url}#/room/${meeting.id}`);
    const roomBearings = room.getByTestId("room-bearings");
    await roomBearings.waitFor();
    assert.match(await roomBearings.textContent(), /Pejlemærke 1: Teknologi skal frigive/);
    assert.equal(await room.getByTestId("room-prompt").textContent(), "Hvad vil du belyse?");
    await assertAxeClean(room, "room with pejlemærker");
    await room.close();

    // The question sets credit their models' authors as the seed does.
    await page.goto(`${server.url}#/question-sets`);
    const credit = page.locator('[data-testid=qset][data-set^="tesk@"]').getByTestId("qset-credit");
    await credit.waitFor();
    assert.match(await credit.textContent(), /Iversen, Ole Sejer og Christian Dindler \(2021\)/);
    const org = page.locator('[data-testid=qset][data-set^="organisation-questions@"]').getByTestId("qset-credit");
    assert.match(await org.textContent(), /Kjær, Ulrik & Opstrup, Niels \(2016\)/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a hostile heading of the committee's own pejlemærke stays text on the item, in the walk and in the room", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committeeId = await demo(page);
    const hostile = `<img src=x onerror="window.__pwned=1"> & "citat"`;
    const own = await core(page, "add_own_framework_entry", { committeeId, kind: "bearing", title: hostile, text: "<b>fed</b>" });
    const committee = await core(page, "get_committee", { id: committeeId });
    const meeting = committee.meetings.find((m) => m.title.startsWith("Temamøde: Algoritmer"));
    const { items } = await core(page, "get_meeting", { id: meeting.id });
    await core(page, "set_item_bearing", { agendaItemId: items[1].id, key: `own/${own.id}`, chosen: true });
    const views = [
      [`#/committees/${committeeId}`, "own-frameworks"],
      [`#/meetings/${meeting.id}/items/${items[1].id}`, "item-bearings"],
      [`#/meetings/${meeting.id}/walk/${items[1].id}`, "walk-bearings"],
      [`#/room/${meeting.id}`, "room-bearings"],
    ];
    for (const [hash, testId] of views) {
      await page.goto(`${server.url}${hash}`);
      // The committee page may already be showing (a change of hash alone reloads nothing):
      // load it afresh, with the entry added through the core above.
      await page.reload();
      const where = page.getByTestId(testId);
      await where.waitFor();
      if (testId === "own-frameworks") {
        assert.equal(await where.locator("input[id$=-title]").inputValue(), hostile);
      } else {
        assert.ok((await where.textContent()).includes(hostile), `${testId} shows the heading as typed`);
      }
      assert.equal(await where.locator("img, b").count(), 0, `${testId}: no markup made`);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
