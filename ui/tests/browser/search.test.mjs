// The one search box (issue 5): reached with Ctrl+K or "/", results with kind, place and a
// snippet whose matched words are <mark>ed (as text), closed items marked, the count
// announced, and Enter on a hit opens its place — the committee, the meeting, the agenda item
// in the editor, a walk note or question at its step. All by keyboard alone.
// A word that is nowhere in the workspace offers "Mente du: …?" (issue 20), a link to the corrected search.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, core, describeViolations, launchBrowser, newPage, serveDist, tabTo } from "./helpers.mjs";

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

const announced = (page, text) =>
  page.waitForFunction((t) => document.querySelector("[data-testid=announcer]")?.textContent.includes(t), text);

async function demo(page) {
  await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
}

/** Searches by keyboard: Ctrl+K, the words, Enter; waits for the results view. */
async function search(page, words) {
  await page.keyboard.press("Control+k");
  assert.equal(await page.evaluate(() => document.activeElement.id), "global-search");
  await page.keyboard.type(words);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.hash.startsWith("#/search?"));
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
}

/** The hits as { kind, link, where, snippet, marks, closed, href }. */
function hits(page) {
  return page.$$eval("[data-testid=search-results] > li", (items) =>
    items.map((li) => ({
      kind: li.dataset.kind,
      link: li.querySelector("a").textContent.replace(/\s+/g, " ").trim(),
      href: li.querySelector("a").getAttribute("href"),
      where: li.querySelector(".where")?.textContent ?? "",
      snippet: li.querySelector(".snippet")?.textContent.trim() ?? "",
      marks: [...li.querySelectorAll(".snippet mark")].map((m) => m.textContent),
      // Only text and <mark> in a snippet: nothing else is ever made from the data.
      elements: [...li.querySelectorAll(".snippet *")].map((e) => e.tagName),
      closed: li.querySelector("[data-testid=closed-tag]")?.textContent ?? null,
    })),
  );
}

