// The live session in the real app: the chair starts it from the walk of the demo temamøde
// (real IPC, the core's server on the network), three participants join from three headless
// Chromium browsers at phone size through the address the panel shows, each sets their own
// position; the chair's panel shows who has answered within its one-second refresh, the
// reveal shows the three positions in the chair's chart, the minutes carry them, and the
// stop closes the port.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startDriver, launchApp, until } from "./harness.mjs";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const { chromium } = createRequire(join(ROOT, "ui", "package.json"))("playwright-core");
const CLI = process.env.PEJLING_CLI;
const ORG_1 = "Hvad skal politikerne beskæftige sig med? (i digitaliseringen)";

let driver;
const phones = [];

before(async () => {
  assert.ok(CLI, "PEJLING_CLI must point at the pejling CLI (make test-e2e sets it)");
  driver = await startDriver();
});

after(async () => {
  for (const b of phones) await b.close();
  await driver?.stop();
});

async function press(browser, ...keys) {
  for (const k of keys) await browser.keys(k);
}

async function focus(browser, find, ...args) {
  const el = await browser.execute(find, ...args);
  assert.ok(el, `nothing to focus for ${find}`);
  await browser.execute((e) => e.focus(), el);
}

const text = (browser, selector) => browser.execute((s) => document.querySelector(s)?.textContent.trim() ?? null, selector);

test("three participants on their own devices, their positions on the chair's screen and in the minutes", { timeout: 240000 }, async () => {
  const browser = await launchApp(driver.port);
  try {
    await until(browser, async () => (await text(browser, "main h1")) === "Velkommen til Pejling", "the welcome page");
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Opret demo-arbejdsområde"));
    await press(browser, "Enter");
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
    await focus(browser, (q) => [...document.querySelectorAll(".nav-step")].find((b) => b.textContent.includes(q)), ORG_1);
    await press(browser, "Enter");
    await until(browser, async () => (await text(browser, "#question-heading")) === ORG_1, "the first organisation question");

    // Start the live session from the panel.
    await focus(browser, () => [...document.querySelectorAll("[data-testid=live-panel] button")].find((b) => b.textContent.trim() === "Start livesession"));
    await press(browser, "Enter");
    await until(browser, async () => (await text(browser, "[data-testid=live-url]")) !== null, "the live session's address");
    const shown = await text(browser, "[data-testid=live-url]");
    const code = await text(browser, "[data-testid=live-code]");
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.ok(shown.endsWith(code.replace("-", "")), `${shown} carries the code`);
    assert.equal(await browser.execute(() => document.querySelectorAll("[data-testid=live-panel] svg.qr path").length), 1, "a QR code");
    // The address names this machine on the network (the interface of the default route, or
    // the one the chair chose); the phones use it as shown.
    const url = shown;

    const values = [30, 65, 90];
    for (let i = 0; i < 3; i++) {
      const b = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
      phones.push(b);
      const page = await (await b.newContext({ viewport: { width: 390, height: 844 }, locale: "da-DK" })).newPage();
      await page.goto(url);
      await page.locator("input[name=person_id]").first().check();
      await page.getByRole("button", { name: "Deltag" }).click();
      await page.waitForURL(/\/me$/);
      // Admission per person: the chair approves the request on the panel, by keyboard.
      await until(browser, () => browser.execute(() => [...document.querySelectorAll("[data-testid=live-panel] button")].some((b) => b.textContent.trim().startsWith("Godkend"))), "the request on the chair's panel", 5000);
      await focus(browser, () => [...document.querySelectorAll("[data-testid=live-panel] button")].find((b) => b.textContent.trim().startsWith("Godkend")));
      await press(browser, "Enter");
      // The waiting page refreshes itself and then shows the question.
      await page.locator("#question").waitFor({ timeout: 15000 });
      assert.equal(await page.locator("#question").innerText(), ORG_1);
      await page.locator("main#live[data-ready]").waitFor();
      await page.locator("#value").fill(String(values[i]));
      await page.locator("#status").filter({ hasText: `Din placering er gemt: ${values[i]} af 100.` }).waitFor();
    }

    // The chair's panel: three joined, three answered, within its one-second refresh.
    await until(browser, async () => (await text(browser, "[data-testid=live-count]")) === "3 af 6 har svaret på spørgsmålet.", "three answers on the chair's panel", 5000);
    assert.equal(
      await browser.execute(() => [...document.querySelectorAll("[data-testid=live-panel] li")].filter((li) => li.textContent.includes("tilsluttet") && !li.textContent.includes("ikke tilsluttet")).length),
      3,
    );

    // The reveal: the chair's chart shows the three positions.
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Vis placeringer"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=continuum-chart]")), "the chart");
    assert.equal(await text(browser, "[data-testid=chart-description]"), "3 placeringer; median 65, midterste halvdel 47,5–77,5.");

    // The minutes carry them.
    const meeting = /meetings\/(\d+)/.exec(await browser.execute(() => location.hash))[1];
    const out = join(driver.dataHome, "referat.md");
    execFileSync(CLI, ["--db", driver.dbPath, "export", meeting, "--what", "referat", "--format", "md", "--out", out]);
    assert.match(readFileSync(out, "utf8"), /Antal placeringer: 3, median 65, midterste halvdel 47,5–77,5, fra 30 til 90\./);

    // Stop: the port closes.
    await focus(browser, () => [...document.querySelectorAll("[data-testid=live-panel] button")].find((b) => b.textContent.trim() === "Stop livesession"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("[data-testid=live-panel] button")].some((b) => b.textContent.trim() === "Start livesession")), "the stopped session");
    await assert.rejects(fetch(url), "nothing answers once the session has stopped");
  } finally {
    await browser.deleteSession();
  }
});
