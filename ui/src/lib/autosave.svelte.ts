// Every edit saves itself: no save button anywhere.
//
// A `Saver` belongs to one record on screen (a committee, a member row, a meeting, an agenda
// item). Inputs call `touch(key)` as the user types; 400 ms after the last keystroke, on blur
// and on navigation the changed keys are sent as one patch. A patch the core refuses keeps the
// typed values on screen, shows the core's message by the field and is sent again with the
// next change, so fixing a related field (an end time) also saves the first one. If a patch of
// several keys fails, they are retried one by one, so one bad field never holds back the rest.

import { SvelteSet } from "svelte/reactivity";
import { ApiError } from "./api";

export const SAVE_DELAY_MS = 400;

export type FieldError = { message: string; field: string | null };

export class Saver<P extends object> {
  /** Errors by the key whose save failed; `field` is where the core says the problem is. */
  errors = $state<Record<string, FieldError>>({});
  /** Edits waiting for the debounce or on their way to the core. */
  busy = $state(false);

  #read: () => P;
  #send: (patch: Partial<P>) => Promise<unknown>;
  #delay: number;
  #dirty = new Set<string>();
  #failed = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #chain: Promise<void> = Promise.resolve();
  #inFlight = 0;
  #disposed = false;

  constructor(read: () => P, send: (patch: Partial<P>) => Promise<unknown>, delay = SAVE_DELAY_MS) {
    this.#read = read;
    this.#send = send;
    this.#delay = delay;
    saveStatus.register(this);
  }

  /** Marks `key` as edited and (re)starts the debounce. */
  touch(key: keyof P & string): void {
    this.#dirty.add(key);
    this.busy = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
  }

  /** Sends pending edits now. Resolves when everything sent so far has been answered. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#dirty.size > 0) {
      const keys = new Set([...this.#failed, ...this.#dirty]);
      this.#dirty.clear();
      this.#inFlight++;
      this.#chain = this.#chain.then(() => this.#save([...keys])).finally(() => {
        this.#inFlight--;
        this.#updateBusy();
      });
    }
    return this.#chain;
  }

  /** Flushes and stops taking part in the save status (the record left the screen). */
  dispose(): Promise<void> {
    const done = this.flush();
    this.#disposed = true;
    void done.finally(() => saveStatus.unregister(this));
    return done;
  }

  /** The error to show at the input for `name`, if any. */
  errorFor(name: string): FieldError | undefined {
    for (const [key, error] of Object.entries(this.errors)) {
      if ((error.field ?? key) === name) return error;
    }
    return undefined;
  }

  /** True when the input for `name` holds a value the core refused. */
  isInvalid(name: string): boolean {
    return this.errorFor(name) !== undefined || name in this.errors;
  }

  get hasErrors(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  #updateBusy(): void {
    this.busy = this.#timer !== undefined || this.#inFlight > 0 || this.#dirty.size > 0;
  }

  async #save(keys: string[]): Promise<void> {
    const draft = this.#read() as Record<string, unknown>;
    const patch: Record<string, unknown> = {};
    for (const key of keys) patch[key] = draft[key];
    try {
      await this.#send(patch as Partial<P>);
      const errors = { ...this.errors };
      for (const key of keys) {
        delete errors[key];
        this.#failed.delete(key);
      }
      this.errors = errors;
    } catch (e) {
      if (keys.length > 1) {
        for (const key of keys) await this.#save([key]);
        return;
      }
      const error = ApiError.from(e);
      const [key] = keys;
      this.#failed.add(key);
      this.errors = { ...this.errors, [key]: { message: error.message, field: error.field } };
    }
  }
}

class SaveStatus {
  savers = new SvelteSet<Saver<object>>();

  /** "saving" while anything is waiting or on its way, "error" while a refused edit is shown. */
  get state(): "saving" | "error" | "saved" {
    let error = false;
    for (const saver of this.savers) {
      if (saver.busy) return "saving";
      if (saver.hasErrors) error = true;
    }
    return error ? "error" : "saved";
  }

  /** The first refused edit's message, for the status line. */
  get firstError(): string | null {
    for (const saver of this.savers) {
      const first = Object.values(saver.errors)[0];
      if (first) return first.message;
    }
    return null;
  }

  register(saver: Saver<object>): void {
    this.savers.add(saver);
  }

  unregister(saver: Saver<object>): void {
    this.savers.delete(saver);
  }

  /** Sends every pending edit now; resolves when the core has answered them all. */
  flushAll(): Promise<void> {
    return Promise.all([...this.savers].map((s) => s.flush())).then(() => undefined);
  }
}

export const saveStatus = new SaveStatus();

if (typeof window !== "undefined") {
  // Closing or reloading the window: send what is pending (the answer may never be seen).
  window.addEventListener("beforeunload", () => void saveStatus.flushAll());
  window.addEventListener("pagehide", () => void saveStatus.flushAll());
}
