// The room's screen (the projector window) may read what the room may see and nothing else:
// its capability grants the one command `room_view`, its view calls nothing else, and the
// chair's window has no right to make windows (the shell's `open_room_window` makes it).
// No browser needed: this reads the capability files and the sources.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { UI_DIR } from "./helpers.mjs";

const CAPS = join(UI_DIR, "..", "src-tauri", "capabilities");
const json = async (name) => JSON.parse(await readFile(join(CAPS, name), "utf8"));

test("the room window's capability grants room_view and the UI rules alone", async () => {
  const room = await json("room.json");
  assert.deepEqual(room.windows, ["room"]);
  // The room's screen reads what may be projected, and the read-only rules every window
  // loads at start (enum lists, status moves); nothing that reads or writes the workspace.
  assert.deepEqual(room.permissions, ["allow-ui-rules", "allow-room-view"]);
  const main = await json("main.json");
  assert.ok(!main.windows.includes("room"), "the main capability must not cover the room window");
  assert.ok(!main.permissions.includes("allow-room-view"), "the chair's window does not read the room view");
});

test("the chair's window cannot create windows or webviews itself", async () => {
  const main = await json("main.json");
  const ids = main.permissions.map((p) => (typeof p === "string" ? p : p.identifier));
  const creating = ids.filter((p) => /^core:(default|window|webview)/.test(p));
  assert.deepEqual(creating, []);
  assert.ok(ids.includes("allow-open-room-window"));
});

test("the room's view calls the room view and nothing else", async () => {
  const source = await readFile(join(UI_DIR, "src", "views", "RoomView.svelte"), "utf8");
  const calls = [...new Set([...source.matchAll(/\bapi\.(\w+)/g)].map((m) => m[1]))];
  assert.deepEqual(calls, ["roomView"]);
  assert.ok(!/invoke|commands\./.test(source), "no direct IPC in the room view");
  // The components it shows call no command at all.
  const chart = await readFile(join(UI_DIR, "src", "lib", "components", "ContinuumChart.svelte"), "utf8");
  assert.ok(!/\bapi\.|invoke|commands\./.test(chart), "the chart reads nothing itself");
});
