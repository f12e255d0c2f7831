// Debian's Chromium driven by playwright-core, for the report tests: pages open from disk with every
// network request blocked and recorded; console errors, page errors and dialogs are collected.
// Never a downloaded browser: a missing /usr/bin/chromium is a failure that says how to install it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { chromium, type BrowserContext, type Page } from "playwright-core";

// Page code runs in the browser; lib/tsconfig has no DOM types, so the few globals it uses are declared loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Start Chromium with a fresh profile; throws, saying how to install it, when /usr/bin/chromium is missing. */
export async function launchChromium(): Promise<Chromium> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's package: apt-get install chromium ` +
      "(the CI script .ci/run installs it). These tests never download a browser.");
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "talkingpoints-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, acceptDownloads: true, viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Every non-file: URL the page tried to fetch (each was blocked). */
  requests: string[];
  /** Ids of .tp-plot divs that had not drawn their SVG 20 s after load. */
  undrawn: string[];
}

/** Open a file with every non-file: request blocked, then wait until each chart has drawn its SVG. */
export async function openFile(context: BrowserContext, file: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const o: OpenedPage = { page, consoleErrors: [], pageErrors: [], dialogs: [], requests: [], undrawn: [] };
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    o.requests.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("console", (m) => { if (m.type() === "error") o.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => o.pageErrors.push(e.message));
  page.on("dialog", (d) => { o.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss().catch(() => {}); });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const allDrawn = () => Array.from(document.querySelectorAll(".tp-plot")).every((d: any) => d.querySelector(".main-svg"));
  await page.waitForFunction(allDrawn, undefined, { timeout: 20_000 }).catch(() => {});
  o.undrawn = await page.evaluate(() => Array.from(document.querySelectorAll(".tp-plot")).filter((d: any) => !d.querySelector(".main-svg")).map((d: any) => d.id));
  return o;
}

/** The ids of the page's charts, in page order. */
export function plotIds(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll(".tp-plot")).map((d: any) => d.id as string));
}

async function hoverAt(page: Page, x: number, y: number): Promise<string | null> {
  await page.mouse.move(x, y);
  try {
    await page.waitForSelector(".hoverlayer .hovertext", { timeout: 400 });
  } catch {
    return null;
  }
  return page.evaluate(() => Array.from(document.querySelectorAll(".hoverlayer .hovertext")).map((e: any) => e.textContent).join("\n"));
}

/**
 * Move the mouse over a chart's drawn points (scatter markers and bars are `.point`, pie slices `.slice`) and
 * return the tooltip text of each, up to `max`. Charts without such elements (lines, heatmaps) are swept
 * across their plot area until a tooltip shows. Returns [] when no tooltip ever appears.
 */
export async function hoverTexts(page: Page, plotId: string, max = 1): Promise<string[]> {
  const plot = page.locator(`[id="${plotId}"]`);
  await plot.scrollIntoViewIfNeeded();
  const texts: string[] = [];
  const points = plot.locator(".point, .slice");
  const n = Math.min(await points.count(), max);
  for (let i = 0; i < n; i++) {
    await points.nth(i).scrollIntoViewIfNeeded();
    const box = await points.nth(i).boundingBox();
    if (!box) continue;
    const t = await hoverAt(page, box.x + box.width / 2, box.y + box.height / 2);
    if (t !== null) texts.push(t);
    await page.mouse.move(0, 0);
  }
  if (texts.length > 0) return texts;
  const area = await plot.locator(".nsewdrag").first().boundingBox();
  if (!area) return texts;
  for (const fy of [0.5, 0.25, 0.75, 0.9, 0.1]) {
    for (let fx = 0.05; fx < 1; fx += 0.1) {
      const t = await hoverAt(page, area.x + area.width * fx, area.y + area.height * fy);
      if (t !== null) return [t];
    }
  }
  return texts;
}

/** One code cell of a rendered report: its source, its charts (and how many drew an SVG) and its notes. */
export interface CellView { code: string; charts: number; drawn: number; notes: string[] }

/** Each code cell of a rendered report, in order. */
export function reportCells(page: Page): Promise<CellView[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll(".code_cell")).map((c: any) => ({
    code: String(c.querySelector(".input_area")?.textContent ?? ""),
    charts: c.querySelectorAll(".output .tp-plot").length,
    drawn: Array.from(c.querySelectorAll(".output .tp-plot")).filter((p: any) => p.querySelector(".main-svg")).length,
    notes: Array.from(c.querySelectorAll(".output .tp-note")).map((n: any) => String(n.textContent)),
  })));
}

export interface CsvCheck {
  file: string;
  /** The row count the link announces ("(5 rows)"). */
  announced: number;
  /** Header and rows decoded from the downloaded file. */
  csv: string[][];
  /** Header and shown rows of the table beside the link, as text. */
  table: string[][];
  startsWithBom: boolean;
}

/** Click every CSV link on the page, decode each download, and pair it with the table it belongs to. */
export async function downloadCsvs(page: Page): Promise<CsvCheck[]> {
  const links = page.locator(".tp-csv a");
  const out: CsvCheck[] = [];
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    await link.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const bytes = fs.readFileSync(await download.path());
    const table = await link.evaluate((a: any) => {
      const t = a.closest(".tp-table").querySelector("table");
      return Array.from(t.querySelectorAll("tr")).map((tr: any) => Array.from(tr.querySelectorAll("th,td")).map((c: any) => c.textContent as string));
    });
    const label = await link.evaluate((a: any) => a.parentElement.textContent as string);
    out.push({
      file: download.suggestedFilename(),
      announced: Number(/\((\d+) rows\)/.exec(label)?.[1] ?? NaN),
      csv: parse(bytes.toString("utf8"), { bom: true, relax_column_count: false }) as string[][],
      table,
      startsWithBom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    });
  }
  return out;
}

/** A CSV cell as the table shows it: the CSV guards spreadsheet formulas (=, +, -, @) with a leading quote. */
export function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Every <script> element's first characters, for checking that only the kit's own scripts exist. */
export function scriptHeads(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll("script")).map((s: any) => `${s.type}|${s.src}|${String(s.textContent).trimStart().slice(0, 40)}`));
}

