// Issue 6, the webview half: everything a user types is rendered as text. Hostile payloads —
// an <img onerror>, a <script>, an attribute break-out into <svg onload>, a javascript: link,
// an escaped entity — are typed into every text field the UI has (committee, members,
// meetings, every agenda item field, the walk's case, notes, questions to the administration,
// a skip reason, guests, an amendment after approval, the search box, the annual cycle's
// fixed points, projects with their phases, a question set built in the UI, follow-up items),
// and every view that
// shows them is visited: nothing executes (window.__xss stays undefined), no element or
// attribute comes from the data (no event-handler attribute anywhere, no <img>/<svg>/<script>
// in the page, no javascript: link), and each payload is on screen exactly as typed.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, newPage, openedRooms, serveDist, waitSaved } from "./helpers.mjs";

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

/** The payload typed into a field; `tag` tells the fields apart on screen. */
const payload = (tag) =>
  `${tag} <img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"><svg onload=window.__xss=1>` +
  `<a href="javascript:window.__xss=1">x</a>&lt;b&gt;`;

/**
 * Nothing from the data became markup or ran, and each tagged payload is on screen as typed
 * (as text or as a field's value).
 */
async function assertInert(page, what, tags = []) {
  // An <img onerror> fires asynchronously: give it the time it would take.
  await page.waitForTimeout(150);
  const state = await page.evaluate(() => {
    const handlers = [];
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (attr.name.toLowerCase().startsWith("on")) handlers.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
      }
    }
    const fields = [...document.querySelectorAll("input, textarea")].map((e) => e.value);
    return {
      xss: window.__xss,
      handlers,
      images: document.querySelectorAll("img").length,
      svgOnload: document.querySelectorAll("svg[onload]").length,
      bodyScripts: document.body.querySelectorAll("script").length,
      iframes: document.querySelectorAll("iframe").length,
      scriptLinks: [...document.querySelectorAll("a[href]")]
        .map((a) => a.getAttribute("href"))
        .filter((h) => /^\s*javascript:/i.test(h)),
      text: `${document.title}\n${document.body.innerText}\n${fields.join("\n")}`,
    };
  });
  assert.equal(state.xss, undefined, `${what}: a payload ran`);
  assert.deepEqual(state.handlers, [], `${what}: event-handler attributes`);
  assert.equal(state.images, 0, `${what}: an <img> from the data`);
  assert.equal(state.svgOnload, 0, `${what}: an <svg onload>`);
  assert.equal(state.bodyScripts, 0, `${what}: a <script> in the page`);
  assert.equal(state.iframes, 0, `${what}: an <iframe>`);
  assert.deepEqual(state.scriptLinks, [], `${what}: a javascript: link`);
  for (const tag of tags) {
    assert.ok(state.text.includes(payload(tag)), `${what}: ${tag} is not shown as typed`);
  }
  return state;
}

async function fill(page, selector, tag) {
  await page.locator(selector).fill(payload(tag));
}

test("the check can tell: markup put into the page does run here", async () => {
  const { page, context } = await newPage(browser, server.url);
  try {
    await page.locator("h1").waitFor();
    await page.evaluate(() => {
      const probe = document.createElement("div");
      probe.innerHTML = '<img src=x onerror="window.__probe=1">';
      document.body.append(probe);
    });
    await page.waitForFunction(() => window.__probe === 1, null, { timeout: 3000 });
  } finally {
    await context.close();
  }
});

