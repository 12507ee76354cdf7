// The mock core's minutes: attendance, approval and lock, verification, amendments, the audit
// log and export. Same shapes and the same refusals (Danish messages from the core's
// catalogue) as src/minutes.rs and src/store/walk.rs. Mock mode only.

import type {
  AgendaItem,
  Amendment,
  ApiError,
  Approval,
  Attendance,
  AttendanceEntry,
  AuditEntry,
  ErrorKind,
  Meeting,
  MeetingAttendance,
  MeetingGuest,
  Member,
  Role,
  VerifyReport,
} from "./bindings";
import { coreMessage } from "./i18n.svelte";

/** What the minutes need of the mock core. */
export interface MinutesHost {
  meetingRow(id: number): Meeting | Omit<Meeting, "item_count">;
  agenda(meetingId: number): AgendaItem[];
  committeeMembers(committeeId: number): Member[];
}

function fail(kind: ErrorKind, key: string, args: Record<string, string> = {}, field: string | null = null): never {
  const message = coreMessage(key, args, "da") ?? key;
  const error: ApiError = { kind, message, field, key, args };
  throw error;
}

const POLITICIANS: Role[] = ["chair", "vice_chair", "member", "citizen_member"];
const AMENDABLE = ["title", "case_id", "summary", "background", "recommendation", "previous_decisions", "decision"];
const ROLE_ORDER: Role[] = ["chair", "vice_chair", "member", "citizen_member", "secretary", "official"];

/** A stable 64-hex stand-in for the core's SHA-256 (the mock needs no real hash). */
function fingerprint(text: string): string {
  let out = "";
  let h = 2166136261;
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i) ^ round, 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}

export class MockMinutes {
  attendance = new Map<string, Attendance>();
  approvals: Approval[] = [];
  amendments: Amendment[] = [];
  audit: AuditEntry[] = [];
  guests: MeetingGuest[] = [];
  #id = 1;

  constructor(private host: MinutesHost) {}

