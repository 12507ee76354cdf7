// Words for the annual cycle (årshjul): a fixed point's rule as a sentence ("Hvert år den 2.
// tirsdag i september kl. 17.00–19.00"), and the choices of the rule's fields. The rule itself
// is the core's (src/domain/cycle.rs); nothing here computes a day.

import type { CycleEntry } from "./api";
import { t } from "./i18n.svelte";

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** 1–4, and 5 for "the last". */
export const WEEKS = [1, 2, 3, 4, 5] as const;
/** ISO weekdays, 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "17.00" in Danish, "17:00" in English (from the catalogue's time pattern). */
export function clockText(value: string): string {
  const [hour = "", minute = ""] = value.split(":");
  return t("cycle-clock", { hour, minute });
}

/** How often a recurring meeting comes: "Hvert år", or "Hvert andet år fra 2027". */
export function everyText(e: Pick<CycleEntry, "every_years" | "first_year">): string {
  if ((e.every_years ?? 1) < 2) return t("cycle-every-1");
  return e.first_year ? t("cycle-every-2-from", { year: String(e.first_year) }) : t("cycle-every-2");
}

/** The rule and times of a fixed point as one sentence. */
export function ruleText(
  e: Pick<CycleEntry, "rule" | "month" | "week" | "weekday" | "day" | "start_time" | "end_time" | "every_years" | "first_year">,
): string {
  const time = t("cycle-time-range", { start: clockText(e.start_time), end: clockText(e.end_time) });
  const month = t(`month-${e.month}`);
  const every = everyText(e);
  if (e.rule === "date") {
    // A day some years' month lacks (29 February, 31 April is refused) falls on its last day.
    const key = e.day > 28 ? "cycle-rule-date-text-last" : "cycle-rule-date-text";
    return t(key, { every, day: String(e.day), month, time });
  }
  return t("cycle-rule-weekday-text", { every, week: t(`cycle-week-${e.week}`), weekday: t(`weekday-${e.weekday}`), month, time });
}

/** The choices of how often: every year, every other year. */
export const EVERY_YEARS = [1, 2] as const;
