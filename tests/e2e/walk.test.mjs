// The guided temamøde in the real app (WebKitGTK, real IPC, real SQLite): the demo workspace,
// the demo temamøde's walk moved through by keyboard, attendance so that five politicians are
// present, five positions set by keyboard on the first organisation question, the reveal, the
// room's screen (a second window made by the shell, with only `room_view` granted) showing the
// question and the revealed chart, and the walk summary with the six continua.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDriver, launchApp, until } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? tmpdir();
const ORG_1 = "Hvad skal politikerne beskæftige sig med? (i digitaliseringen)";
/** The demo's sixth politician, marked absent so that five take positions. */
const ABSENT = "Ole Dam Frandsen";

/** One key per WebDriver call: WebKit's driver merges a repeated key within one call. */
async function press(browser, ...keys) {
  for (const k of keys) await browser.keys(k);
}

/** Moves focus to the element `find` returns in the page (a keyboard user tabs to it). */
async function focus(browser, find, ...args) {
  const el = await browser.execute(find, ...args);
  assert.ok(el, `nothing to focus for ${find}`);
  const ok = await browser.execute((e) => {
    e.focus();
    return document.activeElement === e;
  }, el);
  assert.ok(ok, `focus did not move for ${find}`);
}

const h1 = (browser) => browser.execute(() => document.querySelector("main h1")?.textContent.trim());
const where = (browser) => browser.execute(() => document.querySelector("[data-testid=walk-where]")?.textContent);

async function waitWhere(browser, text) {
  await until(browser, async () => (await where(browser)) === text, `the walk at “${text}”`);
}

async function screenshot(browser, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `pejling-e2e-${name}.png`);
  await browser.saveScreenshot(path);
  console.log(`screenshot: ${path}`);
}

