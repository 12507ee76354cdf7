// Shared set-up for the browser tests: a tiny static server for dist-mock on 127.0.0.1 and
// Debian's Chromium driven by playwright-core (no browser download).

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
export const UI_DIR = resolve(here, "..", "..");
export const DIST = join(UI_DIR, "dist-mock");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
};

/** Serves dist-mock on a random loopback port. Returns { url, close }. */
export async function serveDist() {
  try {
    await stat(join(DIST, "index.html"));
  } catch {
    throw new Error(`${DIST}/index.html is missing: run "npm run build:mock" first (npm run test:browser does).`);
  }
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const file = normalize(join(DIST, path === "/" ? "index.html" : path));
      if (!file.startsWith(DIST + sep) && file !== DIST) throw new Error("outside");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
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

/** A fresh page (own context: empty localStorage, fresh mock core) with errors collected. */
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
