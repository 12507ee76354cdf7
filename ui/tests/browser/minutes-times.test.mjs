// The secretary's times and guests on the minutes page (issue 4): "Mødet påbegyndt" and
// "Protokollen blev læst og mødet hævet kl." recorded with one key press (the buttons, or
// Alt+Shift+B / Alt+Shift+H anywhere but in a text field), shown as "kl. 18.00", corrected in
// autosaved fields with a clear Danish error when the end comes before the start; guests
// added and removed. All by keyboard alone.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { core, launchBrowser, newPage, serveDist, tabTo, tabToSelector, typeDateTime, waitSaved } from "./helpers.mjs";

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

function localNowPrefix() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T`;
}

/** The demo's upcoming temamøde (a draft; the demo's other meetings are held and approved). */
const DEMO_MEETING = "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere";

/**
 * Demo workspace, then the demo temamøde's minutes page; returns the meeting's id. The
 * temamøde lies a few weeks ahead: it is moved to 12 March 2026, 18–20 first, so that the times
 * recorded "now" come after the meeting's day, as at a meeting that has been held.
 */
async function openMinutes(page) {
  await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  await page.locator("table").nth(1).getByRole("link", { name: DEMO_MEETING, exact: true }).click();
  await page.waitForURL(/#\/meetings\/\d+$/);
  const id = Number(/#\/meetings\/(\d+)$/.exec(page.url())[1]);
  await core(page, "update_meeting", { id, patch: { starts_at: "2026-03-12T18:00", ends_at: "2026-03-12T20:00" } });
  await page.getByRole("link", { name: "Referat, godkendelse og eksport" }).click();
  await page.waitForURL(/#\/meetings\/\d+\/minutes$/);
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  return id;
}

const announced = (page, text) =>
  page.waitForFunction((t) => document.querySelector("[data-testid=announcer]")?.textContent.includes(t), text);

test("times by key press and by button, corrected and refused, by keyboard alone", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await openMinutes(page);
    const began = page.getByTestId("began-time");
    const adjourned = page.getByTestId("adjourned-time");
    assert.equal(await began.textContent(), "Ikke registreret");
    assert.equal(await adjourned.textContent(), "Ikke registreret");

    // The documented shortcuts are on the buttons for assistive technology.
    const beganButton = page.getByRole("button", { name: "Mødet påbegyndt nu" });
    assert.equal(await beganButton.getAttribute("aria-keyshortcuts"), "Alt+Shift+B");
    assert.equal(
      await page.getByRole("button", { name: "Mødet hævet nu" }).getAttribute("aria-keyshortcuts"),
      "Alt+Shift+H",
    );

    // One key press from the page's heading records the start, now.
    await page.keyboard.press("Alt+Shift+B");
    await announced(page, "Mødet påbegyndt");
    assert.ok((await page.inputValue("#began-at")).startsWith(localNowPrefix()), "the start is now");
    // Today is not the demo meeting's day, so the date is written out.
    assert.match(await began.textContent(), /^\d{1,2}\. \p{L}+ \d{4} kl\. \d{2}\.\d{2}$/u);

    // The button does the same for the adjournment, by keyboard.
    await tabToSelector(page, "button[aria-keyshortcuts='Alt+Shift+H']");
    await page.keyboard.press("Enter");
    await announced(page, "Protokollen blev læst og mødet hævet");
    assert.ok((await page.inputValue("#adjourned-at")).startsWith(localNowPrefix()));

    // Correct the start to the meeting's day: shown as the minutes write it.
    await tabToSelector(page, "#began-at");
    await typeDateTime(page, "2026-03-12T18:00");
    await page.keyboard.press("Tab");
    await waitSaved(page);
    await page.waitForFunction(() => document.querySelector("[data-testid=began-time]")?.textContent === "kl. 18.00");

    // An adjournment before the start is refused with a clear Danish message at the field.
    await tabToSelector(page, "#adjourned-at");
    await typeDateTime(page, "2026-03-12T17:30");
    await page.keyboard.press("Tab");
    await waitSaved(page);
    const error = page.locator("#adjourned-at-error");
    await error.waitFor();
    assert.equal(
      (await error.textContent()).replace("⚠", "").replace("Fejl:", "").trim(),
      "Mødet kan ikke være hævet (2026-03-12 17:30), før det blev påbegyndt (2026-03-12 18:00).",
    );
    assert.equal(await page.getAttribute("#adjourned-at", "aria-invalid"), "true");
    assert.ok((await page.getAttribute("#adjourned-at", "aria-describedby")).includes("adjourned-at-error"));
    // The refused value was not stored.
    assert.ok(!(await adjourned.textContent()).includes("17.30"));

    // Fixed: saved, the error goes. (Back out of the field and in again: Chromium's date
    // segments keep no edits right after a refused value otherwise.)
    await tabToSelector(page, "button[aria-keyshortcuts='Alt+Shift+H']", { shift: true });
    await tabToSelector(page, "#adjourned-at");

    await typeDateTime(page, "2026-03-12T20:15");
    await page.keyboard.press("Tab");
    await waitSaved(page);
    await page.waitForFunction(() => document.querySelector("[data-testid=adjourned-time]")?.textContent === "kl. 20.15");
    assert.equal(await error.count(), 0);
    assert.equal(await page.getAttribute("#adjourned-at", "aria-invalid"), null);

    // While typing in a text field the shortcut types, it records nothing.
    await tabToSelector(page, "#guest-name");
    await page.keyboard.press("Alt+Shift+B");
    await page.waitForTimeout(150);
    assert.equal(await began.textContent(), "kl. 18.00");

    // Marking the start now, after the recorded adjournment, is refused with the reason.
    await page.locator("h1").focus();
    await page.keyboard.press("Alt+Shift+B");
    await page.locator("#times-error").waitFor();
    assert.match(await page.locator("#times-error").textContent(), /Mødet kan ikke være hævet/);
    assert.equal(await began.textContent(), "kl. 18.00");

    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a recorded time survives leaving the page and can be cleared", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const id = await openMinutes(page);
    await page.getByRole("button", { name: "Mødet påbegyndt nu" }).click();
    await announced(page, "Mødet påbegyndt");
    await page.fill("#began-at", "2026-03-12T17:05");
    await page.locator("#began-at").blur();
    await waitSaved(page);
    await page.goto(`${server.url}#/meetings/${id}`);
    await page.locator("h1").waitFor();
    await page.goto(`${server.url}#/meetings/${id}/minutes`);
    await page.waitForFunction(() => document.querySelector("[data-testid=began-time]")?.textContent === "kl. 17.05");
    assert.equal(await page.inputValue("#began-at"), "2026-03-12T17:05");
    // Emptying the field removes the time.
    await page.fill("#began-at", "");
    await page.locator("#began-at").blur();
    await waitSaved(page);
    await page.waitForFunction(() => document.querySelector("[data-testid=began-time]")?.textContent === "Ikke registreret");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("guests are added and removed by keyboard, and listed as text", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await openMinutes(page);
    assert.equal(await page.getByTestId("guests").count(), 0);

    // A guest without a name is refused at the name field.
    await tabToSelector(page, "#guest-name");
    await page.keyboard.press("Enter");
    await page.locator("#guest-name-error").waitFor();
    assert.equal(await page.getAttribute("#guest-name", "aria-invalid"), "true");

    await page.keyboard.type("Sofie Brandt");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Center for Sundhed og Omsorg");
    await page.keyboard.press("Enter");
    await announced(page, "Sofie Brandt er tilføjet som gæst");
    const guests = page.getByTestId("guests");
    assert.equal(await guests.locator("li span").first().textContent(), "Sofie Brandt, Center for Sundhed og Omsorg");
    // Focus is back in the name field for the next guest; the fields are empty.
    assert.equal(await page.evaluate(() => document.activeElement.id), "guest-name");
    assert.equal(await page.inputValue("#guest-affiliation"), "");
    assert.equal(await page.locator("#guest-name-error").count(), 0);

    await page.keyboard.type("Ole Vang");
    await page.keyboard.press("Enter");
    await announced(page, "Ole Vang er tilføjet som gæst");
    assert.equal(await guests.locator("li").count(), 2);

    await tabTo(page, () => document.activeElement?.textContent?.trim() === "Fjern Sofie Brandt", undefined, { shift: true });
    await page.keyboard.press("Enter");
    await announced(page, "Sofie Brandt er fjernet som gæst");
    assert.equal(await guests.locator("li").count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement.id), "guests-heading");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
