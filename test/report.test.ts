// `talkingpoints report` end to end (issues 2 and 6): every notebook in notebooks/ rendered on the seeds
// through Jupyter and the real tslab kernel, twice; the files checked as text and in Chromium.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { assignEvents } from "../lib/events.js";
import { describeFailure, listNotebooks, renderNotebooks } from "../lib/report.js";
import { downloadCsvs, hoverTexts, launchChromium, openFile, plotIds, scriptHeads, unguard, type Chromium } from "./chromium.js";
import { notebookNames, plotCalls, PLOTLY_BANNER, renderReports, reportFile, ROOT, SEEDS, tempDir, withoutBundle } from "./reports.js";

const MB = 1024 * 1024;
const GENERATED = /Generated at /;
let tmp: string;
let first: { code: number; log: string };
let second: { code: number; log: string };
let firstDir: string;
let outDir: string;
const argv = () => ["data/articles", "--out", outDir];

const cacheBefore = process.env.TALKINGPOINTS_CACHE;

beforeAll(async () => {
  tmp = tempDir("seeds");
  // A cache of this test's own, so the first run computes the analysis and the second reuses it.
  process.env.TALKINGPOINTS_CACHE = path.join(tmp, "cache");
  outDir = path.join(tmp, "reports");
  firstDir = path.join(tmp, "first");
  // Same command twice into the same folder (the index names the command, --out included), moving the first aside.
  first = await renderReports(argv());
  fs.renameSync(outDir, firstDir);
  second = await renderReports(argv());
}, 600_000);

