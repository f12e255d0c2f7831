// The reports at archive size (issue 14, acceptance): every notebook rendered on the 2,225 articles of the BBC News
// corpus (../shared/bench, written dated by its make-corpus.mjs), each report a single file of at most 3 MB that
// opens in Chromium with every chart drawn (or a note saying why not), no error output and no network, and tables
// that show a bounded slice with the full table beside the report. Skipped, with a message, where ../shared is absent.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openFile, reportCells, type Chromium } from "./chromium.js";
import { notebookNames, renderReports, reportFile, ROOT, tempDir, withoutBundle } from "./reports.js";

const shared = [path.resolve(ROOT, "../shared"), ...(process.env.SHARED_DIR ? [path.resolve(process.env.SHARED_DIR)] : [])]
  .find((d) => fs.existsSync(path.join(d, "bench", "make-corpus.mjs")) && fs.existsSync(path.join(d, "bench", "bbc")));
if (!shared) console.log("report-archive: ../shared/bench is absent, so the 2,225-article render is not tested here");

const MAX_BYTES = 3 * 1024 * 1024;
let tmp: string;
let out: string;
let run: { code: number; log: string };
let browser: Chromium;

describe.skipIf(!shared)("the reports on 2,225 BBC articles", () => {
  beforeAll(async () => {
    tmp = tempDir("archive");
    const data = path.join(tmp, "bbc");
    execFileSync(process.execPath, [path.join(shared!, "bench", "make-corpus.mjs"), data, "1"], { stdio: "ignore" });
    out = path.join(tmp, "reports");
    run = await renderReports([data, "--out", out]);
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("renders every notebook without error output, each report a single file of at most 3 MB", () => {
    expect(run.code, run.log).toBe(0);
    // The analysis is computed, or reused when this machine has analysed the same 2,225 files before.
    expect(run.log).toMatch(/analysing 2,225 files|reusing analysis [0-9a-f]{20}/);
    for (const nb of notebookNames()) {
      const file = reportFile(out, nb);
      expect(fs.statSync(file).size, `${nb} weighs more than 3 MB`).toBeLessThanOrEqual(MAX_BYTES);
      const own = withoutBundle(fs.readFileSync(file, "utf8"));
      for (const bad of ["output_stderr", "output_error", "Traceback (most recent call last)", "&lt;Error&gt;"]) expect(own, `${nb}: ${bad}`).not.toContain(bad);
    }
  });

  it("shows the first rows of a long table with the full count, and the full table beside the report", () => {
    const html = fs.readFileSync(reportFile(out, "03-figures.ipynb"), "utf8");
    const m = /showing 300 of ([\d,]+) rows — full table: <a href="(tables\/[^"]+\.csv)"/.exec(html);
    expect(m, "a capped figures table").not.toBeNull();
    const full = (parse(fs.readFileSync(path.join(out, m![2]), "utf8"), { columns: true, bom: true }) as unknown[]).length;
    expect(full).toBe(Number(m![1].replace(/,/g, "")));
    expect(full).toBeGreaterThan(300);
  });

  it.each(notebookNames())("%s opens offline with every chart drawn or a note, and no errors", async (nb) => {
    const o = await openFile(browser.context, reportFile(out, nb));
    expect(o.requests, "network requests").toEqual([]);
    expect(o.consoleErrors, "console errors").toEqual([]);
    expect(o.pageErrors, "page errors").toEqual([]);
    expect(o.undrawn, "charts that did not draw").toEqual([]);
    for (const c of await reportCells(o.page)) {
      if (!/\bshow\.plot\(/.test(c.code)) continue;
      expect(c.charts + c.notes.length, `no chart and no note for: ${c.code}`).toBeGreaterThan(0);
      expect(c.drawn, `charts not drawn in: ${c.code}`).toBe(c.charts);
    }
    await o.page.close();
  }, 120_000);
});
