// The mock core's meeting packages (see src/packages.rs, whose answers this mirrors for the
// browser tests). No files are read or written here: an export is recorded on the window, an
// import creates an invented meeting, and a review answers with a fixed return package for
// the meeting the test names (one change made there, and two conflicts: a note and a
// position). A merge is refused until every conflict has an allowed choice, as in the core.

import type {
  ApiError,
  Committee,
  ConflictChoice,
  ErrorKind,
  Meeting,
  MergeOutcome,
  MergePreview,
  NewMeeting,
  PackageImported,
} from "./bindings";
import { coreMessage } from "./i18n.svelte";

/** What this part needs of MockCore. */
export interface PackagesCore {
  listCommittees(): Committee[];
  createMeeting(input: NewMeeting): Meeting;
  meetingRow(id: number): { id: number; title: string; status: string };
}

type PackagesWindow = Window & {
  __mockPackageExports?: { meetingId: number; includeClosed: boolean }[];
  __mockPackageMeeting?: number;
  __mockMerged?: ConflictChoice[];
};

function fail(kind: ErrorKind, key: string, args: Record<string, string> = {}): never {
  const error: ApiError = { kind, message: coreMessage(key, args, "da") ?? key, field: null, key, args };
  throw error;
}

export class MockPackages {
  private pending: MergePreview | null = null;

  constructor(private core: PackagesCore) {}

  export(meetingId: number, includeClosed: boolean): string {
    const m = this.core.meetingRow(meetingId);
    if (m.status === "minutes_approved") fail("locked", "error-package-meeting-locked", { title: m.title });
    const w = window as PackagesWindow;
    (w.__mockPackageExports ??= []).push({ meetingId, includeClosed });
    return `/home/sekretær/moedepakke-${meetingId}.pejling`;
  }

  import(): PackageImported {
    const committee = this.core.listCommittees()[0];
    if (!committee) fail("validation", "error-package-meeting-unknown", { title: "?" });
    const m = this.core.createMeeting({
      committee_id: committee.id,
      title: "Temamøde fra mødepakke",
      kind: "theme",
      starts_at: "2026-12-03T17:00",
      ends_at: "2026-12-03T19:00",
      place: "Mødelokale 2",
    });
    return { meeting_id: m.id, committee_id: committee.id, title: m.title, item_count: 0, closed_items_left_out: 1 };
  }

  review(): MergePreview {
    const w = window as PackagesWindow;
    const meetingId = w.__mockPackageMeeting ?? 1;
    const m = this.core.meetingRow(meetingId);
    if (m.status === "minutes_approved") fail("locked", "error-package-merge-locked", { title: m.title });
    const item = "2. Algoritmer til forebyggelse af fald hos ældre borgere";
    this.pending = {
      meeting_id: meetingId,
      meeting_title: m.title,
      source: "formandens-baerbare",
      exported_by: "Formand Birte Ravn",
      exported_at: "2026-11-24T20:15:00.000Z",
      changes: [
        {
          key: "note:a/tesk/t1",
          entity: "note",
          item,
          question_id: "t1",
          person: null,
          mine: "",
          theirs: "Udvalget ønsker en <b>pilot</b> i ét distrikt.",
          changed_at: "2026-11-24T19:02:11.000Z",
          changed_by: "Formand Birte Ravn",
          choices: [],
        },
        {
          key: "attendance:p2",
          entity: "attendance",
          item: null,
          question_id: null,
          person: "Jonas Krog",
          mine: "present",
          theirs: "apologies",
          changed_at: "2026-11-24T18:00:00.000Z",
          changed_by: "Formand Birte Ravn",
          choices: [],
        },
      ],
      conflicts: [
        {
          key: "note:a/tesk/t2",
          entity: "note",
          item,
          question_id: "t2",
          person: null,
          mine: "Data deles kun med samtykke.",
          theirs: "Data deles med hjemmeplejen.",
          changed_at: "2026-11-24T19:10:40.000Z",
          changed_by: "Sekretær Maja Holm",
          choices: ["mine", "theirs", "both"],
        },
        {
          key: "position:a/org/o1:p1",
          entity: "position",
          item,
          question_id: "o1",
          person: "Birte Ravn",
          mine: "30",
          theirs: "65",
          changed_at: "2026-11-24T19:20:05.000Z",
          changed_by: "Formand Birte Ravn",
          choices: ["mine", "theirs"],
        },
      ],
    };
    return this.pending;
  }

  merge(choices: ConflictChoice[]): MergeOutcome {
    const p = this.pending;
    if (!p) fail("validation", "error-package-none-pending");
    const unresolved = p.conflicts.filter(
      (c) => !choices.some((ch) => ch.key === c.key && c.choices.includes(ch.resolution)),
    );
    if (unresolved.length > 0) {
      fail("conflict", "error-package-unresolved", {
        count: String(unresolved.length),
        keys: unresolved.map((c) => c.key).join(", "),
      });
    }
    (window as PackagesWindow).__mockMerged = choices;
    this.pending = null;
    return { merge_id: 1, meeting_id: p.meeting_id, applied: p.changes.length, conflicts_resolved: p.conflicts.length };
  }
}

export function dispatchPackages(
  packages: MockPackages,
  cmd: string,
  a: Record<string, unknown>,
): { value: unknown } | undefined {
  switch (cmd) {
    case "export_meeting_package":
      return { value: packages.export(a.meetingId as number, a.includeClosed as boolean) };
    case "import_meeting_package":
      return { value: packages.import() };
    case "review_package_merge":
      return { value: packages.review() };
    case "merge_reviewed_package":
      return { value: packages.merge((a.choices ?? []) as ConflictChoice[]) };
    default:
      return undefined;
  }
}
