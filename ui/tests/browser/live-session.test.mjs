// The live session end to end: the demo temamøde served headless by `pejling serve` on
// loopback, three participants in three headless Chromium browsers at phone size, each
// joining under their own name and setting their own position; the positions land in the
// database (the chair's `walk-summary`) and, once revealed, in the minutes; the pages follow
// the chair to the next question; axe-core passes on the join page and the participant page
// (Danish, and English from `pejling --lang en serve`);
// stopping the session closes the port.
//
// Unlike the other browser tests this one runs against the real core (not the mock build):
// it uses the CLI binary from $PEJLING_CLI, or builds it with cargo when it is missing.

import { strict as assert } from "node:assert";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { axe, describeViolations, launchBrowser, UI_DIR } from "./helpers.mjs";

const ROOT = resolve(UI_DIR, "..");
const TARGET = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME ?? "", ".cache", "pejling-target");
const CLI = process.env.PEJLING_CLI ?? join(TARGET, "debug", "pejling");
const PHONE = { width: 390, height: 844 };

let dir;
let db;
let meeting;
let item;
let steps;
let server;
let url;
const browsers = [];

function cli(...args) {
  return execFileSync(CLI, ["--db", db, ...args], { encoding: "utf8" });
}

function cliJson(...args) {
  return JSON.parse(cli(...args, "--json"));
}

before(async () => {
  if (!existsSync(CLI)) {
    execFileSync("cargo", ["build", "-q", "-p", "pejling", "--bin", "pejling"], { cwd: ROOT, stdio: "inherit" });
  }
  dir = mkdtempSync(join(tmpdir(), "pejling-live-"));
  db = join(dir, "live.sqlite3");
  cli("demo");
  meeting = cliJson("meetings").find((m) => m.title.startsWith("Temamøde: Algoritmer")).id;
  item = cliJson("show-meeting", String(meeting)).items.find((i) => i.title.startsWith("Algoritmer")).id;
  steps = cliJson("walk-summary", String(item)).steps.map((s) => s.step);
  const first = steps.find((s) => s.is_continuum);
  cli("walk-goto", String(item), String(first.index));

  server = spawn(CLI, ["--db", db, "serve", String(meeting), "--bind", "127.0.0.1:0", "--admit-all", "--json"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise((ok, fail) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) ok(out.split("\n")[0]);
    });
    server.on("exit", (code) => fail(new Error(`pejling serve exited with ${code}`)));
  });
  ({ url } = JSON.parse(line));
  for (let i = 0; i < 3; i++) browsers.push(await launchBrowser());
});

