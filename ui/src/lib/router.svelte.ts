// A small hash router: #/, #/committees/:id, #/meetings/:id, #/search?q=… (a query after
// "?" carries what a route needs besides its path).

import { saveStatus } from "./autosave.svelte";

export type Route =
  | { name: "home" }
  | { name: "committee"; id: number }
  /** A committee's follow-up items (opfølgning). */
  | { name: "follow-ups"; id: number }
  /** How a committee's positions on the six organisation questions moved. */
  | { name: "positions"; id: number }
  /** `itemId`: the agenda item to open in the editor (#/meetings/:id/items/:itemId). */
  | { name: "meeting"; id: number; itemId: number | null }
  | { name: "minutes"; id: number }
  /** Review and merge a meeting package (.pejling) back into the meeting. */
  | { name: "package-merge"; id: number }
  | { name: "walk"; id: number; itemId: number }
  /** `step`: the step to show first (#…/summary?step=N, 0-based), e.g. a note found by search. */
  | { name: "walk-summary"; id: number; itemId: number; step: number | null }
  | { name: "search"; query: string }
  | { name: "room"; id: number }
  | { name: "question-sets" }
  /** The frameworks library, "Rammer og inspiration". */
  | { name: "frameworks" }
  | { name: "backups" }
  /** A committee's annual cycle (årshjul) for `year` (null: this year). */
  | { name: "cycle"; id: number; year: number | null }
  | { name: "projects" }
  | { name: "project"; id: number }
  | { name: "not-found" };

export function parseHash(hash: string): Route {
  const full = hash.replace(/^#/, "") || "/";
  const q = full.indexOf("?");
  const path = q < 0 ? full : full.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : full.slice(q + 1));
  const step = /^\d+$/.test(params.get("step") ?? "") ? Number(params.get("step")) : null;
  if (path === "/" || path === "") return { name: "home" };
  if (/^\/search\/?$/.test(path)) return { name: "search", query: params.get("q") ?? "" };
  let m = /^\/committees\/(\d+)\/?$/.exec(path);
  if (m) return { name: "committee", id: Number(m[1]) };
  m = /^\/committees\/(\d+)\/follow-ups\/?$/.exec(path);
  if (m) return { name: "follow-ups", id: Number(m[1]) };
  m = /^\/committees\/(\d+)\/positions\/?$/.exec(path);
  if (m) return { name: "positions", id: Number(m[1]) };
  m = /^\/meetings\/(\d+)\/?$/.exec(path);
  if (m) return { name: "meeting", id: Number(m[1]), itemId: null };
  m = /^\/meetings\/(\d+)\/items\/(\d+)\/?$/.exec(path);
  if (m) return { name: "meeting", id: Number(m[1]), itemId: Number(m[2]) };
  m = /^\/meetings\/(\d+)\/minutes\/?$/.exec(path);
  if (m) return { name: "minutes", id: Number(m[1]) };
  m = /^\/meetings\/(\d+)\/package\/?$/.exec(path);
  if (m) return { name: "package-merge", id: Number(m[1]) };
  m = /^\/meetings\/(\d+)\/walk\/(\d+)\/?$/.exec(path);
  if (m) return { name: "walk", id: Number(m[1]), itemId: Number(m[2]) };
  m = /^\/meetings\/(\d+)\/walk\/(\d+)\/summary\/?$/.exec(path);
  if (m) return { name: "walk-summary", id: Number(m[1]), itemId: Number(m[2]), step };
  if (/^\/question-sets\/?$/.test(path)) return { name: "question-sets" };
  if (/^\/frameworks\/?$/.test(path)) return { name: "frameworks" };
  if (/^\/backups\/?$/.test(path)) return { name: "backups" };
  m = /^\/committees\/(\d+)\/cycle(?:\/(\d{4}))?\/?$/.exec(path);
  if (m) return { name: "cycle", id: Number(m[1]), year: m[2] ? Number(m[2]) : null };
  if (/^\/projects\/?$/.test(path)) return { name: "projects" };
  m = /^\/projects\/(\d+)\/?$/.exec(path);
  if (m) return { name: "project", id: Number(m[1]) };
  m = /^\/room\/(\d+)\/?$/.exec(path);
  if (m) return { name: "room", id: Number(m[1]) };
  return { name: "not-found" };
}

export const href = {
  home: () => "#/",
  committee: (id: number) => `#/committees/${id}`,
  followUps: (id: number) => `#/committees/${id}/follow-ups`,
  positions: (id: number) => `#/committees/${id}/positions`,
  meeting: (id: number) => `#/meetings/${id}`,
  minutes: (id: number) => `#/meetings/${id}/minutes`,
  packageMerge: (id: number) => `#/meetings/${id}/package`,
  walk: (id: number, itemId: number) => `#/meetings/${id}/walk/${itemId}`,
  walkSummary: (id: number, itemId: number, step: number | null = null) =>
    `#/meetings/${id}/walk/${itemId}/summary${step === null ? "" : `?step=${step}`}`,
  meetingItem: (id: number, itemId: number) => `#/meetings/${id}/items/${itemId}`,
  search: (query: string) => `#/search?${new URLSearchParams({ q: query })}`,
  room: (id: number) => `#/room/${id}`,
  cycle: (id: number, year: number | null = null) => `#/committees/${id}/cycle${year === null ? "" : `/${year}`}`,
  projects: () => "#/projects",
  project: (id: number) => `#/projects/${id}`,
  questionSets: () => "#/question-sets",
  frameworks: () => "#/frameworks",
  backups: () => "#/backups",
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
