// The mock core's follow-up items across meetings and positions over time (see
// src/store/follow_ups.rs and src/store/position_history.rs, whose rules this mirrors for the
// browser tests). Questions to the administration stay in the walk's rows (MockCore.followUps);
// items written by hand or from a decision, when items were answered and where they were
// listed live here.

import type {
  AgendaItem,
  AgendaItemPatch,
  ApiError,
  ErrorKind,
  FollowUp,
  FollowUpItem,
  FollowUpList,
  FollowUpOffer,
  FollowUpOrigin,
  FollowUpPatch,
  FollowUpStatus,
  Meeting,
  NewFollowUp,
  PositionHistory,
  PositionPoint,
  QuestionSet,
} from "./bindings";
import { coreMessage } from "./i18n.svelte";

/** A walk question as MockCore keeps it. */
type WalkRow = Omit<FollowUp, "step" | "asked_by_name">;
type StepRow = { set_id: string; set_version: number; group_id: string; question_id: string; revealed: boolean };

/** What this part needs of MockCore. */
export interface FollowUpCore {
  followUps: WalkRow[];
  meetings: Omit<Meeting, "item_count">[];
  people: { id: number; name: string; party: string | null }[];
  id(): number;
  committee(id: number): unknown;
  meeting(id: number): Meeting;
  item(id: number): AgendaItem;
  agenda(meetingId: number): AgendaItem[];
  stepRows(itemId: number): StepRow[];
  walkRow(meetingId: number): { positions_named: boolean };
  positions: Map<string, Map<number, { value: number | null; reason: string | null }>>;
  getQuestionSet(id: string, version: number): QuestionSet;
  listQuestionSets(): { id: string; version: number }[];
  assertUnlocked(meetingId: number): void;
  addAgendaItem(meetingId: number, title: string): AgendaItem;
  updateAgendaItem(id: number, patch: AgendaItemPatch): AgendaItem;
}

type OwnRow = {
  id: number;
  committee_id: number;
  meeting_id: number | null;
  agenda_item_id: number | null;
  origin: FollowUpOrigin;
  text: string;
  owner: string;
  due_date: string | null;
  status: FollowUpStatus;
  answer: string;
  created_at: string;
};

function fail(kind: ErrorKind, key: string, args: Record<string, string> = {}, field: string | null = null): never {
  const error: ApiError = { kind, message: coreMessage(key, args, "da") ?? key, field, key, args };
  throw error;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function localNow(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function dueDate(value: unknown): string | null {
  const v = typeof value === "string" ? value.trim() : "";
  if (v === "") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  if (!m || !d || d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3])) {
    fail("validation", "error-date-invalid", { value: v }, "due_date");
  }
  return v;
}

function itemText(value: unknown): string {
  const v = typeof value === "string" ? value.trim() : "";
  if (v === "") fail("validation", "error-follow-up-text-empty", {}, "text");
  return v;
}

const PENDING: FollowUpStatus[] = ["open", "in_progress"];

export class MockFollowUps {
  own: OwnRow[] = [];
  answeredAt = new Map<number, string>();
  /** Agenda item id → follow-up ids listed under it, in order. */
  listings = new Map<number, number[]>();

  constructor(private core: FollowUpCore) {}

  // --- reading ---------------------------------------------------------------------------

  committeeOf(meetingId: number): number {
    return this.core.meeting(meetingId).committee_id;
  }

  /** Every follow-up item, walk questions included, as rows with a committee. */
  rows(): (OwnRow & { asked_by: number | null; set_id: string | null; question_id: string | null })[] {
    const questions = this.core.followUps.map((f) => ({
      id: f.id,
      committee_id: this.committeeOf(f.meeting_id),
      meeting_id: f.meeting_id as number | null,
      agenda_item_id: f.agenda_item_id,
      origin: "question" as FollowUpOrigin,
      text: f.text,
      owner: f.owner,
      due_date: f.due_date,
      status: f.status,
      answer: f.answer,
      created_at: f.created_at,
      asked_by: f.asked_by,
      set_id: f.set_id,
      question_id: f.question_id,
    }));
    // As the core's foreign keys do: an item goes with its meeting or agenda item.
    const exists = (f: OwnRow) =>
      (f.meeting_id === null || this.core.meetings.some((m) => m.id === f.meeting_id)) &&
      (f.agenda_item_id === null || this.core.agenda(f.meeting_id!).some((i) => i.id === f.agenda_item_id));
    const own = this.own.filter(exists).map((f) => ({ ...f, asked_by: null, set_id: null, question_id: null }));
    return [...questions, ...own];
  }

