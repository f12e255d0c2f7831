// reports/index.html: what the reports are about and how they were made, so a shared folder explains itself.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Article, Problem } from "./types.js";
import { escapeHtml } from "./escape.js";
import { STYLE } from "./display.js";

export interface CorpusSummary {
  articles: number;
  problems: number;
  firstDate: string | null;
  lastDate: string | null;
  undated: number;
  outlets: string[];
  /** sha256 over every article's file name and text, in file order: same corpus, same hash. */
  corpusHash: string;
  /** sha256 of the theme dictionary file, or null when there is none. */
  themesHash: string | null;
}

export function sha256(s: string | Buffer): string {
  return createHash("sha256").update(s).digest("hex");
}

/** Summarise a loaded corpus for the index page. */
export function summarizeCorpus(articles: Article[], problems: Problem[], themesFile = "data/themes.yml"): CorpusSummary {
  const dates = articles.map((a) => a.date).filter((d): d is string => d !== null).sort();
  const h = createHash("sha256");
  for (const a of articles) h.update(a.file).update("\0").update(a.text).update("\0");
  return {
    articles: articles.length,
    problems: problems.length,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
    undated: articles.length - dates.length,
    outlets: Array.from(new Set(articles.map((a) => a.outlet).filter((o): o is string => !!o))).sort(),
    corpusHash: h.digest("hex"),
    themesHash: fs.existsSync(themesFile) ? sha256(fs.readFileSync(themesFile)) : null,
  };
}

/** The first markdown heading of a notebook, as its title in the index. */
export function notebookTitle(file: string): string {
  try {
    const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
    for (const c of nb.cells) {
      if (c.cell_type !== "markdown") continue;
      const src = Array.isArray(c.source) ? c.source.join("") : c.source;
      const m = /^#+\s*(.+)$/m.exec(src);
      if (m) return m[1].trim();
    }
  } catch {
    /* fall through to the file name */
  }
  return path.basename(file, ".ipynb");
}

export interface IndexEntry { notebook: string; title: string; html: string | null; error?: string }

/** The index page; `generatedAt` is the one line that differs between two renders of the same corpus. */
export function indexHtml(summary: CorpusSummary, entries: IndexEntry[], meta: { version: string; command: string; dataDir: string; generatedAt: string }): string {
  const range = summary.firstDate ? `${summary.firstDate} to ${summary.lastDate}` : "no dated articles";
  const rows = entries.map((e) => e.html
    ? `<li><a href="${escapeHtml(path.basename(e.html))}">${escapeHtml(e.title)}</a> <small>(${escapeHtml(e.notebook)})</small></li>`
    : `<li>${escapeHtml(e.title)} <small>(${escapeHtml(e.notebook)})</small>: <strong>failed</strong> ${escapeHtml(e.error ?? "")}</li>`).join("\n");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>talkingpoints reports</title>${STYLE}
<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}dt{font-weight:bold}code{font-size:90%}</style></head>
<body>
<h1>talkingpoints reports</h1>
<ul>
${rows}
</ul>
<h2>The corpus</h2>
<dl>
<dt>Articles</dt><dd>${summary.articles} (${summary.undated} undated); ${summary.problems} file(s) could not be read</dd>
<dt>Dates</dt><dd>${escapeHtml(range)}</dd>
<dt>Outlets</dt><dd>${escapeHtml(summary.outlets.join(", ") || "none named")}</dd>
<dt>Data folder</dt><dd><code>${escapeHtml(meta.dataDir)}</code></dd>
<dt>Corpus hash (sha256)</dt><dd><code>${summary.corpusHash}</code></dd>
<dt>Theme dictionary hash (sha256)</dt><dd><code>${summary.themesHash ?? "no theme dictionary"}</code></dd>
<dt>Made by</dt><dd>talkingpoints ${escapeHtml(meta.version)}: <code>${escapeHtml(meta.command)}</code></dd>
</dl>
<p class="tp-generated">Generated at ${escapeHtml(meta.generatedAt)}</p>
</body></html>
`;
}
