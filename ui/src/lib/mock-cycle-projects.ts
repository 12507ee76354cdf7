// The mock core's annual cycle (årshjul) and digitalisation projects: same shapes, same day
// rules and the same refusals (Danish messages from the core's catalogue) as
// src/domain/cycle.rs, src/store/cycle.rs and src/store/projects.rs. Mock mode only.

import type {
  AgendaItem,
  ApiError,
  Committee,
  CycleEntry,
  CycleEntryPatch,
  CycleOccurrence,
  CycleRule,
  CycleYear,
  CycleYearCreated,
  ErrorKind,
  Meeting,
  MeetingKind,
  NewCycleEntry,
  NewMeeting,
  NewProject,
  PhaseChange,
  Project,
  ProjectDetail,
  ProjectLink,
  ProjectPatch,
  ProjectPhaseNotes,
  ProjectPhasePatch,
  QuestionSet,
} from "./bindings";
import { coreMessage } from "./i18n.svelte";

/** What the cycle and the projects need of the mock core. */
export interface CycleProjectsHost {
  committee(id: number): Committee;
  meeting(id: number): Meeting;
  meetings(committeeId: number): Meeting[];
  meetingExists(id: number): boolean;
  createMeeting(input: NewMeeting): Meeting;
  agenda(meetingId: number): AgendaItem[];
  itemMeeting(itemId: number): number | null;
  questionSet(id: string, version: number): QuestionSet;
  actor(): string;
}

function fail(kind: ErrorKind, key: string, args: Record<string, string> = {}, field: string | null = null): never {
  const message = coreMessage(key, args, "da") ?? key;
  const error: ApiError = { kind, message, field, key, args };
  throw error;
}

function notFound(entity: string, id: unknown): never {
  fail("not_found", "error-not-found", { entity: coreMessage(`entity-${entity}`, {}, "da") ?? entity, id: String(id) });
}

const RULES: CycleRule[] = ["weekday", "date"];
const KINDS: MeetingKind[] = ["ordinary", "theme"];
const LAST_PHASE = 4;
const MIN_YEAR = 1970;
const MAX_YEAR = 2999;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw `invalid args \`${field}\`: unknown variant \`${String(value)}\``;
  return value as T;
}

function required(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") fail("validation", "error-title-empty", {}, "title");
  return value.trim();
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function range(value: unknown, min: number, max: number, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    fail("validation", "error-cycle-range", { value: String(value), min: String(min), max: String(max) }, field);
  }
  return n;
}

function clock(value: unknown, field: string): string {
  const v = str(value).trim();
  if (v === "") fail("validation", "error-cycle-time-empty", {}, field);
  const m = /^(\d{1,2}):(\d{2})$/.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) fail("validation", "error-cycle-time-invalid", { value: v }, field);
  return `${m[1].padStart(2, "0")}:${m[2]}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday (1 Monday … 7 Sunday) of a date. */
function isoWeekday(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  let d = daysInMonth(year, month);
  while (isoWeekday(year, month, d) !== weekday) d--;
  return d;
}

/** The day of the month a rule gives in `year` (as the core's `rule_date`). */
export function ruleDay(e: Pick<CycleEntry, "rule" | "month" | "week" | "weekday" | "day">, year: number): number {
  if (e.rule === "date") return Math.min(e.day, daysInMonth(year, e.month));
  if (e.week === 5) return lastWeekday(year, e.month, e.weekday);
  let d = 1;
  while (isoWeekday(year, e.month, d) !== e.weekday) d++;
  return d + 7 * (e.week - 1);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Start and end in `year`, moved out of the hour skipped when summer time begins. */
function timesIn(e: CycleEntry, year: number): [string, string] {
  const day = ruleDay(e, year);
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  let start = toMinutes(e.start_time);
  let end = toMinutes(e.end_time);
  const length = end - start;
  const gapDay = e.month === 3 && day === lastWeekday(year, 3, 7);
  const inGap = (m: number) => gapDay && m >= 120 && m < 180;
  const newStart = inGap(start) ? start + 60 : start;
  let newEnd = inGap(end) ? end + 60 : end;
  if (newEnd <= newStart) newEnd = newStart + length;
  start = newStart;
  end = newEnd;
  const at = (m: number) => `${year}-${pad(e.month)}-${pad(day)}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
  return [at(start), at(end)];
}