  lastMeeting(committeeId: number, now: string): Meeting | null {
    const past = this.core.meetings
      .filter((m) => m.committee_id === committeeId && m.starts_at <= now)
      .sort((a, b) => b.starts_at.localeCompare(a.starts_at) || b.id - a.id);
    return past.length > 0 ? this.core.meeting(past[0].id) : null;
  }

  item(row: ReturnType<MockFollowUps["rows"]>[number], now: string = localNow()): FollowUpItem {
    const meeting = row.meeting_id === null ? null : this.core.meeting(row.meeting_id);
    const agendaItem = row.agenda_item_id === null ? null : this.core.item(row.agenda_item_id);
    const steps = row.agenda_item_id === null || row.set_id === null ? [] : this.core.stepRows(row.agenda_item_id);
    const step = steps.findIndex((s) => s.set_id === row.set_id && s.question_id === row.question_id);
    const today = now.slice(0, 10);
    const last = this.lastMeeting(row.committee_id, now);
    const answeredAt = this.answeredAt.get(row.id) ?? null;
    const listedOn = [...this.listings.entries()]
      .filter(([, ids]) => ids.includes(row.id))
      .map(([itemId]) => {
        const a = this.core.item(itemId);
        const m = this.core.meeting(a.meeting_id);
        return { meeting_id: m.id, meeting_title: m.title, meeting_starts_at: m.starts_at, agenda_item_id: a.id, item_number: a.number };
      })
      .sort((a, b) => a.meeting_starts_at.localeCompare(b.meeting_starts_at));
    return {
      id: row.id,
      committee_id: row.committee_id,
      origin: row.origin,
      text: row.text,
      owner: row.owner,
      due_date: row.due_date,
      status: row.status,
      answer: row.answer,
      answered_at: answeredAt,
      asked_by_name: this.core.people.find((p) => p.id === row.asked_by)?.name ?? null,
      meeting_id: meeting?.id ?? null,
      meeting_title: meeting?.title ?? null,
      meeting_starts_at: meeting?.starts_at ?? null,
      agenda_item_id: agendaItem?.id ?? null,
      item_number: agendaItem?.number ?? null,
      item_title: agendaItem?.title ?? null,
      item_openness: agendaItem?.openness ?? null,
      step: step >= 0 ? step : null,
      created_at: row.created_at,
      overdue: PENDING.includes(row.status) && row.due_date !== null && row.due_date < today,
      answered_since_last_meeting: answeredAt !== null && (last === null || answeredAt >= last.starts_at),
      text_locked: row.origin === "question" && meeting?.status === "minutes_approved",
      listed_on: listedOn,
    };
  }

  sorted(items: FollowUpItem[]): FollowUpItem[] {
    const rank = (s: FollowUpStatus) => (PENDING.includes(s) ? 0 : s === "answered" ? 1 : 2);
    return items.sort(
      (a, b) =>
        rank(a.status) - rank(b.status) ||
        Number(a.due_date === null) - Number(b.due_date === null) ||
        (a.due_date ?? "").localeCompare(b.due_date ?? "") ||
        a.id - b.id,
    );
  }

  row(id: number) {
    return this.rows().find((r) => r.id === id) ?? fail("not_found", "error-not-found", { entity: coreMessage("entity-follow_up", {}, "da") ?? "", id: String(id) });
  }

  // --- commands --------------------------------------------------------------------------

  list(committeeId: number): FollowUpList {
    this.core.committee(committeeId);
    const now = localNow();
    const items = this.sorted(this.rows().filter((r) => r.committee_id === committeeId).map((r) => this.item(r, now)));
    return {
      committee_id: committeeId,
      today: now.slice(0, 10),
      last_meeting: this.lastMeeting(committeeId, now),
      items,
      pending_count: items.filter((i) => PENDING.includes(i.status)).length,
      overdue_count: items.filter((i) => i.overdue).length,
      answered_since_last_meeting_count: items.filter((i) => i.answered_since_last_meeting).length,
    };
  }

  get(id: number): FollowUpItem {
    return this.item(this.row(id));
  }

