// The chair's first journey in the real app (WebKitGTK, real IPC, real SQLite): an empty
// workspace, a committee with a Danish name, a member, a meeting, agenda items typed and
// reordered by keyboard, an item's text saved without a save button — then the app is quit
// and started again, and everything is still there.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { startDriver, launchApp, until } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const COMMITTEE = "Udvalget for ældre, børn og færdselssikkerhed";
const MEETING = "Temamøde om velfærdsteknologi på plejehjem";
const ITEMS = ["Godkendelse af dagsorden", "Oplæg: Sensorer på Æblehaven", "Drøftelse og næste skridt"];
const RESUME = "Forvaltningen har afprøvet sensorer på to plejecentre.\nErfaringerne præsenteres på mødet – også de økonomiske.";

/** Types into the focused element. Text goes one character per WebDriver call: WebKit's
 * driver merges a repeated key within one call ("ss" arrives as "s"). "Enter" is the key. */
async function keys(browser, ...values) {
  for (const v of values) {
    if (v === "Enter") await browser.keys("Enter");
    else for (const ch of v) await browser.keys(ch);
  }
}

/** Sets an input's value the way a user's edit does (datetime-local has no portable typing). */
async function setValue(browser, selector, value) {
  await browser.execute(
    (sel, v) => {
      const el = document.querySelector(sel);
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    selector,
    value,
  );
}

async function focus(browser, selector) {
  await browser.execute((sel) => document.querySelector(sel).focus(), selector);
}

function agendaTitles(browser) {
  return browser.execute(() => [...document.querySelectorAll(".agenda .title")].map((e) => e.textContent));
}

async function waitSaved(browser) {
  await until(
    browser,
    () => browser.execute(() => document.querySelector(".save-status")?.textContent.includes("Alle ændringer er gemt")),
    "“Alle ændringer er gemt”",
  );
}

test("a chair prepares a meeting, quits, and finds it all again", { timeout: 120000 }, async () => {
  let browser = await launchApp(driver.port);
  try {
    // A fresh workspace starts on the welcome page, in Danish.
    await until(browser, async () => (await browser.execute(() => document.querySelector("h1")?.textContent)) === "Velkommen til Pejling", "welcome page");
    assert.equal(await browser.execute(() => document.documentElement.lang), "da");
    await browser.execute(() => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Start med et tomt arbejdsområde").click());

    // A committee: an empty name is refused with a Danish message, then a real one is created.
    await until(browser, () => browser.execute(() => !!document.querySelector("#new-committee-name")), "the new-committee form");
    await focus(browser, "#new-committee-name");
    await keys(browser, "Enter");
    await until(
      browser,
      () => browser.execute(() => document.body.textContent.includes("Navnet må ikke være tomt")),
      "a Danish message for the empty name",
    );
    await focus(browser, "#new-committee-name");
    await keys(browser, COMMITTEE, "Enter");
    await until(browser, async () => (await browser.execute(() => document.querySelector("h1")?.textContent)) === COMMITTEE, "the committee page");

    // A member, by keyboard.
    await focus(browser, "#new-member-name");
    await keys(browser, "Åse Østergård Nørgaard", "Enter");
    await until(
      browser,
      () => browser.execute(() => [...document.querySelectorAll("table[aria-labelledby=members-heading] input")].some((i) => i.value === "Åse Østergård Nørgaard")),
      "the new member's row",
    );

    // A meeting.
    await focus(browser, "#new-meeting-title");
    await keys(browser, MEETING);
    await setValue(browser, "#new-meeting-starts", "2027-03-02T17:00");
    await setValue(browser, "#new-meeting-ends", "2027-03-02T19:30");
    await browser.execute(() => document.querySelector("form:has(#new-meeting-title) button[type=submit]").click());
    await until(browser, async () => (await browser.execute(() => document.querySelector("h1")?.textContent)) === MEETING, "the meeting page");

    // Three agenda items from the same input, then the last one moved up twice with Alt+↑.
    await focus(browser, "#new-item-title");
    for (const title of ITEMS) {
      await keys(browser, title, "Enter");
      await until(browser, async () => (await agendaTitles(browser)).includes(title), `item “${title}”`);
    }
    assert.deepEqual(await agendaTitles(browser), ITEMS);
    await browser.execute(() => [...document.querySelectorAll(".agenda .item-select")].at(-1).focus());
    await browser.keys(["Alt", "ArrowUp"]);
    await until(browser, async () => (await agendaTitles(browser))[1] === ITEMS[2], "the item moved to number 2");
    await browser.keys(["Alt", "ArrowUp"]);
    await until(browser, async () => (await agendaTitles(browser))[0] === ITEMS[2], "the item moved to number 1");
    assert.deepEqual(await agendaTitles(browser), [ITEMS[2], ITEMS[0], ITEMS[1]]);

    // Open the (now first) item and write its Resumé with a line break; no save button.
    await keys(browser, "Enter");
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=item-editor]")), "the item editor");
    await focus(browser, "textarea[id$=-summary]");
    const [first, second] = RESUME.split("\n");
    await keys(browser, first);
    await browser.keys(["Shift", "Enter"]);
    await keys(browser, second);
    await waitSaved(browser);
  } finally {
    await browser.deleteSession();
  }

  // The app process is gone; the database holds the journey.
  assert.ok(existsSync(driver.dbPath), `no database at ${driver.dbPath}`);

  // Start the app again: the committee, the meeting, the order and the text are all there.
  browser = await launchApp(driver.port);
  try {
    await until(browser, () => browser.execute(() => document.body.textContent.includes("Udvalget for ældre")), "the committee in the list");
    await browser.execute((name) => [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === name).click(), COMMITTEE);
    await until(browser, async () => (await browser.execute(() => document.querySelector("h1")?.textContent)) === COMMITTEE, "the committee page");
    assert.ok(
      await browser.execute(() => [...document.querySelectorAll("table[aria-labelledby=members-heading] input")].some((i) => i.value === "Åse Østergård Nørgaard")),
      "the member is kept",
    );
    await browser.execute((name) => [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === name).click(), MEETING);
    await until(browser, async () => (await agendaTitles(browser)).length === 3, "the agenda");
    assert.deepEqual(await agendaTitles(browser), [ITEMS[2], ITEMS[0], ITEMS[1]]);
    await browser.execute(() => document.querySelector(".agenda .item-select").click());
    await until(browser, () => browser.execute(() => !!document.querySelector("textarea[id$=-summary]")), "the item editor");
    assert.equal(await browser.execute(() => document.querySelector("textarea[id$=-summary]").value), RESUME);
    assert.deepEqual(
      await browser.execute(() => [...document.querySelectorAll(".agenda .number")].map((e) => e.textContent.replace(/\D/g, ""))),
      ["1", "2", "3"],
    );
  } finally {
    await browser.deleteSession();
  }

  // The CLI reads the same database: the app and the core agree.
  const cli = process.env.PEJLING_CLI;
  assert.ok(cli && existsSync(cli), `PEJLING_CLI must point at the built pejling CLI (got ${cli})`);
  const out = execFileSync(cli, ["--db", driver.dbPath, "meetings"], { encoding: "utf8" });
  assert.match(out, /Temamøde om velfærdsteknologi på plejehjem/);
});