function checkYear(year: unknown): number {
  const y = Number(year);
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) {
    fail("validation", "error-cycle-year", { year: String(year), min: String(MIN_YEAR), max: String(MAX_YEAR) }, "year");
  }
  return y;
}

function now(): string {
  return new Date().toISOString();
}

type ProjectRow = Omit<Project, "committee_name" | "phase_changed_at">;
type LinkRow = { id: number; project_id: number; phase: number; meeting_id: number; agenda_item_id: number | null };
type HistoryRow = PhaseChange & { project_id: number };

export class MockCycleProjects {
  entries: CycleEntry[] = [];
  /** `${entryId}|${year}` → the meeting made from it. */
  made = new Map<string, number>();
  projects: ProjectRow[] = [];
  notes = new Map<string, { stakeholders: string; learnings: string }>();
  links: LinkRow[] = [];
  history: HistoryRow[] = [];
  #host: CycleProjectsHost;
  #id: () => number;

  constructor(host: CycleProjectsHost, id: () => number) {
    this.#host = host;
    this.#id = id;
  }

  // --- the annual cycle -----------------------------------------------------------------

  #entry(id: number): CycleEntry {
    return this.entries.find((e) => e.id === id) ?? notFound("cycle_entry", id);
  }

  #check(e: CycleEntry, changed: string | null): CycleEntry {
    const out = { ...e };
    out.title = required(e.title);
    out.kind = oneOf(e.kind, KINDS, "kind");
    out.rule = oneOf(e.rule, RULES, "rule");
    out.description = str(e.description);
    out.place = str(e.place).trim();
    out.month = range(e.month, 1, 12, "month");
    out.week = range(e.week, 1, 5, "week");
    out.weekday = range(e.weekday, 1, 7, "weekday");
    out.day = range(e.day, 1, 31, "day");
    const longest = daysInMonth(2000, out.month);
    if (out.rule === "date" && out.day > longest) {
      fail("validation", "error-cycle-day-not-in-month", { day: String(out.day), max: String(longest) }, changed === "month" ? "month" : "day");
    }
    out.start_time = clock(e.start_time, "start_time");
    out.end_time = clock(e.end_time, "end_time");
    if (out.end_time <= out.start_time) {
      fail("validation", "error-cycle-end-before-start", {}, changed === "start_time" ? "start_time" : "end_time");
    }
    return out;
  }

  listCycleEntries(committeeId: number): CycleEntry[] {
    this.#host.committee(committeeId);
    return this.entries
      .filter((e) => e.committee_id === committeeId)
      .sort((a, b) => a.month - b.month || a.id - b.id);
  }

  createCycleEntry(committeeId: number, input: NewCycleEntry): CycleEntry {
    const e = this.#check(
      {
        id: 0,
        committee_id: committeeId,
        title: input?.title,
        kind: input?.kind,
        description: input?.description ?? "",
        rule: input?.rule,
        month: input?.month,
        week: input?.week ?? 1,
        weekday: input?.weekday ?? 2,
        day: input?.day ?? 1,
        start_time: input?.start_time,
        end_time: input?.end_time,
        place: input?.place ?? "",
      } as CycleEntry,
      null,
    );
    this.#host.committee(committeeId);
    e.id = this.#id();
    this.entries.push(e);
    return { ...e };
  }

  updateCycleEntry(id: number, patch: CycleEntryPatch): CycleEntry {
    const current = this.#entry(id);
    const next = { ...current } as Record<string, unknown>;
    let changed: string | null = null;
    for (const key of ["title", "kind", "description", "rule", "month", "week", "weekday", "day", "end_time", "start_time", "place"]) {
      const value = (patch as Record<string, unknown>)[key];
      if (value !== undefined && value !== null) {
        next[key] = value;
        changed = key;
      }
    }
    const checked = this.#check(next as CycleEntry, changed);
    Object.assign(current, checked);
    return { ...current };
  }

  deleteCycleEntry(id: number): null {
    this.#entry(id);
    this.entries = this.entries.filter((e) => e.id !== id);
    for (const key of [...this.made.keys()]) if (key.startsWith(`${id}|`)) this.made.delete(key);
    return null;
  }

  #occurrences(committeeId: number, year: number): CycleOccurrence[] {
    return this.listCycleEntries(committeeId)
      .map((entry) => {
        const [starts_at, ends_at] = timesIn(entry, year);
        const key = `${entry.id}|${year}`;
        const meetingId = this.made.get(key);
        // A deleted meeting takes its record with it (the core's cascade).
        if (meetingId !== undefined && !this.#host.meetingExists(meetingId)) this.made.delete(key);
        const meeting = this.made.has(key) ? this.#host.meeting(meetingId!) : null;
        return { entry: { ...entry }, starts_at, ends_at, meeting };
      })
      .sort((a, b) => (a.starts_at < b.starts_at ? -1 : a.starts_at > b.starts_at ? 1 : a.entry.id - b.entry.id));
  }

  cycleYear(committeeId: number, year: number): CycleYear {
    const y = checkYear(year);
    this.#host.committee(committeeId);
    return {
      committee_id: committeeId,
      year: y,
      occurrences: this.#occurrences(committeeId, y),
      meetings: this.#host.meetings(committeeId).filter((m) => m.starts_at.startsWith(`${y}-`)),
    };
  }

  createCycleYear(committeeId: number, year: number): CycleYearCreated {
    const y = checkYear(year);
    this.#host.committee(committeeId);
    const created: Meeting[] = [];
    let already = 0;
    for (const o of this.#occurrences(committeeId, y)) {
      if (o.meeting) {
        already++;
        continue;
      }
      const m = this.#host.createMeeting({
        committee_id: committeeId,
        title: o.entry.title,
        kind: o.entry.kind,
        starts_at: o.starts_at,
        ends_at: o.ends_at,
        place: o.entry.place,
      });
      this.made.set(`${o.entry.id}|${y}`, m.id);
      created.push(m);
    }
    return { year: y, created, already_created: already };
  }

  // --- projects -------------------------------------------------------------------------

  #row(id: number): ProjectRow {
    return this.projects.find((p) => p.id === id) ?? notFound("project", id);
  }

  #project(row: ProjectRow): Project {
    const changes = this.history.filter((h) => h.project_id === row.id);
    return {
      ...row,
      committee_name: this.#host.committee(row.committee_id).name,
      phase_changed_at: changes.length ? changes[changes.length - 1].at : row.created_at,
    };
  }

  #phaseTexts() {
    const set = this.#host.questionSet("phases", 1);
    return set.groups.flatMap((g) => g.questions).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  }

  #checkPhase(phase: number): number {
    if (!Number.isInteger(phase) || phase < 0 || phase > LAST_PHASE) {
      fail("validation", "error-project-phase-unknown", { phase: String(phase), last: String(LAST_PHASE) }, "phase");
    }
    return phase;
  }

  #link(l: LinkRow): ProjectLink {
    const meeting = this.#host.meeting(l.meeting_id);
    const item = l.agenda_item_id === null ? undefined : this.#host.agenda(l.meeting_id).find((i) => i.id === l.agenda_item_id);
    return {
      id: l.id,
      phase: l.phase,
      meeting_id: meeting.id,
      meeting_title: meeting.title,
      meeting_starts_at: meeting.starts_at,
      committee_name: this.#host.committee(meeting.committee_id).name,
      agenda_item_id: item?.id ?? null,
      item_number: item?.number ?? null,
      item_title: item?.title ?? null,
      decision: item?.decision ?? null,
      openness: item?.openness ?? null,
    };
  }

  /** Links whose meeting or item is gone go with it (the core's cascade). */
  #liveLinks(projectId: number): LinkRow[] {
    this.links = this.links.filter(
      (l) =>
        this.#host.meetingExists(l.meeting_id) &&
        (l.agenda_item_id === null || this.#host.itemMeeting(l.agenda_item_id) === l.meeting_id),
    );
    return this.links.filter((l) => l.project_id === projectId);
  }

  listProjects(committeeId: number | null): Project[] {
    if (committeeId !== null && committeeId !== undefined) this.#host.committee(committeeId);
    return this.projects
      .filter((p) => committeeId === null || committeeId === undefined || p.committee_id === committeeId)
      .map((p) => this.#project(p))
      .sort(
        (a, b) =>
          a.committee_name.localeCompare(b.committee_name, "da") || a.title.localeCompare(b.title, "da") || a.id - b.id,
      );
  }

  hasProjects(committeeId: number): number {
    return this.projects.filter((p) => p.committee_id === committeeId).length;
  }

  createProject(input: NewProject): Project {
    const title = required(input?.title);
    this.#host.committee(input.committee_id);
    const row: ProjectRow = {
      id: this.#id(),
      title,
      description: str(input.description),
      committee_id: input.committee_id,
      phase: 0,
      created_at: now(),
    };
    this.projects.push(row);
    this.history.push({ id: this.#id(), project_id: row.id, from_phase: null, to_phase: 0, note: "", actor: this.#host.actor(), at: row.created_at });
    return this.#project(row);
  }

  updateProject(id: number, patch: ProjectPatch): Project {
    const row = this.#row(id);
    const next = { ...row };
    if (patch.title != null) next.title = required(patch.title);
    if (patch.description != null) next.description = str(patch.description);
    if (patch.committee_id != null) {
      this.#host.committee(patch.committee_id);
      next.committee_id = patch.committee_id;
    }
    Object.assign(row, next);
    return this.#project(row);
  }

  deleteProject(id: number): null {
    this.#row(id);
    this.projects = this.projects.filter((p) => p.id !== id);
    this.links = this.links.filter((l) => l.project_id !== id);
    this.history = this.history.filter((h) => h.project_id !== id);
    return null;
  }

  getProject(id: number): ProjectDetail {
    const row = this.#row(id);
    const links = this.#liveLinks(id)
      .map((l) => this.#link(l))
      .sort((a, b) => a.phase - b.phase || a.meeting_starts_at.localeCompare(b.meeting_starts_at) || (a.item_number ?? 0) - (b.item_number ?? 0) || a.id - b.id);
    const phases = this.#phaseTexts().map((q) => {
      const number = q.number ?? 0;
      const n = this.notes.get(`${id}|${number}`) ?? { stakeholders: "", learnings: "" };
      return {
        number,
        name: q.text,
        subtitle: q.subtitle,
        description: q.description,
        example: q.example,
        stakeholders: n.stakeholders,
        learnings: n.learnings,
        links: links.filter((l) => l.phase === number),
      };
    });
    const history = this.history.filter((h) => h.project_id === id).map(({ project_id: _p, ...h }) => h);
    return { project: this.#project(row), phases, history };
  }

  setProjectPhase(id: number, phase: number, note: string): ProjectDetail {
    const row = this.#row(id);
    this.#checkPhase(phase);
    if (phase === row.phase) return this.getProject(id);
    if (phase > row.phase + 1) {
      fail(
        "validation",
        "error-project-phase-skip",
        { from: String(row.phase), to: String(phase), next: String(row.phase + 1) },
        "phase",
      );
    }
    this.history.push({ id: this.#id(), project_id: id, from_phase: row.phase, to_phase: phase, note: str(note).trim(), actor: this.#host.actor(), at: now() });
    row.phase = phase;
    return this.getProject(id);
  }

  updateProjectPhase(id: number, phase: number, patch: ProjectPhasePatch): ProjectPhaseNotes {
    this.#checkPhase(phase);
    this.#row(id);
    const key = `${id}|${phase}`;
    const n = { ...(this.notes.get(key) ?? { stakeholders: "", learnings: "" }) };
    if (patch.stakeholders != null) n.stakeholders = str(patch.stakeholders);
    if (patch.learnings != null) n.learnings = str(patch.learnings);
    this.notes.set(key, n);
    return { project_id: id, phase, ...n };
  }

  linkProjectMeeting(id: number, phase: number, meetingId: number, agendaItemId: number | null): ProjectDetail {
    this.#checkPhase(phase);
    this.#row(id);
    const meeting = this.#host.meeting(meetingId);
    if (agendaItemId !== null && agendaItemId !== undefined) {
      const of = this.#host.itemMeeting(agendaItemId);
      if (of === null) notFound("agenda_item", agendaItemId);
      if (of !== meetingId) fail("validation", "error-project-item-not-in-meeting", { meeting: meeting.title }, "agenda_item_id");
    }
    const item = agendaItemId ?? null;
    if (this.#liveLinks(id).some((l) => l.phase === phase && l.meeting_id === meetingId && l.agenda_item_id === item)) {
      fail("conflict", "error-project-link-exists", { phase: String(phase) }, "meeting_id");
    }
    this.links.push({ id: this.#id(), project_id: id, phase, meeting_id: meetingId, agenda_item_id: item });
    return this.getProject(id);
  }

  unlinkProjectMeeting(linkId: number): ProjectDetail {
    const link = this.links.find((l) => l.id === linkId) ?? notFound("project_link", linkId);
    this.links = this.links.filter((l) => l.id !== linkId);
    return this.getProject(link.project_id);
  }
}

/** The dispatch of the cycle's and the projects' commands; `undefined` for any other command. */
export function dispatchCycleProjects(core: MockCycleProjects, cmd: string, a: Record<string, unknown>): { value: unknown } | undefined {
  const n = (key: string) => a[key] as number;
  switch (cmd) {
    case "list_cycle_entries":
      return { value: core.listCycleEntries(n("committeeId")) };
    case "create_cycle_entry":
      return { value: core.createCycleEntry(n("committeeId"), a.input as NewCycleEntry) };
    case "update_cycle_entry":
      return { value: core.updateCycleEntry(n("id"), (a.patch ?? {}) as CycleEntryPatch) };
    case "delete_cycle_entry":
      return { value: core.deleteCycleEntry(n("id")) };
    case "cycle_year":
      return { value: core.cycleYear(n("committeeId"), n("year")) };
    case "create_cycle_year":
      return { value: core.createCycleYear(n("committeeId"), n("year")) };
    case "list_projects":
      return { value: core.listProjects((a.committeeId ?? null) as number | null) };
    case "create_project":
      return { value: core.createProject(a.input as NewProject) };
    case "update_project":
      return { value: core.updateProject(n("id"), (a.patch ?? {}) as ProjectPatch) };
    case "delete_project":
      return { value: core.deleteProject(n("id")) };
    case "get_project":
      return { value: core.getProject(n("id")) };
    case "set_project_phase":
      return { value: core.setProjectPhase(n("id"), n("phase"), a.note as string) };
    case "update_project_phase":
      return { value: core.updateProjectPhase(n("id"), n("phase"), (a.patch ?? {}) as ProjectPhasePatch) };
    case "link_project_meeting":
      return { value: core.linkProjectMeeting(n("id"), n("phase"), n("meetingId"), (a.agendaItemId ?? null) as number | null) };
    case "unlink_project_meeting":
      return { value: core.unlinkProjectMeeting(n("linkId")) };
    default:
      return undefined;
  }
}
