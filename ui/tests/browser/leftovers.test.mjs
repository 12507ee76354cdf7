// No Danish leftovers in the English UI and no English leftovers in the Danish UI: every view
// is rendered in one language and its visible text is searched for phrases that exist only in
// the other language's catalogue. (static-text.test.mjs already forbids text outside the
// catalogues; this catches a view that shows a message in the wrong language, e.g. a label
// that does not follow the language switch or an error that bypasses the catalogue.)

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { core, launchBrowser, newPage, serveDist, UI_DIR } from "./helpers.mjs";

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

const CATALOGUES = ["ui.ftl", "core.ftl"];

/** The literal text pieces of a Fluent catalogue: values with placeables cut out. */
async function phrases(lang) {
  const out = new Set();
  for (const file of CATALOGUES) {
    const source = await readFile(join(UI_DIR, "..", "assets", "i18n", lang, file), "utf8");
    for (const raw of source.split("\n")) {
      if (/^\s*#/.test(raw) || !raw.trim()) continue;
      const value = raw
        .replace(/^[a-z][a-z0-9_-]*\s*=\s*/i, "")
        .replace(/^\s*\.[a-z][a-z0-9_-]*\s*=\s*/i, "")
        .replace(/^\s*\*?\[[^\]]*\]\s*/, "");
      for (const piece of value.split(/\{[^}]*\}?/)) {
        const p = piece.trim().replace(/\s+/g, " ");
        // Phrases of two or more words: single words (names, "OK", "Pejling") are often the
        // same in both languages or appear in user data.
        if (p.length >= 12 && p.includes(" ")) out.add(p);
      }
    }
  }
  return out;
}

/** Phrases in `lang`'s catalogues that the other language never uses. */
async function onlyIn(lang, other) {
  const mine = await phrases(lang);
  const theirs = await phrases(other);
  return [...mine].filter((p) => !theirs.has(p));
}

/**
 * Every text of the workspace's own data (the demo is written in Danish whatever the UI's
 * language), as one string with whitespace flattened: what the core returns for the
 * committees, their meetings and items, the annual cycle, the projects and the follow-ups.
 */
