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
 * after a navigation moves focus to the view's h1 (which has tabindex="-1").
 */
export function viewReady(heading: HTMLElement | null | undefined, title: string, crumbs: Crumb[]): void {
  page.crumbs = crumbs;
  document.title = title ? t("window-title", { title }) : t("app-name");
  if (router.focusHeadingOnLoad && heading) {
    router.focusHeadingOnLoad = false;
    heading.focus();
  }
}
