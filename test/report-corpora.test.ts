// Edge corpora (issue 6, point 8): an empty folder, one article, and several articles from one briefing.
// Every notebook must render on each, with a note where a chart has nothing to draw, and open cleanly in Chromium.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openFile, reportCells, type Chromium } from "./chromium.js";
import { notebookNames, renderReports, reportFile, SEEDS, tempDir, withoutBundle } from "./reports.js";

// Seeds picked by reading them: 004 (UrduPoint, header 2025-09-23) alone; 003 and 004 both report the 23 Sep 2025 briefing.
const SEED_003 = "003_4c3568a573a8b66a.txt";
const SEED_004 = "004_c9d4eb58757d2b79.txt";
const CORPORA: Record<string, string[]> = { empty: [], "one article": [SEED_004], "one period": [SEED_003, SEED_004] };

let tmp: string;
let browser: Chromium;
const runs: Record<string, { data: string; out: string; code: number; log: string }> = {};

beforeAll(async () => {
  tmp = tempDir("edge");
  for (const [name, files] of Object.entries(CORPORA)) {
    const data = path.join(tmp, name.replace(/ /g, "-"), "articles");
    fs.mkdirSync(data, { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(SEEDS, f), path.join(data, f));
    const out = path.join(tmp, name.replace(/ /g, "-"), "reports");
    runs[name] = { data, out, ...(await renderReports([data, "--out", out])) };
  }
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each(Object.keys(CORPORA))("a corpus with %s", (corpus) => {
  it("renders every notebook, and index.html, without error output", () => {
    const r = runs[corpus];
    expect(r.code, `report failed on the ${corpus} corpus:\n${r.log}`).toBe(0);
    for (const nb of notebookNames()) {
      const own = withoutBundle(fs.readFileSync(reportFile(r.out, nb), "utf8"));
      for (const bad of ["output_stderr", "output_error", "Traceback (most recent call last)", "&lt;Error&gt;"]) expect(own, `${nb}: ${bad}`).not.toContain(bad);
    }
    const index = fs.readFileSync(path.join(r.out, "index.html"), "utf8");
    expect(index).toContain(`<dd>${CORPORA[corpus].length} (0 undated); 0 file(s) could not be read</dd>`);
    if (corpus === "empty") expect(index).toContain("<dd>no dated articles</dd>");
  });

  it.each(notebookNames())("%s shows a drawn chart or a clear note for every chart it asks for", async (nb) => {
    const o = await openFile(browser.context, reportFile(runs[corpus].out, nb));
    expect(o.requests).toEqual([]);
    expect(o.consoleErrors, "console errors").toEqual([]);
    expect(o.pageErrors, "page errors").toEqual([]);
    expect(o.undrawn, "charts that did not draw").toEqual([]);
    for (const c of await reportCells(o.page)) {
      if (!/\bshow\.plot\(/.test(c.code)) continue;
      expect(c.charts + c.notes.length, `no chart and no note for: ${c.code}`).toBeGreaterThan(0);
      expect(c.drawn).toBe(c.charts);
      for (const n of c.notes) expect(n.trim().length, "an empty note").toBeGreaterThan(10);
      // With no articles there is nothing to draw anywhere: every chart is a note saying why.
      if (corpus === "empty") expect(c.charts, `a chart with no articles: ${c.code}`).toBe(0);
    }
    await o.page.close();
  }, 120_000);
});
