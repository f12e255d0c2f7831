// Rendering reports for the tests: the real `talkingpoints report` command (in-process, so it runs the
// current lib/ and not a stale build) on the real tslab kernel, plus readers for notebooks and report HTML.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { vi } from "vitest";
import { run as reportCommand } from "../lib/commands/report.js";

export const ROOT = process.cwd();
export const NOTEBOOKS = path.join(ROOT, "notebooks");
export const SEEDS = path.join(ROOT, "data", "articles");

/** Every notebook in notebooks/, sorted: the tests cover whatever notebooks exist. */
export function notebookNames(): string[] {
  return fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();
}

/** The source of each code cell of a notebook. */
export function codeCells(name: string): string[] {
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, name), "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
}

/** How many charts a notebook asks for: calls of show.plot in its code cells. */
export function plotCalls(name: string): number {
  return codeCells(name).reduce((n, src) => n + (src.match(/\bshow\.plot\(/g)?.length ?? 0), 0);
}

export function reportFile(outDir: string, notebook: string): string {
  return path.join(outDir, notebook.replace(/\.ipynb$/, ".html"));
}

export const PLOTLY_BANNER = "* plotly.js (cartesian - minified) v";

/** The report without the inlined plotly bundle (1.5 MB of someone else's code), for searching our own output. */
export function withoutBundle(html: string): string {
  return html.replace(/<script type="text\/javascript">\/\*\*\s*\n\* plotly\.js[\s\S]*?<\/script>/g, "<script>/* plotly */</script>");
}

/** Run `talkingpoints report ARGV…` and return its exit code and what it printed on stderr. */
export async function renderReports(argv: string[]): Promise<{ code: number; log: string }> {
  let log = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    log += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  try {
    const code = await reportCommand(argv);
    return { code, log };
  } finally {
    spy.mockRestore();
  }
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `talkingpoints-${prefix}-`));
}

/** Write `files` (name → text) into a fresh temp folder and return it. */
export function corpus(prefix: string, files: Record<string, string>): string {
  const dir = tempDir(prefix);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
