// axe-core (WCAG 2.0/2.1, A and AA) finds nothing on any view, in Danish and in English.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axe, core, describeViolations, launchBrowser, newPage, serveDist } from "./helpers.mjs";

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
    empty: "Start med et tomt arbejdsområde",
    welcome: "Velkommen til Pejling",
    committees: "Udvalg",
    deleteItem: "Slet punkt",
    removeMember: "Fjern",
    language: "Sprog",
    save: "Alle ændringer er gemt",
    minutesLink: "Referat, godkendelse og eksport",
    approve: "Godkend referatet",
    closeStep: "Skift status til ",
    questionSets: "Spørgsmålssæt til temamøder",
    followUps: "Opfølgning",
    positions: "Placeringer over tid",
    packageMerge: "Flet mødepakke ind",
    identitySet: "Angiv navn",
    identitySave: "Gem",
  },
  en: {
    demo: "Create demo workspace",
    empty: "Start with an empty workspace",
    welcome: "Welcome to Pejling",
    committees: "Committees",
    deleteItem: "Delete item",
    removeMember: "Remove",
    language: "Language",
    save: "All changes saved",
    minutesLink: "Minutes, approval and export",
    approve: "Approve the minutes",
    closeStep: "Change status to ",
    questionSets: "Question sets for theme meetings",
    followUps: "Follow-up",
    positions: "Positions over time",
    packageMerge: "Merge a meeting package",
    identitySet: "Enter name",
    identitySave: "Save",
  },
};

/** The demo's upcoming temamøde (a draft; the demo's other meetings are held and approved). */
const DEMO_MEETING = "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere";