  #log(meetingId: number, entity: string, entityId: number, action: string, changes: Record<string, unknown>) {
    this.audit.push({
      id: this.#id++,
      at: new Date().toISOString(),
      actor: "Pejling",
      entity,
      entity_id: entityId,
      action,
      changes: JSON.stringify(changes),
    });
    void meetingId;
  }

  #unlocked(meetingId: number): Meeting | Omit<Meeting, "item_count"> {
    const m = this.host.meetingRow(meetingId);
    if (m.status === "minutes_approved") fail("locked", "error-meeting-locked", { title: m.title });
    return m;
  }

  listAttendance(meetingId: number): MeetingAttendance {
    const m = this.host.meetingRow(meetingId);
    const people: AttendanceEntry[] = this.host
      .committeeMembers(m.committee_id)
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, "da"))
      .map((member) => {
        const recorded = this.attendance.get(`${meetingId}:${member.person_id}`);
        return {
          person_id: member.person_id,
          name: member.name,
          party: member.party,
          role: member.role,
          attendance: recorded ?? "present",
          recorded: recorded !== undefined,
        };
      });
    const guests = this.guests.filter((g) => g.meeting_id === meetingId);
    return { meeting_id: meetingId, people, guests };
  }

  /** As the core: a name is required, both are trimmed, approved minutes are locked. */
  addGuest(meetingId: number, name: string, affiliation: string): MeetingGuest {
    const clean = typeof name === "string" ? name.trim() : "";
    if (clean === "") fail("validation", "error-name-empty", {}, "name");
    this.#unlocked(meetingId);
    const guest: MeetingGuest = {
      id: this.#id++,
      meeting_id: meetingId,
      name: clean,
      affiliation: typeof affiliation === "string" ? affiliation.trim() : "",
    };
    this.guests.push(guest);
    return guest;
  }

  deleteGuest(guestId: number): null {
    const guest = this.guests.find((g) => g.id === guestId);
    if (!guest) fail("not_found", "error-not-found", { entity: coreMessage("entity-meeting_guest", {}, "da") ?? "", id: String(guestId) });
    this.#unlocked(guest.meeting_id);
    this.guests = this.guests.filter((g) => g.id !== guestId);
    return null;
  }

  setAttendance(meetingId: number, personId: number, attendance: Attendance): AttendanceEntry {
    const m = this.#unlocked(meetingId);
    if (!this.host.committeeMembers(m.committee_id).some((x) => x.person_id === personId)) {
      fail("validation", "error-approver-not-member", {}, "person_id");
    }
    this.attendance.set(`${meetingId}:${personId}`, attendance);
    this.#log(meetingId, "attendance", personId, "update", { attendance });
    return this.listAttendance(meetingId).people.find((p) => p.person_id === personId)!;
  }

  #content(meetingId: number): string {
    return JSON.stringify({ items: this.host.agenda(meetingId), attendance: this.listAttendance(meetingId) });
  }

  approve(meetingId: number, personId: number, setApproved: () => void): Approval {
    const m = this.host.meetingRow(meetingId);
    if (m.status !== "closed" && m.status !== "minutes_approved") fail("validation", "error-approve-not-closed", {}, "status");
    const member = this.host.committeeMembers(m.committee_id).find((x) => x.person_id === personId);
    if (!member || !POLITICIANS.includes(member.role)) fail("validation", "error-approver-not-member", {}, "person_id");
    if (this.approvals.some((a) => a.meeting_id === meetingId && a.person_id === personId)) {
      fail("conflict", "error-already-approved", { name: member.name });
    }
    const approval: Approval = {
      id: this.#id++,
      meeting_id: meetingId,
      person_id: personId,
      name: member.name,
      role: member.role,
      approved_at: new Date().toISOString(),
      fingerprint: fingerprint(this.#content(meetingId)),
    };
    setApproved();
    this.approvals.push(approval);
    this.#log(meetingId, "minutes_approval", approval.id, "insert", { name: member.name });
    return approval;
  }

  listApprovals(meetingId: number): Approval[] {
    return this.approvals.filter((a) => a.meeting_id === meetingId);
  }

  verify(meetingId: number): VerifyReport {
    const current = fingerprint(this.#content(meetingId));
    const first = this.listApprovals(meetingId)[0];
    return {
      meeting_id: meetingId,
      approved: first !== undefined,
      approved_fingerprint: first?.fingerprint ?? null,
      current_fingerprint: current,
      unchanged: first !== undefined && first.fingerprint === current,
    };
  }

  amend(meetingId: number, itemId: number | null, field: string, newText: string, reason: string): Amendment {
    if (!AMENDABLE.includes(field)) fail("validation", "error-amend-field", { field }, "field");
    if (reason.trim() === "") fail("validation", "error-amend-reason", {}, "reason");
    const m = this.host.meetingRow(meetingId);
    if (m.status !== "minutes_approved") fail("validation", "error-amend-not-approved");
    const item = this.host.agenda(meetingId).find((i) => i.id === itemId);
    const amendment: Amendment = {
      id: this.#id++,
      meeting_id: meetingId,
      agenda_item_id: itemId,
      field,
      old_text: item ? String((item as Record<string, unknown>)[field] ?? "") : "",
      new_text: newText,
      reason: reason.trim(),
      made_by: "Pejling",
      made_at: new Date().toISOString(),
    };
    this.amendments.push(amendment);
    this.#log(meetingId, "minutes_amendment", amendment.id, "insert", { field, new_text: newText });
    return amendment;
  }

  listAmendments(meetingId: number): Amendment[] {
    return this.amendments.filter((a) => a.meeting_id === meetingId);
  }

  auditLog(meetingId: number): AuditEntry[] {
    this.host.meetingRow(meetingId);
    return [...this.audit].reverse();
  }

  exportDocument(meetingId: number, kind: string, format: string): string {
    this.host.meetingRow(meetingId);
    const ext = format === "pdfa" ? "pdf" : format;
    return `/home/bruger/Dokumenter/${kind === "minutes" ? "referat" : "dagsorden"}-${meetingId}.${ext}`;
  }
}
