// The question-set library in the real app: the five built-in sets with what they are for, and
// a set built in the UI by keyboard — with quotes, a backslash and Danish letters in its texts,
// so the real core's TOML reader checks what the UI writes — which then appears as imported
// and can be planned for a meeting. (The import of a file goes through the native open dialog,
// which WebDriver cannot drive; the core's file import is tested in crates/core/tests/it/question_set_file.rs.)
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

/** One character per WebDriver call: WebKit's driver merges a repeated key within one call. */
async function type(browser, text) {
  for (const ch of text) await browser.keys(ch);
}

async function focus(browser, find, ...args) {
  const el = await browser.execute(find, ...args);
  assert.ok(el, `nothing to focus for ${find}`);
  assert.ok(await browser.execute((e) => (e.focus(), document.activeElement === e), el), `focus did not move for ${find}`);
}

const QUESTION = 'Må en model kalde en borger "i risiko"? (jf. \\ afsnit 3)';

test("the library in the real app: built-in sets explained, a set built by keyboard", { timeout: 120000 }, async () => {
  const browser = await launchApp(driver.port);
  try {
    await until(browser, () => browser.execute(() => document.querySelector("h1")?.textContent === "Velkommen til Pejling"), "the welcome page");
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Start med et tomt arbejdsområde"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("a")].some((a) => a.textContent === "Spørgsmålssæt til temamøder")), "the link to the library");
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent === "Spørgsmålssæt til temamøder"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=qset]").length === 5), "five built-in sets");
    const listed = await browser.execute(() =>
      [...document.querySelectorAll("[data-testid=qset]")].map((li) => [
        li.dataset.set,
        li.querySelector("[data-testid=qset-origin]").textContent,
        li.querySelector("[data-testid=qset-help]").textContent.length > 40,
      ]),
    );
    assert.deepEqual(listed, [
      ["tesk@2", "Indbygget", true],
      ["organisation-questions@2", "Indbygget", true],
      ["phases@2", "Indbygget", true],
      ["dis-key-questions@2", "Indbygget", true],
      ["kl-dialogue-questions@2", "Indbygget", true],
    ]);

    // Build a continuum set by keyboard.
    await focus(browser, () => document.querySelector("#qb-toggle"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => !!document.querySelector("#qb-title")), "the builder");
    await focus(browser, () => document.querySelector("#qb-title"));
    await type(browser, "Særlige hensyn ved faldalarmer");
    await focus(browser, () => document.querySelector("#qb-help"));
    await type(browser, "Til drøftelse af etik.");
    await focus(browser, () => document.querySelector("[id^=qb-text-]"));
    await type(browser, QUESTION);
    await focus(browser, () => document.querySelector("[id^=qb-left-]"));
    await type(browser, "Aldrig");
    await focus(browser, () => document.querySelector("[id^=qb-right-]"));
    await type(browser, "Når det hjælper");
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Opret spørgsmålssæt"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => !!document.querySelector("[data-testid=qb-created]")), "the set created", 15000);
    assert.equal(
      await browser.execute(() => document.querySelector("[data-testid=qb-created]").textContent),
      'Spørgsmålssættet »Særlige hensyn ved faldalarmer« (saerlige-hensyn-ved-faldalarmer version 1) er oprettet.',
    );
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=qset]").length === 6), "six sets");
    const own = "[data-set='saerlige-hensyn-ved-faldalarmer@1']";
    assert.match(await browser.execute((s) => document.querySelector(`${s} [data-testid=qset-origin]`).textContent, own), /^Importeret /);
    await browser.execute((s) => document.querySelector(`${s} button[aria-expanded]`).click(), own);
    await until(browser, () => browser.execute((s) => !!document.querySelector(`${s} [data-testid=qset-question]`), own), "its question");
    assert.equal(await browser.execute((s) => document.querySelector(`${s} .qtext`).textContent, own), QUESTION);
  } finally {
    await browser.deleteSession();
  }

  // The core stored it exactly: the CLI lists it among the sets.
  const cli = process.env.PEJLING_CLI;
  assert.ok(cli && existsSync(cli), `PEJLING_CLI must point at the built pejling CLI (got ${cli})`);
  const out = execFileSync(cli, ["--db", driver.dbPath, "question-sets"], { encoding: "utf8" });
  assert.match(out, /saerlige-hensyn-ved-faldalarmer/);
});
