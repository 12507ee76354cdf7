// The annual cycle (årshjul) and digitalisation projects, by keyboard on the real core: the year
// view creates next year's meetings once after a confirmation that lists them, fixed points are
// added and edited in place, and a project is moved through all five phases with linked
// meetings and decisions, its history kept.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { core, launchBrowser, newPage, serveDist, tabTo, tabToSelector, waitSaved } from "./helpers.mjs";

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

/** Creates the demo workspace; returns the committee's hash route. */
async function demo(page) {
  await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  // Ready once its heading has the focus (viewReady): keys pressed before would lose it.
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  return new URL(page.url()).hash;
}

/** Focuses the element matching `selector` by Tab and presses Enter. */
async function tabAndEnter(page, selector) {
  await tabToSelector(page, selector, { max: 200 });
  await page.keyboard.press("Enter");
}

test("keyboard only: the year view, a new fixed point, next year's meetings created once", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committee = await demo(page);
    const id = committee.split("/").pop();
    await tabAndEnter(page, `a[href="#/committees/${id}/cycle"]`);
    await page.waitForURL(new RegExp(`#/committees/${id}/cycle$`));
    const year = new Date().getFullYear();
    // The demo's conference (every other year) starts the year after its temamøde.
    const theme = (await core(page, "get_committee", { id: Number(id) })).meetings.find((m) => m.kind === "theme" && m.status === "draft");
    const conferenceFrom = Number(theme.starts_at.slice(0, 4)) + 1;
    const h1 = page.locator("h1");
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.equal(await h1.textContent(), `Årshjul ${year}: Opgaveudvalget for digitalisering og teknologi`);
    // Twelve months, each a heading.
    assert.equal(await page.locator(".months > li h3").count(), 12);
    assert.equal(await page.locator(".months > li h3").first().textContent(), "januar");
    // The demo's fixed points in their months, not created yet.
    const september = page.locator(".months > li").nth(8);
    await september.getByText("Årets temamøde om digitalisering").waitFor();
    assert.match(await september.textContent(), /ikke oprettet endnu/);
    assert.deepEqual(
      await page.getByTestId("cycle-rule").allTextContents(),
      [
        "Hvert år den sidste tirsdag i februar kl. 17.00–19.00",
        "Hvert år den 2. tirsdag i april kl. 17.00–19.00",
        "Hvert år den 2. tirsdag i maj kl. 17.00–18.00",
        "Hvert år den 1. tirsdag i juni kl. 17.00–19.00",
        "Hvert år den 2. tirsdag i september kl. 17.00–20.00",
        "Hvert år den 1. tirsdag i november kl. 17.00–18.00",
        `Hvert andet år fra ${conferenceFrom} den 3. tirsdag i november kl. 09.00–15.00`,
      ],
    );

    // A new fixed point by keyboard: a date rule, 29 February.
    await tabToSelector(page, "#new-entry-title", { max: 300 });
    await page.keyboard.type("Status på IT-sikkerhed");
    await tabToSelector(page, "#new-entry-rule");
    await page.keyboard.press("ArrowDown"); // "En dato"
    await tabToSelector(page, "#new-entry-month");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown"); // februar
    await tabToSelector(page, "#new-entry-day");
    await page.keyboard.press("End");
    for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowUp"); // 29
    assert.equal(await page.inputValue("#new-entry-day"), "29");
    await tabToSelector(page, ".rule-preview ~ * button[type=submit], form[aria-labelledby=new-entry-heading] button[type=submit]");
    await page.keyboard.press("Enter");
    await page.getByTestId("announcer").filter({ hasText: "Det faste møde »Status på IT-sikkerhed« er tilføjet årshjulet." }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "new-entry-title");
    const february = page.locator(".months > li").nth(1);
    await february.getByText("Status på IT-sikkerhed").waitFor();
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    assert.match(await february.textContent(), new RegExp(`${leap ? 29 : 28}\\. februar ${year}`));

    // Editing a fixed point in place: the 2nd Tuesday of September becomes the 3rd; saved.
    const themeEntry = page.locator("li.entry").filter({ hasText: "Årets temamøde om digitalisering" }).first();
    const weekSelect = themeEntry.locator("select[id$=-week]");
    await weekSelect.focus();
    await page.keyboard.press("ArrowDown");
    await waitSaved(page);
    await themeEntry.getByText("Hvert år den 3. tirsdag i september kl. 17.00–20.00").waitFor();

    // Next year's meetings: the confirmation lists them, with their days (the core's count).
    const nextYearBefore = await core(page, "cycle_year", { committeeId: Number(id), year: year + 1 });
    const n = nextYearBefore.occurrences.length;
    const meetingsBefore = (await core(page, "get_committee", { id: Number(id) })).meetings.length;
    assert.ok(n >= 7, `the demo's cycle and the new point give ${n} meetings for ${year + 1}`);
    await tabToSelector(page, "[data-testid=cycle-create-next]", { max: 200, shift: true });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "Annuller");
    assert.match(await dialog.textContent(), new RegExp(`Disse ${n} møder oprettes som kladder for ${year + 1}`));
    const listed = await dialog.getByTestId("cycle-preview").locator("li").allTextContents();
    assert.equal(listed.length, n);
    assert.ok(listed.some((l) => l.includes("Årets temamøde om digitalisering") && l.includes("Temamøde")), listed.join("\n"));
    await tabTo(page, (k) => document.activeElement?.textContent?.trim() === `Opret ${k} møder`, n);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`#/committees/${id}/cycle/${year + 1}$`));
    await page.getByTestId("announcer").filter({ hasText: `${n} møder er oprettet for ${year + 1}.` }).waitFor();
    await page.locator("h1", { hasText: `Årshjul ${year + 1}` }).waitFor();
    // The year's months now hold the meetings, linked, marked as from the cycle.
    const meetingLinks = page.locator(".months a[href^='#/meetings/']");
    await meetingLinks.first().waitFor();
    assert.equal(await meetingLinks.count(), n + nextYearBefore.meetings.length);
    assert.equal(await page.getByText("fra årshjulet", { exact: true }).count(), n);
    assert.equal(await page.getByText("mødet er oprettet", { exact: true }).count(), n);

    // Once more for the year after the one shown: another year; the shown year itself is done.
    await page.goto(`${server.url}#/committees/${id}/cycle/${year}`);
    await page.locator("h1", { hasText: `Årshjul ${year}:` }).waitFor();
    await page.getByRole("button", { name: "Opret næste års møder" }).click();
    await dialog.waitFor();
    assert.match(await dialog.textContent(), new RegExp(`Alle faste møder er allerede oprettet for ${year + 1}`));
    assert.equal(await dialog.getByRole("button", { name: /^Opret/ }).count(), 0, "nothing to confirm");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "Opret næste års møder");

    // The committee has its meetings once: the demo's meetings + those from the cycle.
    await page.goto(`${server.url}${committee}`);
    await page.locator("h1").waitFor();
    await page.getByText(`${meetingsBefore + n} møder`).first().waitFor();
    assert.equal((await core(page, "get_committee", { id: Number(id) })).meetings.length, meetingsBefore + n);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("keyboard only: a project through all five phases with meetings, decisions and its history", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await demo(page);
    await page.goto(`${server.url}#/`);
    await page.locator("h1", { hasText: "Udvalg" }).waitFor();
    await tabAndEnter(page, 'a[href="#/projects"]');
    await page.waitForURL(/#\/projects$/);
    await page.locator("h1", { hasText: "Digitaliseringsprojekter" }).waitFor();
    const row = page.locator("tbody tr").filter({ hasText: "Algoritmer til forebyggelse af fald" });
    await row.waitFor();
    assert.match(await row.textContent(), /Fase 1: Forståelse/);

    // A new project of our own.
    await tabToSelector(page, "#new-project-title", { max: 100 });
    await page.keyboard.type("Sensorer i plejeboliger");
    await tabToSelector(page, "form[aria-labelledby=new-project-heading] button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/projects\/\d+$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.equal(await page.locator("h1").textContent(), "Sensorer i plejeboliger");
    const current = () => page.locator("[data-testid=phase-stepper] li[aria-current=step]").textContent();
    assert.match(await current(), /Fase 0\s*Identifikation\s*Identificere problem/);
    // The model's own words for each phase (assets/question-sets/phases.toml).
    await page.getByText("I fase 0 identificeres et problem for en gruppe borgere.", { exact: false }).first().waitFor();
    assert.equal(await page.getByTestId("phase-panel").count(), 5);

    // Skipping is not offered; the only way forward is the next phase.
    for (let phase = 0; phase <= 4; phase++) {
      const panel = page.getByTestId("phase-panel").nth(phase);
      await tabToSelector(page, `#phase-${phase}-stakeholders`, { max: 300 });
      await page.keyboard.type(`Interessent i fase ${phase}`);
      await tabToSelector(page, `#phase-${phase}-learnings`);
      await page.keyboard.type(`Læring i fase ${phase}`);
      await waitSaved(page);
      // Link the demo temamøde and its last item (with its decision, none yet).
      await tabToSelector(page, `#phase-${phase}-link-meeting`);
      const meetingValue = await page.locator(`#phase-${phase}-link-meeting option`, { hasText: "Temamøde: Algoritmer" }).getAttribute("value");
      await page.selectOption(`#phase-${phase}-link-meeting`, meetingValue);
      await page.waitForFunction((p) => !document.querySelector(`#phase-${p}-link-item`)?.disabled, phase);
      await tabToSelector(page, `#phase-${phase}-link-item`);
      await page.keyboard.press("End");
      await tabToSelector(page, `#phase-${phase}-link-heading ~ button[type=submit], form[aria-labelledby=phase-${phase}-link-heading] button[type=submit]`);
      await page.keyboard.press("Enter");
      await page.getByTestId("announcer").filter({ hasText: `Mødet er koblet til fase ${phase}.` }).waitFor();
      await panel.locator(".links li").first().waitFor();
      assert.match(await panel.locator(".links").textContent(), /Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere, punkt 5: Eventuelt/);
      assert.match(await panel.locator(".links").textContent(), /Ingen beslutning skrevet endnu/);
      if (phase < 4) {
        await tabToSelector(page, "#move-note", { max: 300, shift: true });
        await page.keyboard.type(`Videre efter fase ${phase}`);
        await tabTo(page, () => /^Gå videre til Fase/.test(document.activeElement?.textContent?.trim() ?? ""));
        await page.keyboard.press("Enter");
        await page.getByTestId("announcer").filter({ hasText: `Projektet står nu i Fase ${phase + 1}` }).waitFor();
        assert.match(await current(), new RegExp(`Fase ${phase + 1}`));
        // Focus went to the stepper, where the new phase is marked.
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "phase-stepper");
      }
    }
    assert.match(await current(), /Fase 4\s*Beslutning/);
    assert.match(await page.locator("#move-heading ~ *").allTextContents().then((t) => t.join(" ")), /Projektet står i den sidste fase/);

    // The history: created, then four steps forward, newest first, with the notes.
    const history = page.locator("section[aria-labelledby=history-heading] tbody tr");
    assert.equal(await history.count(), 5);
    assert.match(await history.nth(0).textContent(), /Fra Fase 3: Afprøvning videre til Fase 4: Beslutning.*Videre efter fase 3/);
    assert.match(await history.nth(4).textContent(), /Oprettet i Fase 0: Identifikation/);

    // Revisiting an earlier phase is allowed and kept.
    await page.selectOption("#move-back-to", "1");
    await page.getByRole("button", { name: "Gå tilbage til fasen" }).click();
    await page.getByTestId("announcer").filter({ hasText: "Projektet står nu i Fase 1: Forståelse." }).waitFor();
    assert.match(await history.nth(0).textContent(), /Fra Fase 4: Beslutning tilbage til Fase 1: Forståelse/);

    // What was typed was saved: it is there when the view is opened afresh.
    const here = new URL(page.url()).hash;
    await page.goto(`${server.url}#/projects`);
    await page.locator("tbody tr", { hasText: "Sensorer i plejeboliger" }).waitFor();
    assert.match(await page.locator("tbody tr", { hasText: "Sensorer i plejeboliger" }).textContent(), /Fase 1: Forståelse/);
    await page.goto(`${server.url}${here}`);
    await page.locator("h1", { hasText: "Sensorer i plejeboliger" }).waitFor();
    assert.equal(await page.inputValue("#phase-2-learnings"), "Læring i fase 2");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a linked item opens its place in the agenda; a doubled link is refused in Danish", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await demo(page);
    await page.goto(`${server.url}#/projects`);
    await page.locator("tbody tr a", { hasText: "Algoritmer til forebyggelse af fald" }).click();
    await page.waitForURL(/#\/projects\/\d+$/);
    const phase1 = page.getByTestId("phase-panel").nth(1);
    await phase1.locator(".links li").first().waitFor();
    const itemLink = phase1.locator(".links a").first();
    const target = await itemLink.getAttribute("href");
    assert.match(target, /^#\/meetings\/\d+\/items\/\d+$/);
    // The same link twice (the demo temamøde's case, item 2) is refused with the core's message.
    const meetingValue = await page.locator("#phase-1-link-meeting option", { hasText: "Temamøde: Algoritmer" }).getAttribute("value");
    await page.selectOption("#phase-1-link-meeting", meetingValue);
    await page.waitForFunction(() => !document.querySelector("#phase-1-link-item")?.disabled);
    await page.selectOption("#phase-1-link-item", { index: 2 });
    assert.equal(target, `#/meetings/${meetingValue}/items/${await page.inputValue("#phase-1-link-item")}`, "the demo's link is that item");
    await phase1.getByRole("button", { name: "Kobl til fase 1" }).click();
    await phase1.getByText("Mødet eller punktet er allerede koblet til projektets fase 1.").waitFor();
    // Phase 0's stakeholders from the demo, as KL's case names them.
    assert.match(await page.inputValue("#phase-0-stakeholders"), /Ældrerådet/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("text at 200 % and a narrow window: the year view and the project do not scroll sideways", async () => {
  const { page, context, errors } = await newPage(browser, server.url, { viewport: { width: 800, height: 900 } });
  try {
    const committee = await demo(page);
    const id = committee.split("/").pop();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    /** Layout settles after the font change; fail with the overflow if it never fits. */
    const fits = async (what) => {
      try {
        await page.waitForFunction(() => document.documentElement.scrollWidth - window.innerWidth <= 1, null, { timeout: 3000 });
      } catch {
        assert.fail(`${what} is ${await overflow()}px wider than the window at 200 % text`);
      }
    };
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    await page.goto(`${server.url}#/committees/${id}/cycle`);
    await page.locator("li.entry").first().waitFor();
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    await fits("the year view");
    await page.goto(`${server.url}#/projects`);
    await page.locator("tbody tr a").first().click();
    await page.getByTestId("phase-panel").first().waitFor();
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    await fits("the project");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
