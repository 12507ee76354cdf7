// A polite live region for things that happen without a page change ("Punkt flyttet …").

class Announcer {
  message = $state("");
  #timer: ReturnType<typeof setTimeout> | undefined;

  say(message: string): void {
    // Empty first, so the same sentence twice in a row is read twice.
    this.message = "";
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.message = message), 60);
  }
}

export const announcer = new Announcer();
