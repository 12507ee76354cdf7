// Meeting packages in the mock build: the meeting page's panel exports (open items only unless
// asked) and the merge review lists the changes made elsewhere and each conflict with its own
// choice; merging is refused until every conflict is chosen, all by keyboard alone; package
// text stays text; axe-core passes in Danish and in English. (The merge itself, on two real
// databases, is tests/packages.rs.)

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, describeViolations, launchBrowser, newPage, serveDist, tabToSelector } from "./helpers.mjs";

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

const TEXT = {
  da: {
    demo: "Opret demo-arbejdsområde",
    export: "Eksportér mødepakke",
    mergeLink: "Flet mødepakke ind",
    pick: "Vælg mødepakke …",
    submit: "Flet ind",
    saved: "Mødepakken er gemt: ",
    unresolved: "er ikke afgjort",
    merged: "Flettet ind: 2 ændringer, 2 konflikter afgjort.",
  },
  en: {
    demo: "Create demo workspace",
    export: "Export meeting package",
    mergeLink: "Merge a meeting package",
    pick: "Choose meeting package …",
    submit: "Merge",
    saved: "The meeting package is saved: ",
    unresolved: "are not resolved",
    merged: "Merged: 2 changes, 2 conflicts resolved.",
  },
};

async function assertNoViolations(page, what) {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

async function activeText(page) {
  return (await page.evaluate(() => document.activeElement?.textContent ?? "")).trim();
}

for (const lang of ["da", "en"]) {
  test(`export and merge review of a meeting package by keyboard, with axe (${lang})`, async () => {
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      const text = TEXT[lang];
      await page.getByRole("button", { name: text.demo }).click();
      await page.waitForURL(/#\/committees\/\d+$/);
      await page.locator("table").nth(1).locator("a").first().click();
      await page.waitForURL(/#\/meetings\/\d+$/);
      const meetingId = Number(page.url().match(/meetings\/(\d+)/)[1]);

      // Export: open items only by default, closed ones when asked.
      await tabToSelector(page, "section[aria-labelledby=package-heading] button.btn-primary", { max: 300 });
      assert.equal(await activeText(page), text.export);
      await page.keyboard.press("Enter");
      const result = page.getByTestId("package-result");
      await result.waitFor();
      assert.ok((await result.textContent()).startsWith(text.saved));
      await page.getByTestId("package-include-closed").focus();
      await page.keyboard.press("Space");
      await page.locator("section[aria-labelledby=package-heading] button.btn-primary").focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => (window.__mockPackageExports ?? []).length === 2);
      assert.deepEqual(await page.evaluate(() => window.__mockPackageExports), [
        { meetingId, includeClosed: false },
        { meetingId, includeClosed: true },
      ]);
      await assertNoViolations(page, "meeting page with the package panel");

      // To the merge review, by keyboard.
      await page.evaluate((id) => (window.__mockPackageMeeting = id), meetingId);
      await tabToSelector(page, `a[href="#/meetings/${meetingId}/package"]`, { max: 300 });
      await page.keyboard.press("Enter");
      await page.waitForURL(/#\/meetings\/\d+\/package$/);
      await page.locator("h1").waitFor();
      await assertNoViolations(page, "merge review before a package is chosen");
      await tabToSelector(page, "main button.btn-primary", { max: 100 });
      assert.equal(await activeText(page), text.pick);
      await page.keyboard.press("Enter");
      await page.getByTestId("package-changes").waitFor();
      assert.equal(await page.getByTestId("package-changes").locator("li").count(), 2);
      assert.equal(await page.getByTestId("package-conflict").count(), 2);
      // Package text is text: the note's markup is shown, never rendered.
      const changes = page.getByTestId("package-changes");
      assert.ok((await changes.textContent()).includes("<b>pilot</b>"));
      assert.equal(await changes.locator("b").count(), 0);
      // Each change says who made it there.
      assert.ok((await changes.textContent()).includes("Formand Birte Ravn"));
      assert.ok((await page.getByTestId("package-conflict").nth(0).textContent()).includes("Sekretær Maja Holm"));
      // A note allows three choices, a position two.
      assert.equal(await page.getByTestId("package-conflict").nth(0).locator("input[type=radio]").count(), 3);
      assert.equal(await page.getByTestId("package-conflict").nth(1).locator("input[type=radio]").count(), 2);
      await assertNoViolations(page, "merge review with changes and conflicts");

      // Nothing chosen: refused, and the page says why.
      await tabToSelector(page, "main form button[type=submit]", { max: 100 });
      assert.equal(await activeText(page), text.submit);
      await page.keyboard.press("Enter");
      await page.getByRole("alert").waitFor();
      assert.ok((await page.getByRole("alert").textContent()).includes(text.unresolved));
      assert.equal(await page.evaluate(() => window.__mockMerged ?? null), null);
      await assertNoViolations(page, "merge review with the refusal");

      // Keep both notes (third radio), take their position (second radio), by keyboard.
      await page.getByTestId("package-conflict").nth(0).locator("input[type=radio]").nth(2).focus();
      await page.keyboard.press("Space");
      await page.getByTestId("package-conflict").nth(1).locator("input[type=radio]").nth(1).focus();
      await page.keyboard.press("Space");
      await page.locator("main form button[type=submit]").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("package-merge-result").waitFor();
      assert.equal(await page.getByTestId("package-merge-result").textContent(), text.merged);
      assert.deepEqual(await page.evaluate(() => window.__mockMerged), [
        { key: "note:a/tesk/t2", resolution: "both" },
        { key: "position:a/org/o1:p1", resolution: "theirs" },
      ]);
      await assertNoViolations(page, "merge review after the merge");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
