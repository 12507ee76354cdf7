// The high-contrast theme: switched by keyboard, remembered, chosen by the system's "more
// contrast" preference when the user has not chosen, and axe-clean (incl. colour contrast).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, describeViolations, launchBrowser, newPage, serveDist, tabTo } from "./helpers.mjs";

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

async function assertNoViolations(page, what) {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

/** The demo's upcoming temamøde (a draft; the demo's other meetings are held and approved). */
const DEMO_MEETING = "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere";

const themeOf = (page) => page.evaluate(() => document.documentElement.dataset.theme);
const toggle = (page) => page.locator("button.contrast-toggle");

test("high contrast is switched on and off by keyboard and remembered", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("heading", { level: 1, name: "Velkommen til Pejling" }).waitFor();
    assert.equal(await themeOf(page), "standard");
    assert.equal(await toggle(page).getAttribute("aria-pressed"), "false");
    // The toggle's name does not change; its pressed state does.
    assert.equal(await toggle(page).textContent().then((s) => s.replace(/\s+/g, " ").trim()), "◐ Høj kontrast");

    await tabTo(page, () => document.activeElement?.classList.contains("contrast-toggle"));
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "high-contrast");
    assert.equal(await toggle(page).getAttribute("aria-pressed"), "true");
    // The page really changed: text is pure black now.
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), "rgb(0, 0, 0)");
    assert.equal(await page.evaluate(() => localStorage.getItem("pejling.theme")), "high-contrast");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Velkommen til Pejling" }).waitFor();
    assert.equal(await themeOf(page), "high-contrast");
    assert.equal(await toggle(page).getAttribute("aria-pressed"), "true");

    await tabTo(page, () => document.activeElement?.classList.contains("contrast-toggle"));
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "standard");
    assert.equal(await page.evaluate(() => localStorage.getItem("pejling.theme")), "standard");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the system's 'more contrast' preference applies until the user chooses", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, contrast: "more" });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: "Velkommen til Pejling" }).waitFor();
    assert.equal(await themeOf(page), "high-contrast");
    assert.equal(await toggle(page).getAttribute("aria-pressed"), "true");
    // An explicit choice wins over the system.
    await toggle(page).click();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Velkommen til Pejling" }).waitFor();
    assert.equal(await themeOf(page), "standard");
  } finally {
    await context.close();
  }
});

for (const lang of ["da", "en"]) {
  test(`high contrast passes axe on the main views (${lang})`, async () => {
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      await context.addInitScript(() => localStorage.setItem("pejling.theme", "high-contrast"));
      await page.reload();
      const welcome = lang === "da" ? "Velkommen til Pejling" : "Welcome to Pejling";
      await page.getByRole("heading", { level: 1, name: welcome }).waitFor();
      assert.equal(await themeOf(page), "high-contrast");
      await assertNoViolations(page, "welcome");

      await page.getByRole("button", { name: lang === "da" ? "Opret demo-arbejdsområde" : "Create demo workspace" }).click();
      await page.waitForURL(/#\/committees\/\d+$/);
      await page.locator("tbody tr").first().waitFor();
      await assertNoViolations(page, "committee");

      // The demo's upcoming temamøde, its case item (the one with a walk plan).
      await page.locator("table").nth(1).getByRole("link", { name: DEMO_MEETING, exact: true }).click();
      await page.waitForURL(/#\/meetings\/\d+$/);
      await page.locator(".item-select", { hasText: "Algoritmer til forebyggelse af fald" }).click();
      await page.getByTestId("walk-plan").waitFor();
      await assertNoViolations(page, "meeting with the walk plan");

      await page.getByTestId("walk-plan").locator("a.btn-primary").click();
      await page.waitForURL(/#\/meetings\/\d+\/walk\/\d+$/);
      await page.getByTestId("walk-where").waitFor();
      await assertNoViolations(page, "walk");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
