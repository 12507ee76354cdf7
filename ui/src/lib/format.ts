// Dates as people write them: "22. februar 2018 kl. 18.00" / "22 February 2018, 18:00".
// The pattern and the month names live in the Fluent catalogues.

import { t } from "./i18n.svelte";

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** Formats a local "YYYY-MM-DDTHH:MM" time for reading. Empty or odd values say so. */
export function formatDateTime(value: string | null | undefined): string {
  const m = LOCAL_DATETIME.exec(value ?? "");
  if (!m) return t("datetime-none");
  const [, year, month, day, hour, minute] = m;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return value ?? "";
  // Strings, not numbers: Fluent would group the year as "2.018" in Danish.
  return t("datetime", {
    day: String(Number(day)),
    month: t(`month-${monthNumber}`),
    year,
    hour,
    minute,
  });
}

/** The date part alone: "22. februar 2018". */
export function formatDate(value: string | null | undefined): string {
  const m = LOCAL_DATETIME.exec(value ?? "");
  if (!m) return t("datetime-none");
  const [, year, month, day] = m;
  return t("date", { day: String(Number(day)), month: t(`month-${Number(month)}`), year });
}

/** Adds whole hours to a local "YYYY-MM-DDTHH:MM" time; "" when the input is not one. */
export function addHours(value: string, hours: number): string {
  const m = LOCAL_DATETIME.exec(value);
  if (!m) return "";
  const [, y, mo, d, h, mi] = m.map(Number);
  const date = new Date(y, mo - 1, d, h + hours, mi);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A time the secretary recorded, as the minutes write it: "kl. 18.00" on the meeting's day,
 * with the date when it fell on another day (a meeting past midnight).
 */
export function formatRecordedTime(value: string | null | undefined, meetingStart: string): string {
  const m = LOCAL_DATETIME.exec(value ?? "");
  if (!m) return t("datetime-none");
  if (value!.slice(0, 10) !== meetingStart.slice(0, 10)) return formatDateTime(value);
  return t("times-at", { hour: m[4], minute: m[5] });
}

const ZONED = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A moment the core stored in UTC ("2026-12-08T18:48:03.120Z") as local Danish time
 * "YYYY-MM-DDTHH:MM" (Europe/Copenhagen, summer time included), whatever the machine's own
 * zone; the same rule as the documents (`danish_local` in the core). A value without a zone
 * is already local and is returned as it is; one that does not parse gives "".
 */
export function danishLocal(value: string | null | undefined): string {
  const v = (value ?? "").trim();
  if (!ZONED.test(v)) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return "";
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Copenhagen",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

/** A stored UTC moment as a person in Denmark reads it: "8. december 2026 kl. 19.48". */
export function formatMoment(value: string | null | undefined): string {
  return formatDateTime(danishLocal(value));
}

/** The Danish date of a stored UTC moment: "8. december 2026". */
export function formatMomentDate(value: string | null | undefined): string {
  return formatDate(danishLocal(value));
}

/**
 * The ISO 8601 week number of a local "YYYY-MM-DD…" date (weeks begin on Monday; week 1 holds
 * the year's first Thursday), as Danish secretaries plan by it: "uge 37". 0 when not a date.
 */
export function isoWeek(value: string | null | undefined): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "");
  if (!m) return 0;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}
