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
import { coreMessage } from "./i18n.svelte";
import { MockMinutes } from "./mock-minutes";

type CommitteeRow = { id: number; name: string; kind: CommitteeKind; description: string };
type Membership = { committee_id: number; person_id: number; role: Role; since: number };
type MeetingRow = Omit<Meeting, "item_count">;
type ItemRow = Omit<AgendaItem, "number"> & { position: number };

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
    this.checkTimes(next.starts_at, next.ends_at);
    Object.assign(row, next);
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
    const remaining = this.items
      .filter((i) => i.meeting_id === row.meeting_id)
      .sort((a, b) => a.position - b.position);
    remaining.forEach((item, index) => (item.position = index + 1));
    return this.agenda(row.meeting_id);
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
    return this.committee(committee.id);
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
    case "list_attendance":
      return core.minutes.listAttendance(n("meetingId"));
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
    case "export_document":
      return core.minutes.exportDocument(n("meetingId"), a.kind as string, a.format as string);
    default:
      // Tauri rejects an unknown command with a plain string.
      throw `command ${cmd} not found`;
  }
}

/** Answers every `invoke` from now on from a fresh, empty in-memory core. */
export function installMockBackend(latencyMs = 15): MockCore {
  const core = new MockCore();
  mockIPC(async (cmd, payload) => {
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    // Like the real IPC, hand out copies: the UI must never share objects with the core.
    return structuredClone(dispatch(core, cmd, (payload ?? {}) as Args));
  });
  return core;
}