afterAll(() => {
  if (cacheBefore === undefined) delete process.env.TALKINGPOINTS_CACHE;
  else process.env.TALKINGPOINTS_CACHE = cacheBefore;
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("report on the seeds", () => {
  it("prints what runs: the analysis (computed once, then reused), which notebook of how many, how long each took", () => {
    expect(first.code, first.log).toBe(0);
    expect(second.code, second.log).toBe(0);
    expect(first.log).toContain("analysing 5 files of ");
    const key = /analysis ([0-9a-f]{20}) ready in \d+\.\d s/.exec(first.log)?.[1];
    expect(key, first.log).toBeTruthy();
    expect(second.log).toContain(`reusing analysis ${key} of `);
    expect(second.log).not.toContain("analysing 5 files");
    const names = notebookNames();
    for (const [k, nb] of names.entries()) {
      expect(first.log).toContain(`rendering notebook ${k + 1} of ${names.length}: ${nb.replace(/\.ipynb$/, "")}…`);
      expect(first.log).toMatch(new RegExp(`${nb.replace(/\./g, "\\.")}: done in \\d+\\.\\d s`));
    }
    expect(first.log).toMatch(new RegExp(`${notebookNames().length} report\\(s\\) in \\d+\\.\\d s`));
  });

  it("renders every notebook with its charts and no error output (issue 2 end to end)", () => {
    for (const nb of notebookNames()) {
      const file = reportFile(outDir, nb);
      expect(fs.existsSync(file), `${nb} has no report`).toBe(true);
      const own = withoutBundle(fs.readFileSync(file, "utf8"));
      const charts = own.match(/window\.Plotly\.newPlot\(/g)?.length ?? 0;
      // On the seeds every chart a notebook asks for has data to draw.
      expect(charts, `${nb}: charts drawn`).toBeGreaterThanOrEqual(plotCalls(nb));
      for (const bad of ["output_stderr", "output_error", "Traceback (most recent call last)", "&lt;Error&gt;"]) {
        expect(own, `${nb} holds error output (${bad})`).not.toContain(bad);
      }
    }
  });

  it("writes one self-contained file per notebook: plotly inlined once, styles inline, nothing fetched, at most 3 MB", () => {
    for (const nb of notebookNames()) {
      const file = reportFile(outDir, nb);
      expect(fs.statSync(file).size, `${nb} size`).toBeLessThanOrEqual(3 * MB);
      const html = fs.readFileSync(file, "utf8");
      expect(html.split(PLOTLY_BANNER).length - 1, `${nb}: plotly bundles`).toBe(1);
      const own = withoutBundle(html);
      expect(own).toContain(".tp-table{");
      expect(own).not.toMatch(/<script[^>]*\ssrc\s*=/i);
      expect(own).not.toMatch(/<link\b/i);
      const css = Array.from(own.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi), (m) => m[1]).join("\n");
      expect(css).not.toMatch(/@import|\burl\(\s*(?!["']?data:)/i);
      // Every attribute that could load or navigate stays on the page.
      const refs = Array.from(own.matchAll(/<[a-z][^>]*?\s(?:src|href|action|poster|srcset|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi), (m) => m[1].replace(/^["']|["']$/g, ""));
      // The only links out are the full tables written beside the report (tables/<notebook>-<name>.csv).
      const stem = path.basename(file, ".html");
      expect(refs.filter((r) => !r.startsWith("#") && !(r.startsWith(`tables/${stem}-`) && r.endsWith(".csv"))), `${nb}: references outside the page`).toEqual([]);
      for (const r of refs.filter((x) => x.startsWith("tables/"))) expect(fs.existsSync(path.join(outDir, r)), r).toBe(true);
    }
  });

  it("writes index.html listing every report with the corpus summary, hashes, version and command", () => {
    const index = fs.readFileSync(path.join(outDir, "index.html"), "utf8");
    for (const nb of notebookNames()) {
      const html = path.basename(reportFile(outDir, nb));
      expect(index).toContain(`<a href="${html}">`);
      expect(fs.existsSync(path.join(outDir, html))).toBe(true);
    }
    // The summary agrees with the loader and the events (tested on their own against the seeds): an article with no
    // date of its own is dated from its briefing, as in every notebook.
    const loaded = loadArticles(SEEDS);
    const { articles } = assignEvents(loaded.articles), { problems } = loaded;
    const dates = articles.map((a) => a.date).filter((d): d is string => !!d).sort();
    const outlets = Array.from(new Set(articles.map((a) => a.outlet).filter(Boolean))).sort();
    expect(index).toContain(`<dd>${articles.length} (${articles.length - dates.length} undated); ${problems.length} file(s) could not be read</dd>`);
    expect(index).toContain(`<dd>${dates[0]} to ${dates[dates.length - 1]}</dd>`);
    expect(index).toContain(`<dd>${outlets.join(", ")}</dd>`);
    expect(articles).toHaveLength(5);
    expect(outlets).toEqual(["The Frontier Post", "UrduPoint"]);
    expect(index).toMatch(/Corpus hash \(sha256\)<\/dt><dd><code>[0-9a-f]{64}<\/code>/);
    const themes = path.join(ROOT, "data", "themes.yml");
    if (fs.existsSync(themes)) expect(index).toContain(createHash("sha256").update(fs.readFileSync(themes)).digest("hex"));
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(index).toContain(`talkingpoints ${version}: <code>talkingpoints report data/articles --out ${outDir}</code>`);
    expect(index.split("\n").filter((l) => GENERATED.test(l))).toHaveLength(1);
  });

  it("links each table's full CSV, beside the report, and every notebook reads the one analysis", () => {
    const figures = path.join(outDir, "tables", "03-figures-figures.csv");
    expect(fs.existsSync(figures)).toBe(true);
    const html = fs.readFileSync(reportFile(outDir, "03-figures.ipynb"), "utf8");
    expect(html).toContain('<a href="tables/03-figures-figures.csv">tables/03-figures-figures.csv</a>');
    for (const nb of notebookNames()) expect(withoutBundle(fs.readFileSync(reportFile(outDir, nb), "utf8")), nb).toMatch(/reusing analysis [0-9a-f]{20} of data\/articles/);
    // Article 002 has no date of its own: every view dates it from its briefing.
    const articles = fs.readFileSync(path.join(outDir, "tables", "01-articles-articles.csv"), "utf8");
    const events = fs.readFileSync(path.join(outDir, "tables", "04-shift-article-events.csv"), "utf8");
    const line002 = (csv: string) => csv.split("\n").find((l) => l.startsWith("002_")) ?? "";
    expect(line002(articles)).toContain("2025-02-25");
    expect(line002(articles)).toContain(",event,");
    expect(line002(events)).toContain("2025-02-25");
  });

  it("is deterministic: a second render is byte-identical apart from the generated-at line", () => {
    const listing = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
    const names = listing(outDir);
    expect(listing(firstDir)).toEqual(names);
    expect(names).toContain(path.join("tables", "03-figures-figures.csv"));
    expect(names).toContain("index.html");
    for (const name of names) {
      const a = fs.readFileSync(path.join(firstDir, name), "utf8");
      const b = fs.readFileSync(path.join(outDir, name), "utf8");
      if (name !== "index.html") {
        expect(a === b, `${name} differs between two renders`).toBe(true);
        continue;
      }
      const strip = (s: string) => s.split("\n").filter((l) => !GENERATED.test(l)).join("\n");
      expect(strip(a)).toBe(strip(b));
    }
  });
});

describe("the seed reports in Chromium (no network)", () => {
  let browser: Chromium;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(notebookNames())("%s loads with no console errors, draws every chart, shows tooltips and downloads its tables as CSV", async (nb) => {
    const o = await openFile(browser.context, reportFile(outDir, nb));
    expect(o.requests, "network requests").toEqual([]);
    expect(o.consoleErrors, "console errors").toEqual([]);
    expect(o.pageErrors, "page errors").toEqual([]);
    expect(o.dialogs).toEqual([]);
    expect(o.undrawn, "charts without an SVG").toEqual([]);
    const ids = await plotIds(o.page);
    expect(ids.length).toBeGreaterThanOrEqual(plotCalls(nb));
    for (const id of ids) {
      const [tip] = await hoverTexts(o.page, id);
      expect(tip ?? "", `tooltip of ${id}`).not.toBe("");
    }
    // Only the kit's scripts: the bundle, chart drawers and CSV links.
    for (const s of await scriptHeads(o.page)) expect(s).toMatch(/^text\/javascript\|\|(\/\*\*\n\* plotly\.js|\(function\(\)\{var (fig|a)=)/);
    for (const c of await downloadCsvs(o.page)) {
      expect(c.startsWithBom, `${c.file} starts with a UTF-8 byte-order mark`).toBe(true);
      expect(c.csv[0], `${c.file} header`).toEqual(c.table[0]);
      expect(c.csv.length - 1, `${c.file} rows`).toBe(c.announced);
      const shown = c.table.slice(1);
      expect(c.csv.slice(1, 1 + shown.length).map((r) => r.map(unguard)), `${c.file} rows`).toEqual(shown);
    }
    expect(o.consoleErrors).toEqual([]);
    await o.page.close();
  }, 120_000);

  it("opens index.html with working links and no requests", async () => {
    const o = await openFile(browser.context, path.join(outDir, "index.html"));
    expect(o.requests).toEqual([]);
    expect(o.consoleErrors).toEqual([]);
    const text = await o.page.locator("body").innerText();
    expect(text).toContain("The corpus");
    await o.page.close();
  });
});

// A notebook that fails stops the run and names the cell, its source line and the error. The runner is pointed
// at a temporary project root holding the kit's kernel spec, the runner script and the broken notebooks.
describe("a failing notebook", () => {
  let root: string;
  const nb = (cells: Array<[string, string]>) => JSON.stringify({
    cells: cells.map(([type, src], i) => ({ cell_type: type, id: `c${i}`, metadata: {}, source: src, ...(type === "code" ? { execution_count: null, outputs: [] } : {}) })),
    metadata: { kernelspec: { name: "talkingpoints", display_name: "TypeScript (talkingpoints)", language: "typescript" } },
    nbformat: 4, nbformat_minor: 5,
  });
  beforeAll(() => {
    root = tempDir("broken");
    for (const d of ["notebooks", "scripts", "jupyter/kernels/talkingpoints"]) fs.mkdirSync(path.join(root, d), { recursive: true });
    for (const f of ["scripts/run_notebook.py", "jupyter/kernels/talkingpoints/kernel.json", "jupyter/kernels/talkingpoints/launch.sh"]) {
      fs.copyFileSync(path.join(ROOT, f), path.join(root, f));
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
    fs.writeFileSync(path.join(root, "notebooks", "01-fine.ipynb"), nb([["markdown", "# Fine"], ["code", "const n = 1 + 1;\nn"]]));
    fs.writeFileSync(path.join(root, "notebooks", "02-throws.ipynb"), nb([["markdown", "# Throws"], ["code", "const a = 1;"],
      ["code", "const b = 2;\nthrow new Error(\"the briefing was cancelled\");\nconst c = 3;"]]));
    fs.writeFileSync(path.join(root, "notebooks", "03-never.ipynb"), nb([["code", "1"]]));
    fs.writeFileSync(path.join(root, "notebooks", "04-types.ipynb"), nb([["code", "const ok = 1;\nconst words: number = \"many\";"]]));
  });
  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it("stops the run at a runtime error with the cell number, source line and message", async () => {
    const lines: string[] = [];
    const outDir = path.join(root, "out");
    const results = await renderNotebooks({ root, dataDir: SEEDS, outDir, only: ["01", "02", "03"], concurrency: 1, log: (l) => lines.push(l) });
    expect(results.map((r) => [r.notebook, r.error ?? "ok"])).toEqual([
      ["01-fine.ipynb", "ok"],
      ["02-throws.ipynb", 'cell 3, line 2: `throw new Error("the briefing was cancelled");`: Error: the briefing was cancelled'],
    ]);
    expect(fs.existsSync(path.join(outDir, "01-fine.html"))).toBe(true);
    expect(fs.existsSync(path.join(outDir, "02-throws.html"))).toBe(false);
    expect(fs.existsSync(path.join(outDir, "03-never.html"))).toBe(false);
    expect(lines).toContain("rendering notebook 2 of 3: 02-throws…");
    expect(lines.some((l) => /02-throws\.ipynb: FAILED after \d+\.\d s — cell 3, line 2/.test(l))).toBe(true);
    expect(lines.join("\n")).not.toContain("03-never");
  }, 120_000);

  it("reports a type error with its line and TypeScript's message", async () => {
    const [r] = await renderNotebooks({ root, dataDir: SEEDS, outDir: path.join(root, "out"), only: ["04-types"] });
    expect(r.error).toBe("cell 1, line 2: `const words: number = \"many\";`: Type 'string' is not assignable to type 'number'.");
  }, 120_000);

  it("names the notebooks it has when asked for one that does not exist", () => {
    expect(() => listNotebooks(root, ["09"])).toThrow('no notebook "09" in notebooks/ (have: 01-fine.ipynb, 02-throws.ipynb, 03-never.ipynb, 04-types.ipynb)');
  });
});

// tslab's stderr, copied from real failures: compiled JavaScript lines do not match the cell's lines.
describe("describeFailure", () => {
  const frames = "    at sigintHandlersWrap (node:vm:280:12)\n    at Script.runInThisContext (node:vm:135:14)\n";
  it("finds the line V8's banner shows", () => {
    const stderr = `evalmachine.<anonymous>:5\nthrow new Error("boom");\n^\n\nError: boom\n    at evalmachine.<anonymous>:5:7\n    at evalmachine.<anonymous>:9:3\n${frames}`;
    expect(describeFailure({ ok: false, cell: 4, source: ["const b = 2;", 'throw new Error("boom");', "const c = 3;"], stderr }))
      .toBe('cell 4, line 2: `throw new Error("boom");`: Error: boom');
  });
  it("finds a throw that compiled onto a line of its own", () => {
    const source = ['import * as fs from "fs";', "", "// comment", "const b: number = 2;", "function f(x: number): number {",
      '  if (x > 1) throw new TypeError("deep boom");', "  return x;", "}", "f(b);"];
    const stderr = `evalmachine.<anonymous>:33\n        throw new TypeError("deep boom");\n        ^\n\nTypeError: deep boom\n    at f (evalmachine.<anonymous>:33:15)\n    at evalmachine.<anonymous>:37:22\n${frames}`;
    expect(describeFailure({ ok: false, cell: 1, source, stderr })).toBe('cell 1, line 6: `if (x > 1) throw new TypeError("deep boom");`: TypeError: deep boom');
  });
  it("names the line that called the function which threw", () => {
    const stderr = `<anonymous_script>:1\n{bad\n ^\n\nSyntaxError: Expected property name or '}' in JSON at position 1\n    at JSON.parse (<anonymous>)\n    at evalmachine.<anonymous>:7:27\n${frames}`;
    expect(describeFailure({ ok: false, cell: 2, source: ["const a = [1, 2];", "const b = a.map((x) => x * 2);", 'JSON.parse("{bad");'], stderr }))
      .toBe("cell 2, line 3: `JSON.parse(\"{bad\");`: SyntaxError: Expected property name or '}' in JSON at position 1");
  });
  it("names the lib file and line of a compile error in a file the cell imports", () => {
    const stderr = "lib/shift.ts 17:34 - Cannot find module './recurring.js' or its corresponding type declarations.\n216:7 - Type 'unknown[]' is not assignable to type 'string[]'.\n";
    expect(describeFailure({ ok: false, cell: 2, source: ['import * as tp from "./lib/index";', "const x = 1;"], stderr }))
      .toBe("cell 2, line 1: `import * as tp from \"./lib/index\";`: lib/shift.ts 17:34 - Cannot find module './recurring.js' or its corresponding type declarations.");
  });
  it("takes a compile error's line and message from TypeScript", () => {
    expect(describeFailure({ ok: false, cell: 3, source: ["const ok = 1;", 'const words: number = "many";'], stderr: "2:7 - Type 'string' is not assignable to type 'number'." }))
      .toBe("cell 3, line 2: `const words: number = \"many\";`: Type 'string' is not assignable to type 'number'.");
  });
});
