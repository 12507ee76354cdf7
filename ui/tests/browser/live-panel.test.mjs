// The walk's live session panel in the mock build: started and stopped by keyboard alone,
// showing the QR code (an image with the address as its name), the address, the join code and
// the participants; axe-core passes with the session running, in Danish and in English. (The
// session itself, served by the real core to three browsers, is live-session.test.mjs.)

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
    start: "Start livesession",
    stop: "Stop livesession",
    qr: "QR-kode til ",
    release: "Frigiv navnet",
    joined: "tilsluttet",
    notJoined: "ikke tilsluttet",
  },
  en: {
    demo: "Create demo workspace",
    start: "Start live session",
    stop: "Stop live session",
    qr: "QR code for ",
    release: "Free the name",
    joined: "joined",
    notJoined: "not joined",
  },
};

/** Demo workspace → the temamøde → the walk of its item with a plan. */
async function openDemoWalk(page, lang) {
  await page.getByRole("button", { name: TEXT[lang].demo }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  await page.locator("table").nth(1).locator("a").first().click();
  await page.waitForURL(/#\/meetings\/\d+$/);
  await page.locator(".item-select").nth(2).click();
  await page.getByTestId("walk-plan").locator("a.btn-primary").click();
  await page.waitForURL(/#\/meetings\/\d+\/walk\/\d+$/);
  await page.getByTestId("walk-where").waitFor();
}

for (const lang of ["da", "en"]) {
  test(`the live session panel works by keyboard and passes axe (${lang})`, async () => {
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      const text = TEXT[lang];
      await openDemoWalk(page, lang);
      const panel = page.getByTestId("live-panel");
      await tabToSelector(page, `[data-testid=live-panel] button`, { max: 200 });
      assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), text.start);
      await page.keyboard.press("Enter");
      await panel.getByTestId("live-code").waitFor();
      assert.equal(await panel.getByTestId("live-code").textContent(), "K7QM-3XPA");
      const url = await panel.getByTestId("live-url").textContent();
      assert.match(url, /^http:\/\/[\d.]+:\d+\/K7QM3XPA$/);
      assert.equal(await panel.getByRole("img", { name: text.qr + url }).count(), 1);
      const politicians = await page.evaluate(() => {
        const meetingId = Number(location.hash.match(/meetings\/(\d+)/)[1]);
        return window.__pejlingMockCore
          .attendanceEntries(meetingId)
          .filter((p) => p.attendance === "present" && ["chair", "vice_chair", "member", "citizen_member"].includes(p.role))
          .map((p) => p.name);
      });
      assert.ok(politicians.length > 0);
      assert.deepEqual(await panel.locator("li .name").allTextContents(), politicians, "the present politicians");
      // Focus went to the stop button.
      assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), text.stop);
      // Someone joins on their phone: the panel, asking every second, shows it.
      await page.evaluate((name) => {
        const core = window.__pejlingMockCore;
        core.live.joined.add(core.people.find((p) => p.name === name).id);
      }, politicians[0]);
      const first = panel.locator("li").first();
      await first.getByRole("button", { name: `${text.release} – ${politicians[0]}` }).waitFor({ timeout: 3000 });
      assert.match(await first.textContent(), new RegExp(`${text.joined}`));
      const violations = await axe(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      // The chair frees the name (a wrong name picked) by keyboard.
      await tabToSelector(page, `[data-testid=live-panel] li button`, { max: 200, shift: true });
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "live-heading");
      assert.match(await first.textContent(), new RegExp(text.notJoined));
      assert.equal(await panel.locator("li button").count(), 0);
      await tabToSelector(page, `[data-testid=live-panel] button`, { max: 200 });
      assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), text.stop);
      await page.keyboard.press("Enter");
      await panel.getByRole("button", { name: text.start }).waitFor();
      assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), text.start);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
