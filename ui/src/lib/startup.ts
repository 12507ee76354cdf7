// The launch's first calls to the core that do not wait on each other go out together: the
// workspace check runs while the rules load, instead of after them (issue 20: launch to first
// data).
import { api, type RecoveryInfo } from "./api";

let pending: Promise<RecoveryInfo | null | undefined> | null = null;

/** Start the workspace check (null: it opened; otherwise what the recovery screen shows). */
export function beginRecoveryCheck(): void {
  // A failure reaches the caller of `recoveryCheck` as `undefined`; never unhandled.
  pending = api.recoveryInfo().then(
    (info) => info,
    () => undefined,
  );
}

/** The check begun at start, taken once; a later call asks the core again. */
export function recoveryCheck(): Promise<RecoveryInfo | null | undefined> {
  const p =
    pending ??
    api.recoveryInfo().then(
      (info) => info,
      () => undefined,
    );
  pending = null;
  return p;
}