  create(input: NewFollowUp): FollowUpItem {
    const text = itemText(input.text);
    const owner = (input.owner ?? "").trim();
    const due = dueDate(input.due_date);
    this.core.committee(input.committee_id);
    let meetingId = input.meeting_id ?? null;
    if (input.agenda_item_id !== undefined && input.agenda_item_id !== null) {
      meetingId = this.core.item(input.agenda_item_id).meeting_id;
    }
    if (meetingId !== null && this.committeeOf(meetingId) !== input.committee_id) {
      fail("validation", "error-follow-up-other-committee", {}, input.agenda_item_id ? "agenda_item_id" : "meeting_id");
    }
    const row: OwnRow = {
      id: this.core.id(),
      committee_id: input.committee_id,
      meeting_id: meetingId,
      agenda_item_id: input.agenda_item_id ?? null,
      origin: input.agenda_item_id ? "decision" : "manual",
      text,
      owner,
      due_date: due,
      status: "open",
      answer: "",
      created_at: new Date().toISOString(),
    };
    this.own.push(row);
    return this.get(row.id);
  }

  update(id: number, patch: FollowUpPatch): FollowUpItem {
    const current = this.get(id);
    const text = patch.text === undefined ? undefined : itemText(patch.text);
    const due = patch.due_date === undefined ? undefined : dueDate(patch.due_date);
    if (text !== undefined && current.text_locked && text !== current.text) {
      fail("locked", "error-follow-up-text-locked", {}, "text");
    }
    const status = patch.status ?? current.status;
    const answer = patch.answer ?? current.answer;
    if (status === "answered" && answer.trim() === "") fail("validation", "error-follow-up-answer-empty", {}, "answer");
    const target: { text: string; owner: string; due_date: string | null; status: FollowUpStatus; answer: string } =
      this.core.followUps.find((f) => f.id === id) ?? this.own.find((f) => f.id === id)!;
    if (text !== undefined) target.text = text;
    if (patch.owner !== undefined && patch.owner !== null) target.owner = patch.owner.trim();
    if (due !== undefined) target.due_date = due;
    target.status = status;
    target.answer = answer;
    if (PENDING.includes(status)) this.answeredAt.delete(id);
    else if (!this.answeredAt.has(id) && answer.trim() !== "") this.answeredAt.set(id, localNow());
    return this.get(id);
  }

  delete(id: number): null {
    const current = this.get(id);
    if (current.text_locked) fail("locked", "error-follow-up-delete-locked");
    this.core.followUps = this.core.followUps.filter((f) => f.id !== id);
    this.own = this.own.filter((f) => f.id !== id);
    for (const [itemId, ids] of this.listings) this.listings.set(itemId, ids.filter((x) => x !== id));
    return null;
  }

  offer(meetingId: number): FollowUpOffer {
    const meeting = this.core.meeting(meetingId);
    const onThisAgenda = new Set(
      this.core.agenda(meetingId).flatMap((a) => this.listings.get(a.id) ?? []),
    );
    const items = this.sorted(
      this.rows()
        .filter((r) => r.committee_id === meeting.committee_id && r.status !== "closed")
        .filter((r) => r.meeting_id === null || (r.meeting_id !== meetingId && this.core.meeting(r.meeting_id).starts_at <= meeting.starts_at))
        .filter((r) => !onThisAgenda.has(r.id))
        .map((r) => this.item(r)),
    );
    const hasItem = this.core.agenda(meetingId).some((a) => (this.listings.get(a.id)?.length ?? 0) > 0);
    return { meeting_id: meetingId, items, has_follow_up_item: hasItem };
  }

  addAgendaItem(meetingId: number, ids: number[]): AgendaItem {
    if (ids.length === 0) fail("validation", "error-follow-up-none-chosen", {}, "follow_up_ids");
    const meeting = this.core.meeting(meetingId);
    this.core.assertUnlocked(meetingId);
    const items = [...new Set(ids)].map((id) => this.get(id));
    if (items.some((f) => f.committee_id !== meeting.committee_id)) {
      fail("validation", "error-follow-up-other-committee", {}, "follow_up_ids");
    }
    const lines = [coreMessage("follow-up-agenda-intro", {}, "da") ?? ""];
    items.forEach((f, i) => {
      const details: string[] = [];
      if (f.owner) details.push(coreMessage("follow-up-agenda-owner", { owner: f.owner }, "da") ?? "");
      if (f.due_date) details.push(coreMessage("follow-up-agenda-due", { date: f.due_date }, "da") ?? "");
      const status = coreMessage(`follow-up-status-${f.status.replace("_", "-")}`, {}, "da") ?? f.status;
      details.push(coreMessage("follow-up-agenda-status", { status }, "da") ?? "");
      lines.push(`${i + 1}. ${f.text}\n${details.join(" ")}`);
    });
    const title = coreMessage("follow-up-agenda-title", {}, "da") ?? "";
    const added = this.core.addAgendaItem(meetingId, title);
    this.listings.set(added.id, items.map((f) => f.id));
    return this.core.updateAgendaItem(added.id, { summary: lines.join("\n\n") });
  }

