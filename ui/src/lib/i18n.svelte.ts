// Fluent catalogues for the UI, shared with the Rust side in assets/i18n/<lang>/ui.ftl.
// Danish is the primary language; English is complete (a test compares the key sets).

import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import daSource from "../../../assets/i18n/da/ui.ftl?raw";
import enSource from "../../../assets/i18n/en/ui.ftl?raw";
// The core's catalogue: its errors carry a key from here, so they can be shown in the UI's
// language. Kept in separate bundles, as some keys exist in both catalogues.
import daCoreSource from "../../../assets/i18n/da/core.ftl?raw";
import enCoreSource from "../../../assets/i18n/en/core.ftl?raw";

export type Lang = "da" | "en";
export const LANGS: readonly Lang[] = ["da", "en"];

const STORAGE_KEY = "pejling.lang";

function buildBundle(lang: Lang, source: string): FluentBundle {
  // No Unicode isolation marks: all text is left-to-right and the marks would end up in
  // copied text and in test assertions.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(source));
  for (const error of errors) console.error(`Fluent (${lang}):`, error);
  return bundle;
}

/** A language's catalogue is parsed the first time it is used: at start only the one shown
 * (issue 20: launch to first data). */
function lazyBundles(sources: Record<Lang, string>): Record<Lang, FluentBundle> {
  const built: Partial<Record<Lang, FluentBundle>> = {};
  const get = (lang: Lang) => (built[lang] ??= buildBundle(lang, sources[lang]));
  return {
    get da() {
      return get("da");
    },
    get en() {
      return get("en");
    },
  };
}

const bundles = lazyBundles({ da: daSource, en: enSource });
const coreBundles = lazyBundles({ da: daCoreSource, en: enCoreSource });

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === "da" || value === "en") return value;
  } catch {
    // Storage may be unavailable; Danish it is.
  }
  return "da";
}

class I18nState {
  lang = $state<Lang>(storedLang());
}

/** The current language. Read `i18n.lang` in templates and effects to react to changes. */
export const i18n = new I18nState();

export function setLang(lang: Lang): void {
  i18n.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered then; the choice still holds for this session.
  }
  applyDocumentLang();
}

/** Sets `<html lang>` to the current language. */
export function applyDocumentLang(): void {
  document.documentElement.lang = i18n.lang;
}

export type Args = Record<string, FluentVariable>;

/** The message `id` in the current language (Danish if English lacks it; the id if both do). */
export function t(id: string, args?: Args): string {
  let bundle = bundles[i18n.lang];
  let message = bundle.getMessage(id);
  if (!message?.value) {
    bundle = bundles.da;
    message = bundle.getMessage(id);
  }
  if (!message?.value) {
    console.error(`ui.ftl: no message "${id}"`);
    return id;
  }
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  for (const error of errors) console.error(`ui.ftl "${id}":`, error);
  return text;
}

/**
 * A message of the core's catalogue in `lang` (default: the current language), or null when
 * that catalogue lacks it.
 */
export function coreMessage(id: string, args?: Args, lang: Lang = i18n.lang): string | null {
  const bundle = coreBundles[lang];
  const message = bundle.getMessage(id);
  if (!message?.value) return null;
  return bundle.formatPattern(message.value, args, []);
}

/** True when the catalogue of the current language has `id`. */
export function has(id: string): boolean {
  return bundles[i18n.lang].hasMessage(id);
}
