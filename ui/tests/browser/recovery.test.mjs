// The recovery screen and the backups page, by keyboard alone, on the real core (the test host's scenarios): a database that
// does not open shows why and offers the newest good backup; restoring it, from the list or
// from a chosen file, brings the workspace back; a database open in another window offers
// nothing that could overwrite it; a backup taken on request is listed at once.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { core, launchBrowser, newPage, scriptDialogs, serveDist, tabTo } from "./helpers.mjs";

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

const focusedText = () => document.activeElement?.textContent?.trim() ?? "";

async function tabToButton(page, label) {
  await tabTo(page, (l) => document.activeElement?.tagName === "BUTTON" && document.activeElement.textContent.trim() === l, label);
}

test("a damaged database: the newest good backup is offered and restored by keyboard", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.goto(`${server.url}?scenario=damaged`);
    const heading = page.getByRole("heading", { level: 1, name: "Arbejdsområdet kunne ikke åbnes" });
    await heading.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus starts on the heading");
    const reason = await page.getByTestId("recovery-reason").textContent();
    // The test host's damaged file is random bytes: the core says it is no database at all.
    assert.match(reason, /ikke en Pejling-database: den er slet ikke en database \(.*beskadiget helt fra begyndelsen\)\. Den er ikke ændret\./);
    assert.match(await page.getByTestId("recovery-newest").textContent(), /Den nyeste sikkerhedskopi, der kan åbnes, er fra/);
    assert.match(await page.locator("body").textContent(), /lægges den til side med »\.damaged-«/);
    const info = await core(page, "recovery_info");
    assert.ok(info.backups.length >= 1, "the scenario has a backup");
    assert.equal(await page.getByTestId("backup-row").count(), info.backups.length, "every backup that opens is listed");

    await tabToButton(page, "Gendan den nyeste sikkerhedskopi");
    assert.equal(await page.evaluate(focusedText), "Gendan den nyeste sikkerhedskopi");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Udvalg" }).waitFor();
    await page.waitForFunction(() => /er gendannet/.test(document.querySelector("[data-testid=announcer]")?.textContent ?? ""));
    assert.ok((await page.locator(".committee-link").count()) > 0, "the restored workspace is shown");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a database from a newer Pejling says so, and a chosen file can be restored", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.goto(`${server.url}?scenario=too-new`);
    await page.getByRole("heading", { level: 1, name: "Arbejdsområdet kunne ikke åbnes" }).waitFor();
    assert.match(await page.getByTestId("recovery-reason").textContent(), /nyere version af Pejling/);
    // The file chosen in the native dialog: the scenario's own backup.
    const { backups } = await core(page, "recovery_info");
    await scriptDialogs(page, [{ pick: backups[0].path }]);
    await tabToButton(page, "Gendan fra en fil …");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Udvalg" }).waitFor();
    assert.ok((await page.locator(".committee-link").count()) > 0, "the chosen backup's workspace is shown");
    assert.equal((await core(page, "recovery_info")), null, "the workspace opens now");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("no backups: starting empty keeps the file aside after a confirmation", async () => {
  const { page, context, errors } = await newPage(browser, server.url, { lang: "en" });
  try {
    await page.goto(`${server.url}?scenario=no-backups`);
    await page.getByRole("heading", { level: 1, name: "The workspace could not be opened" }).waitFor();
    assert.match(await page.locator("main").textContent(), /There are no backups that open/);
    await tabToButton(page, "Start with an empty workspace");
    await page.keyboard.press("Enter");
    await page.getByRole("alertdialog").waitFor();
    assert.match(await page.getByRole("alertdialog").textContent(), /put aside, not deleted/);
    // Focus starts on Cancel; the confirm button is the next one.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Welcome to Pejling" }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a database open in another window offers nothing that could overwrite it", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.goto(`${server.url}?scenario=in-use`);
    await page.getByRole("heading", { level: 1, name: "Arbejdsområdet kunne ikke åbnes" }).waitFor();
    assert.match(await page.getByTestId("recovery-reason").textContent(), /allerede åben i et andet Pejling-vindue/);
    assert.equal(await page.locator("main button").count(), 0, "no restore, no fresh start");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the backups page: a backup taken now is listed; restoring one asks first and brings the workspace back", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
    await page.waitForURL(/#\/committees\/\d+$/);
    await page.goto(`${server.url}#/`);
    await page.getByRole("link", { name: "Sikkerhedskopier" }).click();
    await page.getByRole("heading", { level: 1, name: "Sikkerhedskopier" }).waitFor();
    const rows = page.getByTestId("backup-row");
    await rows.first().waitFor();
    const before = await rows.count();
    await tabToButton(page, "Tag en sikkerhedskopi nu");
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=backup-row]").length === n + 1, before);
    assert.match(await rows.first().textContent(), /Taget manuelt/);
    assert.match(await rows.first().textContent(), /nyeste/);
    assert.equal(await page.evaluate(focusedText), "Tag en sikkerhedskopi nu", "focus stays on the button");

    await tabTo(page, () => document.activeElement?.getAttribute("aria-label")?.startsWith("Gendan sikkerhedskopien fra") ?? false);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /gemmes først som en sikkerhedskopi/);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Udvalg" }).waitFor();
    await page.waitForFunction(() => /er gendannet/.test(document.querySelector("[data-testid=announcer]")?.textContent ?? ""));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
