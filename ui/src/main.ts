import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { applyDocumentLang } from "./lib/i18n.svelte";
import { applyTheme } from "./lib/theme.svelte";
import { loadRules } from "./lib/api";

async function start(): Promise<void> {
  if (import.meta.env.MODE === "testhost") {
    // Browser tests and browser-only development: the commands go over HTTP to the test host,
    // which runs the real core. A dynamic import inside a branch Vite drops in other modes, so
    // it never reaches the app's bundle.
    const { installHttpTransport } = await import("./lib/transport");
    installHttpTransport();
  }
  await loadRules();
  applyDocumentLang();
  applyTheme();
  mount(App, { target: document.getElementById("app")! });
}

void start();
