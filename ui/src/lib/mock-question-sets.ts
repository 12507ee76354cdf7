// The mock backend's reader for imported question sets, so the browser tests can import a
// file and see a malformed one refused with its line, without the Rust core.
//
// Why not simply refuse every import in the mock: the question-set view's import (success,
// error naming line and problem, nothing stored on error) must be testable in the browser.
// This is a smaller reader than the core's `question_sets::parse` (src/question_sets.rs):
// TOML syntax comes from smol-toml (with its line), and the same checks with the same
// Fluent keys run on the parsed value, finding the line of an id by searching the source.
// The core remains the authority; its own tests cover every rule.

import { parse as parseToml, TomlError } from "smol-toml";
import type { ErrorKind, Question, QuestionGroup, QuestionSet, QuestionSetKind, Text } from "./bindings";

const MAX_SOURCE_BYTES = 1_000_000;
const KINDS: QuestionSetKind[] = ["questions", "continuum", "phases"];
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Throws as the core does (the mock backend's `fail`). */
export type Fail = (kind: ErrorKind, key: string, args?: Record<string, string>, field?: string | null) => never;

type Raw = Record<string, unknown>;

/** 1-based line of the `n`-th (0-based) match of `pattern` in `source`, else 1. */
function lineOf(source: string, pattern: RegExp, n = 0): number {
  const re = new RegExp(pattern.source, "gm");
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(source)) !== null) {
    if (i++ === n) return source.slice(0, m.index).split("\n").length;
  }
  return 1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Parses and checks a question set's TOML as the core does (see the module docs). */
