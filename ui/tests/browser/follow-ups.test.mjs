// Follow-up items across meetings on the real core (test host): a question raised in the demo temamøde
// is on the committee's follow-up list, is offered for the next meeting's agenda (accepted by
// keyboard), is answered and closed; declining the offer writes nothing; a follow-up from a
// decision; positions over time; axe on the new views and the offer dialog in da and en.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axe, core, describeViolations, launchBrowser, newPage, serveDist, tabTo, waitSaved } from "./helpers.mjs";

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

const DEMO = { da: "Opret demo-arbejdsområde", en: "Create demo workspace" };
const QUESTION = "Hvor mange borgere vil modellen udpege om året?";

/** The demo's coming temamøde and its case item (the one with a walk). */
async function demoTheme(page, committeeId) {
  const meeting = (await core(page, "get_committee", { id: committeeId })).meetings.find((m) =>
    m.title.startsWith("Temamøde: Algoritmer"),
  );
  const items = (await core(page, "get_meeting", { id: meeting.id })).items;
  const item = items.find((i) => i.title === "Algoritmer til forebyggelse af fald hos ældre borgere");
  return { meeting, items, item };
}

/** The agenda of a meeting, from the core. */
async function agendaOf(page, meetingId) {
  return (await core(page, "get_meeting", { id: meetingId })).items;
}

/** Creates the demo and raises a question to the administration in its temamøde (as the walk
 *  does; the walk's own UI is tested in walk.test.mjs). Returns the committee's id. */
