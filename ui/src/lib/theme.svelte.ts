// The display theme: the normal calm look, or high contrast (issue 9: committees include
// people with low vision; a projector washes out soft greys). The choice is remembered on
// this machine; without a choice the operating system's "more contrast" or forced-colours
// preference decides.

export type Theme = "standard" | "high-contrast";

const STORAGE_KEY = "pejling.theme";

function systemPrefersContrast(): boolean {
  try {
    return (
      window.matchMedia("(prefers-contrast: more)").matches || window.matchMedia("(forced-colors: active)").matches
    );
  } catch {
    return false;
  }
}

function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === "standard" || value === "high-contrast") return value;
  } catch {
    // Storage may be unavailable; follow the system then.
  }
  return systemPrefersContrast() ? "high-contrast" : "standard";
}

class ThemeState {
  theme = $state<Theme>(storedTheme());
}

/** The current theme. Read `theme.theme` in templates and effects to react to changes. */
export const theme = new ThemeState();

export function setTheme(value: Theme): void {
  theme.theme = value;
  try {
    localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Not remembered then; the choice still holds for this session.
  }
  applyTheme();
}

/** Sets `<html data-theme>` so the stylesheet's high-contrast variables apply everywhere. */
export function applyTheme(): void {
  document.documentElement.dataset.theme = theme.theme;
}
