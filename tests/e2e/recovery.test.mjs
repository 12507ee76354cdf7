// Damaged databases and one app per database, in the real app (WebKitGTK, real IPC, real
// SQLite). A demo workspace is made with the CLI and backed up; then the database file is
// cut short, overwritten with random bytes, or marked as written by a newer Pejling, and the
// app is started on it each time: it must show the recovery screen with the newest good
// backup, and restoring must bring the workspace back while the damaged file is kept aside
// byte for byte. Then, with the app running, a second launch on the same database must hand
// over and exit, while a launch on another database runs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { APP_BIN, startDriver, launchApp, until } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const COMMITTEE = "Opgaveudvalget for digitalisering og teknologi";

function cli(...args) {
  const bin = process.env.PEJLING_CLI;
  assert.ok(bin && existsSync(bin), `PEJLING_CLI must point at the built pejling CLI (got ${bin})`);
  return execFileSync(bin, ["--db", driver.dbPath, ...args], { encoding: "utf8", env: { ...process.env, PEJLING_LANG: "da" } });
}

/** Files next to the database that hold a damaged copy kept aside. */
function keptAside() {
  const dir = dirname(driver.dbPath);
  const name = basename(driver.dbPath);
  return readdirSync(dir).filter((f) => f.startsWith(`${name}.damaged-`) && !f.endsWith("-wal") && !f.endsWith("-shm"));
}

/** Ways to damage a database file (the app has closed it, so it is one file without WAL). */
const DAMAGE = {
  truncated: (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)),
  "random bytes": (bytes) => {
    const out = Buffer.alloc(bytes.length);
    let x = 0x9e3779b9;
    for (let i = 0; i < out.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = x & 0xff;
    }
    return out;
  },
  "a newer version": (bytes) => {
    const out = Buffer.from(bytes);
    out.writeUInt32BE(999, 60); // PRAGMA user_version lives at offset 60 of the header
    return out;
  },
};

const EXPECTED_REASON = {
  truncated: /ikke en Pejling-database, der kan åbnes: den er beskadiget/,
  "random bytes": /ikke en Pejling-database: den er slet ikke en database/,
  "a newer version": /nyere version af Pejling \(skemaversion 999\)/,
};

async function bodyText(browser) {
  return browser.execute(() => document.body.innerText);
}

test("a damaged database at start: the recovery screen restores the newest good backup and keeps the damaged file", async () => {
  cli("demo");
  cli("backup");
  const start = Date.now();
  let asideBefore = 0;
  for (const [how, damage] of Object.entries(DAMAGE)) {
    const good = readFileSync(driver.dbPath);
    const damaged = damage(good);
    writeFileSync(driver.dbPath, damaged);

    const browser = await launchApp(driver.port);
    try {
      await until(
        browser,
        async () => (await bodyText(browser)).includes("Arbejdsområdet kunne ikke åbnes"),
        `the recovery screen (${how})`,
        20000,
      );
      const reason = await browser.execute(() => document.querySelector("[data-testid=recovery-reason]")?.textContent ?? "");
      assert.match(reason, EXPECTED_REASON[how], how);
      const newest = await browser.execute(() => document.querySelector("[data-testid=recovery-newest]")?.textContent ?? "");
      assert.match(newest, /Den nyeste sikkerhedskopi, der kan åbnes, er fra/, how);

      // By keyboard: focus the offer and press Enter.
      const focused = await browser.execute(() => {
        const b = [...document.querySelectorAll("button")].find((e) => e.textContent.trim() === "Gendan den nyeste sikkerhedskopi");
        b?.focus();
        return document.activeElement === b;
      });
      assert.ok(focused, "the restore button takes focus");
      await browser.keys("Enter");
      await until(
        browser,
        async () => (await bodyText(browser)).includes(COMMITTEE),
        `the restored workspace (${how})`,
        20000,
      );
    } finally {
      await browser.deleteSession();
    }

    const aside = keptAside();
    assert.equal(aside.length, asideBefore + 1, `${how}: the damaged file is kept aside`);
    asideBefore = aside.length;
    const newestAside = aside.sort().at(-1);
    const kept = readFileSync(join(dirname(driver.dbPath), newestAside));
    assert.ok(kept.equals(damaged), `${how}: kept byte for byte`);
    // The restored database opens in the CLI too.
    assert.match(cli("committees"), new RegExp(COMMITTEE));
    // Set-aside names carry the second; two damages within one second would share a name.
    await new Promise((r) => setTimeout(r, 1100));
  }
  console.log(`e2e recovery: ${Object.keys(DAMAGE).length} damaged starts recovered, ${((Date.now() - start) / 1000).toFixed(1)} s`);
});

function waitExit(child, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

test("one app per database: a second launch on the same database hands over and exits; another database runs", async (t) => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    t.skip("no D-Bus session bus (run under dbus-run-session, as `make test-e2e` does)");
    return;
  }
  const browser = await launchApp(driver.port);
  try {
    await until(browser, async () => (await bodyText(browser)).includes(COMMITTEE), "the first window", 20000);
    const env = { ...process.env, PEJLING_DB: driver.dbPath, XDG_DATA_HOME: driver.dataHome };
    const second = spawn(APP_BIN, [], { env, stdio: "ignore" });
    const code = await waitExit(second, 15000);
    if (code === null) second.kill("SIGKILL");
    assert.equal(code, 0, "the second launch on the same database exits after handing over");

    // The first window still works.
    assert.ok((await bodyText(browser)).includes(COMMITTEE));

    const otherHome = mkdtempSync(join(tmpdir(), "pejling-e2e-other-"));
    const other = spawn(APP_BIN, ["--db", join(otherHome, "andet.sqlite3")], { env: { ...env, XDG_DATA_HOME: otherHome }, stdio: "ignore" });
    const otherCode = await waitExit(other, 5000);
    assert.equal(otherCode, null, "a launch on another database keeps running");
    other.kill("SIGTERM");
    await waitExit(other, 5000);
  } finally {
    await browser.deleteSession();
  }
});
