// The mock core's live session (see src/live/mod.rs, whose chair-side answers this mirrors
// for the browser tests). No server runs here: the status is assembled as the core does —
// present politicians, and who has answered the current open question, never what. The QR
// code is a fixed pattern of the three finder squares (the real one comes from the core).

import type { ApiError, AttendanceEntry, ErrorKind, LiveStatus, QrCode, RoomView } from "./bindings";
import { coreMessage } from "./i18n.svelte";

/** What this part needs of MockCore. */
export interface LiveCore {
  positions: Map<string, Map<number, unknown>>;
  roomView(meetingId: number): RoomView;
  attendanceEntries(meetingId: number): AttendanceEntry[];
  stepAt(itemId: number, index: number): { set_id: string; question_id: string };
  meeting(id: number): unknown;
}

const POLITICIANS = ["chair", "vice_chair", "member", "citizen_member"];

function fail(kind: ErrorKind, key: string): never {
  const error: ApiError = { kind, message: coreMessage(key, {}, "da") ?? key, field: null, key, args: {} };
  throw error;
}

/** The three finder squares of a 21-module QR code. */
function finderPattern(): QrCode {
  const squares: string[] = [];
  for (const [x, y] of [
    [0, 0],
    [14, 0],
    [0, 14],
  ]) {
    squares.push(`M${x} ${y}h7v7h-7zM${x + 1} ${y + 1}v5h5v-5zM${x + 2} ${y + 2}h3v3h-3z`);
  }
  return { size: 21, path: squares.join("") };
}

export class MockLive {
  private session: { meetingId: number; code: string; port: number } | null = null;
  /** People who have taken their name (the browser tests mark some). */
  joined = new Set<number>();

  constructor(private core: LiveCore) {}

  start(meetingId: number): LiveStatus {
    this.core.meeting(meetingId);
    if (this.session && this.session.meetingId !== meetingId) fail("conflict", "error-live-running");
    if (!this.session) this.session = { meetingId, code: "K7QM3XPA", port: 41234 };
    return this.status()!;
  }

  stop(): null {
    this.session = null;
    this.joined.clear();
    return null;
  }

  release(personId: number): LiveStatus | null {
    this.joined.delete(personId);
    return this.status();
  }

  status(): LiveStatus | null {
    const s = this.session;
    if (!s) return null;
    const room = this.core.roomView(s.meetingId);
    const step = room.item?.step ?? null;
    let answered = new Map<number, unknown>();
    if (room.item && step?.is_continuum) {
      const row = this.core.stepAt(room.item.agenda_item_id, step.index);
      answered = this.core.positions.get(`${room.item.agenda_item_id}|${row.set_id}|${row.question_id}`) ?? answered;
    }
    const url = `http://192.168.1.20:${s.port}/${s.code}`;
    return {
      meeting_id: s.meetingId,
      url,
      join_code: `${s.code.slice(0, 4)}-${s.code.slice(4)}`,
      port: s.port,
      // Type-compatible only (issue 15's fields): the mock is being replaced by the real core.
      address: "192.168.1.20",
      pending: [],
      blocked: [],
      admit_all: false,
      qr: finderPattern(),
      participants: this.core
        .attendanceEntries(s.meetingId)
        .filter((p) => p.attendance === "present" && p.role !== null && POLITICIANS.includes(p.role))
        .map((p) => ({
          person_id: p.person_id,
          name: p.name,
          joined: this.joined.has(p.person_id),
          device_id: null,
          device: null,
          joined_at: null,
          answered_at: answered.has(p.person_id) ? "2026-01-01T12:00:00.000Z" : null,
        })),
      current_item_id: room.item?.agenda_item_id ?? null,
      current_step: step?.index ?? null,
    };
  }
}

export function dispatchLive(live: MockLive, cmd: string, a: Record<string, unknown>): { value: unknown } | undefined {
  switch (cmd) {
    case "start_live_session":
      return { value: live.start(a.meetingId as number) };
    case "stop_live_session":
      return { value: live.stop() };
    case "live_session_status":
      return { value: live.status() };
    case "release_live_participant":
      return { value: live.release(a.personId as number) };
    default:
      return undefined;
  }
}
