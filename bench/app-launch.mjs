// The app-launch part of `make bench` (issue 7): launch the release app on the benchmark
// archive RUNS times through tauri-driver (WebDriver), and measure per launch
//
// * window_mapped_ms: from the session request to the main window being mapped on the X
//   display (its MapNotify, seen by one `xev` on the root window) — the floor: the window
//   merely showing;
// * first_data_ms: from the session request to the committee list on screen: the page's own
//   User Timing mark "pejling:data", taken once the frame that drew the list is done
//   (HomeView.svelte), on the page's clock (performance.timeOrigin is wall-clock time);
//   first_data_polled_ms: the same seen by polling WebDriver for an `a.committee-link`, which
//   adds the driver's round trips (a few ms quiet, tens under load);
// * pss_kib / processes: the proportional set size of the app's process tree (the app and the
//   WebKit processes it starts), summed from /proc/PID/smaps_rollup once the list shows.
//
// The app's only help is its User Timing marks (script, eval, rules, mounted, asked, data),
// which also show where the time between window and data goes. With FLOOR_BIN (the example
// launch_floor: a Tauri window with a static list, same shell settings, no database), each
// launch of the app follows one of that, measured the same way: the least this machine's
// WebKit takes to a drawn list. Prints one JSON object on stdout. Env: APP_BIN (the release
// app), PEJLING_BENCH_DB (the archive copy), RUNS, FLOOR_BIN. Run under Xvfb (`make bench` does).
import { spawn, execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, existsSync } from "node:fs";
import { tmpdir, homedir } from "node:os";
import { join, basename } from "node:path";
import net from "node:net";

