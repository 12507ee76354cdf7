// The guided temamøde (the walk) on the real core (the test host): the keyboard-only journey through the demo
// meeting's walk, the room's screen, and axe on the walk, the revealed chart, the summary and
// the room's screen in Danish and English.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axe, describeViolations, launchBrowser, newPage, openedRooms, serveDist, tabTo, tabToSelector, waitSaved } from "./helpers.mjs";

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

/** The demo's upcoming temamøde (a draft; the demo's other meetings are held and approved). */
const DEMO_MEETING = "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere";
/** Its second item, the case, is the one with a walk plan. */
const CASE_ITEM = "Algoritmer til forebyggelse af fald hos ældre borgere";

/** From the demo committee's page: opens the upcoming temamøde. */
async function openDemoMeeting(page) {
  await page.locator("table").nth(1).getByRole("link", { name: DEMO_MEETING, exact: true }).click();
  await page.waitForURL(/#\/meetings\/\d+$/);
}

/** On the temamøde's page: opens the case item (the one with a plan) in the editor. */
function openCaseItem(page) {
  return page.locator(".item-select", { hasText: CASE_ITEM }).click();
}

/**
 * The room's screen: the chair's button asks the shell for the room's window (the test host
 * records it); the room's view is then opened as that window would open it, in the same
 * workspace (browser context).
 */
async function openRoom(page, context, buttonName) {
  const meetingId = Number(/#\/meetings\/(\d+)\//.exec(page.url())[1]);
  await page.getByRole("button", { name: buttonName }).click();
  await page.waitForFunction(async (id) => (await (await fetch("/__test/rooms")).json()).includes(id), meetingId);
  assert.deepEqual(await openedRooms(page), [meetingId]);
  const room = await context.newPage();
  await room.goto(new URL(`#/room/${meetingId}`, page.url()).href);
  return room;
}

/** Demo workspace → the temamøde → its case item's walk (the one with a plan). */
async function openDemoWalk(page, lang = "da") {
  await page.getByRole("button", { name: DEMO[lang] }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  await openDemoMeeting(page);
  await openCaseItem(page);
  await page.getByTestId("walk-plan").locator("a.btn-primary").click();
  await page.waitForURL(/#\/meetings\/\d+\/walk\/\d+$/);
  await page.getByTestId("walk-where").waitFor();
}

const where = (page) => page.getByTestId("walk-where").textContent();
const question = (page) => page.locator("#question-heading").textContent().then((s) => s.trim());

async function waitWhere(page, text) {
  await page.waitForFunction((t) => document.querySelector("[data-testid=walk-where]")?.textContent === t, text);
}

/** Focuses the slider of the n-th participant and presses `keys`. */
async function slide(page, n, keys) {
  await tabTo(page, (i) => {
    const sliders = [...document.querySelectorAll("input[type=range]")];
    return document.activeElement === sliders[i];
  }, n, { max: 120 });
  for (const key of keys) await page.keyboard.press(key);
}

test("keyboard only: walk the demo temamøde, note, question, positions, reveal, summary", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: DEMO.da }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    await tabTo(page, () => document.activeElement?.textContent?.startsWith("Temamøde: Algoritmer"));
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/meetings\/\d+$/);
    await page.locator(".item-select").nth(2).waitFor();
    await tabTo(page, () => document.activeElement?.matches(".item-select") &&
      document.activeElement.querySelector(".title")?.textContent.startsWith("Algoritmer"));
    await page.keyboard.press("Enter");
    await page.getByTestId("walk-plan").waitFor();
    await page.getByText("Gennemgangen har 22 spørgsmål.").waitFor();
    await tabTo(page, () => document.activeElement?.textContent === "Gå til gennemgangen", undefined, { max: 120 });
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/meetings\/\d+\/walk\/\d+$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");

    // Where we are: the core's label, and the step of the whole walk.
    assert.equal(await where(page), "Teknologi · spørgsmål 1 af 6");
    assert.match(await page.locator(".step-of").textContent(), /Trin 1 af 22/);
    assert.match(await question(page), /^Hvilke dele består teknologien/);

    // Next and previous: Page Down/Up outside text fields, Alt+arrows anywhere.
    await page.keyboard.press("PageDown");
    await waitWhere(page, "Teknologi · spørgsmål 2 af 6");
    await page.keyboard.press("Alt+ArrowRight");
    await waitWhere(page, "Teknologi · spørgsmål 3 af 6");
    await page.keyboard.press("Alt+ArrowLeft");
    await waitWhere(page, "Teknologi · spørgsmål 2 af 6");
    await page.keyboard.press("PageUp");
    await waitWhere(page, "Teknologi · spørgsmål 1 af 6");
    await page.keyboard.press("PageUp"); // at the first question: nothing happens
    await page.waitForTimeout(100);
    assert.equal(await where(page), "Teknologi · spørgsmål 1 af 6");
    await page.waitForFunction(() => document.querySelector("[data-testid=announcer]")?.textContent.startsWith("Teknologi · spørgsmål 1 af 6"));

    // The buttons.
    await tabTo(page, () => document.activeElement?.textContent?.includes("Næste spørgsmål"));
    await page.keyboard.press("Enter");
    await waitWhere(page, "Teknologi · spørgsmål 2 af 6");
    assert.match(await page.evaluate(() => document.activeElement.textContent), /Næste spørgsmål/);

    // Jump with the list: the 8th question is Strategi's second.
    await tabTo(page, () => document.activeElement?.matches(".nav-step") &&
      document.activeElement.querySelector(".nav-number")?.textContent === "8.");
    await page.keyboard.press("Enter");
    await waitWhere(page, "Strategi · spørgsmål 2 af 5");
    assert.equal(await page.locator(".nav-step[aria-current=step] .nav-number").textContent(), "8.");

    // A note: Page Down types nothing away, Alt+arrows leave the note saved.
    await tabToSelector(page, "#step-note", { shift: true, max: 120 });
    await page.keyboard.type("Udvalget vil have en etisk vurdering.");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Og en tidsplan.");
    assert.equal(await where(page), "Strategi · spørgsmål 2 af 5");
    await waitSaved(page);
    await page.keyboard.press("Alt+ArrowRight");
    await waitWhere(page, "Strategi · spørgsmål 3 af 5");
    await page.waitForFunction(() => document.querySelector("#step-note")?.value === "");
    await page.keyboard.press("Alt+ArrowLeft");
    await waitWhere(page, "Strategi · spørgsmål 2 af 5");
    await page.waitForFunction(() => document.querySelector("#step-note")?.value.startsWith("Udvalget"));
    assert.equal(await page.inputValue("#step-note"), "Udvalget vil have en etisk vurdering.\nOg en tidsplan.");

    // A question to the administration, asked by the chair.
    await tabToSelector(page, "#qa-text");
    await page.keyboard.type("Hvilke data indgår i modellen?");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // Ikke angivet → Mette Skovgaard (the chair)
    await tabTo(page, () => document.activeElement?.textContent === "Markér som spørgsmål til forvaltningen");
    await page.keyboard.press("Enter");
    await page.locator(".qa-list li").first().waitFor();
    assert.match(await page.locator(".qa-list li").first().textContent(), /Hvilke data indgår i modellen\?.*stillet af Mette Skovgaard/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "qa-text");

    // The first organisation question: positions for the six politicians (the demo committee's
    // chair, vice-chair, two members and two citizen members; not the secretary or the official).
    await tabTo(page, () => document.activeElement?.matches(".nav-step") &&
      document.activeElement.querySelector(".nav-number")?.textContent === "17.", undefined, { max: 120 });
    await page.keyboard.press("Enter");
    await page.getByTestId("positions").waitFor();
    assert.match(await where(page), /spørgsmål 1 af 6$/);
    assert.equal(await page.locator("input[type=range]").count(), 6);
    assert.equal(await page.getByTestId("answered").textContent().then((s) => s.trim()), "0 af 6 har svaret");
    // Labels name the person; values are spoken with the side they lean to.
    assert.equal(await page.getByLabel("Placering for Mette Skovgaard").count(), 1);
    assert.equal(await page.locator("input[type=range]").first().getAttribute("aria-valuetext"), "Ingen placering endnu");

    await slide(page, 0, ["End", "PageDown", "PageDown", "PageDown"]); // 70
    await slide(page, 1, ["Home", "PageUp", "PageUp", "PageUp", "PageUp"]); // 40
    await slide(page, 2, ["Home", "PageUp", "PageUp", "PageUp", "PageUp", "PageUp", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight"]); // 55
    await slide(page, 3, ["Home", "PageUp", "PageUp"]); // 20
    await slide(page, 4, ["End", ...Array(10).fill("ArrowLeft")]); // 90
    await slide(page, 5, ["Home", ...Array(5).fill("PageUp"), ...Array(5).fill("ArrowRight")]); // 55
    // Page Up/Down on a slider moved the slider, not the walk.
    assert.match(await where(page), /spørgsmål 1 af 6$/);
    const sliders = page.locator("input[type=range]");
    assert.deepEqual(await sliders.evaluateAll((s) => s.map((x) => x.value)), ["70", "40", "55", "20", "90", "55"]);
    assert.equal(await sliders.nth(2).getAttribute("aria-valuetext"), "55 af 100: nærmest yderposition 2");
    await page.waitForFunction(() => document.querySelector("[data-testid=answered]")?.textContent.trim() === "6 af 6 har svaret");
    // Hidden: no chart, no values anywhere.
    assert.equal(await page.getByTestId("continuum-chart").count(), 0);

    await tabTo(page, () => document.activeElement?.textContent === "Vis placeringer");
    await page.keyboard.press("Enter");
    await page.getByTestId("continuum-chart").waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "Skjul placeringer igen");
    assert.equal(await page.getByTestId("chart-description").textContent(), "6 placeringer; median 55, midterste halvdel 43,8–66,3.");
    const table = page.getByTestId("chart-table");
    assert.deepEqual(await table.locator("tbody td").allTextContents(), ["20", "40", "55", "55", "70", "90"]);
    assert.deepEqual(await table.locator("tbody th").allTextContents(), [
      "Deltager 1",
      "Deltager 2",
      "Deltager 3",
      "Deltager 4",
      "Deltager 5",
      "Deltager 6",
    ]);
    assert.equal(await page.locator(".continuum-chart svg circle.marker").count(), 6);
    assert.equal(await page.locator(".continuum-chart svg polygon.median").count(), 1);

    // Named positions: the table names the politicians.
    await tabTo(page, () => document.activeElement?.matches("input[type=checkbox]") &&
      document.activeElement.closest("label")?.textContent.includes("Vis navne"), undefined, { shift: true, max: 120 });
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.querySelector("[data-testid=chart-table] tbody th")?.textContent === "Per Holmgaard");
    assert.deepEqual(await table.locator("tbody th").allTextContents(), [
      "Per Holmgaard",
      "Jonas Bech Lauridsen",
      "Aisha Khalil",
      "Ole Dam Frandsen",
      "Mette Skovgaard",
      "Karen Vestergaard-Nielsen",
    ]);

    // The summary: all six continua, the note, the question to the administration.
    await tabTo(page, () => document.activeElement?.textContent === "Oversigt over gennemgangen", undefined, { shift: true, max: 120 });
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/summary$/);
    await page.getByTestId("summary-continua").waitFor();
    assert.equal(
      await page.locator("#continua-heading").textContent(),
      "Placering i forhold til de seks spørgsmål",
    );
    // One picture: a row per question, the revealed one with its six positions.
    assert.equal(await page.locator(".continua-overview svg").count(), 1);
    assert.equal(await page.locator(".continua-overview svg circle").count(), 6);
    assert.equal(await page.locator(".continua-overview svg polygon").count(), 1);
    assert.equal(await page.getByTestId("summary-continuum").count(), 6);
    assert.equal(await page.getByTestId("summary-continuum-result").first().textContent(), "6 placeringer; median 55, midterste halvdel 43,8–66,3.");
    assert.match(await page.getByTestId("summary-continuum-result").nth(1).textContent(), /ikke vist endnu \(0 af 6 har svaret\)/);
    assert.match(await page.locator(".summary-step").nth(7).textContent(), /Udvalget vil have en etisk vurdering\./);
    assert.match(await page.getByTestId("summary-qa").textContent(), /Hvilke data indgår i modellen\?/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("preparing: choose perspectives, bring a set back as a later part, reorder, the case saves itself", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: DEMO.da }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    await openDemoMeeting(page);
    const meetingUrl = page.url();
    await openCaseItem(page);
    const plan = page.getByTestId("walk-plan");
    await plan.getByText("Gennemgangen har 22 spørgsmål.").waitFor();
    const parts = plan.locator(".parts > li");
    assert.equal(await parts.count(), 2);
    assert.match(await parts.nth(0).locator("legend").textContent(), /^\s*1\. TESK-modellen/);
    assert.match(await parts.nth(1).locator("legend").textContent(), /^\s*2\. De seks spørgsmål/);

    // Leave TESK's consequence perspective out (keyboard: open the list, Space on the box).
    await parts.nth(0).locator("summary").focus();
    await page.keyboard.press("Enter");
    const consequence = parts.nth(0).getByLabel("Hele perspektivet »Konsekvens«");
    await consequence.focus();
    await page.keyboard.press("Space");
    await plan.getByText("Gennemgangen har 17 spørgsmål.").waitFor();
    await waitSaved(page);

    // TESK again as a third part: nothing chosen, what part 1 has is not choosable.
    await plan.locator("select").selectOption({ label: "TESK-modellen – tre politiske perspektiver på digital teknologi" });
    await plan.getByRole("button", { name: "Tilføj sæt" }).click();
    await parts.nth(2).waitFor();
    assert.match(await parts.nth(2).locator("summary").textContent(), /0 af 16 spørgsmål valgt/);
    await parts.nth(2).locator("summary").click();
    assert.equal(await parts.nth(2).locator("input[type=checkbox]:disabled").count(), 11);
    await parts.nth(2).getByLabel("Hele perspektivet »Konsekvens«").check();
    await plan.getByText("Gennemgangen har 22 spørgsmål.").waitFor();

    // The six questions first: "Flyt sættet op" on part 2; focus stays on the moved set.
    await parts.nth(1).getByRole("button", { name: "Flyt sættet op" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /De seks spørgsmål/.test(document.querySelector(".parts > li legend")?.textContent ?? ""));
    assert.match(await page.evaluate(() => document.activeElement.closest("li")?.querySelector("legend")?.textContent), /De seks spørgsmål/);

    // The case, saved as typed.
    await page.locator("input[id$=-technology]").fill("Faldalarm med sensorer");
    await waitSaved(page);

    await plan.getByRole("link", { name: "Gå til gennemgangen" }).click();
    await page.getByTestId("walk-where").waitFor();
    assert.match(await where(page), /^Spørgsmål til organisering .* · spørgsmål 1 af 6$/);
    assert.match(await page.locator(".case").textContent(), /Faldalarm med sensorer/);
    await page.locator(".nav-step").nth(6).click();
    await waitWhere(page, "Teknologi · spørgsmål 1 af 6");
    await page.locator(".nav-step").nth(17).click();
    await waitWhere(page, "Konsekvens · spørgsmål 1 af 5");
    assert.equal(await page.locator(".nav-step").count(), 22);

    // Back on the meeting the plan is as left.
    await page.goto(meetingUrl);
    await openCaseItem(page);
    await plan.getByText("Gennemgangen har 22 spørgsmål.").waitFor();
    assert.equal(await page.locator("input[id$=-technology]").inputValue(), "Faldalarm med sensorer");
    // The core joins neighbouring parts of one set: TESK's two parts follow each other now.
    assert.equal(await parts.count(), 2);
    assert.match(await parts.nth(1).locator("summary").textContent(), /16 af 16 spørgsmål valgt/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the room's screen follows the chair and never shows notes", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await openDemoWalk(page);
    await page.locator("#step-note").fill("Hemmelig note fra sekretæren");
    await waitSaved(page);

    const room = await openRoom(page, context, "Åbn storskærm");
    room.on("pageerror", (e) => errors.push(String(e)));
    await room.getByTestId("room-question").waitFor();
    assert.match(await room.getByTestId("room-where").textContent(), /^Teknologi · spørgsmål 1 af 6$/);
    assert.equal(await room.getByTestId("room-question").textContent(), await question(page));

    // The chair moves on; the room follows within a second or two.
    await page.getByRole("button", { name: "Næste spørgsmål" }).click();
    await room.waitForFunction(() => document.querySelector("[data-testid=room-where]")?.textContent === "Teknologi · spørgsmål 2 af 6");

    // A continuum question: counts while hidden, the chart once revealed.
    await page.locator(".nav-step").nth(16).click();
    await page.getByTestId("positions").waitFor();
    await room.getByTestId("room-answered").waitFor();
    assert.equal(await room.getByTestId("room-answered").textContent(), "0 af 6 har svaret");
    const sliders = page.locator("input[type=range]");
    for (let i = 0; i < 3; i++) {
      await sliders.nth(i).focus();
      await page.keyboard.press(i === 0 ? "Home" : "End");
    }
    await page.waitForFunction(() => document.querySelector("[data-testid=answered]")?.textContent.trim() === "3 af 6 har svaret");
    await room.waitForFunction(() => document.querySelector("[data-testid=room-answered]")?.textContent === "3 af 6 har svaret");
    assert.equal(await room.getByTestId("continuum-chart").count(), 0);
    await page.getByRole("button", { name: "Vis placeringer" }).click();
    await room.getByTestId("continuum-chart").waitFor();
    assert.equal(await room.getByTestId("chart-description").textContent(), "3 placeringer; median 100, midterste halvdel 50–100.");

    // Notes and questions to the administration never reach the room.
    await page.locator("#step-note").fill("Endnu en hemmelig note");
    await waitSaved(page);
    await room.waitForTimeout(1500);
    const text = await room.locator("body").textContent();
    assert.ok(!text.includes("Hemmelig note") && !text.includes("hemmelig note"), "the room shows a note");
    assert.equal(await room.locator("textarea, input").count(), 0);

    // A closed (Lukket) item never reaches the room: it waits instead.
    const walkUrl = page.url();
    await page.goto(walkUrl.replace(/\/walk\/\d+$/, ""));
    await openCaseItem(page);
    await page.getByTestId("item-editor").locator("input[type=radio][value=closed]").check();
    await waitSaved(page);
    await room.waitForFunction(() => document.querySelector("[data-testid=room-question]") === null);
    assert.match(await room.locator("h1").textContent(), /Mødet er ikke i gang med et åbent punkt/);
    // (The meeting's own title names the case too: only the item's title and case count.)
    const roomText = (await room.locator("body").textContent()).replaceAll(DEMO_MEETING, "");
    assert.ok(!roomText.includes(CASE_ITEM), "the room names the closed item");
    assert.ok(!roomText.includes("Algoritmer, der ud fra data"), "the room shows the closed item's case");
    await page.goto(walkUrl);
    await page.getByTestId("walk-closed-note").waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("text at 200 %: the walk with positions does not scroll sideways", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await openDemoWalk(page);
    await page.locator(".nav-step").nth(16).click();
    await page.getByTestId("positions").waitFor();
    await page.locator("input[type=range]").first().focus();
    await page.keyboard.press("End");
    await page.getByRole("button", { name: "Vis placeringer" }).click();
    await page.getByTestId("continuum-chart").waitFor();
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the walk is ${overflow}px wider than the window at 200 % text`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const TEXT = {
  da: { reveal: "Vis placeringer", summary: "Oversigt over gennemgangen", room: "Åbn storskærm" },
  en: { reveal: "Show positions", summary: "Summary of the walk", room: "Open the projector view" },
};

async function assertNoViolations(page, what) {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

for (const lang of ["da", "en"]) {
  describe(`the walk passes axe (${lang})`, () => {
    test(`plan, walk, positions, revealed chart, summary and room (${lang})`, async () => {
      const { page, context, errors } = await newPage(browser, server.url, { lang });
      try {
        const text = TEXT[lang];
        await page.getByRole("button", { name: DEMO[lang] }).click();
        await page.waitForURL(/#\/committees\/\d+$/);
        await openDemoMeeting(page);
        await openCaseItem(page);
        await page.getByTestId("walk-plan").locator("details").first().waitFor();
        await page.getByTestId("walk-plan").locator("details summary").first().click();
        await assertNoViolations(page, "walk plan editor");
        await page.getByTestId("walk-plan").locator("a.btn-primary").click();
        await page.getByTestId("walk-where").waitFor();
        if (lang === "en") assert.equal(await where(page), "Technology · question 1 of 6");
        await page.locator("#step-note").fill("Note");
        await page.locator("#qa-text").fill("Question?");
        await page.locator(".qa-form button[type=submit]").click();
        await page.locator(".qa-list li").first().waitFor();
        await assertNoViolations(page, "walk");

        await page.locator(".nav-step").nth(16).click();
        await page.getByTestId("positions").waitFor();
        const sliders = page.locator("input[type=range]");
        await sliders.nth(0).focus();
        await page.keyboard.press("End");
        await sliders.nth(1).focus();
        await page.keyboard.press("Home");
        await page.locator(".position-row").nth(2).locator("input[type=checkbox]").check();
        await page.locator(".position-row").nth(2).locator("input.reason").fill(lang === "da" ? "Inhabil" : "Conflict of interest");
        await page.waitForFunction(() => document.querySelector("[data-testid=answered]")?.textContent.trim().startsWith("3 "));
        await assertNoViolations(page, "positions, hidden");
        await page.getByRole("button", { name: text.reveal }).click();
        await page.getByTestId("continuum-chart").waitFor();
        assert.equal(await page.getByTestId("chart-table").locator("tbody tr").count(), 3);
        await assertNoViolations(page, "revealed chart");

        const walkUrl = page.url();
        await page.getByRole("link", { name: text.summary }).click();
        await page.getByTestId("summary-continua").waitFor();
        assert.equal(await page.getByTestId("summary-continuum").count(), 6);
        await assertNoViolations(page, "summary");

        await page.goto(walkUrl);
        await page.getByTestId("walk-where").waitFor();
        const room = await openRoom(page, context, text.room);
        await room.getByTestId("continuum-chart").waitFor();
        assert.equal(await room.getAttribute("html", "lang"), lang);
        await assertNoViolations(room, "room with the revealed chart");
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}
