// The mock core's backups and recovery, for `vite --mode mock` and the browser tests. A page
// loaded with `?mock-recovery=damaged` (or `too-new`, `in-use`, `no-backups`) starts as the
// real app does when its database does not open: every workspace command fails with the
// reason, and recovery_info offers the backups. Restoring gives the demo workspace (the
// content of the mock's backups); starting fresh gives an empty one.

import type { ApiError, BackupFile, RecoveryInfo, WorkspaceStatus } from "./bindings";
import { coreMessage } from "./i18n.svelte";

const DB_PATH = "/home/sekretaer/.local/share/pejling/pejling.sqlite3";
const DIR = "/home/sekretaer/.local/share/pejling/backups";

function error(kind: ApiError["kind"], key: string, args: Record<string, string>): ApiError {
  return { kind, message: coreMessage(key, args, "da") ?? key, field: null, key, args };
}

function reasonFor(mode: string): ApiError | null {
  switch (mode) {
    case "damaged":
    case "no-backups":
      return error("not_a_pejling_database", "error-database-damaged", { path: DB_PATH });
    case "too-new":
      return error("database_too_new", "error-database-too-new", { found: "99", supported: "7" });
    case "in-use":
      return error("conflict", "error-database-in-use", { path: DB_PATH });
    default:
      return null;
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.(\d{3})Z$/, "$1Z");
}

function file(d: Date, reason: string, bytes: number): BackupFile {
  return {
    path: `${DIR}/pejling-${stamp(d)}-${reason}.sqlite3`,
    taken_at: d.toISOString().replace(/\.\d{3}Z$/, "Z"),
    reason,
    bytes,
  };
}

export class MockBackups {
  failure: ApiError | null;
  backups: BackupFile[];

  constructor(mode: string | null) {
    this.failure = reasonFor(mode ?? "");
    const now = Date.now();
    this.backups =
      mode === "no-backups" || mode === "in-use"
        ? []
        : [
            file(new Date(now - 26 * 3600_000), "meeting-closed", 241_664),
            file(new Date(now - 3 * 86400_000), "start", 237_568),
            file(new Date(now - 40 * 86400_000), "before-migration", 229_376),
          ];
  }

  static fromLocation(): MockBackups {
    return new MockBackups(new URLSearchParams(location.search).get("mock-recovery"));
  }

  /** The answer to `cmd`, or undefined when it is not a backup command. `replace` swaps the
   * workspace: `"demo"` for a restored backup, `"empty"` for a fresh start. */
  handle(
    cmd: string,
    args: Record<string, unknown>,
    replace: (content: "demo" | "empty") => WorkspaceStatus,
  ): { value: unknown } | undefined {
    switch (cmd) {
      case "recovery_info": {
        if (!this.failure) return { value: null };
        const info: RecoveryInfo = { error: this.failure, db_path: DB_PATH, backups: this.backups };
        return { value: info };
      }
      case "list_backups":
        return { value: this.backups };
      case "backup_now":
        if (this.failure) throw this.failure;
        this.take("manual");
        return { value: this.backups };
      case "restore_backup": {
        this.refuseInUse();
        const chosen = this.backups.find((b) => b.path === args.path);
        if (!chosen) {
          throw error("not_a_pejling_database", "error-not-a-pejling-database", { path: String(args.path) });
        }
        return { value: this.restored(replace) };
      }
      case "restore_backup_from_file":
        // The native dialog cannot run in a browser: the mock acts as if a good backup file
        // was chosen.
        this.refuseInUse();
        return { value: this.restored(replace) };
      case "start_fresh":
        if (!this.failure) throw error("conflict", "error-workspace-is-open", {});
        this.refuseInUse();
        this.failure = null;
        return { value: replace("empty") };
      default:
        if (this.failure) throw this.failure;
        return undefined;
    }
  }

  private refuseInUse() {
    if (this.failure?.key === "error-database-in-use") throw this.failure;
  }

  private restored(replace: (content: "demo" | "empty") => WorkspaceStatus): WorkspaceStatus {
    if (!this.failure) this.take("before-restore");
    this.failure = null;
    return replace("demo");
  }

  private take(reason: string) {
    this.backups = [file(new Date(), reason, 245_760), ...this.backups];
  }
}