after(async () => {
  for (const b of browsers) await b.close();
  if (server && server.exitCode === null) server.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A participant's phone: a fresh context at phone size with the page's own CSP enforced. */
async function phone(browser) {
  const context = await browser.newContext({ viewport: PHONE, locale: "da-DK" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { page, errors };
}

async function axeAtPhoneSize(browser, path, cookies = []) {
  // axe is injected as a script, which the page's strict CSP (rightly) refuses: this context
  // alone bypasses it.
  const context = await browser.newContext({ viewport: PHONE, locale: "da-DK", bypassCSP: true });
  if (cookies.length) await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(path);
  const violations = await axe(page);
  await context.close();
  return violations;
}

test("three participants join on their own phones, set their positions, and the chair's data and minutes have them", async () => {
  const first = steps.find((s) => s.is_continuum);
  const second = steps.find((s) => s.is_continuum && s.index > first.index);
  const values = [20, 55, 80];
  const phones = [];
  const names = [];

  for (let i = 0; i < 3; i++) {
    const { page, errors } = await phone(browsers[i]);
    await page.goto(url);
    assert.equal(await page.locator("h1").innerText(), "Deltag i temamødet");
    if (i === 0) {
      const violations = await axeAtPhoneSize(browsers[i], url);
      assert.deepEqual(violations, [], describeViolations(violations));
    }
    // Each picks the first name still offered: a taken name is not offered again.
    const choice = page.locator("input[name=person_id]").first();
    const id = await choice.getAttribute("id");
    const name = await page.locator(`label[for="${id}"]`).innerText();
    assert.ok(!names.includes(name), `${name} is offered once`);
    names.push(name);
    await choice.check();
    await page.getByRole("button", { name: "Deltag" }).click();
    await page.waitForURL(/\/me$/);
    assert.match(await page.locator(".who").innerText(), new RegExp(name));
    assert.equal(await page.locator("#question").innerText(), first.question.text.da, "the current question");
    assert.equal(await page.locator("#save").isHidden(), true, "with the script the position saves itself");
    phones.push({ page, errors, name });
  }

  const { page: firstPage } = phones[0];
  const cookies = await firstPage.context().cookies();
  assert.equal(cookies.length, 1);
  assert.equal(cookies[0].httpOnly, true);
  const violations = await axeAtPhoneSize(browsers[0], firstPage.url(), cookies);
  assert.deepEqual(violations, [], describeViolations(violations));

  for (const [i, { page }] of phones.entries()) {
    // Keyboard: the slider takes focus and moves with the keys, as the range input does.
    await page.locator("main#live[data-ready]").waitFor();
    await page.locator("#value").focus();
    await page.locator("#value").fill(String(values[i]));
    await page.locator("#status").filter({ hasText: `Din placering er gemt: ${values[i]} af 100.` }).waitFor();
  }

  // The chair's data: three answers, no values while hidden.
  let summary = cliJson("walk-summary", String(item));
  let result = summary.steps[first.index].result;
  assert.equal(result.answered_count, 3);
  assert.deepEqual(result.values, []);

  // Every page sees the count, pushed by the server.
  for (const { page } of phones) {
    await page.locator("#count").filter({ hasText: "3 af 6 har svaret." }).waitFor({ timeout: 3000 });
  }

  // A participant changes their mind while the question is open.
  values[1] = 45;
  await phones[1].page.locator("main#live[data-ready]").waitFor();
  await phones[1].page.locator("#value").fill("45");
  await phones[1].page.locator("#status").filter({ hasText: "Din placering er gemt: 45 af 100." }).waitFor();

  // The chair closes the question by revealing the result: the pages stop taking positions.
  cli("reveal-positions", String(item), String(first.index));
  for (const { page } of phones) {
    await page.locator(".closed").waitFor({ timeout: 3000 });
    assert.equal(await page.locator("#position-form").count(), 0);
  }
  summary = cliJson("walk-summary", String(item));
  result = summary.steps[first.index].result;
  assert.deepEqual(
    result.values.map((v) => v.value),
    [...values].sort((a, b) => a - b),
  );

  // The minutes carry them.
  const out = join(dir, "referat.md");
  cli("export", String(meeting), "--what", "referat", "--format", "md", "--out", out);
  const minutes = readFileSync(out, "utf8");
  assert.match(minutes, /Antal placeringer: 3, median 45, midterste halvdel [\d,]+–[\d,]+, fra 20 til 80\./);

  // The chair moves on: every page follows to the next continuum question by itself.
  cli("walk-goto", String(item), String(second.index));
  for (const { page } of phones) {
    await page.locator(`main[data-key="${item}:${second.index}:open"]`).waitFor({ timeout: 3000 });
    assert.equal(await page.locator("#question").innerText(), second.question.text.da);
  }
  for (const { errors, name } of phones) assert.deepEqual(errors, [], `${name}'s page has no errors`);
});

test("stopping the session closes the port", async () => {
  const before = await fetch(url);
  assert.equal(before.status, 200);
  server.kill("SIGTERM");
  const code = await new Promise((ok) => server.on("exit", ok));
  assert.equal(code, 0);
  await assert.rejects(fetch(url), "nothing answers once the session has stopped");
});

test("the participant's pages in English pass axe at phone size", async () => {
  const en = spawn(CLI, ["--db", db, "--lang", "en", "serve", String(meeting), "--bind", "127.0.0.1:0", "--admit-all", "--json"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const line = await new Promise((ok) => en.stdout.once("data", (chunk) => ok(String(chunk).split("\n")[0])));
    const { url: enUrl } = JSON.parse(line);
    const violations = await axeAtPhoneSize(browsers[0], enUrl);
    assert.deepEqual(violations, [], describeViolations(violations));
    const { page } = await phone(browsers[1]);
    await page.goto(enUrl);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    assert.equal(await page.locator("h1").innerText(), "Join the theme meeting");
    await page.locator("input[name=person_id]").first().check();
    await page.getByRole("button", { name: "Join" }).click();
    await page.waitForURL(/\/me$/);
    const cookies = await page.context().cookies();
    const onPage = await axeAtPhoneSize(browsers[1], page.url(), cookies);
    assert.deepEqual(onPage, [], describeViolations(onPage));
    await page.context().close();
  } finally {
    en.kill("SIGTERM");
    await new Promise((ok) => en.on("exit", ok));
  }
});
