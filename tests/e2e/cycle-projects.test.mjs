// The annual cycle (årshjul) and a digitalisation project in the real app (WebKitGTK, real IPC,
// real SQLite): next year's meetings are created from the demo committee's cycle after the
// confirmation lists them, and a second time nothing is created; the demo's fall-prevention
// project is moved on to phase 4 (Beslutning) with a meeting linked to each phase. The CLI
// reads the same database and sees the same.
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

async function focus(browser, find, ...args) {
  const el = await browser.execute(find, ...args);
  assert.ok(el, `nothing to focus for ${find}`);
  const ok = await browser.execute((e) => {
    e.focus();
    return document.activeElement === e;
  }, el);
  assert.ok(ok, `focus did not move for ${find}`);
}

/** Sets a select the way a user's choice does. */
async function choose(browser, selector, value) {
  await browser.execute(
    (sel, v) => {
      const el = document.querySelector(sel);
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    selector,
    value,
  );
}

const bodyHas = (browser, text) => browser.execute((t) => document.body.textContent.includes(t), text);
/** The button whose text starts with `text` (passed as an argument: the function runs in the page). */
const buttonStartingWith = (text) => [...document.querySelectorAll("button")].find((b) => b.textContent.trim().startsWith(text));

function cli(args) {
  return execFileSync(process.env.PEJLING_CLI, ["--db", driver.dbPath, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

test("the demo's annual cycle creates next year's meetings once; a project moves through to Beslutning", { timeout: 240000 }, async () => {
  const browser = await launchApp(driver.port);
  try {
    await until(browser, () => browser.execute(() => document.querySelector("main h1")?.textContent.trim() === "Velkommen til Pejling"), "the welcome page");
    await focus(browser, buttonStartingWith, "Opret demo-arbejdsområde");
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => /^#\/committees\/\d+$/.test(location.hash)), "the demo committee");
    const id = (await browser.execute(() => location.hash)).split("/").pop();

    // The year view, from the committee's link.
    await until(browser, () => browser.execute((c) => document.querySelector(`a[href="#/committees/${c}/cycle"]`) !== null, id), "the cycle link");
    await focus(browser, (c) => document.querySelector(`a[href="#/committees/${c}/cycle"]`), id);
    await browser.keys("Enter");
    const year = new Date().getFullYear();
    await until(browser, () => browser.execute(() => document.querySelectorAll(".months > li").length === 12), "twelve months");
    await until(browser, () => bodyHas(browser, "Årets temamøde om digitalisering"), "the demo's fixed points");

    // Next year's meetings: the confirmation lists the seven (the budget year's four points, the
    // projects' status, the temamøde and the every-other-year conference), then they are made.
    await focus(browser, buttonStartingWith, "Opret næste års møder");
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=cycle-preview] li").length === 7), "the list of meetings to create");
    await focus(browser, buttonStartingWith, "Opret 7 møder");
    await browser.keys("Enter");
    await until(browser, () => browser.execute((c, y) => location.hash === `#/committees/${c}/cycle/${y}`, id, year + 1), "next year's view");
    await until(browser, () => browser.execute(() => document.querySelectorAll(".months a[href^='#/meetings/']").length === 7), "the seven meetings in their months");
    // A second time: nothing to create, in the app and on the command line.
    const again = JSON.parse(cli(["cycle-create-year", id, String(year + 1), "--json"]));
    assert.deepEqual([again.created.length, again.already_created], [0, 7]);
    const meetings = JSON.parse(cli(["meetings", "--committee", id, "--json"]));
    assert.equal(meetings.filter((m) => m.starts_at.startsWith(`${year + 1}-`)).length, 7);

    // The project: from phase 1 (the demo) on to phase 4, a meeting linked in each phase.
    await browser.execute(() => (location.hash = "#/projects"));
    await until(browser, () => browser.execute(() => [...document.querySelectorAll("tbody a")].some((a) => a.textContent === "Algoritmer til forebyggelse af fald")), "the projects");
    await focus(browser, () => [...document.querySelectorAll("tbody a")].find((a) => a.textContent === "Algoritmer til forebyggelse af fald"));
    await browser.keys("Enter");
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=phase-panel]").length === 5), "the five phases");
    const projectId = (await browser.execute(() => location.hash)).split("/").pop();
    const meetingId = String(meetings[0].id);
    for (let phase = 2; phase <= 4; phase++) {
      await focus(browser, buttonStartingWith, `Gå videre til Fase ${phase}`);
      await browser.keys("Enter");
      await until(browser, () => browser.execute((p) => document.querySelector("[data-testid=phase-stepper] li[aria-current=step]")?.textContent.includes(`Fase ${p}`), phase), `phase ${phase}`);
      await choose(browser, `#phase-${phase}-link-meeting`, meetingId);
      await browser.execute((p) => document.querySelector(`form[aria-labelledby=phase-${p}-link-heading] button[type=submit]`).click(), phase);
      await until(browser, () => browser.execute((p) => document.querySelectorAll(`#phase-${p}-heading ~ ul.links li`).length === 1, phase), `the link in phase ${phase}`);
    }
    await until(browser, () => bodyHas(browser, "Projektet står i den sidste fase."), "the last phase");

    const shown = JSON.parse(cli(["show-project", projectId, "--json"]));
    assert.equal(shown.project.phase, 4);
    assert.deepEqual(shown.history.map((h) => [h.from_phase, h.to_phase]), [[null, 0], [0, 1], [1, 2], [2, 3], [3, 4]]);
    assert.deepEqual(shown.phases.map((p) => p.links.length), [1, 1, 1, 1, 1]);
    // Back to revisit phase 0 is allowed; from there, skipping to phase 2 is refused.
    cli(["project-phase", projectId, "0", "--note", "Problemet genbesøges"]);
    assert.throws(() => cli(["project-phase", projectId, "2"]), /næste fase, fase 1/);
  } finally {
    await browser.deleteSession();
  }
});
