// Did insight move the room? On the real core (the test host): two rounds of positions with
// reasons, the arrows and the median's move on the walk, the summary and the room's screen
// (readable from the back: the question and the chart's labels at least 1/25 of the screen's
// height); points from the participants shown on the room screen without names, merged, and
// made a question to the administration in one action; a timebox with a quiet countdown.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, core, describeViolations, launchBrowser, newPage, serveDist, waitSaved } from "./helpers.mjs";

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

const DEMO_MEETING = "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere";
const CASE_ITEM = "Algoritmer til forebyggelse af fald hos ældre borgere";

async function openDemoWalk(page) {
  await page.getByRole("button", { name: "Opret demo-arbejdsområde" }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  await page.locator("table").nth(1).getByRole("link", { name: DEMO_MEETING, exact: true }).click();
  await page.waitForURL(/#\/meetings\/\d+$/);
  await page.locator(".item-select", { hasText: CASE_ITEM }).click();
  await page.getByTestId("walk-plan").locator("a.btn-primary").click();
  await page.waitForURL(/#\/meetings\/\d+\/walk\/\d+$/);
  await page.getByTestId("walk-where").waitFor();
}

async function openRoom(page, context) {
  const meetingId = Number(/#\/meetings\/(\d+)\//.exec(page.url())[1]);
  await page.getByRole("button", { name: "Åbn storskærm" }).click();
  const room = await context.newPage();
  await room.setViewportSize({ width: 1280, height: 720 });
  await room.goto(new URL(`#/room/${meetingId}`, page.url()).href);
  return room;
}

async function noViolations(page, what) {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

async function setSlider(page, n, key) {
  await page.locator("input[type=range]").nth(n).focus();
  await page.keyboard.press(key);
}

const answered = (page, text) =>
  page.waitForFunction((t) => document.querySelector("[data-testid=answered]")?.textContent.trim() === t, text);

test("two rounds with reasons: arrows, the median's move and the spread, on the walk, the summary and the room", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await openDemoWalk(page);
    const room = await openRoom(page, context);
    await page.locator(".nav-step").nth(16).click();
    await page.getByTestId("positions").waitFor();
    assert.equal(await page.getByTestId("round").textContent(), "Første runde");

    // Round 1: 0, 0, 100, with a reason typed by the secretary.
    await setSlider(page, 0, "Home");
    await setSlider(page, 1, "Home");
    await setSlider(page, 2, "End");
    await answered(page, "3 af 6 har svaret");
    const why = page.locator(".position-row").nth(2).locator("input.why");
    await page.waitForFunction(() => !document.querySelectorAll(".position-row input.why")[2]?.disabled);
    await why.fill("Gevinsten er stor");
    await why.blur();
    await page.waitForTimeout(300);

    await page.getByRole("button", { name: "Start anden runde" }).click();
    await page.waitForFunction(() => document.querySelector("[data-testid=round]")?.textContent === "Anden runde (efter drøftelsen)");
    await answered(page, "0 af 6 har svaret");
    // Both rounds hidden: the room shows counts only.
    await room.getByTestId("room-answered").waitFor();
    assert.equal(await room.getByTestId("rounds-chart").count(), 0);

    // Round 2: everyone moves to 100 after the discussion.
    for (const n of [0, 1, 2]) await setSlider(page, n, "End");
    await answered(page, "3 af 6 har svaret");
    await page.getByRole("button", { name: "Vis placeringer" }).click();
    await page.getByTestId("rounds-chart").waitFor();
    assert.equal(
      await page.getByTestId("median-shift").textContent(),
      "Medianen flyttede sig +100 point: fra 0 til 100.",
    );
    assert.match(await page.getByTestId("spread").textContent(), /før: 0–50 \(bredde 50\); efter: 100–100 \(bredde 0\)/);
    assert.equal(await page.locator("[data-testid=rounds-chart] li.move").count(), 3);
    // Anonymous by default: "Deltager n", no names in the arrows.
    assert.match(await page.locator("[data-testid=rounds-chart] .who").first().textContent(), /^Deltager 1$/);
    await noViolations(page, "walk with two rounds revealed");

    // The room: arrows, no names, the question and the labels readable from the back.
    await room.getByTestId("rounds-chart").waitFor();
    const sizes = await room.evaluate(() => {
      const px = (el) => parseFloat(getComputedStyle(el).fontSize);
      const label = document.querySelector(".marker-label");
      const ratio = label.getBoundingClientRect().height;
      return {
        min: window.innerHeight / 25,
        question: px(document.querySelector("[data-testid=room-question]")),
        who: px(document.querySelector("[data-testid=rounds-chart] .who")),
        shift: px(document.querySelector("[data-testid=median-shift]")),
        label: ratio,
      };
    });
    assert.ok(sizes.question >= sizes.min, JSON.stringify(sizes));
    assert.ok(sizes.who >= sizes.min - 0.5, JSON.stringify(sizes));
    assert.ok(sizes.shift >= sizes.min - 0.5, JSON.stringify(sizes));
    assert.ok(sizes.label >= sizes.min * 0.7, `chart label glyph box ${JSON.stringify(sizes)}`);
    const people = await core(page, "list_attendance", { meetingId: Number(/#\/meetings\/(\d+)\//.exec(page.url())[1]) });
    const roomText = await room.locator("body").textContent();
    for (const p of people.people) assert.ok(!roomText.includes(p.name), `the room names ${p.name}`);
    await noViolations(room, "room with two rounds");

    // The summary shows both rounds and the reason.
    await page.getByRole("link", { name: "Oversigt over gennemgangen" }).click();
    await page.getByTestId("summary-continua").waitFor();
    await page.getByTestId("rounds-chart").first().waitFor();
    assert.match(await page.getByTestId("reasons-first").first().textContent(), /Gevinsten er stor/);
    await noViolations(page, "summary with two rounds");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("points from the phones: shown without names, merged, made a question in one action; a quiet countdown", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    await openDemoWalk(page);
    const itemId = Number(/\/walk\/(\d+)$/.exec(page.url())[1]);
    const meetingId = Number(/#\/meetings\/(\d+)\//.exec(page.url())[1]);
    const room = await openRoom(page, context);
    assert.equal(await page.getByTestId("walk-prompt").textContent(), "Hvad vil du belyse?");
    await room.getByTestId("room-prompt").waitFor();
    assert.equal(await room.getByTestId("room-prompt").textContent(), "Hvad vil du belyse?");

    // Two participants send points (as the live session does, through the same core write).
    const people = (await core(page, "list_attendance", { meetingId: meetingId })).people;
    const [a, b] = people.filter((p) => p.role === "member");
    await core(page, "add_walk_point", { itemId, step: 0, personId: a.person_id, text: "Hvem ejer data?" });
    await core(page, "add_walk_point", { itemId, step: 0, personId: b.person_id, text: "Hvem ejer dataene?" });
    // The chair sees them arrive.
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=walk-points] .point").length === 2);
    assert.match(await page.getByTestId("walk-points").textContent(), new RegExp(`fra ${a.name}`));

    const first = page.locator("[data-testid=walk-points] .point").nth(0);
    await first.getByRole("button", { name: /Vis på storskærm/ }).click();
    await room.getByTestId("room-points").waitFor();
    // Merge the second into the first: the room counts both.
    await page.locator("[data-testid=walk-points] .point").nth(1).locator("select").selectOption({ label: "Hvem ejer data?" });
    await room.waitForFunction(() => document.querySelector("[data-testid=room-points]")?.textContent.includes("×2"));
    const roomText = await room.locator("body").textContent();
    assert.ok(!roomText.includes(a.name) && !roomText.includes(b.name), "no names on the room screen");
    await noViolations(page, "points panel");

    // One action: a question to the administration, asked by the one who sent it.
    await first.getByRole("button", { name: /Gør til spørgsmål til forvaltningen/ }).click();
    await page.locator(".qa-list li", { hasText: "Hvem ejer data?" }).waitFor();
    assert.match(await page.locator(".qa-list li").first().textContent(), new RegExp(a.name));
    await first.getByText("Er spørgsmål til forvaltningen").waitFor();

    // A timebox: the room counts down quietly.
    await page.locator("#timebox-0").fill("5");
    await page.locator("#timebox-0").press("Tab");
    await room.getByTestId("room-timebox").waitFor();
    assert.match(await room.getByTestId("room-timebox").textContent(), /^[45] min\. tilbage$/);
    await page.locator("#timebox-0").fill("999");
    await page.locator("#timebox-0").press("Tab");
    await page.locator("#timebox-error").getByText("En tidsramme er fra 1 til 240 minutter").waitFor();
    await noViolations(room, "room with points and countdown");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