test("search by keyboard: results, marks, count announced, Enter opens the place", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await demo(page);
    const committeeHash = new URL(page.url()).hash;
    await search(page, "fald");
    assert.equal(new URL(page.url()).hash, "#/search?q=fald");
    assert.equal(await page.locator("h1").textContent(), "Søgning: »fald«");
    // The box keeps the words; the count is shown and announced.
    assert.equal(await page.inputValue("#global-search"), "fald");
    const found = await hits(page);
    const count = await page.getByTestId("search-count").textContent();
    assert.equal(count, `${found.length} resultater.`);
    await announced(page, count);

    // The meeting's title has "fald" as a word; the item's summary too.
    const meeting = found.find((h) => h.kind === "meeting");
    assert.ok(meeting, JSON.stringify(found));
    assert.equal(meeting.link, "Møde: Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere");
    assert.equal(meeting.where, "Udvalg: Opgaveudvalget for digitalisering og teknologi");
    const item = found.find((h) => h.kind === "agenda_item");
    assert.ok(item, JSON.stringify(found));
    assert.equal(item.link, "Dagsordenspunkt: Algoritmer til forebyggelse af fald hos ældre borgere");
    assert.equal(
      item.where,
      "Punkt 2 · Møde: Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere · Udvalg: Opgaveudvalget for digitalisering og teknologi",
    );
    for (const h of found) {
      assert.ok(h.marks.length > 0, `a hit without a marked word: ${JSON.stringify(h)}`);
      // "fald" as written, or a word with its Danish stem ("falder" in the demo's notat).
      for (const m of h.marks) assert.match(m.toLocaleLowerCase("da"), /^fald(er|et|ene|enes)?$/);
      assert.ok(h.elements.every((tag) => tag === "MARK"), JSON.stringify(h.elements));
      assert.equal(h.closed, null);
    }

    // Tab from the heading to the first hit, Enter: its place opens.
    await tabTo(page, () => document.activeElement?.matches("[data-testid=search-results] a") ?? false);
    const first = await page.evaluate(() => document.activeElement.getAttribute("href"));
    assert.equal(first, found[0].href);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash === first);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");

    // A committee is found by its name and opens the committee.
    await search(page, "opgaveudvalget");
    const committee = (await hits(page)).find((h) => h.kind === "committee");
    assert.equal(committee?.href, committeeHash);

    // Nothing found: said so, and announced.
    await search(page, "xylofon");
    assert.equal(await page.getByTestId("search-count").textContent(), "Ingen resultater.");
    await announced(page, "Ingen resultater.");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("an agenda item opens in the editor, a note at its step, a closed item is marked", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await demo(page);
    // A word only the temamøde's case item (the one with a walk) has, in its background.
    await search(page, "væskeindtag");
    let found = await hits(page);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].kind, "agenda_item");
    assert.equal(found[0].link, "Dagsordenspunkt: Algoritmer til forebyggelse af fald hos ældre borgere");
    assert.deepEqual(found[0].marks, ["væskeindtag"]);
    assert.match(found[0].snippet, /Kombineret med nye data, fx om væskeindtag, kan data måske bruges/);

    await tabTo(page, () => document.activeElement?.matches("[data-testid=search-results] a") ?? false);
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/meetings\/\d+\/items\/\d+$/);
    const [, meetingId, itemId] = /#\/meetings\/(\d+)\/items\/(\d+)$/.exec(page.url()).map(Number);
    const editor = page.getByTestId("item-editor");
    await editor.waitFor();
    // Focus lands on the editor of that item.
    await page.waitForFunction((id) => document.activeElement?.id === `item-${id}-heading`, itemId);
    assert.equal(await page.inputValue(`#item-${itemId}-title`), "Algoritmer til forebyggelse af fald hos ældre borgere");

    // A note taken at the walk's third step is found and opens the walk's summary there.
    await core(page, "save_step_note", { itemId, step: 2, text: "Borgerpanelet ønsker en samtykkeerklæring på let dansk." });
    await search(page, "samtykkeerklæring");
    found = await hits(page);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].kind, "note");
    assert.equal(found[0].link, "Note: Algoritmer til forebyggelse af fald hos ældre borgere");
    assert.equal(found[0].href, `#/meetings/${meetingId}/walk/${itemId}/summary?step=2`);
    assert.equal(found[0].snippet, "Borgerpanelet ønsker en samtykkeerklæring på let dansk.");
    await tabTo(page, () => document.activeElement?.matches("[data-testid=search-results] a") ?? false);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash === found[0].href);
    await page.waitForFunction(() => document.activeElement?.id === "summary-step-2");

    // A question to the administration raised at the walk's second step opens there too.
    await core(page, "add_question_to_administration", { itemId, step: 1, text: "Hvad koster en sensorpakke pr. borger?", askedBy: null });
    await search(page, "sensorpakke");
    found = await hits(page);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].kind, "follow_up");
    assert.equal(found[0].link, "Opfølgningspunkt: Algoritmer til forebyggelse af fald hos ældre borgere");
    assert.equal(found[0].href, `#/meetings/${meetingId}/walk/${itemId}/summary?step=1`);

    // A closed (Lukket) item is found, and marked as closed.
    await core(page, "update_agenda_item", { id: itemId, patch: { openness: "closed" } });
    await search(page, "væskeindtag");
    found = await hits(page);
    assert.equal(found[0].closed, "Lukket punkt");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a mistyped word offers 'Mente du: …?', a link that runs the corrected search", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await demo(page);
    // "forbyggelse" is in no text of the demo; "forebyggelse" (one letter more) is.
    await search(page, "forbyggelse");
    assert.equal(await page.getByTestId("search-count").textContent(), "Ingen resultater.");
    const suggestion = page.getByTestId("search-suggestion");
    assert.equal((await suggestion.textContent()).trim(), "Mente du: forebyggelse?");
    assert.equal(await page.getByRole("link", { name: "Mente du: forebyggelse?" }).count(), 1);
    await announced(page, "Ingen resultater. Mente du: forebyggelse?");
    const violations = await axe(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    // By keyboard: Tab from the heading to the suggestion, Enter runs the corrected search.
    await tabTo(page, () => document.activeElement?.dataset.testid === "search-suggestion");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash === "#/search?q=forebyggelse");
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.equal(await page.locator("h1").textContent(), "Søgning: »forebyggelse«");
    assert.equal(await page.inputValue("#global-search"), "forebyggelse");
    const found = await hits(page);
    assert.ok(found.length > 0, "the corrected search finds something");
    assert.ok(found.some((h) => h.marks.some((m) => m.toLocaleLowerCase("da") === "forebyggelse")), JSON.stringify(found));
    assert.equal(await page.getByTestId("search-suggestion").count(), 0, "no suggestion when something is found");

    // A word with no near word in the workspace gets no suggestion.
    await search(page, "xylofon");
    assert.equal(await page.getByTestId("search-count").textContent(), "Ingen resultater.");
    assert.equal(await page.getByTestId("search-suggestion").count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("'Did you mean' in English", async () => {
  const { page, context, errors } = await newPage(browser, server.url, { lang: "en" });
  try {
    await page.getByRole("button", { name: "Create demo workspace" }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    await search(page, "forbyggelse");
    assert.equal((await page.getByTestId("search-suggestion").textContent()).trim(), "Did you mean: forebyggelse?");
    const violations = await axe(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("'/' reaches the search box from the page but is typed in text fields", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await demo(page);
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement.id), "global-search");
    assert.equal(await page.inputValue("#global-search"), "");
    // In a text field "/" is a character.
    await page.locator("#new-member-name").focus();
    await page.keyboard.type("A/S");
    assert.equal(await page.inputValue("#new-member-name"), "A/S");
    assert.equal(await page.evaluate(() => document.activeElement.id), "new-member-name");
    // An empty search goes nowhere.
    await page.keyboard.press("Control+k");
    await page.keyboard.press("Enter");
    assert.ok(!page.url().includes("#/search"));
    assert.equal(await page.evaluate(() => document.activeElement.id), "global-search");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
