// The shell's security settings, read from the files (no browser needed): an explicit CSP
// that allows nothing remote, no global Tauri object, local content only, and capabilities
// that grant each window exactly the commands its UI calls — no more (an unused grant is a
// door nobody watches), no fewer (the call would fail in the app, though the test host allows it).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { UI_DIR } from "./helpers.mjs";

const ROOT = join(UI_DIR, "..");
const CAPS = join(ROOT, "src-tauri", "capabilities");
const conf = JSON.parse(await readFile(join(ROOT, "src-tauri", "tauri.conf.json"), "utf8"));

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

test("the CSP is explicit and allows nothing remote", () => {
  const csp = conf.app.security.csp;
  assert.equal(typeof csp, "object", "an explicit CSP, not null or a default");
  assert.equal(csp["default-src"], "'self'");
  assert.equal(csp["script-src"], "'self'", "no inline or eval'd scripts");
  assert.equal(csp["object-src"], "'none'");
  assert.equal(csp["base-uri"], "'none'");
  assert.equal(csp["frame-ancestors"], "'none'");
  for (const [directive, value] of Object.entries(csp)) {
    const remote = value
      .split(/\s+/)
      .filter((s) => /^(https?|wss?):/.test(s) && s !== "http://ipc.localhost");
    assert.deepEqual(remote, [], `${directive} allows a remote origin`);
    assert.ok(!/(^|\s)\*(\s|$)/.test(value), `${directive} allows everything`);
    assert.ok(!value.includes("'unsafe-eval'"), `${directive} allows eval`);
  }
});

test("no global Tauri object, local content only, no remote URLs in windows", () => {
  assert.equal(conf.app.withGlobalTauri, false);
  assert.ok(!/^https?:/.test(conf.build.frontendDist), "the UI is bundled, not loaded from a server");
  for (const w of conf.app.windows) {
    assert.ok(!w.url || !/^https?:/.test(w.url), `window ${w.label} loads ${w.url}`);
  }
  assert.ok(!conf.app.security.dangerousRemoteDomainIpcAccess, "no remote domain may call commands");
});

test("each window's capability grants exactly the commands its UI calls", async () => {
  const caps = await Promise.all((await readdir(CAPS)).filter((f) => f.endsWith(".json")).map(async (f) => JSON.parse(await readFile(join(CAPS, f), "utf8"))));
  const granted = new Map(); // command -> windows
  for (const cap of caps) {
    for (const p of cap.permissions) {
      const id = typeof p === "string" ? p : p.identifier;
      assert.ok(id.startsWith("allow-"), `${cap.identifier} grants ${id}: no plugin or core permission is needed by the webview`);
      const cmd = id.slice("allow-".length).replace(/-/g, "_");
      for (const w of cap.windows) granted.set(`${w}:${cmd}`, true);
    }
  }
  const sources = (await files(join(UI_DIR, "src"))).filter((f) => /\.(ts|svelte)$/.test(f) && !/bindings\.ts$|mock/.test(f));
  const text = (await Promise.all(sources.map((f) => readFile(f, "utf8")))).join("\n");
  // The UI calls the core through `api.<command>(…)` (api.ts unwraps tauri-specta's
  // `commands`, which only api.ts touches).
  const used = new Set([...text.matchAll(/\b(?:api|commands)\.([a-zA-Z]+)\(/g)].map((m) => m[1].replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  const grantedCommands = new Set([...granted.keys()].map((k) => k.split(":")[1]));
  assert.deepEqual([...used].filter((c) => !grantedCommands.has(c)).sort(), [], "called by the UI but granted to no window");
  assert.deepEqual([...grantedCommands].filter((c) => !used.has(c)).sort(), [], "granted but never called by the UI");
});
