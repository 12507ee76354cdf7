// An in-memory stand-in for the Pejling core, for `vite --mode mock` and the browser tests.
// It answers the same commands with the same shapes and raises the same errors (with Danish
// messages, as the core does). It starts empty, so the first-run view shows; `create_demo`
// seeds an invented committee. Nothing is persisted: a reload starts over.
//
// Loaded only in mock mode (see main.ts), so it never reaches the production bundle.

import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  AgendaItem,
  AgendaItemPatch,
  ApiError,
  AttendanceEntry,
  ContinuumResult,
  FollowUp,
  PositionInput,
  QuestionSet,
  QuestionSetSummary,
  RoomStep,
  RoomView,
  SearchHit,
  StepSummary,
  Walk,
  WalkPlan,
  WalkPlanPart,
  WalkState,
  WalkStep,
  WalkSummary,
  Attendance,
  Committee,
  CommitteeDetail,
  CommitteeKind,
  CommitteePatch,
  ErrorKind,
  Meeting,
  MeetingDetail,
  MeetingKind,
  MeetingPatch,
  MeetingStatus,
  Member,
  MemberPatch,
  NewCommittee,
  NewMeeting,
  NewMember,
  Openness,
  Person,
  Role,
  WorkspaceStatus,
} from "./bindings";
import { coreMessage, t } from "./i18n.svelte";
import { parseQuestionSet, pickTextFile } from "./mock-question-sets";
// The built-in question sets exactly as the core hands them out (list_question_sets and
// get_question_set), generated once from the core; see mock-data/README.md.
import questionSetData from "./mock-data/question-sets.json";
import { MockMinutes } from "./mock-minutes";
import { MockBackups } from "./mock-backups";
import { dispatchLive, MockLive } from "./mock-live";
import { dispatchFollowUps, MockFollowUps } from "./mock-follow-ups";
import { dispatchCycleProjects, MockCycleProjects } from "./mock-cycle-projects";
import { searchDocs, type SearchDoc } from "./mock-search";
import { dispatchPackages, MockPackages } from "./mock-packages";

type CommitteeRow = { id: number; name: string; kind: CommitteeKind; description: string };
type Membership = { committee_id: number; person_id: number; role: Role; since: number };
type MeetingRow = Omit<Meeting, "item_count">;
type ItemRow = Omit<AgendaItem, "number"> & { position: number };
type StepRow = { set_id: string; set_version: number; group_id: string; question_id: string; revealed: boolean };
type PlanRow = { case_technology: string; case_problem: string; steps: StepRow[] };
type WalkRow = { current_item_id: number | null; current_step: number; positions_named: boolean };
type PositionRow = { value: number | null; reason: string | null };
type FollowUpRow = Omit<FollowUp, "step" | "asked_by_name">;

const QUESTION_SETS = questionSetData as unknown as { summaries: QuestionSetSummary[]; sets: QuestionSet[] };
const MAX_TEXT = 100_000;
const MAX_TITLE = 500;
/** Roles that take positions: the politicians. */
const POLITICIANS: Role[] = ["chair", "vice_chair", "member", "citizen_member"];

/** The demo case, as the core's demo states it. */
const CASE_TECHNOLOGY = "Algoritmer, der ud fra data om borgerens sundhed forudsiger og forebygger fald";
const CASE_PROBLEM =
  "Fald hos ældre borgere kan føre til knoglebrud, hjernerystelse og varige funktionstab. " +
  "Det skaber dårligere livskvalitet for den ældre og i mange tilfælde større træk på kommunale sundheds- og plejeydelser.";

const STATUSES: MeetingStatus[] = ["draft", "agenda_sent", "in_progress", "closed", "minutes_approved"];
const COMMITTEE_KINDS: CommitteeKind[] = ["standing", "task", "finance", "council", "other"];
const ROLES: Role[] = ["chair", "vice_chair", "member", "citizen_member", "secretary", "official"];
const MEETING_KINDS: MeetingKind[] = ["ordinary", "theme"];
const OPENNESS: Openness[] = ["open", "closed"];
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * Throws an error as the core does: a Fluent key of the core's catalogue with its arguments,
 * and the message already rendered in Danish.
 */
function fail(kind: ErrorKind, key: string, args: Record<string, string> = {}, field: string | null = null): never {
  const message = coreMessage(key, args, "da") ?? key;
  const error: ApiError = { kind, message, field, key, args };
  throw error;
}

function notFound(entity: string, id: unknown): never {
  fail("not_found", "error-not-found", { entity: coreMessage(`entity-${entity}`, {}, "da") ?? entity, id: String(id) });
}

/** A required one-line text: trimmed, never blank ("name" or a title). */
function required(value: unknown, field: "name" | "title"): string {
  if (typeof value !== "string" || value.trim() === "") {
    fail("validation", field === "name" ? "error-name-empty" : "error-title-empty", {}, field);
  }
  return value.trim();
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  // The real core refuses these while decoding the arguments, before any of its own checks.
  if (!allowed.includes(value as T)) throw `invalid args \`${field}\`: unknown variant \`${String(value)}\``;
  return value as T;
}