async function demoWithQuestion(page, lang = "da") {
  await page.getByRole("button", { name: DEMO[lang] }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  const committeeId = Number(/committees\/(\d+)/.exec(page.url())[1]);
  // The demo's history has follow-ups answered since; the committee closes them first, so the
  // question raised here is the one item not closed.
  for (const f of (await core(page, "follow_up_list", { committeeId })).items) {
    if (f.status !== "closed") await core(page, "update_follow_up", { id: f.id, patch: { status: "closed" } });
  }
  const { item } = await demoTheme(page, committeeId);
  await core(page, "add_question_to_administration", { itemId: item.id, step: 3, text: QUESTION, askedBy: null });
  return committeeId;
}

async function focusedText(page) {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
}

/** Fills the new-meeting form on the committee page and submits it. */
async function createMeeting(page, title, day) {
  await page.locator("#new-meeting-title").fill(title);
  await page.locator("#new-meeting-starts").fill(`${day}T17:00`);
  await page.locator("#new-meeting-ends").fill(`${day}T19:00`);
  await page.getByRole("button", { name: "Opret møde" }).click();
}

function nextYear() {
  return new Date().getFullYear() + 1;
}

test("a question from the demo temamøde is listed, offered on the next agenda, answered and closed", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committeeId = await demoWithQuestion(page);
    await page.goto(`${server.url}#/committees/${committeeId}`);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");

    // The committee page links to the follow-up list; keyboard only.
    await tabTo(page, () => document.activeElement?.textContent === "Opfølgning");
    await page.keyboard.press("Enter");
    await page.waitForURL(/follow-ups$/);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    const card = page.getByTestId("follow-up").filter({ hasText: QUESTION });
    await card.waitFor();
    assert.match(await card.textContent(), /Spørgsmål til forvaltningen/);
    assert.match(await card.textContent(), /Fra Temamøde: Algoritmer.*punkt 2/);
    assert.match(await page.getByTestId("follow-up-counts").textContent(), /^1 åbne/);

    // Owner and due date (yesterday: overdue), saved by themselves.
    await tabTo(page, () => document.activeElement?.id?.endsWith("-owner"));
    await page.keyboard.type("Sundhed og Omsorg");
    const yesterday = new Date(Date.now() - 86_400_000);
    const iso = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, "0")}-${String(yesterday.getDate()).padStart(2, "0")}`;
    await card.locator("input[type=date]").fill(iso);
    await card.locator("input[type=date]").blur();
    await waitSaved(page);
    await card.getByText("Over fristen").waitFor();

    // The next meeting: the chair is offered the open item and accepts with the keyboard.
    await page.goto(`${server.url}#/committees/${committeeId}`);
    await page.locator("#new-meeting-title").waitFor();
    await createMeeting(page, "Udvalgsmøde", `${nextYear()}-01-12`);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /ét opfølgningspunkt, der ikke er lukket/);
    assert.ok(await dialog.getByRole("checkbox", { name: new RegExp(QUESTION.slice(0, 20)) }).isChecked());
    assert.equal(await focusedText(page), "Tilføj punktet med ét opfølgningspunkt");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/meetings\/\d+$/);
    const meetingId = Number(/meetings\/(\d+)/.exec(page.url())[1]);
    const agenda = await agendaOf(page, meetingId);
    assert.deepEqual(agenda.map((i) => i.title), ["Opfølgning"]);
    assert.match(agenda[0].summary, new RegExp(QUESTION.replace("?", "\\?")));
    assert.match(agenda[0].summary, /Ansvarlig: Sundhed og Omsorg\./);

    // The agenda item shows the listed item as it stands.
    await page.goto(`${server.url}#/meetings/${meetingId}/items/${agenda[0].id}`);
    const onItem = page.getByTestId("item-follow-up");
    await onItem.getByText(QUESTION).waitFor();
    assert.match(await onItem.textContent(), /Åben:/);

    // Answered in the list: not without an answer.
    await page.goto(`${server.url}#/committees/${committeeId}/follow-ups`);
    await card.waitFor();
    await card.locator("select").selectOption("answered");
    await card.getByText("Skriv svaret, før punktet markeres som besvaret.").waitFor();
    await card.locator("textarea[id$=-answer]").fill("Forvaltningen forventer 120-150 borgere om året.");
    await card.locator("textarea[id$=-answer]").blur();
    await waitSaved(page);
    await page.waitForFunction(() => !document.body.textContent.includes("Skriv svaret, før"));
    await card.locator(".status-badge", { hasText: "Besvaret" }).waitFor();
    await card.getByText("Besvaret siden sidste møde").waitFor();
    assert.equal(await card.getByText("Over fristen").count(), 0, "an answered item is not overdue");

    // The filter: answered since the last meeting.
    await page.locator("#follow-up-filter-answered").check();
    await page.getByTestId("follow-up").first().waitFor();
    // On the real core this also lists the demo's items answered since the last meeting (and
    // closed since): the filter shows exactly those the core marks, ours among them.
    const since = (await core(page, "follow_up_list", { committeeId })).items.filter((f) => f.answered_since_last_meeting);
    assert.ok(since.some((f) => f.text === QUESTION), "ours is answered since the last meeting");
    assert.equal(await page.getByTestId("follow-up").count(), since.length);
    assert.equal(await page.getByTestId("follow-up").filter({ hasText: QUESTION }).count(), 1);

    // Closed by the committee.
    await card.locator("select").selectOption("closed");
    await waitSaved(page);
    await card.locator(".status-badge", { hasText: "Lukket" }).waitFor();
    const list = await core(page, "follow_up_list", { committeeId });
    assert.equal(list.items.find((f) => f.text === QUESTION).status, "closed");
    // A closed item is not offered again.
    const offer = await core(page, "follow_up_offer", { meetingId });
    assert.equal(offer.items.length, 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("declining the offer adds nothing, the meeting page offers it again; a follow-up from a decision", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committeeId = await demoWithQuestion(page);
    await page.goto(`${server.url}#/committees/${committeeId}`);
    await page.locator("#new-meeting-title").waitFor();
    await createMeeting(page, "Udvalgsmøde", `${nextYear()}-02-09`);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Nej tak" }).click();
    await page.waitForURL(/#\/meetings\/\d+$/);
    const meetingId = Number(/meetings\/(\d+)/.exec(page.url())[1]);
    assert.equal((await agendaOf(page, meetingId)).length, 0);
    // The meeting page still offers it (as for a meeting made from the annual cycle).
    const note = page.getByTestId("meeting-follow-up-offer");
    await note.waitFor();
    const v = await axe(page);
    assert.equal(v.length, 0, `the meeting's offer note:\n${describeViolations(v)}`);
    await note.getByRole("button", { name: "Tilføj punktet »Opfølgning« …" }).click();
    await page.getByRole("dialog").waitFor();
    await page.getByRole("dialog").getByRole("checkbox").uncheck();
    assert.ok(await page.getByRole("dialog").getByRole("button", { name: /Tilføj punktet med 0/ }).isDisabled(), "nothing chosen, nothing to add");
    await page.getByRole("dialog").getByRole("checkbox").check();
    await page.getByRole("dialog").getByRole("button", { name: "Tilføj punktet med ét opfølgningspunkt" }).click();
    await page.locator(".item-select", { hasText: "Opfølgning" }).waitFor();
    await note.waitFor({ state: "detached" });
    assert.equal((await agendaOf(page, meetingId)).length, 1);

    // From a decision on the temamøde's item.
    const theme = await demoTheme(page, committeeId);
    await core(page, "update_agenda_item", { id: theme.item.id, patch: { decision: "Udvalget ønsker en pilot i ét distrikt." } });
    const ids = { meeting: theme.meeting.id, item: theme.item.id };
    await page.goto(`${server.url}#/meetings/${ids.meeting}/items/${ids.item}`);
    const box = page.getByTestId("item-follow-up");
    await box.getByRole("button", { name: /Opret opfølgning fra beslutningen/ }).click();
    const text = box.locator("textarea");
    assert.equal(await text.inputValue(), "Udvalget ønsker en pilot i ét distrikt.", "the decision is the draft");
    await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    await text.fill("");
    await box.getByRole("button", { name: "Opret opfølgningspunkt" }).click();
    await box.getByText("Skriv, hvad der skal følges op på.", { exact: false }).waitFor();
    await text.fill("Forvaltningen vender tilbage med en plan for piloten.");
    await box.getByRole("button", { name: "Opret opfølgningspunkt" }).click();
    await box.getByRole("status").waitFor();
    await page.goto(`${server.url}#/committees/${committeeId}/follow-ups`);
    const card = page.getByTestId("follow-up").filter({ hasText: "plan for piloten" });
    await card.waitFor();
    assert.match(await card.textContent(), /Beslutning/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("positions over time: the room's median and named participants, in words, picture and table", async () => {
  const { page, context, errors } = await newPage(browser, server.url);
  try {
    const committeeId = await demoWithQuestion(page);
    // The demo's history: last year's temamøde and last month's meeting took positions on the
    // six questions (not named). The coming temamøde takes them again, now with names.
    const { meeting, item } = await demoTheme(page, committeeId);
    const members = (await core(page, "get_committee", { id: committeeId })).members;
    const politicians = members.filter((m) => ["chair", "vice_chair", "member", "citizen_member"].includes(m.role));
    const org1 = (await core(page, "get_walk", { itemId: item.id })).steps.find((s) => s.question.id === "organisation-1").index;
    await core(page, "set_positions_named", { meetingId: meeting.id, named: true });
    for (const [i, v] of [60, 70, 80].entries()) {
      await core(page, "set_position", { itemId: item.id, step: org1, personId: politicians[i].person_id, input: { value: v } });
    }
    await core(page, "reveal_positions", { itemId: item.id, step: org1 });
    // What the summary must say, from the core's history and the Danish calendar.
    const history = await core(page, "position_history", { committeeId, setId: "organisation-questions" });
    const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
    const dateOf = (o) => {
      const [y, m, d] = history.occasions[o].starts_at.slice(0, 10).split("-").map(Number);
      return `${d}. ${MONTHS[m - 1]} ${y}`;
    };
    const num = (x) => x.toLocaleString("da-DK", { maximumFractionDigits: 1 });
    const points = history.questions[0].points.filter((p) => p.statistics);
    const [firstPoint, lastPoint] = [points[0], points[points.length - 1]];
    assert.equal(history.occasions[lastPoint.occasion].meeting_id, meeting.id, "the coming temamøde is the latest");
    assert.equal(lastPoint.statistics.median, 70);
    assert.ok(firstPoint.statistics.median < 70, "the demo's history starts lower");

    await page.goto(`${server.url}#/committees/${committeeId}/positions`);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    const first = page.getByTestId("position-question").first();
    const summary = await first.getByTestId("position-summary").textContent();
    assert.ok(
      summary.includes(
        `Udvalgets median flyttede sig fra ${num(firstPoint.statistics.median)} (${dateOf(firstPoint.occasion)}) til 70 (${dateOf(lastPoint.occasion)}): mod yderposition 2.`,
      ),
      summary,
    );
    assert.ok(summary.includes(`${politicians[0].name}: 60 (${dateOf(lastPoint.occasion)}).`), summary);
    const rows = await first.getByTestId("position-table").locator("tbody tr").allTextContents();
    assert.equal(rows.length, history.occasions.length);
    assert.match(rows[0], new RegExp(num(firstPoint.statistics.median)));
    assert.match(rows[rows.length - 1], /70.*60/s);
    assert.equal(await first.locator("svg[role=img]").count(), 1);

    // A question never revealed says so in words: a committee whose one temamøde revealed
    // only the first question (every question of the demo's has been revealed).
    const other = await core(page, "create_committee", { input: { name: "Udvalget for Ældre og Sundhed", kind: "standing" } });
    const chair = await core(page, "add_member", { committeeId: other.id, input: { name: "Birte Ravn", role: "chair", party: null } });
    const day = `${nextYear()}-04-14`;
    const m = await core(page, "create_meeting", {
      input: { committee_id: other.id, title: "Temamøde om data", kind: "theme", starts_at: `${day}T17:00`, ends_at: `${day}T19:00` },
    });
    const next = await core(page, "add_agenda_item", { meetingId: m.id, title: "Data om borgere" });
    await core(page, "set_walk_plan", {
      itemId: next.id,
      plan: { case_technology: "", case_problem: "", parts: [{ set_id: "organisation-questions", set_version: 2, selection: [] }] },
    });
    await core(page, "set_position", { itemId: next.id, step: 0, personId: chair.person_id, input: { value: 40 } });
    await core(page, "reveal_positions", { itemId: next.id, step: 0 });
    await page.goto(`${server.url}#/committees/${other.id}/positions`);
    await page.getByTestId("position-question").nth(2).waitFor();
    assert.match(await page.getByTestId("position-question").nth(2).textContent(), /Ingen viste placeringer på dette spørgsmål/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const lang of ["da", "en"]) {
  describe(`follow-up views pass axe (${lang})`, () => {
    test(`follow-up list, offer dialog, item, positions (${lang})`, async () => {
      const { page, context, errors } = await newPage(browser, server.url, { lang });
      try {
        const committeeId = await demoWithQuestion(page, lang);
        const { meeting, item } = await demoTheme(page, committeeId);
        const f = await core(page, "create_follow_up", {
          input: { committee_id: committeeId, text: "Bed om en oversigt over kommunens algoritmer", owner: "Digitalisering", due_date: "2020-01-01" },
        });
        await core(page, "update_follow_up", { id: f.id, patch: { status: "in_progress" } });
        const org1 = (await core(page, "get_walk", { itemId: item.id })).steps.find((s) => s.question.id === "organisation-1").index;
        const chair = (await core(page, "get_committee", { id: committeeId })).members.find((m) => m.role === "chair");
        await core(page, "set_positions_named", { meetingId: meeting.id, named: true });
        await core(page, "set_position", { itemId: item.id, step: org1, personId: chair.person_id, input: { value: 30 } });
        await core(page, "reveal_positions", { itemId: item.id, step: org1 });
        await page.goto(`${server.url}#/committees/${committeeId}/follow-ups`);
        await page.getByTestId("follow-up").first().waitFor();
        let v = await axe(page);
        assert.equal(v.length, 0, `follow-up list:\n${describeViolations(v)}`);
        await page.getByRole("radio").last().check();
        await page.getByTestId("follow-up").nth(1).waitFor();
        v = await axe(page);
        assert.equal(v.length, 0, `follow-up list, all:\n${describeViolations(v)}`);

        await page.goto(`${server.url}#/committees/${committeeId}/positions`);
        await page.getByTestId("position-question").first().waitFor();
        v = await axe(page);
        assert.equal(v.length, 0, `positions over time:\n${describeViolations(v)}`);

        await page.goto(`${server.url}#/committees/${committeeId}`);
        await page.locator("#new-meeting-title").fill(lang === "da" ? "Udvalgsmøde" : "Committee meeting");
        await page.locator("#new-meeting-starts").fill(`${nextYear()}-03-09T17:00`);
        await page.locator("#new-meeting-ends").fill(`${nextYear()}-03-09T19:00`);
        await page.locator("#new-meeting-title").press("Enter");
        await page.getByRole("dialog").waitFor();
        v = await axe(page);
        assert.equal(v.length, 0, `offer dialog:\n${describeViolations(v)}`);
        await page.keyboard.press("Enter");
        await page.waitForURL(/#\/meetings\/\d+$/);
        const meetingId = Number(/meetings\/(\d+)/.exec(page.url())[1]);
        const itemId = (await agendaOf(page, meetingId))[0].id;
        await page.goto(`${server.url}#/meetings/${meetingId}/items/${itemId}`);
        await page.getByTestId("item-follow-up").locator("li").first().waitFor();
        v = await axe(page);
        assert.equal(v.length, 0, `agenda item Opfølgning:\n${describeViolations(v)}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}
