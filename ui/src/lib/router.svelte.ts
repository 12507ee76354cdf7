// A small hash router: #/, #/committees/:id, #/meetings/:id.

import { saveStatus } from "./autosave.svelte";

export type Route =
  | { name: "home" }
  | { name: "committee"; id: number }
  | { name: "meeting"; id: number }
  | { name: "minutes"; id: number }
  | { name: "walk"; id: number; itemId: number }
  | { name: "walk-summary"; id: number; itemId: number }
  | { name: "room"; id: number }
  | { name: "not-found" };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/" || path === "") return { name: "home" };
  let m = /^\/committees\/(\d+)\/?$/.exec(path);
  if (m) return { name: "committee", id: Number(m[1]) };
  m = /^\/meetings\/(\d+)\/?$/.exec(path);
  if (m) return { name: "meeting", id: Number(m[1]) };
  m = /^\/meetings\/(\d+)\/minutes\/?$/.exec(path);
  if (m) return { name: "minutes", id: Number(m[1]) };
  m = /^\/meetings\/(\d+)\/walk\/(\d+)\/?$/.exec(path);
  if (m) return { name: "walk", id: Number(m[1]), itemId: Number(m[2]) };
  m = /^\/meetings\/(\d+)\/walk\/(\d+)\/summary\/?$/.exec(path);
  if (m) return { name: "walk-summary", id: Number(m[1]), itemId: Number(m[2]) };
  m = /^\/room\/(\d+)\/?$/.exec(path);
  if (m) return { name: "room", id: Number(m[1]) };
  return { name: "not-found" };
}

export const href = {
  home: () => "#/",
  committee: (id: number) => `#/committees/${id}`,
  meeting: (id: number) => `#/meetings/${id}`,
  minutes: (id: number) => `#/meetings/${id}/minutes`,
  walk: (id: number, itemId: number) => `#/meetings/${id}/walk/${itemId}`,
  walkSummary: (id: number, itemId: number) => `#/meetings/${id}/walk/${itemId}/summary`,
  room: (id: number) => `#/room/${id}`,
};

class Router {
  route = $state<Route>(parseHash(location.hash));
  /** Bumped on every navigation, so a view for the same route is built anew. */
  visit = $state(0);
  /** Set by a navigation; the next view to finish loading moves focus to its h1. */
  focusHeadingOnLoad = false;
}

export const router = new Router();

window.addEventListener("hashchange", () => {
  // Leaving a view: send its pending edits now (the view also flushes when it is destroyed,
  // and the next view waits for the answers before it loads).
  void saveStatus.flushAll();
  router.route = parseHash(location.hash);
  router.visit++;
  router.focusHeadingOnLoad = true;
});

/** Goes to `hash` (e.g. href.committee(3)). Same hash: reloads the view. */
export function navigate(hash: string): void {
  if (location.hash === hash) {
    router.visit++;
    router.focusHeadingOnLoad = true;
  } else {
    location.hash = hash;
  }
}