const APP_BIN = process.env.APP_BIN;
const DB = process.env.PEJLING_BENCH_DB;
const RUNS = Number(process.env.RUNS || 5);
// The launch floor (src-tauri/examples/launch_floor.rs): a Tauri window with a static list.
const FLOOR_BIN = process.env.FLOOR_BIN || null;
if (FLOOR_BIN && !existsSync(FLOOR_BIN)) throw new Error(`FLOOR_BIN is not there (got ${FLOOR_BIN})`);
if (!APP_BIN || !existsSync(APP_BIN)) throw new Error(`APP_BIN must be the release app (got ${APP_BIN})`);
if (!DB || !existsSync(DB)) throw new Error(`PEJLING_BENCH_DB must be the archive (got ${DB})`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForPort(port, ms = 20000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((res) => {
      const s = net.connect(port, "127.0.0.1", () => { s.end(); res(true); });
      s.on("error", () => res(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`the driver did not listen on ${port}`);
}

async function wd(port, method, path, body) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    // A launch that never comes up (see `failed_launches` below) must not hold the bench.
    signal: AbortSignal.timeout(60000),
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

// The window's map, as it happens: one X client (xev) watches the root window's children for
// MapNotify (Xvfb runs no window manager, so the app's top-level window is a child of the root),
// instead of polling with a new process every few milliseconds, which on a 2-CPU machine took
// CPU from the launch it measured. Each map event's time is taken when its line arrives; the
// window is then named by one xwininfo call.
const mapWaiters = new Set();
const xev = spawn("stdbuf", ["-oL", "xev", "-root", "-event", "substructure"], { stdio: ["ignore", "pipe", "ignore"] });
let xevBuf = "";
let mapAt = null;
xev.stdout.setEncoding("utf8");
xev.stdout.on("data", (chunk) => {
  const now = performance.now();
  xevBuf += chunk;
  let nl;
  while ((nl = xevBuf.indexOf("\n")) >= 0) {
    const line = xevBuf.slice(0, nl);
    xevBuf = xevBuf.slice(nl + 1);
    if (line.startsWith("MapNotify")) mapAt = now;
    const m = mapAt !== null && /window (0x[0-9a-f]+), override NO/.exec(line);
    if (m) {
      const at = mapAt;
      mapAt = null;
      execFile("xwininfo", ["-id", m[1]], (err, stdout) => {
        if (!err && stdout.includes('"Pejling"')) for (const w of mapWaiters) w(at);
      });
    } else if (mapAt !== null && /override YES/.test(line)) {
      mapAt = null;
    }
  }
});

function windowViewable() {
  return new Promise((res) => {
    execFile("xwininfo", ["-name", "Pejling"], (err, stdout) => res(!err && stdout.includes("IsViewable")));
  });
}

/** The pid of the app `bin` under `driverPid`, or null. */
function appPid(driverPid, bin = APP_BIN) {
  const table = processTable();
  return descendants(table, driverPid).find((pid) => {
    try {
      return basename(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]) === basename(bin);
    } catch {
      return false;
    }
  }) ?? null;
}

/** Close the app as a user does (the window's close button: WM_DELETE_WINDOW, see
 * bench/wm-delete.py), so the next launch follows a clean exit. True when it exited. */
async function quitApp(pid) {
  const ids = await new Promise((res) => {
    execFile("xdotool", ["search", "--name", "^Pejling$"], (err, stdout) => res(err ? [] : stdout.split(/\s+/).filter(Boolean)));
  });
  if (pid === null || ids.length === 0) return false;
  await new Promise((res) => execFile("python3", [join(import.meta.dirname, "wm-delete.py"), ...ids], () => res()));
  const until = performance.now() + 20000;
  while (performance.now() < until) {
    let state = null;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    } catch {
      return true; // gone
    }
    if (state === "Z" || state === "X") return true; // exited, not yet reaped by tauri-driver
    await sleep(20);
  }
  return false;
}

/** Parent pid of every process. */
function processTable() {
  const table = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      // pid (comm) state ppid …; comm may contain spaces, so split after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      table.set(Number(d), { ppid: Number(rest[1]), comm });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

function descendants(table, root) {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    for (const [pid, p] of table) if (p.ppid === out[i]) out.push(pid);
  }
  return out;
}

/** The app's process tree under `driverPid` and its summed PSS in KiB. */
function appMemory(driverPid, bin) {
  const app = appPid(driverPid, bin);
  if (app === null) return { pss_kib: null, processes: 0, names: [] };
  const table = processTable();
  const tree = descendants(table, app);
  let pss = 0;
  const by_process = {};
  for (const pid of tree) {
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
      if (m) {
        pss += Number(m[1]);
        const name = table.get(pid)?.comm ?? String(pid);
        by_process[name] = (by_process[name] ?? 0) + Number(m[1]);
      }
    } catch {
      // Gone.
    }
  }
  return { pss_kib: pss, processes: tree.length, names: tree.map((p) => table.get(p)?.comm), by_process };
}

const dataHome = mkdtempSync(join(tmpdir(), "pejling-bench-"));
const bin = existsSync(join(homedir(), ".cargo/bin/tauri-driver")) ? join(homedir(), ".cargo/bin/tauri-driver") : "tauri-driver";
const runs = [];
// Launches whose app never showed a window. While the window's map was watched by starting
// `xwininfo` every 5 ms, about one launch in five through the driver died in GTK's
// initialisation (and others stalled ~3 s before their window mapped); with one `xev` watching,
// none did in 60 launches. Such a launch is still counted and tried again, never timed.
const failed = [];
/** One launch of `appBin` through a tauri-driver (and its WebKitWebDriver) of its own: its
 * record, or an exception when it never came up. */
async function launch(appBin) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn(bin, ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, XDG_DATA_HOME: dataHome, PEJLING_DB: DB, PEJLING_LANG: "da" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForPort(port);
    await waitForPort(nativePort); // WebKitWebDriver, which tauri-driver forwards the session to
    while (await windowViewable()) await sleep(50); // the previous launch's window is gone
    const t0 = performance.now();
    const t0Epoch = Date.now();
    let mapped = null;
    const onMap = (at) => {
      if (mapped === null && at >= t0) mapped = at - t0;
    };
    mapWaiters.add(onMap);
    const session = await wd(port, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application: appBin } } },
    });
    const sid = session.sessionId;
    const sessionMs = performance.now() - t0;
    let firstData = null;
    const deadline = performance.now() + 120000;
    // Polled every 25 ms, not in a tight loop: each poll is a round trip into the web process,
    // which would take CPU from the page being measured (its own mark is the measurement).
    while (performance.now() < deadline) {
      const found = await wd(port, "POST", `/session/${sid}/elements`, { using: "css selector", value: "a.committee-link" });
      if (found.length > 0) {
        firstData = performance.now() - t0;
        break;
      }
      await sleep(25);
    }
    // Where the time went, from the page's own clock: when its navigation began (the web
    // process is up), when its script had run (DOMContentLoaded), and the first data.
    // The page marks the frame that drew the list just after it; wait for that mark.
    const readPage = () => wd(port, "POST", `/session/${sid}/execute/sync`, {
      script: "const n = performance.getEntriesByType('navigation')[0]; const marks = {}; for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('pejling:')) marks[m.name.slice(8)] = m.startTime; for (const p of performance.getEntriesByType('paint')) marks[p.name] = p.startTime; if (n && n.loadEventEnd > 0) marks.load = n.loadEventEnd; return { origin: performance.timeOrigin, dcl: n ? n.domContentLoadedEventEnd : null, marks, now: performance.now() };",
      args: [],
    }).catch(() => null);
    let page = await readPage();
    for (let k = 0; k < 100 && page && page.marks?.data === undefined; k++) {
      await sleep(20);
      page = await readPage();
    }
    const pageTimes = page
      ? {
          page_start_ms: page.origin - t0Epoch,
          page_script_done_ms: page.dcl === null ? null : page.origin - t0Epoch + page.dcl,
          // The UI's own User Timing marks (ui/src/main.ts, App.svelte, HomeView.svelte), on
          // the same clock as the others: eval, script, rules, mounted, asked, data; and the
          // browser's first-paint / first-contentful-paint.
          page_marks_ms: Object.fromEntries(Object.entries(page.marks ?? {}).map(([k, v]) => [k, page.origin - t0Epoch + v])),
        }
      : {};
    // The window is mapped before anything is drawn in it; wait for the watcher's answer.
    const until = performance.now() + 5000;
    while (mapped === null && performance.now() < until) await sleep(2);
    mapWaiters.delete(onMap);
    await sleep(300); // let the webview settle before memory is read
    const mem = appMemory(driver.pid, appBin);
    const quit_cleanly = await quitApp(appPid(driver.pid, appBin));
    // First data: the page's own clock for the frame that drew the list (its "data" mark),
    // the same instant without the driver's polling round trips; as polled, when no mark.
    const marked = pageTimes.page_marks_ms?.data;
    const record = {
      window_mapped_ms: mapped,
      first_data_ms: marked ?? firstData,
      first_data_polled_ms: firstData,
      session_ms: sessionMs,
      ...pageTimes,
      quit_cleanly,
      ...mem,
    };
    // The app has exited (or is ended here, when it did not quit).
    await wd(port, "DELETE", `/session/${sid}`).catch(() => {});
    await sleep(500);
    return record;
  } finally {
    await new Promise((res) => { driver.once("exit", res); driver.kill(); });
  }
}
// Launch by launch: the floor app (when given) and then Pejling, each tried again when it did
// not come up.
const floorRuns = [];
const floorFailed = [];
for (let i = 0; i < RUNS && failed.length + floorFailed.length < RUNS; i++) {
  if (FLOOR_BIN) {
    try {
      floorRuns.push(await launch(FLOOR_BIN));
    } catch (e) {
      floorFailed.push(String(e.message ?? e));
      i--;
      continue;
    }
  }
  try {
    runs.push(await launch(APP_BIN));
  } catch (e) {
    failed.push(String(e.message ?? e));
    if (FLOOR_BIN) floorRuns.pop();
    i--;
  }
}
xev.kill();
process.stdout.write(JSON.stringify({ runs, failed_launches: failed, floor_runs: floorRuns, floor_failed_launches: floorFailed }) + "\n");
