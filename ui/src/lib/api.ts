// The one door from the UI to the Pejling core.
//
// Components never call `invoke` and never import `bindings.ts`: they call the functions here,
// which unwrap tauri-specta's `Result` and throw an `ApiError` on failure. The core writes its
// error messages in Danish, so `message` can be shown to the user as it is.

import {
  commands,
  type AgendaItem,
  type AgendaItemPatch,
  type BackupFile,
  type RecoveryInfo,
  type Amendment,
  type ApiError as WireApiError,
  type Approval,
  type Attendance,
  type AuditEntry,
  type Audience,
  type DocKind,
  type Format,
  type MeetingAttendance,
  type MeetingGuest,
  type SearchHit,
  type SearchKind,
  type SnippetPart,
  type VerifyReport,
  type Committee,
  type CommitteeDetail,
  type CommitteeKind,
  type CommitteePatch,
  type ErrorKind,
  type Meeting,
  type MeetingDetail,
  type MeetingKind,
  type MeetingPatch,
  type MeetingStatus,
  type Member,
  type MemberPatch,
  type NewCommittee,
  type NewMeeting,
  type NewMember,
  type Openness,
  type Person,
  type Result,
  type Role,
  type WorkspaceStatus,
  type AttendanceEntry,
  type ContinuumResult,
  type ContinuumStatistics,
  type FollowUp,
  type PositionInput,
  type Question,
  type QuestionGroup,
  type QuestionSet,
  type QuestionSetKind,
  type QuestionSetSummary,
  type Framework,
  type AdoptedEntry,
  type ProjectRecommendation,
  type ItemBearing,
  type ItemBearings,
  type OwnEntryKind,
  type OwnFrameworkEntry,
  type FrameworkEntry,
  type FrameworkList,
  type FrameworkPart,
  type FrameworkSection,
  type FrameworkSectionKind,
  type RevealedPosition,
  type RoomItem,
  type RoomStep,
  type RoomView,
  type SkippedPosition,
  type StepSummary,
  type Text,
  type Walk,
  type WalkPlan,
  type WalkPlanPart,
  type WalkState,
  type WalkStep,
  type WalkSummary,
  type UiRules,
  type Identity,
} from "./bindings";
import { coreMessage, i18n, t } from "./i18n.svelte";
// The annual cycle (årshjul) and digitalisation projects.
import type {
  CycleEntry,
  CycleEntryPatch,
  CycleOccurrence,
  CycleRule,
  CycleYear,
  CycleYearCreated,
  NewCycleEntry,
  NewProject,
  PhaseChange,
  Project,
  ProjectDetail,
  ProjectLink,
  ProjectPatch,
  ProjectPhase,
  ProjectPhaseNotes,
  ProjectPhasePatch,
} from "./bindings";
export type {
  CycleEntry,
  CycleEntryPatch,
  CycleOccurrence,
  CycleRule,
  CycleYear,
  CycleYearCreated,
  NewCycleEntry,
  NewProject,
  PhaseChange,
  Project,
  ProjectDetail,
  ProjectLink,
  ProjectPatch,
  ProjectPhase,
  ProjectPhaseNotes,
  ProjectPhasePatch,
};
// Follow-up items across meetings (opfølgning) and positions over time.
import type {
  FollowUpItem,
  FollowUpList,
  FollowUpListing,
  FollowUpOffer,
  FollowUpOrigin,
  FollowUpPatch,
  FollowUpStatus,
  HistoryParticipant,
  NewFollowUp,
  ParticipantPosition,
  PositionHistory,
  PositionOccasion,
  PositionPoint,
  QuestionHistory,
} from "./bindings";
export type { Boot, BootHome } from "./bindings";
export type {
  FollowUpItem,
  FollowUpList,
  FollowUpListing,
  FollowUpOffer,
  FollowUpOrigin,
  FollowUpPatch,
  FollowUpStatus,
  HistoryParticipant,
  NewFollowUp,
  ParticipantPosition,
  PositionHistory,
  PositionOccasion,
  PositionPoint,
  QuestionHistory,
};
/** The built-in set of the six organisation questions (positions over time). */
export const ORGANISATION_QUESTIONS = "organisation-questions";


export type { Attachment, AttachmentContent, AttachmentPatch, MediaType, TextState } from "./bindings";

