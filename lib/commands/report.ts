import fs from "node:fs";
import path from "node:path";
import { openAnalysis } from "../analysis.js";
import { buildAnalysis } from "../analysis-build.js";
import { parseFlags, requireFolder, themesFor, UsageError } from "../cli-util.js";
import { ensureJupyter, projectRoot } from "../jupyter.js";
import { renderNotebooks } from "../report.js";
import { indexHtml, notebookTitle, summarizeCorpus } from "../report-index.js";

export const summary = "run every notebook on DIR through Jupyter and write HTML reports";
export const usage = `usage: talkingpoints report [DIR=data/articles] [--out reports] [--only NAME]...
  --out DIR    where the HTML files go (default reports/)
  --only NAME  run only this notebook (e.g. 02-themes or 02); repeatable`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { out: { type: "string" }, only: { type: "string", multiple: true } }, "report");
  const dataDir = path.resolve(requireFolder(positionals[0] ?? "data/articles", "report"));
  const root = projectRoot();
  const outDir = path.resolve(values.out ?? path.join(root, "reports"));
  const log = (s: string) => process.stderr.write(s + "\n");
  const missing = ensureJupyter(log);
  if (missing) throw new UsageError(`talkingpoints report: ${missing}`, 3);
  const t0 = Date.now();
  // The analysis once, here (worker threads, progress on stderr); every notebook then reuses it.
  const cacheDir = path.resolve(process.env.TALKINGPOINTS_CACHE || path.join(root, ".cache", "analysis"));
  const themesFile = path.resolve(root, process.env.TALKINGPOINTS_THEMES || "data/themes.yml");
  const analysis = await openAnalysis(dataDir, {
    root, cacheDir, themesFile, log,
    build: (dir, out, meta) => buildAnalysis(dir, out, {
      key: meta.key, kit: meta.kit, themes: themesFor(themesFile, "report"),
      ...workersFor(root), onPhase: (p) => log(`  ${p}…`),
    }),
  });
  let results;
  try {
    results = await renderNotebooks({ root, dataDir, outDir, only: values.only, log, env: { TALKINGPOINTS_CACHE: cacheDir, TALKINGPOINTS_THEMES: themesFile } });
  } catch (e) {
    throw new UsageError(`talkingpoints report: ${(e as Error).message}`);
  }
  const articles = analysis.withTexts();
  const problems = analysis.problems();
  const version = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
  const entries = results.map((r) => ({ ...r, title: notebookTitle(path.join(root, "notebooks", r.notebook)) }));
  const command = `talkingpoints report ${argv.join(" ")}`.trim();
  fs.writeFileSync(path.join(outDir, "index.html"), indexHtml(summarizeCorpus(articles, problems, themesFile), entries,
    { version, command, dataDir: path.relative(root, dataDir) || ".", generatedAt: new Date().toISOString() }));
  const failed = results.find((r) => r.error);
  if (failed) {
    process.stderr.write(`talkingpoints report: notebooks/${failed.notebook} failed at ${failed.error}\n`);
    return 1;
  }
  log(`${results.length} report(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${path.join(path.relative(process.cwd(), outDir) || ".", "index.html")}`);
  return 0;
}

/** The compiled worker script of this project (dist/), or no worker threads when it is not built (tests on lib/). */
function workersFor(root: string): { workerFile?: string; workers?: number } {
  const file = path.join(root, "dist", "analyze-worker.js");
  return fs.existsSync(file) ? { workerFile: file } : { workers: 0 };
}