function dateTime(value: unknown, field: string): string {
  const v = typeof value === "string" ? value.trim() : "";
  if (v === "") fail("validation", "error-time-empty", {}, field);
  if (!LOCAL_DATETIME.test(v) || Number.isNaN(Date.parse(v))) {
    fail("validation", "error-time-invalid", { value: v }, field);
  }
  return v;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function boundedText(value: unknown, field: string): string {
  const v = text(value);
  if ([...v].length > MAX_TEXT) fail("validation", "error-text-too-long", { max: String(MAX_TEXT), length: String([...v].length) }, field);
  return v;
}

function stepKey(itemId: number, setId: string, questionId: string): string {
  return `${itemId}|${setId}|${questionId}`;
}

function party(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

class MockCore {
  committees: CommitteeRow[] = [];
  people: Person[] = [];
  memberships: Membership[] = [];
  meetings: MeetingRow[] = [];
  items: ItemRow[] = [];
  minutes: MockMinutes = new MockMinutes({
    meetingRow: (id) => this.meetingRow(id),
    agenda: (id) => this.agenda(id),
    committeeMembers: (id) =>
      this.memberships.filter((m) => m.committee_id === id).map((m) => this.member(id, m.person_id)),
  });
  #nextId = 1;
  #tick = 0;
  /** The annual cycle (årshjul) and digitalisation projects. */
  cycleProjects: MockCycleProjects = new MockCycleProjects(
    {
      committee: (id) => this.committee(id),
      meeting: (id) => this.meeting(id),
      meetings: (committeeId) =>
        this.meetings
          .filter((m) => m.committee_id === committeeId)
          .map((m) => this.meeting(m.id))
          .sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.id - b.id),
      meetingExists: (id) => this.meetings.some((m) => m.id === id),
      createMeeting: (input) => this.createMeeting(input),
      agenda: (id) => this.agenda(id),
      itemMeeting: (id) => this.items.find((i) => i.id === id)?.meeting_id ?? null,
      questionSet: (id, version) => this.getQuestionSet(id, version),
      actor: () => "Demo",
    },
    () => this.id(),
  );

  id(): number {
    return this.#nextId++;
  }

  // --- reading --------------------------------------------------------------------------

  committee(id: number): Committee {
    const row = this.committees.find((c) => c.id === id) ?? notFound("committee", id);
    return {
      ...row,
      member_count: this.memberships.filter((m) => m.committee_id === id).length,
      meeting_count: this.meetings.filter((m) => m.committee_id === id).length,
    };
  }

  meetingRow(id: number): MeetingRow {
    return this.meetings.find((m) => m.id === id) ?? notFound("meeting", id);
  }

  meeting(id: number): Meeting {
    const row = this.meetingRow(id);
    return { ...row, item_count: this.items.filter((i) => i.meeting_id === id).length };
  }

  member(committeeId: number, personId: number): Member {
    const m =
      this.memberships.find((x) => x.committee_id === committeeId && x.person_id === personId) ??
      notFound("member", personId);
    const person = this.people.find((p) => p.id === personId) ?? notFound("person", personId);
    return { person_id: person.id, committee_id: committeeId, name: person.name, party: person.party, role: m.role };
  }

  agenda(meetingId: number): AgendaItem[] {
    return this.items
      .filter((i) => i.meeting_id === meetingId)
      .sort((a, b) => a.position - b.position)
      .map(({ position: _position, ...item }, index) => ({ ...item, number: index + 1 }));
  }

  item(id: number): AgendaItem {
    const row = this.items.find((i) => i.id === id) ?? notFound("agenda_item", id);
    return this.agenda(row.meeting_id).find((i) => i.id === id)!;
  }

  assertUnlocked(meetingId: number): void {
    const meeting = this.meetingRow(meetingId);
    if (meeting.status === "minutes_approved") fail("locked", "error-meeting-locked", { title: meeting.title });
  }

  assertUniqueName(name: string, exceptId: number | null): void {
    const lower = name.toLocaleLowerCase("da");
    if (this.committees.some((c) => c.id !== exceptId && c.name.toLocaleLowerCase("da") === lower)) {
      fail("conflict", "error-committee-name-taken", { name }, "name");
    }
  }

  // --- commands -------------------------------------------------------------------------

  workspaceStatus(): WorkspaceStatus {
    return { db_path: "/tmp/pejling-mock.sqlite", is_empty: this.committees.length === 0, schema_version: 1 };
  }

  listCommittees(): Committee[] {
    return this.committees
      .map((c) => this.committee(c.id))
      .sort((a, b) => a.name.localeCompare(b.name, "da"));
  }

  getCommittee(id: number): CommitteeDetail {
    const committee = this.committee(id);
    const roleOrder = (r: Role) => ROLES.indexOf(r);
    const members = this.memberships
      .filter((m) => m.committee_id === id)
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.since - b.since)
      .map((m) => this.member(id, m.person_id));
    const meetings = this.meetings
      .filter((m) => m.committee_id === id)
      .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
      .map((m) => this.meeting(m.id));
    return { committee, members, meetings };
  }

  createCommittee(input: NewCommittee): Committee {
    const name = required(input?.name, "name");
    const kind = oneOf(input.kind, COMMITTEE_KINDS, "kind");
    this.assertUniqueName(name, null);
    const row: CommitteeRow = { id: this.id(), name, kind, description: text(input.description) };
    this.committees.push(row);
    return this.committee(row.id);
  }

  updateCommittee(id: number, patch: CommitteePatch): Committee {
    const row = this.committees.find((c) => c.id === id) ?? notFound("committee", id);
    const next = { ...row };
    if (patch.name != null) {
      next.name = required(patch.name, "name");
      this.assertUniqueName(next.name, id);
    }
    if (patch.kind != null) next.kind = oneOf(patch.kind, COMMITTEE_KINDS, "kind");
    if (patch.description != null) next.description = patch.description;
    Object.assign(row, next);
    return this.committee(id);
  }

  deleteCommittee(id: number): null {
    const committee = this.committee(id);
    // Like the core: meetings are records and are deleted one by one, deliberately.
    if (committee.meeting_count > 0) {
      fail("conflict", "error-committee-has-meetings", { count: String(committee.meeting_count) });
    }
    const projects = this.cycleProjects.hasProjects(id);
    if (projects > 0) fail("conflict", "error-committee-has-projects", { count: String(projects) });
    this.memberships = this.memberships.filter((m) => m.committee_id !== id);
    this.committees = this.committees.filter((c) => c.id !== id);
    return null;
  }

  listPeople(): Person[] {
    return [...this.people].sort((a, b) => a.name.localeCompare(b.name, "da"));
  }

  addMember(committeeId: number, input: NewMember): Member {
    this.committee(committeeId);
    const name = required(input?.name, "name");
    const role = oneOf(input.role, ROLES, "role");
    const person: Person = { id: this.id(), name, party: party(input.party) };
    this.people.push(person);
    this.memberships.push({ committee_id: committeeId, person_id: person.id, role, since: this.#tick++ });
    return this.member(committeeId, person.id);
  }

  addExistingMember(committeeId: number, personId: number, role: Role): Member {
    this.committee(committeeId);
    if (!this.people.some((p) => p.id === personId)) notFound("person", personId);
    oneOf(role, ROLES, "role");
    if (this.memberships.some((m) => m.committee_id === committeeId && m.person_id === personId)) {
      fail("conflict", "error-member-exists");
    }
    this.memberships.push({ committee_id: committeeId, person_id: personId, role, since: this.#tick++ });
    return this.member(committeeId, personId);
  }

  updateMember(committeeId: number, personId: number, patch: MemberPatch): Member {
    this.member(committeeId, personId);
    const person = this.people.find((p) => p.id === personId)!;
    const membership = this.memberships.find((m) => m.committee_id === committeeId && m.person_id === personId)!;
    const name = patch.name != null ? required(patch.name, "name") : person.name;
    const role = patch.role != null ? oneOf(patch.role, ROLES, "role") : membership.role;
    person.name = name;
    if (patch.party != null) person.party = party(patch.party);
    membership.role = role;
    return this.member(committeeId, personId);
  }

  removeMember(committeeId: number, personId: number): null {
    this.member(committeeId, personId);
    this.memberships = this.memberships.filter((m) => !(m.committee_id === committeeId && m.person_id === personId));
    return null;
  }

  checkTimes(startsAt: string, endsAt: string): void {
    if (endsAt <= startsAt) fail("validation", "error-end-before-start", {}, "ends_at");
  }

  createMeeting(input: NewMeeting): Meeting {
    this.committee(input?.committee_id);
    const title = required(input.title, "title");
    const kind = oneOf(input.kind, MEETING_KINDS, "kind");
    const startsAt = dateTime(input.starts_at, "starts_at");
    const endsAt = dateTime(input.ends_at, "ends_at");
    this.checkTimes(startsAt, endsAt);
    const row: MeetingRow = {
      id: this.id(),
      committee_id: input.committee_id,
      title,
      kind,
      starts_at: startsAt,
      ends_at: endsAt,
      place: text(input.place).trim(),
      status: "draft",
      began_at: null,
      adjourned_at: null,
    };
    this.meetings.push(row);
    return this.meeting(row.id);
  }

  updateMeeting(id: number, patch: MeetingPatch): Meeting {
    const row = this.meetingRow(id);
    this.assertUnlocked(id);
    const next = { ...row };
    if (patch.title != null) next.title = required(patch.title, "title");
    if (patch.kind != null) next.kind = oneOf(patch.kind, MEETING_KINDS, "kind");
    if (patch.starts_at != null) next.starts_at = dateTime(patch.starts_at, "starts_at");
    if (patch.ends_at != null) next.ends_at = dateTime(patch.ends_at, "ends_at");
    if (patch.place != null) next.place = patch.place;
    // The secretary's recorded times: "" clears one; the adjournment never precedes the start.
    const recorded = (value: string | null | undefined, field: string) =>
      value == null ? undefined : value.trim() === "" ? null : dateTime(value, field);
    const began = recorded(patch.began_at, "began_at");
    const adjourned = recorded(patch.adjourned_at, "adjourned_at");
    if (began !== undefined) next.began_at = began;
    if (adjourned !== undefined) next.adjourned_at = adjourned;
    this.checkRecorded(next, began !== undefined && adjourned === undefined ? "began_at" : "adjourned_at");
    this.checkTimes(next.starts_at, next.ends_at);
    Object.assign(row, next);
    return this.meeting(id);
  }

  checkRecorded(m: { began_at: string | null; adjourned_at: string | null }, field: string): void {
    if (m.began_at !== null && m.adjourned_at !== null && m.adjourned_at < m.began_at) {
      fail(
        "validation",
        "error-adjourned-before-began",
        { began: m.began_at.replace("T", " "), adjourned: m.adjourned_at.replace("T", " ") },
        field,
      );
    }
  }

  /** The local wall-clock time now, as the core records a key press. */
  localNow(): string {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  markMeetingBegan(id: number): Meeting {
    this.assertUnlocked(id);
    const row = this.meetingRow(id);
    const now = this.localNow();
    this.checkRecorded({ began_at: now, adjourned_at: row.adjourned_at }, "began_at");
    row.began_at = now;
    return this.meeting(id);
  }

  markMeetingAdjourned(id: number): Meeting {
    this.assertUnlocked(id);
    const row = this.meetingRow(id);
    const now = this.localNow();
    this.checkRecorded({ began_at: row.began_at, adjourned_at: now }, "adjourned_at");
    row.adjourned_at = now;
    return this.meeting(id);
  }

  setMeetingStatus(id: number, status: MeetingStatus): Meeting {
    const row = this.meetingRow(id);
    const to = STATUSES.indexOf(oneOf(status, STATUSES, "status"));
    const from = STATUSES.indexOf(row.status);
    if (to === from) return this.meeting(id);
    if (row.status === "minutes_approved") fail("locked", "error-meeting-locked", { title: row.title });
    if (status === "minutes_approved") fail("validation", "error-approve-via-approval", {}, "status");
    if (Math.abs(to - from) !== 1) {
      const label = (s: MeetingStatus) => coreMessage(`meeting-status-${s.replaceAll("_", "-")}`, {}, "da") ?? s;
      fail("validation", "error-status-step", { from: label(row.status), to: label(status) }, "status");
    }
    row.status = status;
    return this.meeting(id);
  }

  deleteMeeting(id: number): null {
    this.meetingRow(id);
    this.items = this.items.filter((i) => i.meeting_id !== id);
    this.meetings = this.meetings.filter((m) => m.id !== id);
    return null;
  }

  getMeeting(id: number): MeetingDetail {
    const meeting = this.meeting(id);
    return { meeting, committee: this.committee(meeting.committee_id), items: this.agenda(id) };
  }

  addAgendaItem(meetingId: number, title: string): AgendaItem {
    this.meetingRow(meetingId);
    this.assertUnlocked(meetingId);
    const clean = required(title, "title");
    const last = Math.max(0, ...this.items.filter((i) => i.meeting_id === meetingId).map((i) => i.position));
    const row: ItemRow = {
      id: this.id(),
      meeting_id: meetingId,
      position: last + 1,
      title: clean,
      openness: "open",
      case_id: "",
      summary: "",
      background: "",
      recommendation: "",
      previous_decisions: "",
      decision: "",
    };
    this.items.push(row);
    return this.item(row.id);
  }

  updateAgendaItem(id: number, patch: AgendaItemPatch): AgendaItem {
    const row = this.items.find((i) => i.id === id) ?? notFound("agenda_item", id);
    this.assertUnlocked(row.meeting_id);
    const next = { ...row };
    if (patch.title != null) next.title = required(patch.title, "title");
    if (patch.openness != null) next.openness = oneOf(patch.openness, OPENNESS, "openness");
    for (const key of ["case_id", "summary", "background", "recommendation", "previous_decisions", "decision"] as const) {
      const value = patch[key];
      if (value != null) next[key] = value;
    }
    Object.assign(row, next);
    return this.item(id);
  }

  moveAgendaItem(id: number, toNumber: number): AgendaItem[] {
    const row = this.items.find((i) => i.id === id) ?? notFound("agenda_item", id);
    this.assertUnlocked(row.meeting_id);
    const ordered = this.items
      .filter((i) => i.meeting_id === row.meeting_id)
      .sort((a, b) => a.position - b.position);
    if (!Number.isInteger(toNumber) || toNumber < 1 || toNumber > ordered.length) {
      throw `invalid args \`toNumber\`: ${String(toNumber)}`;
    }
    const without = ordered.filter((i) => i.id !== id);
    without.splice(toNumber - 1, 0, row);
    without.forEach((item, index) => (item.position = index + 1));
    return this.agenda(row.meeting_id);
  }

  deleteAgendaItem(id: number): AgendaItem[] {
    const row = this.items.find((i) => i.id === id) ?? notFound("agenda_item", id);
    this.assertUnlocked(row.meeting_id);
    this.items = this.items.filter((i) => i.id !== id);
    // As the core's foreign keys do: the item's walk and all recorded at it go with it.
    this.plans.delete(id);
    for (const key of [...this.notes.keys()]) if (key.startsWith(`${id}|`)) this.notes.delete(key);
    for (const key of [...this.positions.keys()]) if (key.startsWith(`${id}|`)) this.positions.delete(key);
    this.followUps = this.followUps.filter((f) => f.agenda_item_id !== id);
    for (const w of this.walks.values()) if (w.current_item_id === id) w.current_item_id = null;
    const remaining = this.items
      .filter((i) => i.meeting_id === row.meeting_id)
      .sort((a, b) => a.position - b.position);
    remaining.forEach((item, index) => (item.position = index + 1));
    return this.agenda(row.meeting_id);
  }


  // --- question sets and the walk -----------------------------------------------------------

  plans = new Map<number, PlanRow>();
  walks = new Map<number, WalkRow>();
  notes = new Map<string, string>();
  positions = new Map<string, Map<number, PositionRow>>();
  followUps: FollowUpRow[] = [];
  /** Follow-up items across meetings and positions over time (mock-follow-ups.ts). */
  followUpItems: MockFollowUps = new MockFollowUps(this);
  live: MockLive = new MockLive(this);
  packages: MockPackages = new MockPackages(this);

  /** Imported sets with their summaries, in import order (listed by id and version). */
  importedSets: { summary: QuestionSetSummary; set: QuestionSet }[] = [];

  listQuestionSets(): QuestionSetSummary[] {
    const imported = [...this.importedSets]
      .sort((a, b) => a.set.id.localeCompare(b.set.id) || a.set.version - b.set.version)
      .map((i) => i.summary);
    return [...QUESTION_SETS.summaries, ...imported];
  }

  getQuestionSet(id: string, version: number): QuestionSet {
    return (
      QUESTION_SETS.sets.find((s) => s.id === id && s.version === version) ??
      this.importedSets.find((i) => i.set.id === id && i.set.version === version)?.set ??
      fail("validation", "error-question-set-not-found", { id, version: String(version) }, "set_id")
    );
  }

  /** As the core: checked first (nothing stored on an error); the same id and version again
   * is harmless with the same content and a conflict with other content. */
  importQuestionSet(source: string): QuestionSetSummary {
    const set = parseQuestionSet(text(source), fail);
    const json = JSON.stringify(set);
    const builtIn = QUESTION_SETS.sets.find((s) => s.id === set.id && s.version === set.version);
    const existing = this.importedSets.find((i) => i.set.id === set.id && i.set.version === set.version);
    const same = builtIn ?? existing?.set;
    if (same) {
      if (JSON.stringify(same) !== json) {
        fail("conflict", "error-question-set-conflict", { id: set.id, version: String(set.version) });
      }
      return builtIn ? QUESTION_SETS.summaries.find((s) => s.id === set.id && s.version === set.version)! : existing!.summary;
    }
    const summary: QuestionSetSummary = {
      id: set.id,
      version: set.version,
      title: set.title,
      kind: set.kind,
      question_count: set.groups.reduce((n, g) => n + g.questions.length, 0),
      built_in: false,
      imported_at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    };
    this.importedSets.push({ summary, set });
    return summary;
  }

  /** The shell's open dialog, stood in for by a file input (see mock-question-sets.ts). */
  async importQuestionSetFile(): Promise<QuestionSetSummary | null> {
    const source = await pickTextFile();
    return source === null ? null : this.importQuestionSet(source);
  }

  /** The room's screen, as the core's `Db::room_view` assembles it (src/store/room.rs). */
  roomView(meetingId: number): RoomView {
    const detail = this.getMeeting(meetingId);
    const state = this.walkState(meetingId);
    const view: RoomView = {
      meeting_id: meetingId,
      meeting_title: detail.meeting.title,
      committee: detail.committee.name,
      item: null,
    };
    const item = detail.items.find((i) => i.id === state.current_item_id);
    if (!item || item.openness !== "open") return view;
    const walk = this.getWalk(item.id);
    const step = state.current_step === null ? undefined : walk.steps[state.current_step];
    let roomStep: RoomStep | null = null;
    if (step) {
      const where = (lang: "da" | "en") => {
        const group = lang === "en" && step.group_title.en.trim() !== "" ? step.group_title.en : step.group_title.da;
        const args = { group, number: String(step.question_number), count: String(step.question_count) };
        return coreMessage("walk-where", args, lang) ?? group;
      };
      roomStep = {
        index: step.index,
        where_label: { da: where("da"), en: where("en") },
        question: step.question,
        is_continuum: step.is_continuum,
        result: step.is_continuum ? this.result(item.id, step.index) : null,
      };
    }
    view.item = {
      agenda_item_id: item.id,
      number: item.number,
      title: item.title,
      case_technology: walk.case_technology,
      case_problem: walk.case_problem,
      step_count: walk.steps.length,
      step: roomStep,
    };
    return view;
  }

  itemRow(itemId: number): ItemRow {
    return this.items.find((i) => i.id === itemId) ?? notFound("agenda_item", itemId);
  }

  stepRows(itemId: number): StepRow[] {
    return this.plans.get(itemId)?.steps ?? [];
  }

  stepAt(itemId: number, index: number): StepRow {
    const rows = this.stepRows(itemId);
    const row = rows[index];
    if (!row) {
      fail("validation", "error-walk-step-out-of-range", { step: String(index + 1), count: String(rows.length) }, "step");
    }
    return row;
  }

  buildSteps(rows: StepRow[]): WalkStep[] {
    const count = new Map<string, number>();
    for (const r of rows) count.set(`${r.set_id}|${r.group_id}`, (count.get(`${r.set_id}|${r.group_id}`) ?? 0) + 1);
    const seen = new Map<string, number>();
    return rows.map((r, index) => {
      const set = this.getQuestionSet(r.set_id, r.set_version);
      const group = set.groups.find((g) => g.id === r.group_id)!;
      const question = group.questions.find((q) => q.id === r.question_id)!;
      const key = `${r.set_id}|${r.group_id}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return {
        index,
        set_id: r.set_id,
        set_version: r.set_version,
        set_title: set.title,
        set_kind: set.kind,
        group_id: group.id,
        group_title: group.title,
        prompt: set.prompt ?? null,
        question,
        question_number: seen.get(key)!,
        question_count: count.get(key)!,
        is_continuum: set.kind === "continuum",
        revealed: r.revealed,
      };
    });
  }

  walkRow(meetingId: number): WalkRow {
    return this.walks.get(meetingId) ?? { current_item_id: null, current_step: 0, positions_named: false };
  }

  walkState(meetingId: number): WalkState {
    this.meetingRow(meetingId);
    const row = this.walkRow(meetingId);
    let current_step: number | null = null;
    if (row.current_item_id !== null) {
      const n = this.stepRows(row.current_item_id).length;
      current_step = n > 0 ? Math.min(row.current_step, n - 1) : null;
    }
    return { meeting_id: meetingId, current_item_id: row.current_item_id, current_step, positions_named: row.positions_named };
  }

  getWalk(itemId: number): Walk {
    const item = this.itemRow(itemId);
    const plan = this.plans.get(itemId);
    const rows = this.stepRows(itemId);
    const parts: WalkPlanPart[] = [];
    for (const r of rows) {
      const last = parts[parts.length - 1];
      if (last && last.set_id === r.set_id && last.set_version === r.set_version) last.selection!.push(r.question_id);
      else parts.push({ set_id: r.set_id, set_version: r.set_version, selection: [r.question_id] });
    }
    const state = this.walkState(item.meeting_id);
    return {
      agenda_item_id: itemId,
      meeting_id: item.meeting_id,
      case_technology: plan?.case_technology ?? "",
      case_problem: plan?.case_problem ?? "",
      steps: this.buildSteps(rows),
      plan: { case_technology: plan?.case_technology ?? "", case_problem: plan?.case_problem ?? "", parts },
      current_step: state.current_item_id === itemId ? state.current_step : null,
      locked: this.meetingRow(item.meeting_id).status === "minutes_approved",
    };
  }

  stepHasData(itemId: number, setId: string, questionId: string): boolean {
    const key = stepKey(itemId, setId, questionId);
    return (
      this.notes.has(key) ||
      (this.positions.get(key)?.size ?? 0) > 0 ||
      this.followUps.some((f) => f.agenda_item_id === itemId && f.set_id === setId && f.question_id === questionId)
    );
  }

  setWalkPlan(itemId: number, plan: WalkPlan): Walk {
    const caseTechnology = boundedText(plan?.case_technology, "case_technology");
    const caseProblem = boundedText(plan?.case_problem, "case_problem");
    const versions = new Map<string, number>();
    for (const part of plan.parts ?? []) {
      const id = part.set_id.trim();
      if ((versions.get(id) ?? part.set_version) !== part.set_version) {
        fail("validation", "error-walk-two-versions", { id }, "set_id");
      }
      versions.set(id, part.set_version);
    }
    const item = this.itemRow(itemId);
    this.assertUnlocked(item.meeting_id);
    const steps: StepRow[] = [];
    const keys = new Set<string>();
    for (const part of plan.parts ?? []) {
      const id = part.set_id.trim();
      const set = this.getQuestionSet(id, part.set_version);
      const chosen: [string, string][] = [];
      const selection = part.selection ?? [];
      if (selection.length === 0) for (const g of set.groups) for (const q of g.questions) chosen.push([g.id, q.id]);
      for (const raw of selection) {
        const wanted = raw.trim();
        const group = set.groups.find((g) => g.id === wanted);
        const owner = set.groups.find((g) => g.questions.some((q) => q.id === wanted));
        if (group) for (const q of group.questions) chosen.push([group.id, q.id]);
        else if (owner) chosen.push([owner.id, wanted]);
        else fail("validation", "error-walk-question-not-in-set", { question: wanted, id }, "selection");
      }
      for (const [groupId, questionId] of chosen) {
        const key = `${id}|${questionId}`;
        if (keys.has(key)) fail("validation", "error-walk-duplicate-step", { question: questionId }, "selection");
        keys.add(key);
        steps.push({ set_id: id, set_version: part.set_version, group_id: groupId, question_id: questionId, revealed: false });
      }
    }
    const old = this.stepRows(itemId);
    for (const o of old) {
      const kept = steps.some((s) => s.set_id === o.set_id && s.question_id === o.question_id && s.set_version === o.set_version);
      if (!kept && this.stepHasData(itemId, o.set_id, o.question_id)) {
        fail("conflict", "error-walk-step-has-data", { question: o.question_id }, "selection");
      }
    }
    for (const s of steps) {
      s.revealed = old.find((o) => o.set_id === s.set_id && o.question_id === s.question_id)?.revealed ?? false;
    }
    this.plans.set(itemId, { case_technology: caseTechnology, case_problem: caseProblem, steps });
    return this.getWalk(itemId);
  }

  setCurrentStep(meetingId: number, itemId: number, step: number): WalkState {
    this.meetingRow(meetingId);
    this.assertUnlocked(meetingId);
    if (this.itemRow(itemId).meeting_id !== meetingId) fail("validation", "error-walk-item-not-in-meeting", {}, "item_id");
    this.stepAt(itemId, step);
    this.walks.set(meetingId, { ...this.walkRow(meetingId), current_item_id: itemId, current_step: step });
    return this.walkState(meetingId);
  }

  setPositionsNamed(meetingId: number, named: boolean): WalkState {
    this.meetingRow(meetingId);
    this.assertUnlocked(meetingId);
    this.walks.set(meetingId, { ...this.walkRow(meetingId), positions_named: Boolean(named) });
    return this.walkState(meetingId);
  }

  saveStepNote(itemId: number, step: number, value: string): null {
    const note = boundedText(value, "text");
    this.assertUnlocked(this.itemRow(itemId).meeting_id);
    const row = this.stepAt(itemId, step);
    const key = stepKey(itemId, row.set_id, row.question_id);
    if (note.trim() === "") this.notes.delete(key);
    else this.notes.set(key, note);
    return null;
  }

  stepNote(itemId: number, step: number): string {
    this.itemRow(itemId);
    const row = this.stepAt(itemId, step);
    return this.notes.get(stepKey(itemId, row.set_id, row.question_id)) ?? "";
  }

  /** Who is at the meeting: the minutes' attendance (present unless recorded otherwise). */
  attendanceEntries(meetingId: number): AttendanceEntry[] {
    return this.minutes.listAttendance(meetingId).people;
  }

  participant(meetingId: number, personId: number, field: string): AttendanceEntry {
    return (
      this.attendanceEntries(meetingId).find((e) => e.person_id === personId) ??
      fail("validation", "error-not-participant", {}, field)
    );
  }

  followUp(row: FollowUpRow): FollowUp {
    const steps = row.agenda_item_id === null ? [] : this.stepRows(row.agenda_item_id);
    const index = steps.findIndex((s) => s.set_id === row.set_id && s.question_id === row.question_id);
    const asker = this.people.find((p) => p.id === row.asked_by);
    return { ...row, step: index >= 0 ? index : null, asked_by_name: asker?.name ?? null };
  }

  addQuestionToAdministration(itemId: number, step: number, value: string, askedBy: number | null): FollowUp {
    const question = boundedText(text(value).trim(), "text");
    if (question === "") fail("validation", "error-question-empty", {}, "text");
    const item = this.itemRow(itemId);
    this.assertUnlocked(item.meeting_id);
    const row = this.stepAt(itemId, step);
    if (askedBy !== null && askedBy !== undefined) {
      const p = this.participant(item.meeting_id, askedBy, "asked_by");
      if (p.attendance !== "present") fail("validation", "error-not-present", { name: p.name }, "asked_by");
    }
    const f: FollowUpRow = {
      id: this.id(),
      meeting_id: item.meeting_id,
      agenda_item_id: itemId,
      set_id: row.set_id,
      question_id: row.question_id,
      text: question,
      asked_by: askedBy ?? null,
      owner: "",
      due_date: null,
      status: "open",
      answer: "",
      created_at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    };
    this.followUps.push(f);
    return this.followUp(f);
  }

  listQuestionsToAdministration(itemId: number): FollowUp[] {
    this.itemRow(itemId);
    return this.followUps
      .filter((f) => f.agenda_item_id === itemId)
      .map((f) => this.followUp(f))
      .sort((a, b) => (a.step ?? -1) - (b.step ?? -1) || a.id - b.id);
  }

  deleteQuestionToAdministration(id: number): null {
    const f = this.followUps.find((x) => x.id === id) ?? notFound("follow_up", id);
    this.assertUnlocked(f.meeting_id);
    this.followUps = this.followUps.filter((x) => x.id !== id);
    return null;
  }

  assertContinuum(row: StepRow, step: number): void {
    if (this.getQuestionSet(row.set_id, row.set_version).kind !== "continuum") {
      fail("validation", "error-walk-not-continuum", { step: String(step + 1) }, "step");
    }
  }

  result(itemId: number, index: number): ContinuumResult {
    const item = this.itemRow(itemId);
    const row = this.stepAt(itemId, index);
    this.assertContinuum(row, index);
    const named = this.walkRow(item.meeting_id).positions_named;
    const participants = this.attendanceEntries(item.meeting_id).filter(
      (e) => e.attendance === "present" && e.role !== null && POLITICIANS.includes(e.role),
    );
    const answers = this.positions.get(stepKey(itemId, row.set_id, row.question_id)) ?? new Map<number, PositionRow>();
    const result: ContinuumResult = {
      agenda_item_id: itemId,
      step: index,
      question_id: row.question_id,
      revealed: row.revealed,
      named,
      participant_count: participants.length,
      answered_count: answers.size,
      values: [],
      skipped: [],
      statistics: null,
    };
    if (!row.revealed) return result;
    for (const [personId, answer] of answers) {
      const name = named ? (this.people.find((p) => p.id === personId)?.name ?? null) : null;
      const who = { person_id: named ? personId : null, name };
      if (answer.value !== null) result.values.push({ value: answer.value, ...who });
      else result.skipped.push({ reason: answer.reason ?? "", ...who });
    }
    result.values.sort((a, b) => a.value - b.value || (a.name ?? "").localeCompare(b.name ?? ""));
    result.skipped.sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || a.reason.localeCompare(b.reason));
    const v = result.values.map((x) => x.value);
    if (v.length > 0) {
      const q = (p: number) => {
        const h = (v.length - 1) * p;
        const lo = Math.floor(h);
        const hi = Math.ceil(h);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
      };
      const q1 = q(0.25);
      const q3 = q(0.75);
      result.statistics = { count: v.length, median: q(0.5), min: v[0], max: v[v.length - 1], q1, q3, iqr: q3 - q1 };
    }
    return result;
  }

  setPosition(itemId: number, step: number, personId: number, input: PositionInput): ContinuumResult {
    let answer: PositionRow;
    if ("value" in input) {
      if (!Number.isInteger(input.value) || input.value < 0 || input.value > 255) {
        throw `invalid args \`input\`: ${String(input.value)}`;
      }
      if (input.value > 100) fail("validation", "error-position-value", { value: String(input.value) }, "value");
      answer = { value: input.value, reason: null };
    } else {
      const reason = text(input.skipped?.reason).trim();
      if ([...reason].length > MAX_TITLE) fail("validation", "error-text-too-long", { max: String(MAX_TITLE), length: String([...reason].length) }, "reason");
      if (reason === "") fail("validation", "error-position-skip-reason", {}, "reason");
      answer = { value: null, reason };
    }
    const item = this.itemRow(itemId);
    this.assertUnlocked(item.meeting_id);
    const row = this.stepAt(itemId, step);
    this.assertContinuum(row, step);
    const p = this.participant(item.meeting_id, personId, "person_id");
    if (p.role === null || !POLITICIANS.includes(p.role)) {
      fail("validation", "error-position-not-politician", { name: p.name }, "person_id");
    }
    if (p.attendance !== "present") fail("validation", "error-not-present", { name: p.name }, "person_id");
    const key = stepKey(itemId, row.set_id, row.question_id);
    const answers = this.positions.get(key) ?? new Map<number, PositionRow>();
    answers.set(personId, answer);
    this.positions.set(key, answers);
    return this.result(itemId, step);
  }

  clearPosition(itemId: number, step: number, personId: number): ContinuumResult {
    this.assertUnlocked(this.itemRow(itemId).meeting_id);
    const row = this.stepAt(itemId, step);
    this.positions.get(stepKey(itemId, row.set_id, row.question_id))?.delete(personId);
    return this.result(itemId, step);
  }

  setRevealed(itemId: number, step: number, revealed: boolean): ContinuumResult {
    this.assertUnlocked(this.itemRow(itemId).meeting_id);
    const row = this.stepAt(itemId, step);
    this.assertContinuum(row, step);
    row.revealed = revealed;
    return this.result(itemId, step);
  }

  walkSummary(itemId: number): WalkSummary {
    const walk = this.getWalk(itemId);
    const followUps = this.listQuestionsToAdministration(itemId);
    const rows = this.stepRows(itemId);
    const steps: StepSummary[] = walk.steps.map((step, i) => ({
      step,
      note: this.notes.get(stepKey(itemId, rows[i].set_id, rows[i].question_id)) ?? "",
      questions_to_administration: followUps.filter((f) => f.set_id === rows[i].set_id && f.question_id === rows[i].question_id),
      result: step.is_continuum ? this.result(itemId, i) : null,
    }));
    return {
      agenda_item_id: itemId,
      meeting_id: walk.meeting_id,
      case_technology: walk.case_technology,
      case_problem: walk.case_problem,
      steps,
    };
  }

  /** Everything the core's search indexes, as documents for the mock search. */
  searchDocuments(): SearchDoc[] {
    const docs: SearchDoc[] = [];
    const place = { meeting_id: null, agenda_item_id: null, step: null, meeting_title: null, item_number: null, openness: null };
    for (const c of this.committees) {
      docs.push({ ...place, kind: "committee", committee_id: c.id, title: c.name, body: c.description });
    }
    for (const m of this.meetings) {
      docs.push({ ...place, kind: "meeting", committee_id: m.committee_id, meeting_id: m.id, title: m.title, body: m.place });
      for (const item of this.agenda(m.id)) {
        const at = {
          ...place,
          committee_id: m.committee_id,
          meeting_id: m.id,
          agenda_item_id: item.id,
          meeting_title: m.title,
          item_number: item.number,
          openness: item.openness,
        };
        const fields = [item.case_id, item.summary, item.background, item.recommendation, item.previous_decisions, item.decision];
        docs.push({ ...at, kind: "agenda_item", title: item.title, body: fields.filter((f) => f !== "").join("\n") });
        const rows = this.stepRows(item.id);
        const stepOf = (setId: string | null, questionId: string | null) => {
          const i = rows.findIndex((r) => r.set_id === setId && r.question_id === questionId);
          return i < 0 ? null : i;
        };
        for (const [key, note] of this.notes) {
          const [itemId, setId, questionId] = key.split("|");
          if (Number(itemId) !== item.id || note.trim() === "") continue;
          docs.push({ ...at, kind: "note", step: stepOf(setId, questionId), title: item.title, body: note });
        }
        for (const f of this.followUps.filter((x) => x.agenda_item_id === item.id)) {
          const body = [f.text, f.answer].filter((x) => x !== "").join("\n");
          docs.push({ ...at, kind: "follow_up", step: stepOf(f.set_id, f.question_id), title: item.title, body });
        }
      }
    }
    for (const p of this.cycleProjects.listProjects(null)) {
      docs.push({ ...place, kind: "project", committee_id: p.committee_id, project_id: p.id, title: p.title, body: p.description });
    }
    // Follow-up items written by hand or from a decision (the walk's questions are above).
    for (const f of this.followUpItems.own) {
      const m = f.meeting_id === null ? undefined : this.meetings.find((x) => x.id === f.meeting_id);
      const item = m && f.agenda_item_id !== null ? this.agenda(m.id).find((i) => i.id === f.agenda_item_id) : undefined;
      const committee = this.committees.find((c) => c.id === f.committee_id);
      docs.push({
        ...place,
        kind: "follow_up",
        committee_id: f.committee_id,
        meeting_id: m?.id ?? null,
        agenda_item_id: item?.id ?? null,
        meeting_title: m?.title ?? null,
        item_number: item?.number ?? null,
        openness: item?.openness ?? null,
        title: item?.title ?? m?.title ?? committee?.name ?? "",
        body: [f.text, f.answer].filter((x) => x !== "").join("\n"),
      });
    }
    return docs;
  }

  search(query: string, limit: number): SearchHit[] {
    return searchDocs(this.searchDocuments(), typeof query === "string" ? query : "", limit);
  }

  createDemo(): Committee {
    const committee = this.createCommittee({
      name: "Opgaveudvalget for digitalisering og teknologi",
      kind: "task",
      description:
        "Et midlertidigt opgaveudvalg, der rådgiver byrådet om brug af data, algoritmer og ny teknologi i kommunens velfærdsopgaver.",
    });
    const people: [string, Role, string | null][] = [
      ["Anne Holm Sørensen", "chair", "Liste A"],
      ["Jakob Lund Petersen", "vice_chair", "Liste B"],
      ["Fatima El-Sayed", "member", "Liste C"],
      ["Mikkel Bro Hansen", "member", "Liste A"],
      ["Karen Vestergaard", "citizen_member", null],
      ["Louise Dahl", "secretary", null],
    ];
    for (const [name, role, p] of people) this.addMember(committee.id, { name, role, party: p });

    const meeting = this.createMeeting({
      committee_id: committee.id,
      title: "Temamøde: Algoritmer til forebyggelse af fald hos ældre borgere",
      kind: "theme",
      starts_at: "2026-03-12T17:00",
      ends_at: "2026-03-12T19:30",
      place: "Mødelokale 2, Rådhuset",
    });
    const welcome = this.addAgendaItem(meeting.id, "Velkomst og formål med temamødet");
    this.updateAgendaItem(welcome.id, {
      summary: "Formanden byder velkommen og rammer aftenens drøftelse ind.",
    });
    const talk = this.addAgendaItem(meeting.id, "Oplæg: Sådan virker en model for faldrisiko");
    this.updateAgendaItem(talk.id, {
      case_id: "27.00.00-P20-3-26",
      summary:
        "Sundheds- og omsorgsforvaltningen fortæller, hvordan en model kan pege på borgere med øget risiko for fald.",
      background:
        "Forvaltningen har undersøgt, om data fra hjemmeplejen kan bruges til at forebygge fald.\nUndersøgelsen er alene et forarbejde; der er ikke truffet beslutning om at bruge en model.",
    });
    const talk2 = this.addAgendaItem(meeting.id, "Drøftelse: Etik, samtykke og databeskyttelse");
    this.updateAgendaItem(talk2.id, {
      case_id: "27.00.00-P20-4-26",
      recommendation:
        "Forvaltningen indstiller, at udvalget\n1. drøfter de etiske spørgsmål\n2. giver input til et kommissorium for en mulig forsøgsordning.",
    });
    // As in the core's demo: every TESK question, then the six organisation questions.
    this.setWalkPlan(talk2.id, {
      case_technology: CASE_TECHNOLOGY,
      case_problem: CASE_PROBLEM,
      parts: [
        { set_id: "tesk", set_version: 1, selection: [] },
        { set_id: "organisation-questions", set_version: 1, selection: [] },
      ],
    });
    this.demoCycleAndProject(committee.id, meeting.id, talk2.id);
    return this.committee(committee.id);
  }

  /** As the core's demo: the annual cycle's fixed points and the fall-prevention project. */
  demoCycleAndProject(committeeId: number, meetingId: number, caseItemId: number): void {
    const cp = this.cycleProjects;
    const entry = (title: string, kind: MeetingKind, description: string, month: number, week: number, end: string) =>
      cp.createCycleEntry(committeeId, {
        title,
        kind,
        description,
        rule: "weekday",
        month,
        week,
        weekday: 2,
        day: 1,
        start_time: "17:00",
        end_time: end,
        place: "Mødelokale 2, Rådhuset",
      });
    entry("Halvårsstatus på digitaliseringsprojekterne", "ordinary", "Forvaltningen gør status på projekterne og deres faser.", 2, 5, "19:00");
    entry("Budgetdrøftelse: digitalisering", "ordinary", "Udvalgets input til budgettet for det kommende år.", 6, 1, "19:00");
    entry("Årets temamøde om digitalisering", "theme", "Temamøde efter KL's model for politisk deltagelse i digitalisering.", 9, 2, "20:00");
    const project = cp.createProject({
      title: "Algoritmer til forebyggelse af fald",
      description:
        "Kan data fra hjemmeplejen og en algoritme pege på ældre borgere med høj risiko for fald, så hjemmeplejen kan sætte ind tidligere?",
      committee_id: committeeId,
    });
    cp.updateProjectPhase(project.id, 0, {
      stakeholders: "Politikere\nÆldre borgere med faldrisiko\nPårørende\nSundhedsfaglige medarbejdere\nÆldrerådet",
      learnings:
        "Fald er et væsentligt problem for en stor gruppe ældre borgere, ikke kun for kommunens budget. Udgangspunktet er borgerne, ikke teknologien.",
    });
    cp.linkProjectMeeting(project.id, 0, meetingId, null);
    cp.setProjectPhase(project.id, 1, "Udvalget vil forstå problemet bedre på et temamøde.");
    cp.linkProjectMeeting(project.id, 1, meetingId, caseItemId);
  }
}

type Args = Record<string, unknown>;

function dispatch(core: MockCore, cmd: string, a: Args): unknown {
  const n = (key: string) => a[key] as number;
  switch (cmd) {
    case "workspace_status":
      return core.workspaceStatus();
    case "create_demo":
      return core.createDemo();
    case "list_committees":
      return core.listCommittees();
    case "get_committee":
      return core.getCommittee(n("id"));
    case "create_committee":
      return core.createCommittee(a.input as NewCommittee);
    case "update_committee":
      return core.updateCommittee(n("id"), (a.patch ?? {}) as CommitteePatch);
    case "delete_committee":
      return core.deleteCommittee(n("id"));
    case "list_people":
      return core.listPeople();
    case "add_member":
      return core.addMember(n("committeeId"), a.input as NewMember);
    case "add_existing_member":
      return core.addExistingMember(n("committeeId"), n("personId"), a.role as Role);
    case "update_member":
      return core.updateMember(n("committeeId"), n("personId"), (a.patch ?? {}) as MemberPatch);
    case "remove_member":
      return core.removeMember(n("committeeId"), n("personId"));
    case "create_meeting":
      return core.createMeeting(a.input as NewMeeting);
    case "update_meeting":
      return core.updateMeeting(n("id"), (a.patch ?? {}) as MeetingPatch);
    case "mark_meeting_began":
      return core.markMeetingBegan(n("meetingId"));
    case "mark_meeting_adjourned":
      return core.markMeetingAdjourned(n("meetingId"));
    case "set_meeting_status":
      return core.setMeetingStatus(n("id"), a.status as MeetingStatus);
    case "delete_meeting":
      return core.deleteMeeting(n("id"));
    case "get_meeting":
      return core.getMeeting(n("id"));
    case "add_agenda_item":
      return core.addAgendaItem(n("meetingId"), a.title as string);
    case "update_agenda_item":
      return core.updateAgendaItem(n("id"), (a.patch ?? {}) as AgendaItemPatch);
    case "move_agenda_item":
      return core.moveAgendaItem(n("id"), n("toNumber"));
    case "delete_agenda_item":
      return core.deleteAgendaItem(n("id"));
    case "list_question_sets":
      return core.listQuestionSets();
    case "get_question_set":
      return core.getQuestionSet(a.id as string, n("version"));
    case "import_question_set":
      return core.importQuestionSet(a.source as string);
    case "import_question_set_file":
      return core.importQuestionSetFile();
    case "room_view":
      return core.roomView(n("meetingId"));
    case "open_room_window": {
      // No Tauri here: the room's screen is a browser window sharing this core.
      core.meetingRow(n("meetingId"));
      const opened = window.open(`index.html#/room/${n("meetingId")}`, "room", "popup,width=1280,height=720");
      if (!opened) throw { kind: "internal", message: t("room-open-failed"), field: null, key: "", args: {} };
      return null;
    }
    case "set_walk_plan":
      return core.setWalkPlan(n("itemId"), (a.plan ?? {}) as WalkPlan);
    case "get_walk":
      return core.getWalk(n("itemId"));
    case "walk_state":
      return core.walkState(n("meetingId"));
    case "set_current_step":
      return core.setCurrentStep(n("meetingId"), n("itemId"), n("step"));
    case "set_positions_named":
      return core.setPositionsNamed(n("meetingId"), a.named as boolean);
    case "save_step_note":
      return core.saveStepNote(n("itemId"), n("step"), a.text as string);
    case "step_note":
      return core.stepNote(n("itemId"), n("step"));
    case "add_question_to_administration":
      return core.addQuestionToAdministration(n("itemId"), n("step"), a.text as string, (a.askedBy ?? null) as number | null);
    case "list_questions_to_administration":
      return core.listQuestionsToAdministration(n("itemId"));
    case "delete_question_to_administration":
      return core.deleteQuestionToAdministration(n("id"));
    case "set_position":
      return core.setPosition(n("itemId"), n("step"), n("personId"), a.input as PositionInput);
    case "clear_position":
      return core.clearPosition(n("itemId"), n("step"), n("personId"));
    case "reveal_positions":
      return core.setRevealed(n("itemId"), n("step"), true);
    case "hide_positions":
      return core.setRevealed(n("itemId"), n("step"), false);
    case "continuum_result":
      return core.result(n("itemId"), n("step"));
    case "walk_summary":
      return core.walkSummary(n("itemId"));
    case "search":
      return core.search(a.query as string, n("limit"));
    case "list_attendance":
      return core.minutes.listAttendance(n("meetingId"));
    case "add_meeting_guest":
      return core.minutes.addGuest(n("meetingId"), a.name as string, a.affiliation as string);
    case "delete_meeting_guest":
      return core.minutes.deleteGuest(n("guestId"));
    case "set_attendance":
      return core.minutes.setAttendance(n("meetingId"), n("personId"), a.attendance as Attendance);
    case "approve_minutes":
      return core.minutes.approve(n("meetingId"), n("personId"), () => {
        core.meetingRow(n("meetingId")).status = "minutes_approved";
      });
    case "list_approvals":
      return core.minutes.listApprovals(n("meetingId"));
    case "verify_minutes":
      return core.minutes.verify(n("meetingId"));
    case "amend_minutes":
      return core.minutes.amend(n("meetingId"), (a.agendaItemId ?? null) as number | null, a.field as string, a.newText as string, a.reason as string);
    case "list_amendments":
      return core.minutes.listAmendments(n("meetingId"));
    case "audit_log":
      return core.minutes.auditLog(n("meetingId"));
    case "export_document": {
      // The document's language is the export's own choice; tests read what was asked for.
      const w = window as unknown as { __mockExports?: unknown[] };
      (w.__mockExports ??= []).push({ kind: a.kind, format: a.format, audience: a.audience, lang: a.lang });
      return core.minutes.exportDocument(n("meetingId"), a.kind as string, a.format as string);
    }
    default: {
      const pkg = dispatchPackages(core.packages, cmd, a);
      if (pkg) return pkg.value;
      const live = dispatchLive(core.live, cmd, a);
      if (live) return live.value;
      const answered = dispatchCycleProjects(core.cycleProjects, cmd, a);
      if (answered) return answered.value;
      const followUp = dispatchFollowUps(core.followUpItems, cmd, a);
      if (followUp) return followUp.value;
      // Tauri rejects an unknown command with a plain string.
      throw `command ${cmd} not found`;
    }
  }
}

type MockWindow = Window & { __pejlingMockCore?: MockCore };

/**
 * Answers every `invoke` from now on from a fresh, empty in-memory core — or, in a window
 * opened by another mock window (the room's screen), from the opener's core, as the real
 * windows share one core.
 */
export function installMockBackend(latencyMs = 15): MockCore {
  let shared: MockCore | undefined;
  try {
    shared = (window.opener as MockWindow | null)?.__pejlingMockCore;
  } catch {
    // An opener of another origin: start afresh.
  }
  let core = shared ?? new MockCore();
  (window as MockWindow).__pejlingMockCore = core;
  const backups = MockBackups.fromLocation();
  // A restore or a fresh start replaces the whole workspace, as in the app.
  const replace = (content: "demo" | "empty") => {
    core = new MockCore();
    (window as MockWindow).__pejlingMockCore = core;
    if (content === "demo") core.createDemo();
    return core.workspaceStatus();
  };
  mockIPC(async (cmd, payload) => {
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    // Like the real IPC, hand out copies: the UI must never share objects with the core.
    const args = (payload ?? {}) as Args;
    const backup = backups.handle(cmd, args, replace);
    return structuredClone(backup ? backup.value : await dispatch(core, cmd, args));
  });
  return core;
}