export type {
  Identity,
  AgendaItem,
  AgendaItemPatch,
  BackupFile,
  RecoveryInfo,
  AttendanceEntry,
  ContinuumResult,
  ContinuumStatistics,
  FollowUp,
  PositionInput,
  Question,
  QuestionGroup,
  QuestionSet,
  QuestionSetKind,
  QuestionSetSummary,
  Framework,
  AdoptedEntry,
  ProjectRecommendation,
  ItemBearing,
  ItemBearings,
  OwnEntryKind,
  OwnFrameworkEntry,
  FrameworkEntry,
  FrameworkList,
  FrameworkPart,
  FrameworkSection,
  FrameworkSectionKind,
  RevealedPosition,
  RoomItem,
  RoomStep,
  RoomView,
  SkippedPosition,
  StepSummary,
  Text,
  Walk,
  WalkPlan,
  WalkPlanPart,
  WalkState,
  WalkStep,
  WalkSummary,
  Amendment,
  Approval,
  Attendance,
  AuditEntry,
  Audience,
  DocKind,
  Format,
  MeetingAttendance,
  MeetingGuest,
  SearchHit,
  SearchKind,
  SnippetPart,
  VerifyReport,
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
};

// ---- the core's rules ----------------------------------------------------------------------
// Every value of the enums in the order the UI lists them, who takes positions, where a
// meeting's status may move and which fields an amendment may correct: all read from the core
// (`ui_rules`) once at start, never copied here. `loadRules` runs before the app mounts.

let rules: UiRules | null = null;
export let COMMITTEE_KINDS: readonly CommitteeKind[] = [];
export let ROLES: readonly Role[] = [];
export let MEETING_KINDS: readonly MeetingKind[] = [];
export let MEETING_STATUSES: readonly MeetingStatus[] = [];
export let OPENNESS: readonly Openness[] = [];
/** Roles that take positions on a continuum: the politicians. */
export let POLITICIAN_ROLES: readonly Role[] = [];
export let ATTENDANCE: readonly Attendance[] = [];
export let DOC_FORMATS: readonly Format[] = [];
/** The agenda item fields an amendment after approval may correct (as the core allows). */
export let AMENDABLE_FIELDS: readonly string[] = [];
export let FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = [];
/** How a fixed point of the annual cycle finds its day: the n-th weekday, or a date. */
export let CYCLE_RULES: readonly CycleRule[] = [];
export let OWN_ENTRY_KINDS: readonly OwnEntryKind[] = [];
let ERROR_KINDS: readonly ErrorKind[] = [];
/** Bilag: the largest file the core takes (MB), and the file name extensions it takes. */
export let ATTACHMENT_MAX_MB = 0;
export let ATTACHMENT_EXTENSIONS: readonly string[] = [];

/** Reads the rules from the core (the room's screen; the main window has them from
 * `boot`). The app cannot work without them, so a failure throws. */
export async function loadRules(): Promise<void> {
  const result = await commands.uiRules();
  if (result.status !== "ok") throw new Error(result.error.message);
  applyRules(result.data);
}

/** Puts the core's rules in place. */
export function applyRules(from: UiRules): void {
  rules = from;
  COMMITTEE_KINDS = rules.committee_kinds;
  ROLES = rules.roles.map((r) => r.role);
  POLITICIAN_ROLES = rules.roles.filter((r) => r.takes_positions).map((r) => r.role);
  MEETING_KINDS = rules.meeting_kinds;
  MEETING_STATUSES = rules.meeting_statuses.map((s) => s.status);
  OPENNESS = rules.openness;
  ATTENDANCE = rules.attendance;
  DOC_FORMATS = rules.doc_formats;
  AMENDABLE_FIELDS = rules.amendable_fields;
  FOLLOW_UP_STATUSES = rules.follow_up_statuses;
  CYCLE_RULES = rules.cycle_rules;
  ERROR_KINDS = rules.error_kinds;
  ATTACHMENT_MAX_MB = rules.attachment_max_mb;
  ATTACHMENT_EXTENSIONS = rules.attachment_extensions;
  OWN_ENTRY_KINDS = rules.own_entry_kinds;
}

/** The status "forward" moves to, or null where the core allows no plain move forward (after
 * "closed" the minutes are approved by a member on the minutes page, never by a status change). */
export function nextStatus(status: MeetingStatus): MeetingStatus | null {
  return rules?.meeting_statuses.find((s) => s.status === status)?.next ?? null;
}

/** The status "back" moves to, or null where going back is not allowed. */
export function previousStatus(status: MeetingStatus): MeetingStatus | null {
  return rules?.meeting_statuses.find((s) => s.status === status)?.previous ?? null;
}


