// The main window's start (issue 20: launch to first data). The app hands the page its first
// data — the rules, who works here, the home page's status and committees — before the page's
// script runs (`window.__PEJLING_BOOT__`, see `Ctx::boot` in the core); a page loaded again
// (or served by the test host) asks for the same with one `boot` call. Only when the
// workspace did not open is the recovery screen's data asked for.
import { api, applyRules, type Boot, type BootHome, type RecoveryInfo } from "./api";
import { identity } from "./identity.svelte";

/** The data the app put in place for this page, taken once; only on the page's first load
 * (a reload runs the app's script again with the data of the launch, by then old). */
function preloaded(): Boot | null {
  const w = window as unknown as { __PEJLING_BOOT__?: Boot | null };
  const boot = w.__PEJLING_BOOT__ ?? null;
  delete w.__PEJLING_BOOT__;
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return nav && nav.type !== "navigate" ? null : boot;
}

/** The workspace check (null: it opened; otherwise what the recovery screen shows); a
 * failure comes back as `undefined`, never as an unhandled rejection. */
function ask(): Promise<RecoveryInfo | null | undefined> {
  return api.recoveryInfo().then(
    (info) => info,
    () => undefined,
  );
}

let home: BootHome | null = null;
let recovery: Promise<RecoveryInfo | null | undefined> | null = null;

/** The rules and who works here in place, the home page's data kept for its first showing;
 * when the workspace did not open, the recovery check begun. A failure throws: the app cannot
 * work without its rules. */
export async function boot(): Promise<void> {
  const b = preloaded() ?? (await api.boot());
  applyRules(b.rules);
  identity.current = b.identity;
  home = b.home;
  recovery = b.home ? Promise.resolve(null) : ask();
}

/** At start: null when the workspace opened (known from `boot`), else "checking" until
 * `recoveryCheck` answers. */
export function initialRecovery(): null | "checking" {
  return home ? null : "checking";
}

/** The home page's data from the start, taken once (later visits ask the core). */
export function takeBootHome(): BootHome | null {
  const h = home;
  home = null;
  return h;
}

/** Whether the workspace opened (null) or what the recovery screen shows; a failure comes
 * back as `undefined`. Taken once; a later call asks the core again. */
export function recoveryCheck(): Promise<RecoveryInfo | null | undefined> {
  const p = recovery ?? ask();
  recovery = null;
  return p;
}
