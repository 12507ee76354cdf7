// The launch's first calls to the core that do not wait on each other go out together: the
// workspace check runs while the rules load, instead of after them (issue 20: launch to first
// data).
import { api, type RecoveryInfo } from "./api";

/** The workspace check (null: it opened; otherwise what the recovery screen shows); a
 * failure comes back as `undefined`, never as an unhandled rejection. */
function ask(): Promise<RecoveryInfo | null | undefined> {
  return api.recoveryInfo().then(
    (info) => info,
    () => undefined,
  );
}

let pending: Promise<RecoveryInfo | null | undefined> | null = null;

/** Start the workspace check. */
export function beginRecoveryCheck(): void {
  pending = ask();
}

/** The check begun at start, taken once; a later call asks the core again. */
export function recoveryCheck(): Promise<RecoveryInfo | null | undefined> {
  const p = pending ?? ask();
  pending = null;
  return p;
}
