// Follow-up across meetings in the real app (WebKitGTK, real IPC, real SQLite): a question to
// the administration raised in the demo temamøde's walk appears on the committee's follow-up
// list, is offered when the next meeting is created and accepted onto its agenda as the item
// "Opfølgning", is answered (not without an answer) and closed; the CLI sees the same.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { startDriver, launchApp, until } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const QUESTION = "Hvor mange borgere vil modellen udpege om året?";
const ANSWER = "Forvaltningen forventer 120-150 borgere om året.";

/** Types into the focused element one character per WebDriver call (WebKit's driver merges a
 * repeated key within one call). */
async function type(browser, text) {
  for (const ch of text) await browser.keys(ch);
}

async function focus(browser, find, ...args) {
  const el = await browser.execute(find, ...args);
  assert.ok(el, `nothing to focus for ${find}`);
  const ok = await browser.execute((e) => {
    e.focus();
    return document.activeElement === e;
  }, el);
  assert.ok(ok, `focus did not move for ${find}`);
}

/** Sets a date, datetime-local or select the way a user's edit does. */
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

const bodyHas = (browser, text) => browser.execute((t) => document.body.textContent.includes(t), text);

test("a question from the demo temamøde: listed, offered on the next agenda, answered and closed", { timeout: 180000 }, async () => {
  const browser = await launchApp(driver.port);
  try {
    await until(browser, () => browser.execute(() => document.querySelector("main h1")?.textContent.trim() === "Velkommen til Pejling"), "the welcome page");
    await focus(browser, () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Opret demo-arbejdsområde"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => /^#\/committees\/\d+$/.test(location.hash)), "the demo committee");
    const committeeHash = await browser.execute(() => location.hash);

    // The temamøde's walk: raise a question to the administration at the first step.
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("a")].some((a) => a.textContent.startsWith("Temamøde: Algoritmer"))), "the temamøde");
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent.startsWith("Temamøde: Algoritmer")));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => document.querySelectorAll(".item-select").length >= 5), "the agenda");
    await focus(browser, () => [...document.querySelectorAll(".item-select")].find((b) => b.textContent.includes("Algoritmer til forebyggelse af fald")));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("a")].some((a) => a.textContent.trim() === "Gå til gennemgangen")), "the walk plan");
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Gå til gennemgangen"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => document.querySelector("#qa-text") !== null), "the walk's question form");
    await focus(browser, () => document.querySelector("#qa-text"));
    await type(browser, QUESTION);
    await browser.execute(() => document.querySelector(".qa-form button[type=submit]").click());
    await until(browser, () => browser.execute((q) => document.querySelector("#qa-text").value === "" && document.body.textContent.includes(q), QUESTION), "the question recorded");

    // The committee's follow-up list.
    await browser.execute((h) => (location.hash = h), committeeHash);
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("a")].some((a) => a.textContent.trim() === "Opfølgning")), "the committee page");
    await focus(browser, () => [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Opfølgning"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=follow-up]").length === 1), "the follow-up list");
    const card = await browser.execute(() => document.querySelector("[data-testid=follow-up]").textContent);
    assert.ok(card.includes(QUESTION) && card.includes("Spørgsmål til forvaltningen"), card);
    const followUpId = await browser.execute(() => Number(document.querySelector("[data-testid=follow-up]").dataset.id));

    // The next meeting: the chair is asked and accepts.
    await browser.execute((h) => (location.hash = h), committeeHash);
    await until(browser, () => browser.execute(() => document.querySelector("#new-meeting-title") !== null), "the new-meeting form");
    await focus(browser, () => document.querySelector("#new-meeting-title"));
    await type(browser, "Udvalgsmøde");
    await setValue(browser, "#new-meeting-starts", "2027-03-02T17:00");
    await setValue(browser, "#new-meeting-ends", "2027-03-02T19:00");
    await browser.execute(() => document.querySelector("form:has(#new-meeting-title) button[type=submit]").click());
    await until(browser, () => browser.execute(() => document.querySelector("[role=dialog]") !== null), "the offer");
    assert.ok(await browser.execute((q) => document.querySelector("[role=dialog]").textContent.includes(q), QUESTION));
    await until(browser, () => browser.execute(() => /^Tilføj punktet med /.test(document.activeElement?.textContent.trim() ?? "")), "focus on accept");
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => /^#\/meetings\/\d+$/.test(location.hash)), "the new meeting");
    await until(browser, () => browser.execute(() => [...document.querySelectorAll(".item-select")].some((b) => b.textContent.includes("Opfølgning"))), "the item Opfølgning");

    // Answered and closed in the list.
    await browser.execute((h) => (location.hash = `${h}/follow-ups`), committeeHash);
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=follow-up]").length === 1), "the follow-up list again");
    await setValue(browser, `#follow-up-${followUpId}-status`, "answered");
    await until(browser, () => bodyHas(browser, "Skriv svaret, før punktet markeres som besvaret."), "the refusal without an answer");
    await focus(browser, (id) => document.querySelector(`#follow-up-${id}-answer`), followUpId);
    await type(browser, ANSWER);
    await browser.execute((id) => document.querySelector(`#follow-up-${id}-answer`).blur(), followUpId);
    await until(browser, () => browser.execute(() => document.querySelector("[data-testid=follow-up] .status-badge")?.textContent.trim() === "Besvaret"), "answered");
    await until(browser, () => bodyHas(browser, "Besvaret siden sidste møde"), "answered since the last meeting");
    await setValue(browser, `#follow-up-${followUpId}-status`, "closed");
    await until(browser, () => browser.execute(() => document.querySelector("[data-testid=follow-up] .status-badge")?.textContent.trim() === "Lukket"), "closed");
    await until(browser, () => browser.execute(() => document.querySelector(".save-status")?.getAttribute("data-state") === "saved"), "saved");
  } finally {
    await browser.deleteSession();
  }

  // The CLI reads the same database: closed, with its answer, listed on the new meeting.
  if (process.env.PEJLING_CLI) {
    const committees = JSON.parse(execFileSync(process.env.PEJLING_CLI, ["--db", driver.dbPath, "committees", "--json"], { encoding: "utf8" }));
    const list = JSON.parse(
      execFileSync(process.env.PEJLING_CLI, ["--db", driver.dbPath, "follow-ups", String(committees[0].id), "--json"], { encoding: "utf8" }),
    );
    const f = list.items.find((x) => x.text === QUESTION);
    assert.equal(f.status, "closed");
    assert.equal(f.answer, ANSWER);
    assert.equal(f.listed_on.length, 1);
  }
});
