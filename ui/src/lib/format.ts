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
