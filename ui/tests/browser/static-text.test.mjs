// Every user-visible string comes from the Fluent catalogues: no text in .svelte templates,
// no literal aria-label/placeholder/title/… values, and da and en have the same keys.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { UI_DIR } from "./helpers.mjs";

const REPO = join(UI_DIR, "..");
const SRC = join(UI_DIR, "src");

/** Text that may stand in a template as it is (symbols are not letters and pass anyway). */
const ALLOWED_TEXT = new Set([]);

/** Attributes and component props whose value a person sees or hears. */
const VISIBLE_ATTRIBUTES = [
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "placeholder",
  "title",
  "alt",
  "label",
  "legend",
  "hint",
  "description",
  "confirmLabel",
  "message",
];

async function svelteFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await svelteFiles(path)));
    else if (entry.name.endsWith(".svelte")) out.push(path);
  }
  return out;
}

/** Replaces every `{…}` (with nesting and string literals inside) by a NUL character. */
function blankExpressions(source) {
  let out = "";
  let depth = 0;
  let quote = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (depth === 0) {
      if (c === "{") {
        depth = 1;
        out += "\u0000";
      } else {
        out += c;
      }
      continue;
    }
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
  }
  return out;
}

/** The problems in one .svelte source: literal text nodes and visible attribute values. */
export function findHardCodedText(source) {
  const template = source
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const blanked = blankExpressions(template);
  const problems = [];

  const attr = new RegExp(`\\s(${VISIBLE_ATTRIBUTES.join("|")})\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>"']+))`, "g");
  for (const m of blanked.matchAll(attr)) {
    const value = (m[2] ?? m[3] ?? m[4] ?? "").replace(/\u0000/g, "");
    if (/\p{L}/u.test(value) && !ALLOWED_TEXT.has(value.trim())) problems.push(`${m[1]}="${value}"`);
  }

  const text = blanked.replace(/<[^>]*>/g, "\n").replace(/&[a-z]+;|&#\d+;/gi, " ");
  for (const chunk of text.split(/[\n\u0000]/)) {
    const trimmed = chunk.trim();
    if (trimmed && /\p{L}/u.test(trimmed) && !ALLOWED_TEXT.has(trimmed)) problems.push(`text "${trimmed}"`);
  }
  return problems;
}

function ftlKeys(source) {
  return new Set([...source.matchAll(/^([a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]));
}

test("the scanner itself catches hard-coded text and attributes", () => {
  assert.deepEqual(findHardCodedText('<script>const a = "<p>ok</p>";</script><p>{t("x")}</p>'), []);
  assert.deepEqual(findHardCodedText("<p>Hej verden</p>"), ['text "Hej verden"']);
  assert.deepEqual(findHardCodedText('<button aria-label="Luk">{t("x")}</button>'), ['aria-label="Luk"']);
  assert.deepEqual(findHardCodedText('<input placeholder="Søg" />'), ['placeholder="Søg"']);
  assert.deepEqual(findHardCodedText('<TextField label="Navn" />'), ['label="Navn"']);
  assert.deepEqual(findHardCodedText('<p class="x" id="y">{a ? "b" : `c${1}`} ⠿ · …</p>'), []);
  assert.deepEqual(findHardCodedText("{#if a}<b>{x}</b>{:else}<i>Ups</i>{/if}"), ['text "Ups"']);
});

test("no .svelte template holds hard-coded user-visible text", async () => {
  const problems = [];
  const files = await svelteFiles(SRC);
  assert.ok(files.length >= 10, `only ${files.length} .svelte files found`);
  for (const file of files) {
    for (const problem of findHardCodedText(await readFile(file, "utf8"))) {
      problems.push(`${relative(UI_DIR, file)}: ${problem}`);
    }
  }
  assert.deepEqual(problems, [], `hard-coded text found:\n${problems.join("\n")}`);
});

test("da and en ui.ftl have the same keys", async () => {
  const da = ftlKeys(await readFile(join(REPO, "assets/i18n/da/ui.ftl"), "utf8"));
  const en = ftlKeys(await readFile(join(REPO, "assets/i18n/en/ui.ftl"), "utf8"));
  assert.ok(da.size > 100, `only ${da.size} keys in da/ui.ftl`);
  assert.deepEqual([...da].filter((k) => !en.has(k)), [], "keys only in da/ui.ftl");
  assert.deepEqual([...en].filter((k) => !da.has(k)), [], "keys only in en/ui.ftl");
});

test("every literal t(\"key\") in the sources exists in ui.ftl", async () => {
  const keys = ftlKeys(await readFile(join(REPO, "assets/i18n/da/ui.ftl"), "utf8"));
  const files = [...(await svelteFiles(SRC))];
  for (const dir of ["lib", "views", ""]) {
    for (const entry of await readdir(join(SRC, dir), { withFileTypes: true })) {
      if (entry.isFile() && /\.ts$/.test(entry.name)) files.push(join(SRC, dir, entry.name));
    }
  }
  const missing = [];
  for (const file of files) {
    const source = await readFile(file, "utf8");
    for (const m of source.matchAll(/\bt\(\s*"([a-z0-9-]+)"/g)) {
      if (!keys.has(m[1])) missing.push(`${relative(UI_DIR, file)}: ${m[1]}`);
    }
    // Keys built from a prefix (`status-${s}`): at least one key must have the prefix.
    for (const m of source.matchAll(/\bt\(\s*`([a-z0-9-]+)\$\{/g)) {
      if (![...keys].some((k) => k.startsWith(m[1]))) missing.push(`${relative(UI_DIR, file)}: ${m[1]}…`);
    }
  }
  assert.deepEqual(missing, [], `keys used but not in da/ui.ftl:\n${missing.join("\n")}`);
});

test("every enum value has its label in both languages", async () => {
  const families = {
    "committee-kind-": ["standing", "task", "finance", "council", "other"],
    "role-": ["chair", "vice_chair", "member", "citizen_member", "secretary", "official"],
    "meeting-kind-": ["ordinary", "theme"],
    "status-": ["draft", "agenda_sent", "in_progress", "closed", "minutes_approved"],
    "openness-": ["open", "closed"],
    "openness-tag-": ["open", "closed"],
    "language-": ["da", "en"],
    "month-": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
    "weekday-": ["1", "2", "3", "4", "5", "6", "7"],
    "cycle-week-": ["1", "2", "3", "4", "5"],
    "cycle-rule-": ["weekday", "date"],
  };
  for (const lang of ["da", "en"]) {
    const keys = ftlKeys(await readFile(join(REPO, `assets/i18n/${lang}/ui.ftl`), "utf8"));
    for (const [prefix, values] of Object.entries(families)) {
      for (const value of values) assert.ok(keys.has(prefix + value), `${lang}/ui.ftl lacks ${prefix}${value}`);
    }
  }
});