export function parseQuestionSet(input: string, fail: Fail): QuestionSet {
  const size = new TextEncoder().encode(input).length;
  if (size > MAX_SOURCE_BYTES) {
    fail("validation", "error-question-set-too-large", { size: String(size), max: String(MAX_SOURCE_BYTES) }, "source");
  }
  const source = input.replace(/^\uFEFF/, "");
  const invalid = (line: number, problem: string): never =>
    fail("validation", "error-question-set-invalid", { line: String(line), problem }, "source");
  let raw: Raw;
  try {
    raw = parseToml(source) as Raw;
  } catch (e) {
    if (e instanceof TomlError) invalid(e.line, e.message.split("\n")[0].trim());
    throw e;
  }
  const at = (line: number, key: string, args: Record<string, string> = {}): never =>
    fail("validation", key, { line: String(line), ...args }, "source");
  const keyLine = (key: string) => lineOf(source, new RegExp(`^\\s*${key}\\s*=`));
  const idCount = new Map<string, number>();
  /** The line of an id's next occurrence in the file (ids may repeat: that is an error too). */
  const idLine = (id: string) => {
    const n = idCount.get(id) ?? 0;
    idCount.set(id, n + 1);
    return lineOf(source, new RegExp(`^\\s*id\\s*=\\s*["']${escapeRegExp(id)}["']`), n);
  };

  for (const key of ["schema", "id", "version", "kind", "title"]) {
    if (!(key in raw)) invalid(1, `missing field \`${key}\``);
  }
  if (raw.schema !== 1) at(keyLine("schema"), "error-question-set-schema", { found: String(raw.schema), supported: "1" });
  const checkId = (value: unknown, line: number): string => {
    const v = typeof value === "string" ? value.trim() : String(value);
    if (!ID.test(v) || v.length > 100) at(line, "error-question-set-id", { id: v });
    return v;
  };
  const setIdLine = idLine(String(raw.id).trim());
  const id = checkId(raw.id, setIdLine);
  const version = raw.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    at(keyLine("version"), "error-question-set-version", { version: String(version) });
  }
  const kind = raw.kind as QuestionSetKind;
  if (!KINDS.includes(kind)) invalid(keyLine("kind"), `unknown variant \`${String(raw.kind)}\`, expected one of ${KINDS.map((k) => `\`${k}\``).join(", ")}`);

  const text = (value: unknown, line: number): Text => {
    const t = (value ?? {}) as Raw;
    const da = typeof t.da === "string" ? t.da.trim() : "";
    const en = typeof t.en === "string" ? t.en.trim() : "";
    if (da === "") at(line, "error-question-set-empty-text");
    return { da, en };
  };
  const optText = (value: unknown, line: number): Text | null => (value === undefined ? null : text(value, line));
  const optString = (value: unknown): string | null =>
    typeof value === "string" && value.trim() !== "" ? value.trim() : null;

  const title = text(raw.title, keyLine("title"));
  const groupsRaw = Array.isArray(raw.groups) ? (raw.groups as Raw[]) : [];
  if (groupsRaw.length === 0) at(setIdLine, "error-question-set-no-groups");

  const seen = new Set<string>();
  const numbers = new Set<number>();
  const groups: QuestionGroup[] = groupsRaw.map((g) => {
    const gLine = idLine(String(g.id ?? "").trim());
    const gid = checkId(g.id, gLine);
    if (seen.has(gid)) at(gLine, "error-question-set-duplicate-id", { id: gid });
    seen.add(gid);
    const gtitle = text(g.title, gLine);
    const questionsRaw = Array.isArray(g.questions) ? (g.questions as Raw[]) : [];
    if (questionsRaw.length === 0) at(gLine, "error-question-set-empty-group", { id: gid });
    const questions: Question[] = questionsRaw.map((q) => {
      const qLine = idLine(String(q.id ?? "").trim());
      const qid = checkId(q.id, qLine);
      if (seen.has(qid)) at(qLine, "error-question-set-duplicate-id", { id: qid });
      seen.add(qid);
      const left = optText(q.extreme_left, qLine);
      const right = optText(q.extreme_right, qLine);
      if (kind === "continuum") {
        if (!left) at(qLine, "error-question-set-missing-extreme", { id: qid, extreme: "extreme_left" });
        if (!right) at(qLine, "error-question-set-missing-extreme", { id: qid, extreme: "extreme_right" });
      } else if (left || right) {
        at(qLine, "error-question-set-extreme-not-continuum", { id: qid });
      }
      let number: number | null = null;
      if (kind === "phases") {
        const n = q.number;
        if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || numbers.has(n)) {
          at(qLine, "error-question-set-phase-number", { id: qid });
        }
        numbers.add(n as number);
        number = n as number;
      } else if (q.number !== undefined) {
        at(qLine, "error-question-set-number-not-phase", { id: qid });
      }
      return {
        id: qid,
        text: text(q.text, qLine),
        subtitle: optText(q.subtitle, qLine),
        extreme_left: left,
        extreme_right: right,
        examples: Array.isArray(q.examples) ? q.examples.map((e) => text(e, qLine)) : [],
        number,
        description: optText(q.description, qLine),
        example: optText(q.example, qLine),
      };
    });
    return { id: gid, title: gtitle, intro: optText(g.intro, gLine), questions };
  });

  return {
    schema: 1,
    id,
    version: version as number,
    kind,
    title,
    help: optText(raw.help, keyLine("help")),
    source: optString(raw.source),
    source_file: optString(raw.source_file),
    prompt: optText(raw.prompt, keyLine("prompt")),
    intro: optText(raw.intro, keyLine("intro")),
    example: optText(raw.example, keyLine("example")),
    groups,
  };
}

/**
 * Stands in for the shell's native open dialog: a file input the user (or a browser test,
 * through Playwright's file chooser) picks a `.toml` file with. Null when cancelled.
 */
export function pickTextFile(): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".toml";
    input.hidden = true;
    const done = (value: string | null) => {
      input.remove();
      resolve(value);
    };
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (!file) done(null);
      else void file.text().then(done, () => done(null));
    });
    input.addEventListener("cancel", () => done(null));
    document.body.append(input);
    input.click();
  });
}