/** From the demo committee's page: opens the upcoming temamøde. */
async function openDemoMeeting(page) {
  await page.locator("table").nth(1).getByRole("link", { name: DEMO_MEETING, exact: true }).click();
  await page.waitForURL(/#\/meetings\/\d+$/);
}

async function assertNoViolations(page, what) {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

for (const lang of ["da", "en"]) {
  describe(`every view passes axe (${lang})`, () => {
    test(`welcome, committee, list, meeting, dialogs (${lang})`, async () => {
      const { page, context, errors } = await newPage(browser, server.url, { lang });
      try {
        const text = TEXT[lang];
        // The app sets <html lang> once it has started: wait for the first view.
        await page.getByRole("heading", { level: 1, name: text.welcome }).waitFor();
        assert.equal(await page.getAttribute("html", "lang"), lang);
        await assertNoViolations(page, "welcome");

        await page.getByRole("button", { name: text.language }).click();
        await page.getByRole("menuitemradio").first().waitFor();
        await assertNoViolations(page, "language menu open");
        await page.keyboard.press("Escape");

        // The header's "who is writing" control, its form open.
        await page.getByTestId("identity").getByRole("button", { name: text.identitySet }).click();
        await page.locator("#header-identity-name").waitFor();
        await assertNoViolations(page, "who-is-writing form open in the header");
        await page.keyboard.press("Escape");
        await page.locator("#header-identity-name").waitFor({ state: "detached" });

        await page.getByRole("button", { name: text.demo }).click();
        await page.waitForURL(/#\/committees\/\d+$/);
        await page.locator("h1").waitFor();
        await page.locator("tbody tr").first().waitFor();
        await assertNoViolations(page, "committee");

        await page.locator("tbody tr").first().getByRole("button", { name: text.removeMember }).click();
        await page.getByRole("alertdialog").waitFor();
        await assertNoViolations(page, "remove-member dialog open");
        await page.keyboard.press("Escape");
        await page.getByRole("alertdialog").waitFor({ state: "detached" });

        const committeeUrl = page.url();
        await page.getByRole("link", { name: text.committees, exact: true }).first().click();
        await page.getByRole("heading", { level: 1, name: text.committees }).waitFor();
        await page.locator(".committee-list li").first().waitFor();
        await assertNoViolations(page, "committee list");

        await page.getByRole("link", { name: text.questionSets }).click();
        await page.getByTestId("qsets-list").waitFor();
        await assertNoViolations(page, "question sets");

        await page.goto(committeeUrl);
        await openDemoMeeting(page);
        await page.locator(".item-select").nth(1).click();
        await page.getByTestId("item-editor").waitFor();
        await assertNoViolations(page, "meeting with an item selected");

        await page.getByTestId("item-editor").getByRole("button", { name: text.deleteItem }).click();
        await page.getByRole("alertdialog").waitFor();
        await assertNoViolations(page, "delete-item dialog open");
        await page.keyboard.press("Escape");

        // Merging a meeting package (fuller checks with a package: packages.test.mjs).
        await page.goto(page.url().replace(/#\/meetings\/(\d+).*$/, "#/meetings/$1/package"));
        await page.getByRole("heading", { level: 1, name: text.packageMerge }).waitFor();
        await assertNoViolations(page, "meeting package merge");

        // Follow-up and positions over time (fuller checks with data: follow-ups.test.mjs).
        await page.goto(committeeUrl);
        await page.getByRole("link", { name: text.followUps, exact: true }).first().click();
        await page.waitForURL(/follow-ups$/);
        await page.getByTestId("follow-up-counts").waitFor();
        await assertNoViolations(page, "follow-up list");
        await page.goto(committeeUrl);
        await page.getByRole("link", { name: text.positions, exact: true }).first().click();
        await page.waitForURL(/positions$/);
        // The demo's history has positions taken at two meetings: the charts are shown.
        await page.getByTestId("position-question").first().waitFor();
        await assertNoViolations(page, "positions over time");

        await page.goto(server.url + "#/nowhere");
        await page.locator("h1").waitFor();
        await assertNoViolations(page, "not found");

        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test(`the minutes page before and after approval (${lang})`, async () => {
      const { page, context, errors } = await newPage(browser, server.url, { lang });
      try {
        const text = TEXT[lang];
        await page.getByRole("button", { name: text.demo }).click();
        await page.waitForURL(/#\/committees\/\d+$/);
        await openDemoMeeting(page);
        for (let i = 0; i < 3; i++) {
          const before = await page.getByTestId("meeting-status").textContent();
          await page.getByRole("button", { name: new RegExp(`^${text.closeStep}`) }).click();
          await page.waitForFunction((b) => document.querySelector("[data-testid=meeting-status]")?.textContent !== b, before);
        }
        await page.getByRole("link", { name: text.minutesLink }).click();
        await page.waitForURL(/#\/meetings\/\d+\/minutes$/);
        await page.locator("#approver").waitFor();
        await assertNoViolations(page, "minutes before approval");
        await page.getByRole("button", { name: text.approve }).click();
        await page.getByTestId("approvals").waitFor();
        await page.locator("#amend-item").selectOption({ index: 1 });
        await page.locator("details summary").click();
        await assertNoViolations(page, "minutes after approval, audit log open");
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test(`empty workspace list and validation errors (${lang})`, async () => {
      const { page, context, errors } = await newPage(browser, server.url, { lang });
      try {
        const text = TEXT[lang];
        await page.getByRole("button", { name: text.empty }).click();
        await page.getByRole("heading", { level: 1, name: text.committees }).waitFor();
        await assertNoViolations(page, "empty committee list");
        // A refused creation: the error message and aria-invalid must pass too.
        await page.locator("main form:has(#new-committee-name) button[type=submit]").click();
        await page.locator("#new-committee-name-error").waitFor();
        await assertNoViolations(page, "committee form with an error");
        // The first run's "who works at this computer" form, refused without a name.
        await page.getByTestId("identity-first-run").getByRole("button", { name: text.identitySave }).click();
        await page.locator("#first-identity-name-error").waitFor();
        assert.equal(await page.getAttribute("#first-identity-name", "aria-invalid"), "true");
        await assertNoViolations(page, "who-is-writing form with an error");

        // axe really looks: an unlabelled input is caught.
        await page.evaluate(() => document.querySelector("main")?.insertAdjacentHTML("beforeend", '<input id="axe-probe">'));
        const probe = await axe(page);
        assert.ok(probe.some((v) => v.id === "label"), "axe did not report an unlabelled input");
        await page.evaluate(() => document.getElementById("axe-probe")?.remove());
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}

// The search results and the minutes page's times and guests, in both languages.
const SEARCH_TEXT = {
  da: { demo: "Opret demo-arbejdsområde", minutesLink: "Referat, godkendelse og eksport", began: "Mødet påbegyndt nu" },
  en: { demo: "Create demo workspace", minutesLink: "Minutes, approval and export", began: "The meeting begins now" },
};

for (const lang of ["da", "en"]) {
  test(`search results and the minutes' times and guests pass axe (${lang})`, async () => {
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      const text = SEARCH_TEXT[lang];
      await page.getByRole("button", { name: text.demo }).click();
      await page.waitForURL(/#\/committees\/\d+$/);
      // Hits of every kind on screen, a closed item among them: a note at the case's walk,
      // and the case itself (which mentions "fald") closed.
      const [committee] = await core(page, "list_committees");
      const { meetings } = await core(page, "get_committee", { id: committee.id });
      const meetingId = meetings.find((m) => m.title === DEMO_MEETING).id;
      const { items } = await core(page, "get_meeting", { id: meetingId });
      const itemId = items.find((i) => i.title.startsWith("Algoritmer")).id;
      await core(page, "save_step_note", { itemId, step: 0, text: "Note om fald og samtykke." });
      await core(page, "update_agenda_item", { id: itemId, patch: { openness: "closed" } });
      assert.ok(itemId > 0);
      // The committee view takes focus once it has loaded; search after that, or the
      // view's heading would take focus back from the search box.
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
      await page.keyboard.press("Control+k");
      await page.waitForFunction(() => document.activeElement?.id === "global-search");
      await page.keyboard.type("fald");
      await page.keyboard.press("Enter");
      await page.getByTestId("search-results").waitFor();
      await page.getByTestId("closed-tag").first().waitFor();
      await assertNoViolations(page, "search results");
      await page.locator("#global-search").fill("xylofon");
      await page.keyboard.press("Enter");
      await page.getByTestId("search-count").waitFor();
      await assertNoViolations(page, "search without results");

      await page.goBack();
      await page.goBack();
      await page.waitForURL(/#\/committees\/\d+$/);
      await openDemoMeeting(page);
      await page.getByRole("link", { name: text.minutesLink }).click();
      await page.getByRole("button", { name: text.began }).click();
      await page.locator("#guest-name").fill("Sofie Brandt");
      await page.keyboard.press("Enter");
      await page.getByTestId("guests").waitFor();
      // A refused correction: the error at the field must pass too.
      await page.fill("#adjourned-at", "2000-01-01T10:00");
      await page.locator("#adjourned-at-error").waitFor();
      await assertNoViolations(page, "minutes with times, a guest and a refused time");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

// Backups and the recovery screen (a database that does not open), in both languages.
const RECOVERY_TEXT = {
  da: { title: "Arbejdsområdet kunne ikke åbnes", backups: "Sikkerhedskopier", take: "Tag en sikkerhedskopi nu", restore: "Gendan", demo: "Opret demo-arbejdsområde" },
  en: { title: "The workspace could not be opened", backups: "Backups", take: "Take a backup now", restore: "Restore", demo: "Create demo workspace" },
};

for (const lang of ["da", "en"]) {
  test(`the recovery screen and the backups page pass axe (${lang})`, async () => {
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      const text = RECOVERY_TEXT[lang];
      // The test host's scenarios: each load with ?scenario= starts a workspace of its own.
      for (const mode of ["damaged", "too-new", "in-use", "no-backups"]) {
        await page.goto(`${server.url}?scenario=${mode}`);
        await page.getByRole("heading", { level: 1, name: text.title }).waitFor();
        await assertNoViolations(page, `recovery screen (${mode})`);
      }
      await page.goto(`${server.url}?scenario=damaged`);
      await page.getByRole("heading", { level: 1, name: text.title }).waitFor();
      await page.getByRole("button", { name: lang === "da" ? "Start med et tomt arbejdsområde" : "Start with an empty workspace" }).click();
      await page.getByRole("alertdialog").waitFor();
      await assertNoViolations(page, "start-fresh dialog open");
      await page.keyboard.press("Escape");

      // The backups page of a workspace that opens: a fresh one (no session cookie), with the
      // demo, whose held meetings left backups behind.
      await context.clearCookies();
      await page.goto(server.url);
      await page.getByRole("button", { name: text.demo }).click();
      await page.waitForURL(/#\/committees\/\d+$/);
      await page.goto(`${server.url}#/backups`);
      await page.getByRole("heading", { level: 1, name: text.backups }).waitFor();
      await page.getByTestId("backup-row").first().waitFor();
      await assertNoViolations(page, "backups page");
      await page.getByTestId("backup-row").first().getByRole("button", { name: new RegExp(`^${text.restore}`) }).click();
      await page.getByRole("alertdialog").waitFor();
      await assertNoViolations(page, "restore dialog open");
      await page.keyboard.press("Escape");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

// The annual cycle (årshjul) with its confirmation, the projects list and a project, in both
// languages.
const CYCLE_TEXT = {
  da: { demo: "Opret demo-arbejdsområde", create: "Opret næste års møder", project: "Algoritmer til forebyggelse af fald" },
  en: { demo: "Create demo workspace", create: "Create next year's meetings", project: "Algoritmer til forebyggelse af fald" },
};

for (const lang of ["da", "en"]) {
  test(`the annual cycle, its confirmation, the projects and a project pass axe (${lang})`, async () => {
    const { page, context, errors } = await newPage(browser, server.url, { lang });
    try {
      const text = CYCLE_TEXT[lang];
      await page.getByRole("button", { name: text.demo }).click();
      await page.waitForURL(/#\/committees\/\d+$/);
      const id = new URL(page.url()).hash.split("/").pop();
      await page.goto(`${server.url}#/committees/${id}/cycle`);
      await page.locator(".months > li").first().waitFor();
      await page.locator("li.entry").first().waitFor();
      await assertNoViolations(page, "annual cycle");
      await page.getByRole("button", { name: text.create }).click();
      await page.getByRole("alertdialog").waitFor();
      await assertNoViolations(page, "create-next-year dialog open");
      await page.keyboard.press("Escape");
      await page.getByRole("alertdialog").waitFor({ state: "detached" });

      await page.goto(`${server.url}#/projects`);
      await page.locator("tbody tr").first().waitFor();
      await assertNoViolations(page, "projects");
      await page.getByRole("link", { name: text.project }).click();
      await page.waitForURL(/#\/projects\/\d+$/);
      await page.getByTestId("phase-panel").first().waitFor();
      await page.locator("[data-testid=phase-panel] .links li").first().waitFor();
      await assertNoViolations(page, "project");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
