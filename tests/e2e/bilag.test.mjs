// Bilag in the real app (WebKitGTK, real IPC, the real blob store): a PDF dropped on an agenda
// item is attached and its text read; pdf.js draws its page inside the app's strict CSP (its
// worker bundled, nothing fetched elsewhere); a word only the bilag contains is found and the
// hit names the bilag and page; and the referat exported from the same database lists the
// item's bilag as seed 003 does.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDriver, launchApp, until } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const WORD = "Kvartersbudgettet";

/** A one-page PDF with a line of text in a standard font, with a correct cross-reference table. */
function onePagePdf(text) {
  const content = `BT /F1 24 Tf 72 700 Td (${text} Nordvest 2027) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1").toString("base64");
}

test("a dropped PDF is attached, drawn, searchable and listed in the referat", { timeout: 240000 }, async () => {
  const browser = await launchApp(driver.port);
  let meetingId;
  try {
    const text = (s) => browser.execute((sel) => document.querySelector(sel)?.textContent ?? null, s);
    await until(browser, async () => (await text("main h1"))?.trim() === "Velkommen til Pejling", "the welcome page");
    await browser.execute(() =>
      [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Opret demo-arbejdsområde").click(),
    );
    await until(browser, () => browser.execute(() => /^#\/committees\/\d+$/.test(location.hash)), "the demo committee", 30000);
    // The temamøde's case item (the committee view may still be loading its list).
    const temamoede = () =>
      browser.execute(() =>
        [...document.querySelectorAll("a")].find((a) => a.textContent.includes("Temamøde: Algoritmer"))?.getAttribute("href"),
      );
    await until(browser, async () => Boolean(await temamoede()), "the demo's temamøde is listed", 15000);
    const href = await temamoede();
    assert.ok(href, "the demo's temamøde is listed");
    meetingId = Number(/meetings\/(\d+)/.exec(href)[1]);
    await browser.execute((h) => (location.hash = h), href);
    // The agenda lists the items; the case item opens in its editor.
    const itemButton = () =>
      browser.execute(() =>
        [...document.querySelectorAll("button.item-select")].find((b) => b.textContent.includes("Algoritmer til forebyggelse")),
      );
    await until(browser, async () => Boolean(await itemButton()), "the case item on the agenda", 15000);
    await browser.execute((b) => b.click(), await itemButton());
    await until(browser, () => browser.execute(() => document.querySelectorAll("[data-testid=item-editor]").length > 0), "the item editor", 15000);
    await until(
      browser,
      () =>
        browser.execute(() =>
          [...document.querySelectorAll("[data-testid=item-bilag]")].some((s) => s.querySelectorAll("[data-testid=bilag-row]").length === 2),
        ),
      "the demo's two bilag",
    );

    // Drop a PDF on the case item's bilag list.
    await browser.execute(
      (base64, name) => {
        const zone = [...document.querySelectorAll("[data-testid=item-bilag]")].find((s) => s.querySelectorAll("[data-testid=bilag-row]").length === 2);
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: "application/pdf" }));
        zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      onePagePdf(WORD),
      "Budgetnotat Nordvest.pdf",
    );
    const third = () =>
      browser.execute(() => [...document.querySelectorAll("[data-testid=bilag-row]")].find((r) => r.textContent.includes("Bilag 3.")));
    await until(browser, async () => Boolean(await third()), "the dropped bilag as number 3", 20000);
    await until(
      browser,
      () =>
        browser.execute(() =>
          [...document.querySelectorAll("[data-testid=bilag-row]")]
            .find((r) => r.textContent.includes("Bilag 3."))
            ?.querySelector("[data-testid=bilag-text-state]")
            ?.textContent.includes("Teksten er søgbar"),
        ),
      "its text read for search",
      20000,
    );

    // pdf.js draws it inside the app.
    await browser.execute(() =>
      [...[...document.querySelectorAll("[data-testid=bilag-row]")].find((r) => r.textContent.includes("Bilag 3.")).querySelectorAll("button")]
        .find((b) => b.textContent.trim().startsWith("Vis"))
        .click(),
    );
    await until(
      browser,
      () => browser.execute(() => document.querySelector("[data-testid=bilag-viewer]")?.textContent.includes("Viser 1 af 1 sider")),
      "the page drawn",
      30000,
    );
    const dark = await browser.execute(() => {
      const c = document.querySelector("[data-testid=bilag-page]");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 3] > 0) n++;
      return n;
    });
    assert.ok(dark > 200, `the text is drawn (${dark} dark pixels)`);
    assert.equal(await browser.execute(() => document.querySelector("[data-testid=bilag-viewer] [role=alert]")), null);

    // A word only the bilag contains.
    await browser.execute((w) => (location.hash = `#/search?q=${w.toLowerCase()}`), WORD);
    await until(browser, () => browser.execute(() => document.querySelectorAll("li.result").length > 0), "a hit", 15000);
    const hit = await browser.execute(() => document.querySelector("li.result").textContent);
    assert.match(hit, /i bilag »Budgetnotat Nordvest«, side 1/);
  } finally {
    await browser.deleteSession();
  }

  // The referat, exported from the same database, lists the item's bilag.
  const cli = process.env.PEJLING_CLI;
  assert.ok(cli && existsSync(cli), `PEJLING_CLI must point at the built pejling CLI (got ${cli})`);
  const out = join(mkdtempSync(join(tmpdir(), "pejling-e2e-")), "referat.md");
  execFileSync(cli, ["--db", driver.dbPath, "export", String(meetingId), "--what", "referat", "--format", "md", "--out", out]);
  const md = readFileSync(out, "utf8");
  assert.match(md, /### Bilag\n\n1\\\. Notat: Faldforebyggelse med algoritmer \(2260114 - DEMO-2026-00412\)/);
  assert.match(md, /3\\\. Budgetnotat Nordvest/);
});