  onAgendaItem(itemId: number): FollowUpItem[] {
    this.core.item(itemId);
    return (this.listings.get(itemId) ?? []).map((id) => this.get(id));
  }

  positionHistory(committeeId: number, setId: string): PositionHistory {
    this.core.committee(committeeId);
    const meetings = this.core.meetings
      .filter((m) => m.committee_id === committeeId)
      .sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.id - b.id);
    const occasions: PositionHistory["occasions"] = [];
    const points = new Map<string, PositionPoint[]>();
    const participants = new Map<number, { person_id: number; name: string; party: string | null }>();
    let version: number | null = null;
    for (const m of meetings) {
      const named = this.core.walkRow(m.id).positions_named;
      for (const item of this.core.agenda(m.id)) {
        if (item.openness !== "open") continue;
        const steps = this.core.stepRows(item.id).filter((s) => s.set_id === setId && s.revealed);
        if (steps.length === 0) continue;
        occasions.push({
          meeting_id: m.id,
          meeting_title: m.title,
          starts_at: m.starts_at,
          agenda_item_id: item.id,
          item_number: item.number,
          item_title: item.title,
          named,
        });
        const occasion = occasions.length - 1;
        for (const s of steps) {
          version = s.set_version;
          const answers = [...(this.core.positions.get(`${item.id}|${s.set_id}|${s.question_id}`) ?? new Map()).entries()];
          const values = answers.map(([, a]) => a.value).filter((v): v is number => v !== null);
          const point: PositionPoint = {
            occasion,
            statistics: statistics(values),
            skipped_count: answers.length - values.length,
            positions: [],
          };
          if (named) {
            for (const [personId, a] of answers) {
              if (a.value === null) continue;
              const person = this.core.people.find((p) => p.id === personId)!;
              participants.set(personId, { person_id: personId, name: person.name, party: person.party });
              point.positions.push({ person_id: personId, value: a.value });
            }
            point.positions.sort((a, b) => a.value - b.value);
          }
          points.set(s.question_id, [...(points.get(s.question_id) ?? []), point]);
        }
      }
    }
    const newest = Math.max(...this.core.listQuestionSets().filter((s) => s.id === setId).map((s) => s.version));
    const set = this.core.getQuestionSet(setId, version ?? newest);
    return {
      committee_id: committeeId,
      set_id: setId,
      set_title: set.title,
      occasions,
      questions: set.groups
        .flatMap((g) => g.questions)
        .map((q) => ({
          question_id: q.id,
          text: q.text,
          extreme_left: q.extreme_left ?? { da: "", en: "" },
          extreme_right: q.extreme_right ?? { da: "", en: "" },
          points: points.get(q.id) ?? [],
        })),
      participants: [...participants.values()].sort((a, b) => a.name.localeCompare(b.name, "da")),
    };
  }
}

/** As ContinuumStatistics::of: quartiles by linear interpolation (type 7). */
function statistics(values: number[]) {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (v.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  };
  return { count: v.length, median: q(0.5), min: v[0], max: v[v.length - 1], q1: q(0.25), q3: q(0.75), iqr: q(0.75) - q(0.25) };
}

/** The commands this part answers, or `undefined` for another command. */
export function dispatchFollowUps(f: MockFollowUps, cmd: string, a: Record<string, unknown>): { value: unknown } | undefined {
  const n = (key: string) => a[key] as number;
  switch (cmd) {
    case "follow_up_list":
      return { value: f.list(n("committeeId")) };
    case "create_follow_up":
      return { value: f.create(a.input as NewFollowUp) };
    case "update_follow_up":
      return { value: f.update(n("id"), a.patch as FollowUpPatch) };
    case "delete_follow_up":
      return { value: f.delete(n("id")) };
    case "follow_up_offer":
      return { value: f.offer(n("meetingId")) };
    case "add_follow_up_agenda_item":
      return { value: f.addAgendaItem(n("meetingId"), a.followUpIds as number[]) };
    case "follow_ups_on_agenda_item":
      return { value: f.onAgendaItem(n("itemId")) };
    case "position_history":
      return { value: f.positionHistory(n("committeeId"), a.setId as string) };
    default:
      return undefined;
  }
}
