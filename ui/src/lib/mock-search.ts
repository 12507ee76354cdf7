// The mock core's search, for the browser tests: an honest, simple stand-in for the core's
// Danish full-text search (src/search.rs). Every word of the query must occur, ignoring case;
// hits where every word occurs as a whole word come first, then those found only inside
// longer words (flagged `part_of_word`). No stems. Snippets are cut from the line that
// matched, with the matched parts flagged, as the core does. Mock mode only.

import type { Openness, SearchHit, SearchKind, SnippetPart } from "./bindings";

/** One searchable thing, in the shape the core indexes: a title and a body of lines. */
export type SearchDoc = {
  kind: SearchKind;
  committee_id: number;
  meeting_id: number | null;
  agenda_item_id: number | null;
  /** For projects. */
  project_id?: number | null;
  step: number | null;
  title: string;
  meeting_title: string | null;
  item_number: number | null;
  openness: Openness | null;
  /** The text searched: the title is searched too. */
  body: string;
};

const SNIPPET_CHARS = 160;
const SNIPPET_LEAD = 40;
const MAX_LIMIT = 500;

/** The words of a query, as the core reads it: letters and digits only, lower case. */
export function queryWords(query: string): string[] {
  return [...new Set((query.toLocaleLowerCase("da").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16))];
}

/** Where `word` occurs in `text` (lower case), as [start, end) ranges; whole words only if asked. */
function occurrences(text: string, word: string, wholeOnly: boolean): [number, number][] {
  const lower = text.toLocaleLowerCase("da");
  const out: [number, number][] = [];
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let from = 0;
  for (;;) {
    const at = lower.indexOf(word, from);
    if (at < 0) break;
    const whole = !isWordChar(lower[at - 1]) && !isWordChar(lower[at + word.length]);
    if (whole || !wholeOnly) out.push([at, at + word.length]);
    from = at + 1;
  }
  return out;
}

function snippet(doc: SearchDoc, words: string[], wholeOnly: boolean): SnippetPart[] {
  const segments = [...doc.body.split("\n"), doc.title].map((s) => s.trim()).filter((s) => s !== "");
  let text = segments[0] ?? "";
  let marks: [number, number][] = [];
  for (const s of segments) {
    const m = words.flatMap((w) => occurrences(s, w, wholeOnly || w.length < 3));
    if (m.length > 0) {
      text = s;
      marks = m.sort((a, b) => a[0] - b[0]);
      break;
    }
  }
  const first = marks[0]?.[0] ?? 0;
  const from = text.length <= SNIPPET_CHARS ? 0 : Math.max(0, Math.min(first - SNIPPET_LEAD, text.length - SNIPPET_CHARS));
  const to = Math.min(text.length, from + SNIPPET_CHARS);
  const parts: SnippetPart[] = [];
  const push = (piece: string, hit: boolean) => {
    if (piece === "") return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else parts.push({ text: piece, hit });
  };
  if (from > 0) push("…", false);
  let at = from;
  for (const [a0, b0] of marks) {
    const a = Math.min(Math.max(a0, at), to);
    const b = Math.min(Math.max(b0, from), to);
    if (a >= b) continue;
    push(text.slice(at, a), false);
    push(text.slice(a, b), true);
    at = b;
  }
  push(text.slice(at, to), false);
  if (to < text.length) push("…", false);
  return parts;
}

/** Searches `docs` for `query`: whole-word hits first, then parts of words; at most `limit`. */
export function searchDocs(docs: SearchDoc[], query: string, limit: number): SearchHit[] {
  const words = queryWords(query);
  const max = Math.min(Math.max(0, Math.floor(limit)), MAX_LIMIT);
  if (words.length === 0 || max === 0) return [];
  const whole: SearchHit[] = [];
  const parts: SearchHit[] = [];
  for (const doc of docs) {
    const text = `${doc.title}\n${doc.body}`;
    // Short words (under three letters) are only ever whole words, as in the core.
    if (!words.every((w) => occurrences(text, w, w.length < 3).length > 0)) continue;
    const isWhole = words.every((w) => occurrences(text, w, true).length > 0);
    const { body: _body, ...place } = doc;
    const hit = {
      ...place,
      project_id: doc.project_id ?? null,
      snippet: snippet(doc, words, isWhole),
      part_of_word: !isWhole,
    } as SearchHit;
    (isWhole ? whole : parts).push(hit);
  }
  return [...whole, ...parts].slice(0, max);
}
