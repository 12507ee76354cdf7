// First: marks when the bundle's modules begin to run (its download and parse are done).
import "./lib/launch-mark";
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { applyDocumentLang } from "./lib/i18n.svelte";
import { applyTheme } from "./lib/theme.svelte";
import { loadRules } from "./lib/api";
import { router } from "./lib/router.svelte";
import { boot } from "./lib/startup";

async function start(): Promise<void> {
  // The launch's steps as User Timing marks (issue 20): `make bench` reads them from the page
  // to show where the time from window to first data goes.
  performance.mark("pejling:script");
  if (import.meta.env.MODE === "testhost") {
    // Browser tests and browser-only development: the commands go over HTTP to the test host,
    // which runs the real core. A dynamic import inside a branch Vite drops in other modes, so
    // it never reaches the app's bundle.
    const { installHttpTransport } = await import("./lib/transport");
    installHttpTransport();
  }
  // The room's screen needs the rules alone; the main window has its first data in place.
  if (router.route.name === "room") await loadRules();
  else await boot();
  performance.mark("pejling:rules");
  applyDocumentLang();
  applyTheme();
  const target = document.getElementById("app")!;
  target.replaceChildren(); // the launch shell of index.html
  mount(App, { target });
  performance.mark("pejling:mounted");
}

void start();
