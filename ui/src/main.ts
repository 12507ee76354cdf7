import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { applyDocumentLang } from "./lib/i18n.svelte";
import { applyTheme } from "./lib/theme.svelte";
import { loadRules } from "./lib/api";
import { router } from "./lib/router.svelte";
import { beginRecoveryCheck } from "./lib/startup";

async function start(): Promise<void> {
  if (import.meta.env.MODE === "testhost") {
    // Browser tests and browser-only development: the commands go over HTTP to the test host,
    // which runs the real core. A dynamic import inside a branch Vite drops in other modes, so
    // it never reaches the app's bundle.
    const { installHttpTransport } = await import("./lib/transport");
    installHttpTransport();
  }
  // The room's screen opens no workspace check; every other window starts it at once.
  if (router.route.name !== "room") beginRecoveryCheck();
  await loadRules();
  applyDocumentLang();
  applyTheme();
  mount(App, { target: document.getElementById("app")! });
}

void start();
