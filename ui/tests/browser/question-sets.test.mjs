// The question-set library on the real core (test host): reached from the committee list by keyboard,
// every built-in set with its id, version, origin and what it is for, its questions on
// request, the import of a file the user picks — a malformed one refused with the line and
// the problem and nothing added, a good one added as imported — and a set built in the UI.
// axe in Danish and English.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { axe, describeViolations, hostWorkspace, launchBrowser, newPage, scriptDialogs, serveDist, tabTo, UI_DIR } from "./helpers.mjs";

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

const OWN_SET = `schema = 1
id = "egne-spoergsmaal"
version = 1
kind = "continuum"
title = { da = "Egne spørgsmål om data", en = "Own questions on data" }
help = { da = "Til udvalgets egen drøftelse af data om borgerne.", en = "For the committee's own discussion of data about citizens." }

[[groups]]
id = "data"
title = { da = "Data" }

[[groups.questions]]
id = "data-1"
text = { da = "Hvor meget må en model vide om borgeren?" }
extreme_left = { da = "Kun det nødvendige" }
extreme_right = { da = "Alt, der kan forebygge" }
`;

/** The help text of a built-in set, as its TOML file states it. */
async function helpOf(file, lang) {
  const toml = await readFile(join(UI_DIR, "..", "assets", "question-sets", file), "utf8");
  const line = toml.split("\n").find((l) => l.startsWith("help = "));
  return new RegExp(`${lang} = "([^"]*)"`).exec(line)[1];
}

/** Writes `text` to a file in the page's workspace directory, scripts the native open dialog
 *  to pick it and presses Enter on the focused import button. */
async function importText(page, name, text) {
  const { dir } = await hostWorkspace(page);
  const path = join(dir, name);
  await writeFile(path, text, "utf8");
  await scriptDialogs(page, [{ pick: path }]);
  await page.keyboard.press("Enter");
}

async function openLibrary(page, lang = "da") {
  await page.getByRole("button", { name: lang === "da" ? "Start med et tomt arbejdsområde" : "Start with an empty workspace" }).click();
  await page.getByRole("link", { name: lang === "da" ? "Spørgsmålssæt til temamøder" : "Question sets for theme meetings" }).click();
  await page.getByTestId("qsets-list").waitFor();
}