test("hostile text in every field stays text in every view", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    const committeeUrl = page.url();

    // --- the committee: its name and description, a new member, an edited member, a meeting.
    await fill(page, "#committee-name", "COMMITTEE");
    await fill(page, "#committee-description", "DESCRIPTION");
    await waitSaved(page);
    await fill(page, "#new-member-name", "MEMBER");
    await fill(page, "#new-member-party", "PARTY");
    await page.locator("#new-member-party").press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=announcer]")?.textContent.includes("MEMBER"));
    // The chair (first row) gets a hostile name too: it is shown in attendance and approvals.
    const chairName = page.locator("table[aria-labelledby=members-heading] tbody tr").first().locator("input").first();
    await chairName.fill(payload("CHAIR"));
    await waitSaved(page);
    await fill(page, "#new-meeting-title", "NEW-MEETING");
    await fill(page, "#new-meeting-place", "NEW-PLACE");
    await page.locator("#new-meeting-starts").fill("2026-05-04T17:00");
    await page.locator("#new-meeting-place").press("Enter");
    // The demo has open follow-up items: they are offered for the new meeting's agenda.
    await page.getByRole("button", { name: "Nej tak" }).click();
    await page.waitForURL(/#\/meetings\/\d+$/);
    await page.locator("h1").waitFor();
    await assertInert(page, "a new meeting", ["NEW-MEETING", "NEW-PLACE", "COMMITTEE"]);
    await page.goto(committeeUrl);
    await page.locator("table").nth(1).locator("a").first().waitFor();
    await assertInert(page, "committee", ["COMMITTEE", "DESCRIPTION", "MEMBER", "PARTY", "CHAIR", "NEW-MEETING"]);
    await page.getByRole("link", { name: "Udvalg", exact: true }).first().click();
    await page.locator(".committee-list li").first().waitFor();
    await assertInert(page, "committee list", ["COMMITTEE"]);

    // --- the demo temamøde: its title and place, every field of an item, a new item, the walk's case.
    await page.goto(committeeUrl);
    const demoMeeting = page.locator("table").nth(1).locator("a", { hasText: "Temamøde: Algoritmer" });
    await demoMeeting.click();
    await page.waitForURL(/#\/meetings\/\d+$/);
    const meetingId = Number(/#\/meetings\/(\d+)$/.exec(page.url())[1]);
    await fill(page, "#meeting-title", "MEETING");
    await fill(page, "#meeting-place", "PLACE");
    await waitSaved(page);
    // An item without a walk (the demo temamøde's third), every field.
    await page.locator(".item-select").nth(2).click();
    const editor = page.getByTestId("item-editor");
    await editor.waitFor();
    const base = (await editor.locator("input").first().getAttribute("id")).replace(/-title$/, "");
    await fill(page, `#${base}-title`, "ITEM-TITLE");
    await fill(page, `#${base}-case`, "CASE-ID");
    for (const key of ["summary", "background", "recommendation", "previous_decisions", "decision"]) {
      await fill(page, `#${base}-${key}`, key.toUpperCase());
    }
    await waitSaved(page);
    await fill(page, "#new-item-title", "NEW-ITEM");
    await page.locator("#new-item-title").press("Enter");
    await page.locator(".item-select", { hasText: "NEW-ITEM" }).waitFor();
    // The item with the walk (the demo temamøde's second): title and case.
    await page.locator(".item-select").nth(1).click();
    await page.getByTestId("walk-plan").waitFor();
    const caseBase = (await page.getByTestId("item-editor").locator("input").first().getAttribute("id")).replace(/-title$/, "");
    const caseId = Number(caseBase.replace("item-", ""));
    await fill(page, `#${caseBase}-title`, "CASE-TITLE");
    await fill(page, `#walk-${caseId}-technology`, "TECHNOLOGY");
    await fill(page, `#walk-${caseId}-problem`, "PROBLEM");
    await waitSaved(page);
    await assertInert(page, "meeting with an item open", [
      "MEETING",
      "PLACE",
      "NEW-ITEM",
      "CASE-TITLE",
      "TECHNOLOGY",
      "PROBLEM",
      "COMMITTEE",
    ]);
    await page.locator(".item-select").nth(2).click();
    await editor.waitFor();
    await assertInert(page, "the other item's editor", [
      "ITEM-TITLE",
      "CASE-ID",
      "SUMMARY",
      "BACKGROUND",
      "RECOMMENDATION",
      "PREVIOUS_DECISIONS",
      "DECISION",
    ]);

    // --- the walk: a note, a question to the administration, a skip reason (revealed).
    await page.goto(`${server.url}#/meetings/${meetingId}/walk/${caseId}`);
    await page.getByTestId("walk-where").waitFor();
    await fill(page, "#step-note", "NOTE");
    await fill(page, "#qa-text", "QUESTION");
    await page.locator(".qa-form button[type=submit]").click();
    await page.locator(".qa-list li").first().waitFor();
    await waitSaved(page);
    await assertInert(page, "walk", ["CASE-TITLE", "TECHNOLOGY", "PROBLEM", "NOTE", "QUESTION", "MEETING"]);
    await page.locator(".nav-step").nth(16).click();
    await page.getByTestId("positions").waitFor();
    const row = page.locator(".position-row").first();
    await row.locator("input[type=checkbox]").check();
    await row.locator("input.reason").fill(payload("SKIP"));
    await row.locator("input.reason").blur();
    await page.waitForFunction(() => document.querySelector("[data-testid=answered]")?.textContent.trim().startsWith("1 "));
    await page.getByRole("button", { name: "Vis placeringer" }).click();
    await page.getByTestId("continuum-chart").waitFor();
    await assertInert(page, "revealed positions", ["SKIP", "CHAIR"]);

    // The room's screen shows the item's title and case. The shell opens its window; here the
    // test host records the request, and the room's view is opened as the window would be.
    await page.getByRole("button", { name: "Åbn storskærm" }).click();
    await page.waitForFunction(
      async (id) => (await (await fetch("/__test/rooms")).json()).includes(id),
      meetingId,
    );
    assert.deepEqual(await openedRooms(page), [meetingId]);
    const room = await context.newPage();
    await room.goto(`${server.url}#/room/${meetingId}`);
    await room.getByTestId("continuum-chart").waitFor();
    await assertInert(room, "the room's screen", ["CASE-TITLE", "MEETING"]);
    await room.close();

    await page.goto(`${server.url}#/meetings/${meetingId}/walk/${caseId}/summary`);
    await page.getByTestId("summary-continua").waitFor();
    await assertInert(page, "walk summary", ["TECHNOLOGY", "PROBLEM", "NOTE", "QUESTION", "CASE-TITLE"]);

    // --- the minutes: a guest; closed, approved by the hostile-named chair, amended.
    await page.goto(`${server.url}#/meetings/${meetingId}`);
    for (let i = 0; i < 3; i++) {
      const before = await page.getByTestId("meeting-status").textContent();
      await page.getByRole("button", { name: /^Skift status til / }).first().click();
      await page.waitForFunction((b) => document.querySelector("[data-testid=meeting-status]")?.textContent !== b, before);
    }
    await page.getByRole("link", { name: "Referat, godkendelse og eksport" }).click();
    await page.locator("#guest-name").waitFor();
    await fill(page, "#guest-name", "GUEST");
    await fill(page, "#guest-affiliation", "AFFILIATION");
    await page.locator("#guest-affiliation").press("Enter");
    await page.getByTestId("guests").waitFor();
    await page.getByRole("button", { name: "Godkend referatet" }).click();
    await page.getByTestId("approvals").waitFor();
    await page.locator("#amend-item").selectOption({ index: 1 });
    await fill(page, "#amend-text", "AMENDMENT");
    await fill(page, "#amend-reason", "REASON");
    await page.getByRole("button", { name: "Registrér rettelse" }).click();
    await page.getByTestId("amendments").waitFor();
    await page.locator("details summary").click();
    await assertInert(page, "minutes, approved and amended, audit log open", [
      "CHAIR",
      "MEMBER",
      "GUEST",
      "AFFILIATION",
      "AMENDMENT",
      "REASON",
      "MEETING",
    ]);

    // --- the search box: a hostile query, and hits with hostile snippets.
    await page.locator("#global-search").fill(payload("SEARCH"));
    await page.locator("#global-search").press("Enter");
    await page.waitForURL((url) => url.hash.startsWith("#/search?"));
    await page.getByTestId("search-count").waitFor();
    await assertInert(page, "search for a hostile query", ["SEARCH"]);
    await page.locator("#global-search").fill("onerror xss");
    await page.locator("#global-search").press("Enter");
    await page.getByTestId("search-results").waitFor();
    const state = await assertInert(page, "hostile search hits");
    // The hits' titles, places and snippets are text, with marks around the matched words.
    const kinds = await page.$$eval("[data-testid=search-results] > li", (li) => [...new Set(li.map((l) => l.dataset.kind))]);
    assert.deepEqual(kinds.sort(), ["agenda_item", "committee", "follow_up", "meeting", "note"]);
    assert.ok(state.text.includes('<img src=x onerror="window.__xss=1">'));
    const marks = await page.locator(".snippet mark").allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => ["onerror", "xss"].includes(m.toLowerCase())), JSON.stringify(marks));
    assert.deepEqual(
      await page.$$eval(".snippet *", (els) => [...new Set(els.map((e) => e.tagName))]),
      ["MARK"],
      "only <mark> in snippets",
    );

    // Every view visited; nothing ran anywhere.
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("hostile text in the annual cycle and in projects stays text", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    const committeeId = Number(/#\/committees\/(\d+)$/.exec(page.url())[1]);

    // The annual cycle: a new fixed point with a hostile title and place, then edited.
    await page.goto(`${server.url}#/committees/${committeeId}/cycle`);
    await page.locator("#new-entry-title").waitFor();
    await fill(page, "#new-entry-title", "CYCLE-ENTRY");
    await fill(page, "#new-entry-place", "CYCLE-PLACE");
    await page.locator("form[aria-labelledby=new-entry-heading] button[type=submit]").click();
    await page.getByTestId("announcer").filter({ hasText: "CYCLE-ENTRY" }).waitFor();
    await assertInert(page, "annual cycle with a new fixed point", ["CYCLE-ENTRY"]);
    const editorTitle = page.locator("input[id^=cycle-entry-][id$=-title]").first();
    await editorTitle.fill(payload("CYCLE-EDITED"));
    await editorTitle.blur();
    await waitSaved(page);
    await assertInert(page, "annual cycle, a fixed point edited", ["CYCLE-EDITED"]);

    // Projects: created with a hostile title and description, edited, a phase's texts and a
    // phase move's note.
    await page.goto(`${server.url}#/projects`);
    await page.locator("#new-project-title").waitFor();
    await fill(page, "#new-project-title", "PROJECT");
    await fill(page, "#new-project-description", "PROJECT-DESCRIPTION");
    await page.locator("form[aria-labelledby=new-project-heading] button[type=submit]").click();
    await page.waitForURL(/#\/projects\/\d+$/);
    await page.locator("#project-title").waitFor();
    await fill(page, "#phase-0-stakeholders", "STAKEHOLDERS");
    await fill(page, "#phase-0-learnings", "LEARNINGS");
    await waitSaved(page);
    await fill(page, "#move-note", "MOVE-NOTE");
    await page.getByRole("button", { name: /^Gå videre til/ }).click();
    await page.getByTestId("announcer").filter({ hasText: "Projektet står nu i Fase 1" }).waitFor();
    await assertInert(page, "project", ["PROJECT", "PROJECT-DESCRIPTION", "STAKEHOLDERS", "LEARNINGS", "MOVE-NOTE"]);
    await fill(page, "#project-title", "PROJECT-EDITED");
    await waitSaved(page);
    await page.goto(`${server.url}#/projects`);
    await page.locator("tbody tr").first().waitFor();
    await assertInert(page, "project list", ["PROJECT-EDITED"]);

    // Found by the search, as text.
    await page.locator("#global-search").fill("onerror");
    await page.locator("#global-search").press("Enter");
    await page.getByTestId("search-results").waitFor();
    await assertInert(page, "search hits in projects");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a question set built from hostile text reads back as typed and stays text", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: "Start med et tomt arbejdsområde" }).click();
    await page.getByRole("link", { name: "Spørgsmålssæt til temamøder" }).click();
    await page.getByTestId("qsets-list").waitFor();
    await page.locator("#qb-toggle").click();
    await page.getByTestId("qset-builder").waitFor();
    // The builder writes the set as TOML for the core: quotes and backslashes must not break
    // out of its strings either.
    const tricky = (tag) => `${payload(tag)} \\" = 1 \\u0041 '''`;
    await page.locator("#qb-title").fill(tricky("QSET-TITLE"));
    await page.locator("#qb-help").fill(tricky("QSET-HELP"));
    await page.locator("[id^=qb-text-]").fill(tricky("QSET-QUESTION"));
    await page.locator("[id^=qb-left-]").fill(tricky("QSET-LEFT"));
    await page.locator("[id^=qb-right-]").fill(tricky("QSET-RIGHT"));
    await page.getByRole("button", { name: "Opret spørgsmålssæt" }).click();
    await page.getByTestId("qb-created").waitFor();
    const own = page.locator("[data-testid=qset]", { hasText: "QSET-TITLE" });
    await own.locator("button[aria-expanded]").click();
    await own.getByTestId("qset-question").first().waitFor();
    const state = await assertInert(page, "question sets", ["QSET-TITLE", "QSET-HELP", "QSET-QUESTION", "QSET-LEFT", "QSET-RIGHT"]);
    for (const tag of ["QSET-TITLE", "QSET-HELP", "QSET-QUESTION", "QSET-LEFT", "QSET-RIGHT"]) {
      assert.ok(state.text.includes(tricky(tag)), `${tag} did not survive the round trip: ${tricky(tag)}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("hostile text in follow-up items stays text", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    const committeeId = Number(/#\/committees\/(\d+)$/.exec(page.url())[1]);

    // A follow-up item written by hand, then answered in its card.
    await page.goto(`${server.url}#/committees/${committeeId}/follow-ups`);
    await page.locator("#new-follow-up-text").waitFor();
    await fill(page, "#new-follow-up-text", "FU-TEXT");
    await fill(page, "#new-follow-up-owner", "FU-OWNER");
    await page.getByRole("button", { name: "Opret opfølgningspunkt" }).click();
    const card = page.getByTestId("follow-up").filter({ hasText: "FU-TEXT" });
    await card.waitFor();
    await card.locator("textarea[id$=-answer], input[id$=-answer]").fill(payload("FU-ANSWER"));
    await waitSaved(page);
    await assertInert(page, "follow-up list", ["FU-TEXT", "FU-OWNER", "FU-ANSWER"]);

    // One made from an agenda item, in the meeting's editor.
    await page.goto(`${server.url}#/committees/${committeeId}`);
    await page.locator("table").nth(1).locator("a").first().click();
    await page.waitForURL(/#\/meetings\/\d+$/);
    await page.locator(".item-select").nth(1).click();
    await page.getByTestId("item-editor").waitFor();
    await page.getByTestId("item-editor").locator(".item-follow-up button[aria-expanded]").first().click();
    const form = page.locator("form[id$=-follow-up-form]");
    await form.waitFor();
    await form.locator("[id$=-follow-up-text]").fill(payload("FU-ITEM"));
    await form.locator("[id$=-follow-up-owner]").fill(payload("FU-ITEM-OWNER"));
    await form.getByRole("button", { name: "Opret opfølgningspunkt" }).click();
    await page.getByTestId("item-editor").locator(".item-follow-up [role=status]").waitFor();
    await assertInert(page, "an agenda item's follow-up created");
    await page.goto(`${server.url}#/committees/${committeeId}/follow-ups`);
    await page.getByTestId("follow-up").filter({ hasText: "FU-ITEM" }).first().waitFor();
    await assertInert(page, "follow-up list with both", ["FU-TEXT", "FU-ANSWER", "FU-ITEM", "FU-ITEM-OWNER"]);

    // Found by the search, as text, opening the follow-up list.
    await page.locator("#global-search").fill("FU-ANSWER");
    await page.locator("#global-search").press("Enter");
    await page.getByTestId("search-results").waitFor();
    await assertInert(page, "search hits in follow-ups");
    const href = await page.locator("[data-testid=search-results] > li[data-kind=follow_up] a").first().getAttribute("href");
    assert.equal(href, `#/committees/${committeeId}/follow-ups`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
