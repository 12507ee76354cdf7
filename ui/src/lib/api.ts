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
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ["open", "in_progress", "answered", "closed"];
/** The built-in set of the six organisation questions (positions over time). */
export const ORGANISATION_QUESTIONS = "organisation-questions";

/** How a fixed point of the annual cycle finds its day: the n-th weekday, or a date. */
export const CYCLE_RULES: readonly CycleRule[] = ["weekday", "date"];

export type {
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

/** Every value of the enums, in the order the UI lists them. */
export const COMMITTEE_KINDS: readonly CommitteeKind[] = ["standing", "task", "finance", "council", "other"];
export const ROLES: readonly Role[] = ["chair", "vice_chair", "member", "citizen_member", "secretary", "official"];
export const MEETING_KINDS: readonly MeetingKind[] = ["ordinary", "theme"];
export const MEETING_STATUSES: readonly MeetingStatus[] = [
  "draft",
  "agenda_sent",
  "in_progress",
  "closed",
  "minutes_approved",
];
export const OPENNESS: readonly Openness[] = ["open", "closed"];
/** Roles that take positions on a continuum: the politicians. */
export const POLITICIAN_ROLES: readonly Role[] = ["chair", "vice_chair", "member", "citizen_member"];
export const ATTENDANCE: readonly Attendance[] = ["present", "absent", "apologies"];
export const DOC_FORMATS: readonly Format[] = ["pdf", "pdfa", "docx", "html", "md", "ics"];
/** The agenda item fields an amendment after approval may correct (as the core allows). */
export const AMENDABLE_FIELDS = [
  "decision",
  "summary",
  "background",
  "recommendation",
  "previous_decisions",
  "title",
  "case_id",
] as const;

const ERROR_KINDS: readonly ErrorKind[] = [
  "validation",
  "not_found",
  "conflict",
  "locked",
  "database_too_new",
  "not_a_pejling_database",
  "storage",
  "internal",
];

/** A failed call. `message` is meant for the user; `field` names the input it is about. */
export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly field: string | null;

  constructor(kind: ErrorKind, message: string, field: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.field = field;
  }

  /** Turns anything a call may reject with into an ApiError. */
  static from(e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    if (isWireError(e)) return new ApiError(e.kind, localized(e), e.field ?? null);
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

export const api = {
  workspaceStatus: () => call(() => commands.workspaceStatus()),
  createDemo: () => call(() => commands.createDemo()),

  listCommittees: () => call(() => commands.listCommittees()),
  getCommittee: (id: number) => call(() => commands.getCommittee(id)),
  createCommittee: (input: NewCommittee) => call(() => commands.createCommittee(input)),
  updateCommittee: (id: number, patch: CommitteePatch) => call(() => commands.updateCommittee(id, patch)),
  deleteCommittee: (id: number) => call(() => commands.deleteCommittee(id)),

  listPeople: () => call(() => commands.listPeople()),
  addMember: (committeeId: number, input: NewMember) => call(() => commands.addMember(committeeId, input)),
  addExistingMember: (committeeId: number, personId: number, role: Role) =>
    call(() => commands.addExistingMember(committeeId, personId, role)),
  updateMember: (committeeId: number, personId: number, patch: MemberPatch) =>
    call(() => commands.updateMember(committeeId, personId, patch)),
  removeMember: (committeeId: number, personId: number) => call(() => commands.removeMember(committeeId, personId)),

  createMeeting: (input: NewMeeting) => call(() => commands.createMeeting(input)),
  updateMeeting: (id: number, patch: MeetingPatch) => call(() => commands.updateMeeting(id, patch)),
  /** The secretary's key press: the meeting began now ("Mødet påbegyndt kl."). */
  markMeetingBegan: (meetingId: number) => call(() => commands.markMeetingBegan(meetingId)),
  /** The minutes were read and the meeting adjourned now. */
  markMeetingAdjourned: (meetingId: number) => call(() => commands.markMeetingAdjourned(meetingId)),
  setMeetingStatus: (id: number, status: MeetingStatus) => call(() => commands.setMeetingStatus(id, status)),
  deleteMeeting: (id: number) => call(() => commands.deleteMeeting(id)),
  getMeeting: (id: number) => call(() => commands.getMeeting(id)),

  addAgendaItem: (meetingId: number, title: string) => call(() => commands.addAgendaItem(meetingId, title)),
  /** A temamøde item started from one of KL's cases (see the frameworks library). */
  addAgendaItemFromCase: (meetingId: number, frameworkId: string, caseId: string) =>
    call(() => commands.addAgendaItemFromCase(meetingId, frameworkId, caseId)),
  updateAgendaItem: (id: number, patch: AgendaItemPatch) => call(() => commands.updateAgendaItem(id, patch)),
  moveAgendaItem: (id: number, toNumber: number) => call(() => commands.moveAgendaItem(id, toNumber)),
  deleteAgendaItem: (id: number) => call(() => commands.deleteAgendaItem(id)),

  // Backups and recovery. A restore replaces the whole workspace; the current database is
  // backed up first (or, when damaged, kept aside).
  /** Why the workspace did not open and which backups would; null when it is open. */
  recoveryInfo: () => call(() => commands.recoveryInfo()),
  listBackups: () => call(() => commands.listBackups()),
  backupNow: () => call(() => commands.backupNow()),
  /** Restores one of the listed backups (by the path list_backups gave). */
  restoreBackup: (path: string) => call(() => commands.restoreBackup(path)),
  /** Asks for a backup file with the native dialog and restores it; null when cancelled. */
  restoreBackupFromFile: () => call(() => commands.restoreBackupFromFile()),
  /** Keeps a database that does not open aside and starts an empty workspace. */
  startFresh: () => call(() => commands.startFresh()),

  // Minutes: attendance, approval and lock, amendments, audit, documents.
  listAttendance: (meetingId: number) => call(() => commands.listAttendance(meetingId)),
  setAttendance: (meetingId: number, personId: number, attendance: Attendance) =>
    call(() => commands.setAttendance(meetingId, personId, attendance)),
  addMeetingGuest: (meetingId: number, name: string, affiliation: string) =>
    call(() => commands.addMeetingGuest(meetingId, name, affiliation)),
  deleteMeetingGuest: (guestId: number) => call(() => commands.deleteMeetingGuest(guestId)),
  approveMinutes: (meetingId: number, personId: number) => call(() => commands.approveMinutes(meetingId, personId)),
  listApprovals: (meetingId: number) => call(() => commands.listApprovals(meetingId)),
  verifyMinutes: (meetingId: number) => call(() => commands.verifyMinutes(meetingId)),
  amendMinutes: (meetingId: number, itemId: number | null, field: string, newText: string, reason: string) =>
    call(() => commands.amendMinutes(meetingId, itemId, field, newText, reason)),
  listAmendments: (meetingId: number) => call(() => commands.listAmendments(meetingId)),
  auditLog: (meetingId: number) => call(() => commands.auditLog(meetingId)),
  /** Renders a document and asks where to save it; null when the user cancelled. */
  exportDocument: (meetingId: number, kind: DocKind, format: Format, audience: Audience, lang: "da" | "en") =>
    call(() => commands.exportDocument(meetingId, kind, format, audience, lang)),

  // The guided temamøde (the walk): question sets, the plan, where the meeting is, notes,
  // questions to the administration and continuum positions.
  listQuestionSets: () => call(() => commands.listQuestionSets()),
  /** The frameworks library ("Rammer og inspiration"), read-only. */
  listFrameworks: (): Promise<Framework[]> => call(() => commands.listFrameworks()),
  projectRecommendations: (projectId: number) => call(() => commands.projectRecommendations(projectId)),
  setProjectRecommendation: (projectId: number, recommendationId: string, done: boolean, note: string) =>
    call(() => commands.setProjectRecommendation(projectId, recommendationId, done, note)),
  adoptedFrameworkEntries: (committeeId: number) => call(() => commands.adoptedFrameworkEntries(committeeId)),
  setFrameworkEntryAdopted: (committeeId: number, frameworkId: string, sectionId: string, entryId: string, adopted: boolean) =>
    call(() => commands.setFrameworkEntryAdopted(committeeId, frameworkId, sectionId, entryId, adopted)),
  getQuestionSet: (id: string, version: number) => call(() => commands.getQuestionSet(id, version)),
  importQuestionSet: (source: string) => call(() => commands.importQuestionSet(source)),
  setWalkPlan: (itemId: number, plan: WalkPlan) => call(() => commands.setWalkPlan(itemId, plan)),
  getWalk: (itemId: number) => call(() => commands.getWalk(itemId)),
  walkState: (meetingId: number) => call(() => commands.walkState(meetingId)),
  setCurrentStep: (meetingId: number, itemId: number, step: number) =>
    call(() => commands.setCurrentStep(meetingId, itemId, step)),
  setPositionsNamed: (meetingId: number, named: boolean) => call(() => commands.setPositionsNamed(meetingId, named)),
  saveStepNote: (itemId: number, step: number, text: string) => call(() => commands.saveStepNote(itemId, step, text)),
  stepNote: (itemId: number, step: number) => call(() => commands.stepNote(itemId, step)),
  addQuestionToAdministration: (itemId: number, step: number, text: string, askedBy: number | null) =>
    call(() => commands.addQuestionToAdministration(itemId, step, text, askedBy)),
  listQuestionsToAdministration: (itemId: number) => call(() => commands.listQuestionsToAdministration(itemId)),
  deleteQuestionToAdministration: (id: number) => call(() => commands.deleteQuestionToAdministration(id)),
  setPosition: (itemId: number, step: number, personId: number, input: PositionInput) =>
    call(() => commands.setPosition(itemId, step, personId, input)),
  clearPosition: (itemId: number, step: number, personId: number) =>
    call(() => commands.clearPosition(itemId, step, personId)),
  revealPositions: (itemId: number, step: number) => call(() => commands.revealPositions(itemId, step)),
  hidePositions: (itemId: number, step: number) => call(() => commands.hidePositions(itemId, step)),
  continuumResult: (itemId: number, step: number) => call(() => commands.continuumResult(itemId, step)),
  walkSummary: (itemId: number) => call(() => commands.walkSummary(itemId)),

  // Follow-up items across meetings; positions over time.
  followUpList: (committeeId: number) => call(() => commands.followUpList(committeeId)),
  createFollowUp: (input: NewFollowUp) => call(() => commands.createFollowUp(input)),
  updateFollowUp: (id: number, patch: FollowUpPatch) => call(() => commands.updateFollowUp(id, patch)),
  deleteFollowUp: (id: number) => call(() => commands.deleteFollowUp(id)),
  /** The follow-up items to offer the chair when preparing a meeting. */
  followUpOffer: (meetingId: number) => call(() => commands.followUpOffer(meetingId)),
  /** The chair accepted: add the agenda item "Opfølgning" listing these items. */
  addFollowUpAgendaItem: (meetingId: number, followUpIds: number[]) =>
    call(() => commands.addFollowUpAgendaItem(meetingId, followUpIds)),
  followUpsOnAgendaItem: (itemId: number) => call(() => commands.followUpsOnAgendaItem(itemId)),
  positionHistory: (committeeId: number, setId: string = ORGANISATION_QUESTIONS) =>
    call(() => commands.positionHistory(committeeId, setId)),

  // The annual cycle (årshjul): fixed points, the year view, next year's meetings in one step.
  listCycleEntries: (committeeId: number) => call(() => commands.listCycleEntries(committeeId)),
  createCycleEntry: (committeeId: number, input: NewCycleEntry) =>
    call(() => commands.createCycleEntry(committeeId, input)),
  updateCycleEntry: (id: number, patch: CycleEntryPatch) => call(() => commands.updateCycleEntry(id, patch)),
  deleteCycleEntry: (id: number) => call(() => commands.deleteCycleEntry(id)),
  cycleYear: (committeeId: number, year: number) => call(() => commands.cycleYear(committeeId, year)),
  createCycleYear: (committeeId: number, year: number) => call(() => commands.createCycleYear(committeeId, year)),

  // Digitalisation projects through the five phases.
  listProjects: (committeeId: number | null) => call(() => commands.listProjects(committeeId)),
  createProject: (input: NewProject) => call(() => commands.createProject(input)),
  updateProject: (id: number, patch: ProjectPatch) => call(() => commands.updateProject(id, patch)),
  deleteProject: (id: number) => call(() => commands.deleteProject(id)),
  getProject: (id: number) => call(() => commands.getProject(id)),
  setProjectPhase: (id: number, phase: number, note: string) => call(() => commands.setProjectPhase(id, phase, note)),
  updateProjectPhase: (id: number, phase: number, patch: ProjectPhasePatch) =>
    call(() => commands.updateProjectPhase(id, phase, patch)),
  linkProjectMeeting: (id: number, phase: number, meetingId: number, agendaItemId: number | null) =>
    call(() => commands.linkProjectMeeting(id, phase, meetingId, agendaItemId)),
  unlinkProjectMeeting: (linkId: number) => call(() => commands.unlinkProjectMeeting(linkId)),
  /** One search over everything: whole words first, then parts of words. */
  search: (query: string, limit: number) => call(() => commands.search(query, limit)),
  /** What the room's screen shows: the current question of an open item, nothing private. */
  roomView: (meetingId: number) => call(() => commands.roomView(meetingId)),
  /** Start the live session for a meeting: participants join from their own devices. */
  startLiveSession: (meetingId: number) => call(() => commands.startLiveSession(meetingId, i18n.lang)),
  /** Stop the live session; its port is closed when this resolves. */
  stopLiveSession: () => call(() => commands.stopLiveSession()),
  /** The running live session (who has joined, who has answered), or null. */
  liveSessionStatus: () => call(() => commands.liveSessionStatus()),
  /** Free a participant's name (a lost phone, a wrong name picked). */
  releaseLiveParticipant: (personId: number) => call(() => commands.releaseLiveParticipant(personId)),
  /** Import a question set from a TOML file the user picks; null when they cancelled. */
  importQuestionSetFile: () => call(() => commands.importQuestionSetFile()),
  /** Save the meeting as a meeting package (.pejling) where the user says; null when cancelled. */
  exportMeetingPackage: (meetingId: number, includeClosed: boolean) =>
    call(() => commands.exportMeetingPackage(meetingId, includeClosed)),
  /** Import a meeting package the user picks as a new meeting; null when cancelled. */
  importMeetingPackage: () => call(() => commands.importMeetingPackage()),
  /** Pick a package to merge into its meeting and see what the merge would do; null when cancelled. */
  reviewPackageMerge: () => call(() => commands.reviewPackageMerge()),
  /** Merge the reviewed package, with a choice for every conflict. */
  mergeReviewedPackage: (choices: ConflictChoice[]) => call(() => commands.mergeReviewedPackage(choices)),
};

// Meeting packages (.pejling files).
import type { ConflictChoice, MergeChange, MergeEntity, MergeOutcome, MergePreview, PackageImported, Resolution } from "./bindings";
export type { ConflictChoice, MergeChange, MergeEntity, MergeOutcome, MergePreview, PackageImported, Resolution };

export type { LiveParticipant, LiveStatus, QrCode } from "./bindings";

// ---- the room's screen ------------------------------------------------------------------

/** The label of the room's screen window; its capability grants only `room_view`. */
export const ROOM_WINDOW_LABEL = "room";

/** The hash route of the room's screen for a meeting. */
export function roomHash(meetingId: number): string {
  return `#/room/${meetingId}`;
}

/**
 * Opens the room's screen (for the projector) as a second window that follows the chair, or
 * points the one already open at this meeting and brings it forward. The shell makes the
 * window (labelled "room", loading `index.html#/room/ID`), so this window needs no right to
 * create windows. The mock backend opens a browser window instead.
 */
export function openRoomWindow(meetingId: number): Promise<null> {
  return call(() => commands.openRoomWindow(meetingId));
}

/** A question set's text in the UI's language (Danish when there is no English text). */
export function localText(text: Text | null | undefined, lang: "da" | "en" = i18n.lang): string {
  if (!text) return "";
  return lang === "en" && text.en.trim() !== "" ? text.en : text.da;
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

/**
 * The status after `status`, or null where the status cannot simply be advanced: after
 * "closed" the minutes are approved by a member on the minutes page, never by a status change.
 */
export function nextStatus(status: MeetingStatus): MeetingStatus | null {
  if (status === "closed") return null;
  const i = MEETING_STATUSES.indexOf(status);
  return i >= 0 && i < MEETING_STATUSES.length - 1 ? MEETING_STATUSES[i + 1] : null;
}

/** The status before `status`, or null where going back is not allowed. */
export function previousStatus(status: MeetingStatus): MeetingStatus | null {
  if (status === "minutes_approved") return null;
  const i = MEETING_STATUSES.indexOf(status);
  return i > 0 ? MEETING_STATUSES[i - 1] : null;
}
