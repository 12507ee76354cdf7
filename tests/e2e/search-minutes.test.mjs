// The search box and the secretary's times and guests in the real app (WebKitGTK, real IPC,
// real SQLite with its full-text index): Ctrl+K, a search whose hits carry marked words and
// open their place; on the minutes page Alt+Shift+B records when the meeting began, a time
// correction before the start is refused in Danish, a guest with a hostile name is added and
// a hostile query searched for — and nothing typed ever runs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startDriver, launchApp, until } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

/** Types into the focused element, one character per WebDriver call (WebKit's driver merges
 * a repeated key within one call). "Enter" is the key. */
async function keys(browser, ...values) {
  for (const v of values) {
    if (v === "Enter") await browser.keys("Enter");
    else for (const ch of v) await browser.keys(ch);
  }
}

/** Moves focus to the element `find` returns in the page (a keyboard user tabs to it). */
async function focus(browser, find, ...args) {
  const el = await browser.execute(find, ...args);
  assert.ok(el, `nothing to focus for ${find}`);
  const ok = await browser.execute((e) => {
    e.focus();
    return document.activeElement === e;
  }, el);
  assert.ok(ok, `focus did not move for ${find}`);
}

const text = (browser, selector) => browser.execute((s) => document.querySelector(s)?.textContent ?? null, selector);

/** Sets a datetime-local the way a user's edit does (WebKit has no portable typing for it). */
async function setValue(browser, selector, value) {
  await browser.execute(
    (sel, v) => {
      const el = document.querySelector(sel);
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
      el.blur();
    },
    selector,
    value,
  );
}

test("search with Ctrl+K; the meeting's times and a guest on the minutes page", { timeout: 180000 }, async () => {
  const browser = await launchApp(driver.port);
  try {
    await until(browser, async () => (await text(browser, "main h1"))?.trim() === "Velkommen til Pejling", "the welcome page");
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Opret demo-arbejdsområde"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => /^#\/committees\/\d+$/.test(location.hash)), "the demo committee");
    await until(browser, () => browser.execute(() => document.activeElement?.tagName === "H1"), "focus on the heading");

    // Ctrl+K reaches the search box; the core's search answers with marked snippets.
    await browser.keys(["Control", "k"]);
    await until(browser, () => browser.execute(() => document.activeElement?.id === "global-search"), "focus in the search box");
    await keys(browser, "fald", "Enter");
    await until(browser, () => browser.execute(() => location.hash === "#/search?q=fald"), "the results view");
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=search-results] li").length > 0), "hits");
    const found = await browser.execute(() => ({
      count: document.querySelector("[data-testid=search-count]").textContent,
      kinds: [...document.querySelectorAll("[data-testid=search-results] > li")].map((li) => li.dataset.kind),
      marks: [...document.querySelectorAll(".snippet mark")].map((m) => m.textContent.toLowerCase()),
      first: document.querySelector("[data-testid=search-results] a").getAttribute("href"),
    }));
    assert.match(found.count, /^\d+ resultater\.$/);
    assert.ok(found.kinds.includes("meeting") && found.kinds.includes("agenda_item"), JSON.stringify(found.kinds));
    // Danish stems: "fald" also marks "faldet", "faldene" …
    assert.ok(found.marks.length > 0 && found.marks.every((m) => m.startsWith("fald")), JSON.stringify(found.marks));
    await focus(browser, () => document.querySelector("[data-testid=search-results] a"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute((h) => location.hash === h, found.first), `the first hit's place (${found.first})`);

    // The demo temamøde's minutes.
    await browser.execute(() => (location.hash = "#/"));
    await until(browser, () => browser.execute(() => document.querySelector(".committee-list a") !== null), "the committee list");
    await focus(browser, () => document.querySelector(".committee-list a"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("a")].some((a) => a.textContent.startsWith("Temamøde: Algoritmer"))), "the demo temamøde");
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent.startsWith("Temamøde: Algoritmer")));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("a")].some((a) => a.textContent.trim() === "Referat, godkendelse og eksport")), "the meeting");
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Referat, godkendelse og eksport"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => document.querySelector("[data-testid=began-time]") !== null), "the minutes page");
    await until(browser, () => browser.execute(() => document.activeElement?.tagName === "H1"), "focus on the heading");

    // One key press: the meeting began now.
    await browser.keys(["Alt", "Shift", "b"]);
    await until(browser, async () => /kl\. \d{2}\.\d{2}$/.test((await text(browser, "[data-testid=began-time]")) ?? ""), "the recorded start");
    const began = await browser.execute(() => document.querySelector("#began-at").value);
    assert.match(began, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

    // A correction of the adjournment to before the start is refused, in Danish, at the field.
    await setValue(browser, "#adjourned-at", "2000-01-01T10:00");
    await until(browser, () => browser.execute(() => document.querySelector("#adjourned-at-error") !== null), "the refusal");
    assert.match(await text(browser, "#adjourned-at-error"), /Mødet kan ikke være hævet \(2000-01-01 10:00\), før det blev påbegyndt/);
    await setValue(browser, "#adjourned-at", "");
    await until(browser, () => browser.execute(() => document.querySelector("#adjourned-at-error") === null), "the refusal gone");

    // A guest with a hostile name: shown as typed, nothing runs.
    await focus(browser, () => document.querySelector("#guest-name"));
    await keys(browser, HOSTILE, "Enter");
    await until(browser, () => browser.execute(() => document.querySelector("[data-testid=guests]") !== null), "the guest list");
    const after = await browser.execute(() => ({
      guest: document.querySelector("[data-testid=guests] li span").textContent,
      xss: typeof window.__xss,
      images: document.querySelectorAll("img").length,
      scripts: document.body.querySelectorAll("script").length,
    }));
    assert.equal(after.guest, HOSTILE);
    assert.equal(after.xss, "undefined");
    assert.equal(after.images, 0);
    assert.equal(after.scripts, 0);

    // A hostile search query is shown as typed, and runs nothing either.
    await browser.keys(["Control", "k"]);
    await keys(browser, HOSTILE, "Enter");
    await until(browser, () => browser.execute(() => location.hash.startsWith("#/search?q=")), "the results view");
    await until(browser, () => browser.execute(() => document.querySelector("[data-testid=search-count]") !== null), "the count");
    assert.equal(await text(browser, "main h1"), `Søgning: »${HOSTILE}«`);
    assert.equal(await browser.execute(() => typeof window.__xss), "undefined");
  } finally {
    await browser.deleteSession();
  }
});
