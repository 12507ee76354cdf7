// Shared setup for the end-to-end tests: the real Pejling binary in WebKitGTK, driven through
// tauri-driver (WebDriver). Each test run gets its own XDG_DATA_HOME and database, so it never
// touches a user's workspace. Run under Xvfb (`make test-e2e` does).
import { spawn } from "node:child_process";
import { mkdtempSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir, homedir } from "node:os";
import { join } from "node:path";
import net from "node:net";
import { remote } from "webdriverio";

export const APP_BIN = process.env.APP_BIN;
if (!APP_BIN || !existsSync(APP_BIN)) {
  throw new Error(`APP_BIN must point at the built pejling-app binary (got ${APP_BIN})`);
}

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
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the driver did not listen on ${port}`);
}

/** Start tauri-driver with a fresh data directory; returns {driver, dataHome, dbPath, stop}. */
export async function startDriver() {
  const dataHome = mkdtempSync(join(tmpdir(), "pejling-e2e-"));
  const dbPath = join(dataHome, "pejling", "pejling.sqlite3");
  const port = await freePort();
  const nativePort = await freePort();
  const bin = existsSync(join(homedir(), ".cargo/bin/tauri-driver")) ? join(homedir(), ".cargo/bin/tauri-driver") : "tauri-driver";
  const driver = spawn(bin, ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, XDG_DATA_HOME: dataHome, PEJLING_DB: dbPath, PEJLING_LANG: "da" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // tauri-driver listens at once, but forwards a session to WebKitWebDriver, which it starts
  // on the native port: a session asked for before that one listens is refused.
  await waitForPort(port);
  await waitForPort(nativePort);
  return {
    port,
    dataHome,
    dbPath,
    stop: async () => {
      await new Promise((res) => { driver.once("exit", res); driver.kill(); });
      killStrays(dataHome);
    },
  };
}

/** Kill every process still running with this run's XDG_DATA_HOME: an app whose WebDriver
 * session died with a failed test would otherwise outlive the run and hold the test
 * runner's output open, so a failure would hang CI instead of failing it. */
function killStrays(dataHome) {
  const mark = `XDG_DATA_HOME=${dataHome}`;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    if (Number(pid) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${pid}/environ`, "latin1").split("\0");
      if (env.includes(mark)) process.kill(Number(pid), "SIGKILL");
    } catch {
      // gone already, or not ours to read
    }
  }
}

/** Launch the app (a new process) and return a WebdriverIO browser bound to its window. */
export async function launchApp(port) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "error",
    connectionRetryCount: 0,
    capabilities: {
      "tauri:options": { application: APP_BIN },
      "wdio:enforceWebDriverClassic": true,
    },
  });
  browser.setTimeout({ implicit: 0 });
  return browser;
}

/** Wait until `fn` returns a truthy value. On a timeout the error carries what the window
 * showed, and a screenshot is written to $E2E_ARTIFACTS (default: the OS temp dir). */
export async function until(browser, fn, what, timeout = 10000) {
  try {
    await browser.waitUntil(fn, { timeout, interval: 100, timeoutMsg: `timed out waiting for ${what}` });
  } catch (e) {
    let shown = "";
    try {
      shown = await browser.execute(() => `${location.hash}\n${document.body.innerText.slice(0, 1500)}`);
      const dir = process.env.E2E_ARTIFACTS ?? tmpdir();
      const shot = join(dir, `pejling-e2e-${Date.now()}.png`);
      await browser.saveScreenshot(shot);
      shown += `\n(screenshot: ${shot})`;
    } catch {
      // the window is gone: the message alone must do
    }
    e.message += `\n--- the window showed ---\n${shown}`;
    throw e;
  }
}
