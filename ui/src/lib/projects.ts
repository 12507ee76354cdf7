// Words for digitalisation projects: the phases' names come from the transcribed question set
// `phases` (assets/question-sets/phases.toml), never from the UI's own catalogue, so the app
// says exactly what KL's model says.

import { localText, type QuestionSet } from "./api";
import { formatDateTime } from "./format";

/** The phases of the set, by number. */
export function phasesOf(set: QuestionSet | null) {
  return (set?.groups ?? []).flatMap((g) => g.questions).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
}

/** The name of phase `number` ("Identifikation"), or "" before the set is loaded. */
export function phaseName(set: QuestionSet | null, number: number): string {
  return localText(phasesOf(set).find((q) => q.number === number)?.text);
}

/** A UTC time the core recorded ("2026-11-26T09:05:00.000Z"), in the reader's local time. */
export function formatUtc(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return formatDateTime(null);
  const pad = (n: number) => String(n).padStart(2, "0");
  return formatDateTime(
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`,
  );
}