test("keyboard: the library lists the sets with what they are for, shows questions, imports a file", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await page.getByRole("button", { name: "Start med et tomt arbejdsområde" }).click();
    await page.getByRole("heading", { level: 1, name: "Udvalg" }).waitFor();
    await tabTo(page, () => document.activeElement?.textContent === "Spørgsmålssæt til temamøder");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/question-sets$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.equal(await page.locator("h1").textContent(), "Spørgsmålssæt");

    // The five built-in sets, each with id, version, origin and its help text.
    const sets = page.getByTestId("qset");
    assert.equal(await sets.count(), 5);
    assert.deepEqual(await sets.evaluateAll((li) => li.map((l) => l.dataset.set)), [
      "tesk@2",
      "organisation-questions@2",
      "phases@2",
      "dis-key-questions@2",
      "kl-dialogue-questions@2",
    ]);
    const org = page.locator("[data-set='organisation-questions@2']");
    assert.equal(await org.locator("h2").textContent(), "De seks spørgsmål om politisk organisering");
    assert.match(await org.locator(".facts").textContent(), /Id:?\s*organisation-questions.*Version:?\s*2.*Oprindelse:?\s*Indbygget/s);
    assert.equal(await org.getByTestId("qset-help").textContent(), await helpOf("organisation-questions.toml", "da"));
    for (let i = 0; i < 5; i++) {
      assert.ok((await sets.nth(i).getByTestId("qset-help").textContent()).length > 40, `set ${i} explains what it is for`);
      assert.equal(await sets.nth(i).getByTestId("qset-origin").textContent(), "Indbygget");
    }

    // Its questions, on request (a disclosure button), as transcribed.
    assert.equal(await org.getByTestId("qset-question").count(), 0);
    await tabTo(page, () => document.activeElement?.matches("[aria-controls='qset-organisation-questions-2-questions']"));
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-expanded")), "false");
    await page.keyboard.press("Enter");
    await org.getByTestId("qset-question").first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-expanded")), "true");
    assert.equal(await org.getByTestId("qset-question").count(), 6);
    assert.match(
      await org.getByTestId("qset-question").first().textContent(),
      /^\s*Hvad skal politikerne beskæftige sig med\? \(i digitaliseringen\)\s*Yderposition 1 \(0\)\s*Konkrete politiske problemer, som der skal træffes beslutning om/,
    );
    await page.keyboard.press("Enter");
    await org.getByTestId("qset-question").first().waitFor({ state: "detached" });

    // A malformed file: refused with the line and the problem; nothing added.
    await tabTo(page, () => document.activeElement?.dataset.testid === "qsets-import", undefined, { shift: true });
    await importText(page, "broken.toml", OWN_SET.replace('title = { da = "Egne spørgsmål om data", en = "Own questions on data" }', 'title = { da = "Egne spørgsmål om data }'));
    const error = page.getByTestId("qsets-import-error");
    await error.waitFor();
    assert.match(await error.textContent(), /^Fejl:\s*Spørgsmålssættet kan ikke læses: linje 5: \S/);
    assert.equal(await sets.count(), 5);
    // Focus comes back to the button (disabled while the import ran).
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "qsets-import");

    // A problem found after parsing names its line too.
    await importText(page, "half.toml", OWN_SET.replace('extreme_right = { da = "Alt, der kan forebygge" }\n', ""));
    await page.waitForFunction(() => document.querySelector("[data-testid=qsets-import-error]")?.textContent.includes("linje 13"));
    assert.match(await error.textContent(), /linje 13: spørgsmålet »data-1« mangler extreme_right/);
    assert.equal(await sets.count(), 5);

    // A good file: imported and listed as imported, with its own help text.
    await importText(page, "egne.toml", OWN_SET);
    await page.getByTestId("qsets-imported").waitFor();
    assert.equal(
      await page.getByTestId("qsets-imported").textContent(),
      'Spørgsmålssættet »Egne spørgsmål om data« (egne-spoergsmaal version 1, 1 spørgsmål) er importeret.',
    );
    assert.equal(await error.count(), 0);
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=qset]").length === 6);
    const own = page.locator("[data-set='egne-spoergsmaal@1']");
    assert.match(await own.getByTestId("qset-origin").textContent(), /^Importeret \d+\. \S+ \d{4}$/);
    assert.equal(await own.getByTestId("qset-help").textContent(), "Til udvalgets egen drøftelse af data om borgerne.");

    // The same file again is harmless; the same version with other content is a conflict.
    await page.getByTestId("qsets-import").focus();
    await importText(page, "egne-rettet.toml", OWN_SET.replace("Hvor meget må", "Hvor lidt må"));
    await error.waitFor();
    assert.match(await error.textContent(), /findes allerede med et andet indhold/);
    assert.equal(await sets.count(), 6);

    // Cancelling the file dialog changes nothing and says nothing.
    await page.getByTestId("qsets-import").focus();
    await scriptDialogs(page, [null]);
    await page.keyboard.press("Enter");
    await page.waitForTimeout(200);
    assert.equal(await sets.count(), 6);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("building a set in the UI: missing texts are named, the set is created, a second one gets version 2", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await openLibrary(page);
    await page.locator("#qb-toggle").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("qset-builder").waitFor();
    assert.equal(await page.locator("#qb-toggle").getAttribute("aria-expanded"), "true");

    // Empty: each missing text is named at its field, focus goes to the first; nothing stored.
    await tabTo(page, () => document.activeElement?.textContent === "Opret spørgsmålssæt");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "qb-title");
    assert.equal(await page.locator("#qb-title").getAttribute("aria-invalid"), "true");
    assert.match(await page.getByTestId("qset-builder").textContent(), /Skriv en titel på dansk\..*Skriv spørgsmålet\..*Skriv yderpositionen\./s);
    assert.equal(await page.getByTestId("qset").count(), 5);

    // By keyboard: title, purpose, two continuum questions (Æ, Ø and Å make the id).
    await page.keyboard.type("Økonomi og værdier på ældreområdet");
    assert.match(await page.getByTestId("qset-builder").textContent(), /Id: oekonomi-og-vaerdier-paa-aeldreomraadet, version 1/);
    await tabTo(page, () => document.activeElement?.id === "qb-help");
    await page.keyboard.type("Til udvalgets drøftelse af, hvad teknologien må koste.");
    await tabTo(page, () => document.activeElement?.id?.startsWith("qb-text-"));
    await page.keyboard.type("Hvad må en gevinst koste?");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Kun det, der betaler sig");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Alt, der hjælper borgeren");
    await tabTo(page, () => document.activeElement?.id === "qb-add");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("qb-text-") && document.querySelectorAll("[data-testid=qb-row]").length === 2);
    await page.keyboard.type("Hvem skal bære risikoen?");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Kommunen");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Leverandøren");
    await tabTo(page, () => document.activeElement?.textContent === "Opret spørgsmålssæt");
    await page.keyboard.press("Enter");

    await page.getByTestId("qb-created").waitFor();
    assert.equal(
      await page.getByTestId("qb-created").textContent(),
      'Spørgsmålssættet »Økonomi og værdier på ældreområdet« (oekonomi-og-vaerdier-paa-aeldreomraadet version 1) er oprettet.',
    );
    await page.waitForFunction(() => document.activeElement?.id === "qb-toggle");
    const own = page.locator("[data-set='oekonomi-og-vaerdier-paa-aeldreomraadet@1']");
    await own.waitFor();
    assert.match(await own.getByTestId("qset-origin").textContent(), /^Importeret /);
    assert.equal(await own.getByTestId("qset-help").textContent(), "Til udvalgets drøftelse af, hvad teknologien må koste.");
    await own.locator("button[aria-expanded]").click();
    assert.deepEqual(
      (await own.getByTestId("qset-question").allTextContents()).map((q) => q.trim().split(/\s{2,}|Yderposition/)[0].trim()),
      ["Hvad må en gevinst koste?", "Hvem skal bære risikoen?"],
    );
    assert.match(await own.getByTestId("qset-question").nth(1).textContent(), /Kommunen.*Leverandøren/s);

    // The same title again: a new version, with plain questions this time.
    await page.locator("#qb-toggle").click();
    await page.locator("#qb-title").fill("Økonomi og værdier på ældreområdet");
    assert.match(await page.getByTestId("qset-builder").textContent(), /version 2/);
    await page.getByRole("radio", { name: "Spørgsmål", exact: true }).check();
    await page.locator("[id^=qb-text-]").fill("Hvad koster det at lade være?");
    await page.getByRole("button", { name: "Opret spørgsmålssæt" }).click();
    await page.locator("[data-set='oekonomi-og-vaerdier-paa-aeldreomraadet@2']").waitFor();
    assert.equal(await page.getByTestId("qset").count(), 7);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const lang of ["da", "en"]) {
  describe(`the question-set library passes axe (${lang})`, () => {
    test(`list, questions shown, import error and success (${lang})`, async () => {
      const { page, context, errors } = await newPage(browser, server.url, { lang });
      try {
        await openLibrary(page, lang);
        const violations = async (what) => {
          const v = await axe(page);
          assert.equal(v.length, 0, `${what}:\n${describeViolations(v)}`);
        };
        await violations("list");
        // English help texts where the set has them.
        const help = await page.locator("[data-set='tesk@2']").getByTestId("qset-help").textContent();
        assert.equal(help, await helpOf("tesk.toml", lang));
        for (const set of ["tesk-2", "phases-2", "organisation-questions-2"]) {
          await page.locator(`[aria-controls='qset-${set}-questions']`).click();
        }
        await page.getByTestId("qset-question").first().waitFor();
        await violations("questions shown");
        await page.locator("#qb-toggle").click();
        await page.getByRole("button", { name: lang === "da" ? "Opret spørgsmålssæt" : "Create question set" }).click();
        await page.locator("#qb-title[aria-invalid=true]").waitFor();
        await violations("builder with errors");
        await page.locator("#qb-toggle").click();
        await page.getByTestId("qsets-import").focus();
        await importText(page, "broken.toml", "schema = 1\nid = \n");
        await page.getByTestId("qsets-import-error").waitFor();
        await violations("import error");
        await importText(page, "egne.toml", OWN_SET);
        await page.getByTestId("qsets-imported").waitFor();
        await violations("imported");
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}