async function workspaceData(page) {
  const texts = [];
  const collect = (value) => {
    if (typeof value === "string") texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  for (const committee of await core(page, "list_committees")) {
    const detail = await core(page, "get_committee", { id: committee.id });
    collect(detail);
    for (const meeting of detail.meetings) collect(await core(page, "get_meeting", { id: meeting.id }));
    collect(await core(page, "list_cycle_entries", { committeeId: committee.id }));
    collect(await core(page, "follow_up_list", { committeeId: committee.id }));
  }
  for (const project of await core(page, "list_projects", { committeeId: null })) {
    collect(await core(page, "get_project", { id: project.id }));
  }
  return texts.join("\n").replace(/\s+/g, " ");
}

/** Visits every view of the demo workspace in `lang`; returns [view, visible text] pairs. */
async function visitAll(page, lang) {
  const seen = [];
  const take = async (view) => seen.push([view, await page.evaluate(() => document.body.innerText)]);
  const da = lang === "da";
  await page.getByRole("heading", { level: 1 }).waitFor();
  await take("welcome");
  await page.getByRole("button", { name: da ? "Opret demo-arbejdsområde" : "Create demo workspace" }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  await page.locator("tbody tr").first().waitFor();
  await take("committee");
  const committeeUrl = page.url();
  const ownId = committeeUrl.match(/#\/committees\/(\d+)$/)[1];
  // The committee's and the workspace's other views, each once it has loaded.
  const views = [
    ["follow-ups", `#/committees/${ownId}/follow-ups`, "[data-testid=follow-up-counts]"],
    ["positions over time", `#/committees/${ownId}/positions`, "main h1"],
    ["question sets", "#/question-sets", "[data-testid=qset]"],
    ["backups", "#/backups", "main h1"],
    ["search", "#/search?q=udvalg", "[data-testid=search-count]"],
  ];
  for (const [view, hash, ready] of views) {
    await page.goto(server.url + hash);
    await page.locator(ready).first().waitFor();
    await page.waitForFunction(() => !/Henter …|Loading …/.test(document.body.innerText));
    await take(view);
  }
  await page.goto(committeeUrl);
  await page.locator("tbody tr").first().waitFor();
  const committeeId = page.url().match(/#\/committees\/(\d+)$/)[1];
  await page.goto(server.url + "#/");
  await page.locator("h1").waitFor();
  await page.locator("main a").first().waitFor();
  await take("committee list");
  await page.goBack();
  await page.waitForURL(/#\/committees\/\d+$/);
  // The demo's upcoming temamøde, its case item (the one with a walk plan).
  await page.locator("table").nth(1).getByRole("link", { name: "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere", exact: true }).click();
  await page.waitForURL(/#\/meetings\/(\d+)$/);
  const meetingId = page.url().match(/#\/meetings\/(\d+)$/)[1];
  await page.locator(".item-select", { hasText: "Algoritmer til forebyggelse af fald" }).click();
  await page.getByTestId("walk-plan").waitFor();
  await take("meeting with item editor and walk plan");
  await page.getByTestId("walk-plan").locator("a.btn-primary").click();
  await page.waitForURL(/#\/meetings\/\d+\/walk\/\d+$/);
  await page.getByTestId("walk-where").waitFor();
  await take("walk");
  const walkUrl = page.url();
  await page.goto(walkUrl + "/summary");
  await page.getByTestId("summary-continua").waitFor();
  await take("walk summary");
  await page.goto(`${server.url}#/meetings/${meetingId}/minutes`);
  await page.locator("input[type=radio]").first().waitFor();
  await take("minutes");
  await page.goto(`${server.url}#/room/${meetingId}`);
  await page.getByTestId("room-question").waitFor();
  await take("room");
  await page.goto(`${server.url}#/committees/${committeeId}/cycle`);
  await page.locator("li.entry").first().waitFor();
  await take("annual cycle");
  await page.goto(`${server.url}#/projects`);
  await page.locator("tbody tr").first().waitFor();
  await take("projects");
  await page.locator("tbody tr a").first().click();
  await page.getByTestId("phase-panel").first().waitFor();
  await take("project");
  await page.goto(server.url + "#/nowhere");
  await page.locator("h1").waitFor();
  await take("not found");
  return seen;
}

for (const [lang, other] of [["en", "da"], ["da", "en"]]) {
  test(`the ${lang} UI shows no phrase that only the ${other} catalogue has`, async () => {
    const foreign = await onlyIn(other, lang);
    assert.ok(foreign.length > 100, `the ${other} catalogue yields phrases to look for (${foreign.length})`);
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      const views = await visitAll(page, lang);
      assert.ok(views.length >= 17);
      // A phrase the demo's own (Danish) data contains is data, not a leftover: e.g. the
      // search view's snippets quote "… ud fra årshjulet: …". Only a few phrases may be set
      // aside so.
      const data = await workspaceData(page);
      const inData = lang === "en" ? foreign.filter((p) => data.includes(p)) : [];
      assert.ok(inData.length <= 5, `too many catalogue phrases found in the data: ${JSON.stringify(inData)}`);
      const found = [];
      for (const [view, text] of views) {
        const flat = text.replace(/\s+/g, " ");
        for (const phrase of foreign) {
          if (flat.includes(phrase) && !inData.includes(phrase)) found.push(`${view}: "${phrase}"`);
        }
      }
      assert.deepEqual(found, [], `${other} leftovers in the ${lang} UI`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test("the check finds a leftover when there is one", async () => {
  const foreign = await onlyIn("da", "en");
  const { page, context } = await newPage(browser, server.url, { lang: "en" });
  try {
    await page.getByRole("heading", { level: 1 }).waitFor();
    // Plant one Danish phrase in the English page, as a forgotten label would.
    const planted = foreign.find((p) => p.startsWith("Start med"));
    assert.ok(planted, "a Danish phrase to plant");
    await page.evaluate((p) => document.querySelector("h1").append(" " + p), planted);
    const flat = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, " ");
    assert.ok(foreign.some((p) => flat.includes(p)));
  } finally {
    await context.close();
  }
});
