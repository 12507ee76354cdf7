// Shared set-up for the browser tests: the test host (the app's commands served over HTTP by
// the real core, `cargo run --example testhost`) serving the UI built with `--mode testhost`,
// and Debian's Chromium driven by playwright-core (no browser download). Every browser context
// gets a fresh workspace of its own (a new database in a temporary directory).

import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
export const UI_DIR = resolve(here, "..", "..");
export const DIST = process.env.PEJLING_UI_DIST ?? join(UI_DIR, "dist-testhost");
const TARGET = process.env.CARGO_TARGET_DIR ?? join(homedir(), ".cache", "pejling-target");
export const TESTHOST = process.env.PEJLING_TESTHOST ?? join(TARGET, "debug", "examples", "testhost");

/** Starts the test host on a random loopback port. Returns { url, close }. */
export async function serveDist() {
  try {
    await stat(join(DIST, "index.html"));
  } catch {
    throw new Error(`${DIST}/index.html is missing: run "npm run build:testhost" first (npm run test:browser does).`);
  }
  try {
    await stat(TESTHOST);
  } catch {
    throw new Error(`${TESTHOST} is missing: run "cargo build --example testhost" first (make test-ui does).`);
  }
  const child = spawn(TESTHOST, ["--ui", DIST], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((ok, fail) => {
    child.once("exit", (code) => fail(new Error(`the test host exited (${code}) before it listened`)));
    lines.once("line", (line) => ok(JSON.parse(line).url));
  });
  return {
    url,
    close: () =>
      new Promise((ok) => {
        child.once("exit", ok);
        child.kill("SIGTERM");
      }),
  };
}

/**
 * The answers the next native dialogs give, in order: `{ pick: path }` for an open dialog,
 * `{ save: path }` for a save dialog, `null` to cancel. The page's own session.
 */
export async function scriptDialogs(page, answers) {
  const status = await page.evaluate(
    async (body) =>
      (await fetch("/__test/dialog", { method: "POST", headers: { "content-type": "application/json" }, body })).status,
    JSON.stringify(answers),
  );
  if (status !== 204) throw new Error(`scripting the dialogs failed: ${status}`);
}

/** The meetings whose room screen the page asked the shell to open. */
export function openedRooms(page) {
  return page.evaluate(async () => (await fetch("/__test/rooms")).json());
}

/** The page's workspace on disk: { db, dir } (a temporary directory of its own). */
export function hostWorkspace(page) {
  return page.evaluate(async () => (await fetch("/__test/workspace")).json());
}

/** Calls a core command as the page's session, as the UI does (for setting up a test). */
export async function core(page, command, args = {}) {
  const { ok, body } = await page.evaluate(
    async ([command, args]) => {
      const r = await fetch(`/api/${command}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(args),
      });
      return { ok: r.ok, body: await r.json() };
    },
    [command, args],
  );
  if (!ok || "err" in body) throw new Error(`${command} failed: ${JSON.stringify(body)}`);
  return body.ok;
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Launches headless Chromium. playwright's launch() gives every browser a fresh temporary
 * profile (user-data-dir) of its own and removes it on close.
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A fresh page (own context: empty localStorage, a fresh workspace on the real core) with errors collected. */
export async function newPage(browser, baseUrl, { lang = null, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, locale: "da-DK" });
  if (lang) {
    await context.addInitScript((l) => localStorage.setItem("pejling.lang", l), lang);
  }
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  // Nothing but the local server may be reached.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith("data:")) return route.continue();
    errors.push(`blocked request: ${url}`);
    return route.abort();
  });
  await page.goto(baseUrl);
  return { page, context, errors };
}

const require = createRequire(import.meta.url);
const axeSource = (await readFile(require.resolve("axe-core/axe.min.js"), "utf8")).toString();

/** Runs axe-core on the page (WCAG 2.0/2.1 A and AA); returns the violations. */
export async function axe(page) {
  const injected = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!injected) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")} :: ${n.failureSummary}`),
    }));
  });
}

/** A readable list of axe violations for an assertion message. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join("\n  ")}`).join("\n");
}

/** Waits until the save status says everything is saved. */
export async function waitSaved(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector(".save-status");
    return el && el.getAttribute("data-state") !== "saving";
  });
}

/** Tabs until `predicate(document.activeElement)` holds; fails after `max` presses. */
export async function tabTo(page, predicate, arg, { max = 80, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(predicate, arg)) return;
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
  }
  if (await page.evaluate(predicate, arg)) return;
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`focus never reached the target; focus is on ${active}`);
}

/** Tabs until the focused element matches the CSS `selector`. */
export function tabToSelector(page, selector, options) {
  return tabTo(page, (sel) => document.activeElement?.matches(sel) ?? false, selector, options);
}

/** Types a local "YYYY-MM-DDTHH:MM" into the focused datetime-local input, key by key. */
export async function typeDateTime(page, value) {
  const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  const h12 = String(((Number(h) + 11) % 12) + 1).padStart(2, "0");
  const ampm = Number(h) < 12 ? "A" : "P";
  // The segment order follows Chromium's UI locale, which the page cannot choose: try the
  // usual orders and keep the one that gives the value.
  const orders = [
    [mo, d, y, "ArrowRight", h12, mi, ampm],
    [d, mo, y, "ArrowRight", h, mi],
    [y, "ArrowRight", mo, d, h, mi],
  ];
  for (const keys of orders) {
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowLeft");
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Backspace");
      await page.keyboard.press("ArrowRight");
    }
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowLeft");
    for (const key of keys) {
      if (key === "ArrowRight") await page.keyboard.press(key);
      else await page.keyboard.type(key);
    }
    if ((await page.evaluate(() => document.activeElement.value)) === value) return;
  }
  throw new Error(`could not type ${value} into the date field`);
}
