// Bilag on the real core (test host): the demo's case item shows its two bilag with their text
// searchable; a PDF is drawn page by page by pdf.js (bundled worker, nothing fetched from
// elsewhere); a file is attached through the (scripted) file dialog and by dropping it on the
// list; a file whose content is not its extension gets the core's Danish message and nothing
// is attached; a title typed is saved without a button; moving and removing renumber; "Åbn i
// program" hands the file to the system; search finds a word only a bilag contains and names
// the bilag and page; axe in da and en.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  axe,
  core,
  describeViolations,
  hostWorkspace,
  launchBrowser,
  newPage,
  scriptDialogs,
  serveDist,
  waitSaved,
} from "./helpers.mjs";

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const DEMO = { da: "Opret demo-arbejdsområde", en: "Create demo workspace" };
// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

/** Creates the demo and opens its temamøde's case item; returns { meeting, item }. */
async function openCase(page, lang = "da") {
  await page.getByRole("button", { name: DEMO[lang] }).click();
  await page.waitForURL(/#\/committees\/\d+$/);
  const committeeId = Number(/committees\/(\d+)/.exec(page.url())[1]);
  const meeting = (await core(page, "get_committee", { id: committeeId })).meetings.find((m) =>
    m.title.startsWith("Temamøde: Algoritmer"),
  );
  const item = (await core(page, "get_meeting", { id: meeting.id })).items.find((i) =>
    i.title.startsWith("Algoritmer til forebyggelse"),
  );
  await page.goto(`${server.url}#/meetings/${meeting.id}/items/${item.id}`);
  const zone = page.getByTestId("item-bilag").filter({ has: page.getByTestId("bilag-row") });
  await zone.waitFor();
  return { meeting, item, zone };
}

describe("bilag", () => {
  test("the demo's bilag are listed, searchable, and a PDF is drawn page by page", async () => {
    const { page, context, errors } = await newPage(browser, server.url);
    const { zone } = await openCase(page);
    const rows = zone.getByTestId("bilag-row");
    await assert.doesNotReject(rows.first().waitFor());
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).innerText(), /Bilag 1\./);
    assert.equal(await rows.nth(0).getByLabel("Titel").inputValue(), "Notat: Faldforebyggelse med algoritmer");
    assert.equal(await rows.nth(0).getByLabel("Dokumentnummer").inputValue(), "2260114 - DEMO-2026-00412");
    assert.match(await rows.nth(0).getByTestId("bilag-text-state").innerText(), /Teksten er søgbar/);
    assert.match(await zone.innerText(), /højst 100 MB pr\. bilag/);

    await rows.nth(0).getByRole("button", { name: /^Vis/ }).click();
    const viewer = page.getByTestId("bilag-viewer");
    await viewer.waitFor();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=bilag-page]").length === 2, null, {
      timeout: 20000,
    });
    await assert.doesNotReject(viewer.getByText("Viser 2 af 2 sider").waitFor());
    // The page was drawn: the canvas is not blank.
    const inked = await page.evaluate(() => {
      const c = document.querySelector("[data-testid=bilag-page]");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128) dark++;
      return dark;
    });
    assert.ok(inked > 1000, `the first page has text drawn on it (${inked} dark pixels)`);
    const violations = await axe(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await viewer.getByRole("button", { name: "Luk visningen" }).click();

    // "Åbn i program": the core writes a copy and hands it to the system.
    await rows.nth(1).getByRole("button", { name: /^Åbn i program/ }).click();
    await page.waitForFunction(async () => (await (await fetch("/__test/opened")).json()).length === 1);
    const opened = await page.evaluate(async () => (await fetch("/__test/opened")).json());
    assert.match(opened[0], /praesentation-algoritmer-mod-fald\.pdf$/);

    // A word only the notat contains.
    await page.goto(`${server.url}#/search?q=hjemmeplejedistrikt`);
    const hit = page.locator("li.result").first();
    await hit.waitFor();
    assert.match(await hit.innerText(), /i bilag »Notat: Faldforebyggelse med algoritmer«, side 1/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("attach by dialog and by drop, refuse a file that is not what it says, rename, move and remove", async () => {
    const { page, context, errors } = await newPage(browser, server.url);
    const { item, zone } = await openCase(page);
    const { dir } = await hostWorkspace(page);
    const photo = join(dir, "Billede fra borgermødet.png");
    await writeFile(photo, PNG);
    await scriptDialogs(page, [{ pick: photo }]);
    await zone.getByRole("button", { name: /^Vedhæft fil/ }).click();
    const rows = zone.getByTestId("bilag-row");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=bilag-row]").length === 3);
    assert.equal(await rows.nth(2).getByLabel("Titel").inputValue(), "Billede fra borgermødet");
    assert.match(await rows.nth(2).innerText(), /PNG-billede/);

    // Dropped on the list: a PNG named .pdf is refused with the core's message.
    const drop = (name, base64) =>
      page.evaluate(
        ([name, base64]) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], name));
          const zone = [...document.querySelectorAll("[data-testid=item-bilag]")].find((z) =>
            z.querySelector("[data-testid=bilag-row]"),
          );
          zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
          zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        [name, base64],
      );
    await drop("budget.pdf", PNG.toString("base64"));
    const alert = zone.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /»budget\.pdf« hedder PDF, men indholdet er PNG/);
    assert.equal((await core(page, "list_attachments", { agendaItemId: item.id })).length, 3, "nothing attached");
    await drop("Kort over distriktet.png", PNG.toString("base64"));
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=bilag-row]").length === 4);

    // Renamed as typed, saved without a button.
    const title = rows.nth(3).getByLabel("Titel");
    await title.fill("Kort over hjemmeplejedistrikt Nord");
    await waitSaved(page);
    let list = await core(page, "list_attachments", { agendaItemId: item.id });
    assert.equal(list[3].title, "Kort over hjemmeplejedistrikt Nord");

    // Moved up by keyboard; removed after the confirmation.
    await rows.nth(3).getByRole("button", { name: /^Flyt op/ }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(async () => true);
    await page.getByText("»Kort over hjemmeplejedistrikt Nord« er nu bilag 3.").waitFor({ state: "attached" });
    list = await core(page, "list_attachments", { agendaItemId: item.id });
    assert.deepEqual(
      list.map((a) => [a.number, a.title]),
      [
        [1, "Notat: Faldforebyggelse med algoritmer"],
        [2, "Forvaltningens præsentation"],
        [3, "Kort over hjemmeplejedistrikt Nord"],
        [4, "Billede fra borgermødet"],
      ],
    );
    page.once("dialog", (d) => d.accept());
    await rows.nth(3).getByRole("button", { name: /^Fjern/ }).click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=bilag-row]").length === 3);
    const violations = await axe(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    assert.deepEqual(
      errors.filter((e) => !e.includes("400")),
      [],
    );
    await context.close();
  });

  test("the bilag section passes axe in English", async () => {
    const { page, context } = await newPage(browser, server.url, { lang: "en" });
    const { zone } = await openCase(page, "en");
    assert.match(await zone.innerText(), /Attachments/);
    const violations = await axe(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await context.close();
  });
});
