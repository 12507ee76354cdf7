// What the shell around a view shows: breadcrumbs and the window title.

import { router } from "./router.svelte";
import { t } from "./i18n.svelte";

export type Crumb = { label: string; href?: string };

class PageState {
  crumbs = $state<Crumb[]>([]);
}

export const page = new PageState();

/**
 * Called by a view once its content is on screen: sets breadcrumbs and the window title, and
 * after a navigation moves focus to the view's h1 (which has tabindex="-1") — unless the user
 * has already put the focus on something in the new view while it loaded: a view is made anew
 * at each navigation, so focus inside <main> is the user's own, and is left where it is.
 */
export function viewReady(heading: HTMLElement | null | undefined, title: string, crumbs: Crumb[]): void {
  page.crumbs = crumbs;
  document.title = title ? t("window-title", { title }) : t("app-name");
  if (router.focusHeadingOnLoad && heading) {
    router.focusHeadingOnLoad = false;
    const main = heading.closest("main");
    const active = document.activeElement;
    if (main && active && active !== main && main.contains(active)) return;
    heading.focus();
  }
}