/** A failed call. `message` is meant for the user; `field` names the input it is about. */
export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly field: string | null;
  /** The core's Fluent key: which refusal this is (e.g. "error-package-changes-members"). */
  readonly key: string | null;

  constructor(kind: ErrorKind, message: string, field: string | null = null, key: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.field = field;
    this.key = key;
  }

  /** Turns anything a call may reject with into an ApiError. */
  static from(e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    if (isWireError(e)) return new ApiError(e.kind, localized(e), e.field ?? null, typeof e.key === "string" ? e.key : null);
    // Not the core's error: Tauri could not run the command (no backend, bad arguments,
    // a panic). Say so in the user's language and keep the detail for whoever debugs it.
    const detail = e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e);
    return new ApiError("internal", t("error-unexpected", { detail: detail ?? "" }), null);
  }
}

/**
 * The core writes `message` in Danish and also sends the Fluent key and arguments; in another
 * UI language the message is rendered from the core's catalogue when it has the key.
 */
function localized(e: WireApiError): string {
  const wire = e as Partial<Record<"key" | "args", unknown>>;
  if (i18n.lang === "da" || typeof wire.key !== "string" || wire.key === "") return e.message;
  const args: Record<string, string> = {};
  if (typeof wire.args === "object" && wire.args !== null) {
    for (const [name, value] of Object.entries(wire.args)) {
      if (typeof value === "string") args[name] = value;
    }
  }
  return coreMessage(wire.key, args) ?? e.message;
}

function isWireError(e: unknown): e is WireApiError {
  if (typeof e !== "object" || e === null) return false;
  const o = e as Record<string, unknown>;
  return (
    typeof o.message === "string" &&
    typeof o.kind === "string" &&
    (ERROR_KINDS as readonly string[]).includes(o.kind)
  );
}

async function call<T>(run: () => Promise<Result<T, WireApiError>>): Promise<T> {
  let result: Result<T, WireApiError>;
  try {
    result = await run();
  } catch (e) {
    throw ApiError.from(e);
  }
  if (result.status === "ok") return result.data;
  throw ApiError.from(result.error);
}

type Call<F> = F extends (...args: infer A) => Promise<Result<infer T, WireApiError>> ? (...args: A) => Promise<T> : never;

/**
 * Every command of the core, as tauri-specta generated it from the one command list, with its
 * `Result` unwrapped: a failure throws an `ApiError`. Nothing here is written per command.
 */
export const api = Object.fromEntries(
  Object.entries(commands).map(([name, run]) => [
    name,
    (...args: unknown[]) => call(() => (run as (...a: unknown[]) => Promise<Result<unknown, WireApiError>>)(...args)),
  ]),
) as { [K in keyof typeof commands]: Call<(typeof commands)[K]> };

// Meeting packages (.pejling files).
import type { ConflictChoice, MergeChange, MergeEntity, MergeOutcome, MergePreview, PackageImported, Resolution } from "./bindings";
export type { ConflictChoice, MergeChange, MergeEntity, MergeOutcome, MergePreview, PackageImported, Resolution };

export type { LiveBlocked, LiveParticipant, LiveRequest, LiveStatus, NetInterface, QrCode } from "./bindings";
export type {
  ContinuumSide,
  FirstRoundResult,
  PositionMove,
  PositionReason,
  RoomPoint,
  StepTimebox,
  WalkPoint,
} from "./bindings";

// ---- the room's screen ------------------------------------------------------------------

/** The label of the room's screen window; its capability grants only `room_view`. */
export const ROOM_WINDOW_LABEL = "room";

/** The hash route of the room's screen for a meeting. */
export function roomHash(meetingId: number): string {
  return `#/room/${meetingId}`;
}


/** A question set's text in the UI's language (Danish when there is no English text). */
export function localText(text: Text | null | undefined, lang: "da" | "en" = i18n.lang): string {
  if (!text) return "";
  return lang === "en" && text.en.trim() !== "" ? text.en : text.da;
}

/** A pejlemærke as a line: "Pejlemærke 1: Teknologi skal …", or the committee's own title. */
export function bearingTitle(b: ItemBearing, lang: "da" | "en" = i18n.lang): string {
  return b.label ? `${localText(b.label, lang)}: ${localText(b.title, lang)}` : localText(b.title, lang);
}

/** "Strategi · spørgsmål 3 af 5", from the core's catalogue (the label the core uses). */
export function whereLabel(step: WalkStep, lang: "da" | "en" = i18n.lang): string {
  const args = {
    group: localText(step.group_title, lang),
    number: String(step.question_number),
    count: String(step.question_count),
  };
  return coreMessage("walk-where", args, lang) ?? args.group;
}
