// Did insight move the room? In the real app: the chair starts a live session on the first
// organisation question of the demo temamøde; three participants on phone-sized headless
// Chromium browsers answer with a reason, the chair starts the second round (the phones
// follow by themselves), they answer again; the reveal shows each move and the median's move
// on the chair's screen, and the referat states both rounds and the reasons. Then, at a TESK
// perspective, a participant sends a point ("Hvad vil du belyse?"), the chair sees it arrive
// and makes it a question to the administration in one action.
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

test("three phones answer twice with reasons and send a point; the chair sees the move and makes the point a question", { timeout: 300000 }, async () => {
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

    await focus(browser, () => [...document.querySelectorAll("[data-testid=live-panel] button")].find((b) => b.textContent.trim() === "Start livesession"));
    await press(browser, "Enter");
    await until(browser, async () => (await text(browser, "[data-testid=live-url]")) !== null, "the live session's address");
    const url = await text(browser, "[data-testid=live-url]");

    // Round 1, each with a reason.
    const first = [30, 65, 90];
    const pages = [];
    for (let i = 0; i < 3; i++) {
      const b = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
      phones.push(b);
      const page = await (await b.newContext({ viewport: { width: 390, height: 844 }, locale: "da-DK" })).newPage();
      pages.push(page);
      await page.goto(url);
      await page.locator("input[name=person_id]").first().check();
      await page.getByRole("button", { name: "Deltag" }).click();
      await page.waitForURL(/\/me$/);
      await until(browser, () => browser.execute(() => [...document.querySelectorAll("[data-testid=live-panel] button")].some((b) => b.textContent.trim().startsWith("Godkend"))), "the request on the chair's panel", 5000);
      await focus(browser, () => [...document.querySelectorAll("[data-testid=live-panel] button")].find((b) => b.textContent.trim().startsWith("Godkend")));
      await press(browser, "Enter");
      await page.locator("#question").waitFor({ timeout: 15000 });
      await page.locator("main#live[data-ready]").waitFor();
      await page.locator("#reason").fill(`Begrundelse ${first[i]}`);
      await page.locator("#value").fill(String(first[i]));
      await page.locator("#status").filter({ hasText: `Din placering er gemt: ${first[i]} af 100.` }).waitFor();
    }
    await until(browser, async () => (await text(browser, "[data-testid=live-count]")) === "3 af 6 har svaret på spørgsmålet.", "three answers", 5000);

    // The chair starts the second round; the phones follow by themselves.
    await focus(browser, () => document.querySelector("button[data-round-two]"));
    await press(browser, "Enter");
    await until(browser, async () => (await text(browser, "[data-testid=round]")) === "Anden runde (efter drøftelsen)", "round 2 on the chair's screen");
    const second = [50, 60, 70];
    for (let i = 0; i < 3; i++) {
      const page = pages[i];
      await page.locator(".round").filter({ hasText: "Anden runde" }).waitFor({ timeout: 15000 });
      await page.locator("main#live[data-ready]").waitFor();
      await page.locator("#value").fill(String(second[i]));
      await page.locator("#status").filter({ hasText: `Din placering er gemt: ${second[i]} af 100.` }).waitFor();
    }
    await until(browser, async () => (await text(browser, "[data-testid=live-count]")) === "3 af 6 har svaret på spørgsmålet.", "three answers in round 2", 5000);

    // The reveal: each move, the median's move and the spread before and after.
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Vis placeringer"));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=rounds-chart]")), "the two rounds");
    assert.equal(await text(browser, "[data-testid=median-shift]"), "Medianen flyttede sig −5 point: fra 65 til 60.");
    assert.equal(await browser.execute(() => document.querySelectorAll("[data-testid=rounds-chart] li.move").length), 3);
    assert.match(await text(browser, "[data-testid=reasons-first]"), /Begrundelse 30/);

    // A TESK perspective: a point from a phone reaches the chair; one action makes it a question.
    await focus(browser, () => document.querySelectorAll(".nav-step")[0]);
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=walk-points]")), "the points panel");
    const phone = pages[1];
    await phone.locator("#point").waitFor({ timeout: 15000 });
    assert.equal(await phone.locator("label[for=point]").innerText(), "Hvad vil du belyse?");
    await phone.locator("main#live[data-ready]").waitFor();
    await phone.locator("#point").fill("Hvem ejer data?");
    await phone.getByRole("button", { name: "Send punkt" }).click();
    await phone.locator("#point-status").filter({ hasText: "Dit punkt er sendt" }).waitFor();
    await until(browser, async () => ((await text(browser, "[data-testid=walk-points] .point .text")) ?? "").startsWith("Hvem ejer data?"), "the point on the chair's screen", 6000);
    await focus(browser, () => [...document.querySelectorAll("[data-testid=walk-points] button")].find((b) => b.textContent.includes("Gør til spørgsmål")));
    await press(browser, "Enter");
    await until(browser, () => browser.execute(() => [...document.querySelectorAll(".qa-list li")].some((li) => li.textContent.includes("Hvem ejer data?"))), "the question to the administration");

    // The referat states both rounds and the reasons.
    const meeting = /meetings\/(\d+)/.exec(await browser.execute(() => location.hash))[1];
    const out = join(driver.dataHome, "referat.md");
    execFileSync(CLI, ["--db", driver.dbPath, "export", meeting, "--what", "referat", "--format", "md", "--out", out]);
    const referat = readFileSync(out, "utf8");
    assert.match(referat, /Første runde \(før drøftelsen\): 3 placeringer, median 65/);
    assert.match(referat, /Medianen flyttede sig -5 point, fra 65 til 60/);
    assert.match(referat, /Begrundelser i første runde – Tættest på yderposition 1: \(30\) Begrundelse 30/);
    assert.match(referat, /Hvem ejer data\?/);

    await focus(browser, () => [...document.querySelectorAll("[data-testid=live-panel] button")].find((b) => b.textContent.trim() === "Stop livesession"));
    await press(browser, "Enter");
  } finally {
    await browser.deleteSession();
  }
});
