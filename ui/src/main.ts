import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { applyDocumentLang } from "./lib/i18n.svelte";
import { applyTheme } from "./lib/theme.svelte";

async function start(): Promise<void> {
  if (import.meta.env.MODE === "mock") {
    // Browser-only development and tests: an in-memory core instead of Tauri. A dynamic
    // import inside a branch Vite drops in other modes, so it never reaches the real bundle.
    const { installMockBackend } = await import("./lib/mock-backend");
    installMockBackend();
  }
  applyDocumentLang();
  applyTheme();
  mount(App, { target: document.getElementById("app")! });
}

void start();