test("the demo temamøde walked by keyboard, five positions revealed on the room's screen, six continua", { timeout: 240000 }, async () => {
  const browser = await launchApp(driver.port);
  try {
    // The demo workspace, from the welcome page.
    await until(browser, async () => (await h1(browser)) === "Velkommen til Pejling", "the welcome page");
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Opret demo-arbejdsområde"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => /^#\/committees\/\d+$/.test(location.hash)), "the demo committee");

    // Its temamøde, the item with the walk plan, and the walk.
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("a")].some((a) => a.textContent.startsWith("Temamøde: Algoritmer"))), "the demo temamøde");
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent.startsWith("Temamøde: Algoritmer")));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => document.querySelectorAll(".item-select").length >= 5), "the agenda");
    await focus(browser, () => [...document.querySelectorAll(".item-select")].find((b) => b.textContent.includes("Algoritmer til forebyggelse af fald")));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("a")].some((a) => a.textContent.trim() === "Gå til gennemgangen")), "the walk plan");
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Gå til gennemgangen"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => /^#\/meetings\/\d+\/walk\/\d+$/.test(location.hash)), "the walk");
    await waitWhere(browser, "Teknologi · spørgsmål 1 af 6");
    assert.match(await browser.execute(() => document.querySelector(".step-of").textContent), /Trin 1 af 22/);

    // Through the questions by keyboard: Page Down/Up and Alt+arrows (focus on the question).
    await focus(browser, () => document.querySelector("#question-heading"));
    await press(browser, "PageDown");
    await waitWhere(browser, "Teknologi · spørgsmål 2 af 6");
    await browser.keys(["Alt", "ArrowRight"]);
    await waitWhere(browser, "Teknologi · spørgsmål 3 af 6");
    await browser.keys(["Alt", "ArrowLeft"]);
    await waitWhere(browser, "Teknologi · spørgsmål 2 af 6");
    await press(browser, "PageUp");
    await waitWhere(browser, "Teknologi · spørgsmål 1 af 6");
    // On to the first organisation question, step 17 of 22, one key at a time.
    for (let step = 2; step <= 17; step++) {
      await press(browser, "PageDown");
      await until(browser, () => browser.execute((n) => document.querySelector(".step-of")?.textContent.includes(`Trin ${n} af 22`), step), `step ${step}`);
    }
    await waitWhere(browser, "Spørgsmål til organisering af den politiske deltagelse i digitalisering · spørgsmål 1 af 6");
    assert.equal(await browser.execute(() => document.querySelector("#question-heading").textContent.trim()), ORG_1);
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=positions]")), "the positions panel");

    // Attendance: six politicians are present until one is marked absent (keyboard on the select).
    await until(browser, () => browser.execute(() => document.querySelectorAll("input[type=range]").length === 6), "six sliders");
    await focus(browser, (name) => {
      const label = [...document.querySelectorAll(".walk-attendance label")].find((l) => l.textContent.includes(name));
      return label && document.getElementById(label.htmlFor);
    }, ABSENT);
    await press(browser, "ArrowDown"); // Til stede → Fraværende
    await until(
      browser,
      () => browser.execute(() => document.activeElement?.value === "absent"),
      "the attendance select at absent",
    );
    await until(browser, () => browser.execute(() => document.querySelectorAll("input[type=range]").length === 5), "five sliders");
    await until(browser, () => browser.execute(() => document.querySelector("[data-testid=answered]")?.textContent.trim() === "0 af 5 har svaret"), "0 of 5 answered");

    // Five positions by keyboard (Page Up/Down move a slider by ten, never the walk).
    const plans = [
      ["End", "PageDown", "PageDown", "PageDown"], // 70
      ["Home", "PageUp", "PageUp", "PageUp", "PageUp"], // 40
      ["Home", "PageUp", "PageUp", "PageUp", "PageUp", "PageUp", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight"], // 55
      ["Home", "PageUp", "PageUp"], // 20
      ["End", ...Array(10).fill("ArrowLeft")], // 90
    ];
    for (const [i, keys] of plans.entries()) {
      await focus(browser, (n) => document.querySelectorAll("input[type=range]")[n], i);
      await press(browser, ...keys);
    }
    assert.deepEqual(await browser.execute(() => [...document.querySelectorAll("input[type=range]")].map((s) => s.value)), ["70", "40", "55", "20", "90"]);
    assert.equal(await where(browser), "Spørgsmål til organisering af den politiske deltagelse i digitalisering · spørgsmål 1 af 6");
    await until(browser, () => browser.execute(() => document.querySelector("[data-testid=answered]")?.textContent.trim() === "5 af 5 har svaret"), "5 of 5 answered", 15000);
    assert.equal(await browser.execute(() => document.querySelectorAll("[data-testid=continuum-chart]").length), 0, "no chart before the reveal");

    // Reveal.
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Vis placeringer"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=continuum-chart]")), "the chart");
    assert.equal(
      await browser.execute(() => document.querySelector("[data-testid=chart-description]").textContent),
      "5 placeringer; median 55, midterste halvdel 40–70.",
    );
    await screenshot(browser, "walk");

    // The room's screen: a second window, opened by the shell.
    const mainHandle = await browser.getWindowHandle();
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.includes("Åbn storskærm")));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => document.body.textContent.includes("Storskærmen er åbnet")), "the room window opened");
    let roomHandle;
    await until(
      browser,
      async () => {
        roomHandle = (await browser.getWindowHandles()).find((h) => h !== mainHandle);
        return Boolean(roomHandle);
      },
      "a second window handle",
    );
    await browser.switchToWindow(roomHandle);
    await until(browser, () => browser.execute(() => /^#\/room\/\d+$/.test(location.hash)), "the room route");
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=room-question]")), "the room's question");
    assert.equal(await browser.execute(() => document.querySelector("[data-testid=room-question]").textContent.trim()), ORG_1);
    assert.equal(
      await browser.execute(() => document.querySelector("[data-testid=room-where]").textContent),
      "Spørgsmål til organisering af den politiske deltagelse i digitalisering · spørgsmål 1 af 6",
    );
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=continuum-chart]")), "the revealed chart on the room's screen");
    assert.equal(
      await browser.execute(() => document.querySelector("[data-testid=chart-description]").textContent),
      "5 placeringer; median 55, midterste halvdel 40–70.",
    );
    assert.equal(await browser.execute(() => document.querySelectorAll(".continuum-chart svg circle.marker").length), 5);
    // Nothing of the secretary's: no fields, no notes panel, no attendance.
    assert.equal(await browser.execute(() => document.querySelectorAll("textarea, input, select").length), 0);
    // The room window may read the room's screen and nothing else (capabilities/room.json).
    const denied = await browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__
        .invoke("get_meeting", { id: 1 })
        .then(() => done("allowed"), (e) => done(String(e)));
    });
    assert.match(denied, /not allowed/i, `get_meeting from the room window: ${denied}`);
    // Presentation type, for the back of the room: 28 px text, the question larger still.
    const [base, size] = await browser.execute(() => [
      parseFloat(getComputedStyle(document.querySelector("[data-testid=room]")).fontSize),
      parseFloat(getComputedStyle(document.querySelector("[data-testid=room-question]")).fontSize),
    ]);
    assert.ok(base >= 28 && size >= 36, `the room's text is ${base}px, its question ${size}px`);
    await screenshot(browser, "room");

    // The chair moves on: the room follows (it polls the core), the chart goes with the question.
    await browser.switchToWindow(mainHandle);
    await focus(browser, () => document.querySelector("#question-heading"));
    await press(browser, "PageDown");
    await waitWhere(browser, "Spørgsmål til organisering af den politiske deltagelse i digitalisering · spørgsmål 2 af 6");
    // Opening the room's screen again brings the same window forward: still two windows.
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.includes("Åbn storskærm")));
    await press(browser, "Enter");
    await browser.pause(500);
    assert.equal((await browser.getWindowHandles()).length, 2, "one room window, not two");
    await browser.switchToWindow(roomHandle);
    await until(
      browser,
      () => browser.execute(() => document.querySelector("[data-testid=room-where]")?.textContent.endsWith("spørgsmål 2 af 6")),
      "the room at the second organisation question",
    );
    assert.equal(await browser.execute(() => document.querySelector("[data-testid=room-question]").textContent.trim()), "Hvor mange politikere skal på banen?");
    assert.equal(await browser.execute(() => document.querySelectorAll("[data-testid=continuum-chart]").length), 0, "not revealed here");
    assert.equal(await browser.execute(() => document.querySelector("[data-testid=room-answered]").textContent), "0 af 5 har svaret");
    // The window has the app's explicit CSP: an injected inline script does not run.
    assert.equal(
      await browser.execute(() => {
        const el = document.createElement("script");
        el.textContent = "window.__inlineScriptRan = true;";
        document.head.append(el);
        return window.__inlineScriptRan === true;
      }),
      false,
      "an inline script ran in the room window",
    );

    // The chair switches to English (language menu, by keyboard): the room follows.
    await browser.switchToWindow(mainHandle);
    await focus(browser, () => document.querySelector(".lang-trigger"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => document.querySelectorAll("[role=menuitemradio]").length === 2), "the language menu");
    await focus(browser, () => [...document.querySelectorAll("[role=menuitemradio]")].find((i) => i.textContent.includes("English")));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => document.documentElement.lang === "en"), "the chair's window in English");
    await browser.switchToWindow(roomHandle);
    await until(
      browser,
      () => browser.execute(() => document.querySelector("[data-testid=room-where]")?.textContent === "Questions on organising political participation in digitalisation · question 2 of 6"),
      "the room in English",
    );
    assert.equal(await browser.execute(() => document.querySelector("[data-testid=room-question]").textContent.trim()), "How many politicians should get involved?");
    assert.equal(await browser.execute(() => document.documentElement.lang), "en");
    await browser.switchToWindow(mainHandle);
    await focus(browser, () => document.querySelector(".lang-trigger"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => document.querySelectorAll("[role=menuitemradio]").length === 2), "the language menu");
    await focus(browser, () => [...document.querySelectorAll("[role=menuitemradio]")].find((i) => i.textContent.includes("Dansk")));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => document.documentElement.lang === "da"), "the chair's window in Danish again");

    // Back to the chair: the summary shows the six continua.
    await browser.switchToWindow(mainHandle);
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Oversigt over gennemgangen"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => /\/summary$/.test(location.hash)), "the summary");
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=summary-continuum]").length === 6), "six continua");
    assert.equal(await browser.execute(() => document.querySelector("#continua-heading").textContent), "Placering i forhold til de seks spørgsmål");
    assert.equal(
      await browser.execute(() => document.querySelector("[data-testid=summary-continuum-result]").textContent),
      "5 placeringer; median 55, midterste halvdel 40–70.",
    );
    assert.equal(await browser.execute(() => document.querySelectorAll(".continua-overview svg circle").length), 5);
    await screenshot(browser, "summary");
  } finally {
    await browser.deleteSession();
  }
});
