// openAnalysis: one analysis per corpus. Its tables are what the stage functions give on the seeds (loadArticles →
// assignEvents → countThemes, figureLedger, recurringFigures, figureDrift, shift, timeline, recurringPhrases, kwic);
// a rerun on an unchanged folder reuses it; a changed file or dictionary recomputes; a broken or foreign folder is
// recomputed; two runs at once, or a run killed halfway, never leave a half-written analysis; the Parquet files read
// back with hyparquet (an independent reader) as the JSON tables. Conditions are waited for, never a number of seconds.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAnalysis, readManifest, type Analysis, type OpenOptions } from "../lib/analysis.js";
import { buildAnalysis } from "../lib/analysis-build.js";
import { loadArticles } from "../lib/corpus.js";
import { assignEvents } from "../lib/events.js";
import { figureLedger } from "../lib/figures.js";
import { kwicTheme } from "../lib/kwic.js";
import { recurringPhrases } from "../lib/phrases.js";
import { figureDrift, recurringFigures } from "../lib/recurring.js";
import { shift, shiftKwic } from "../lib/shift.js";
import { countThemes, loadThemes } from "../lib/themes.js";
import { timeline } from "../lib/timeline.js";
import { buildCli } from "./cli-run.js";
import { removeTempDirs, tempDir } from "./tmpdir.js";

const root = path.resolve(__dirname, "..");
const SEEDS = path.join(root, "data", "articles");

beforeAll(() => buildCli("dist/analyze-worker.js"));
afterAll(removeTempDirs);

/** Build in this process (as the commands do) and count the builds; progress lines are kept. */
function inProcess(cacheDir: string, extra: Partial<OpenOptions> = {}) {
  const state = { builds: 0, lines: [] as string[] };
  const options: OpenOptions = {
    root, cacheDir, log: (l) => state.lines.push(l),
    build: async (dir, out, meta) => {
      state.builds++;
      await buildAnalysis(dir, out, { key: meta.key, kit: meta.kit, themes: loadThemes(meta.themesFile), workers: 0 });
    },
    ...extra,
  };
  return { options, state };
}

function copySeeds(): string {
  const dir = path.join(tempDir("tp-analysis-"), "corpus");
  fs.cpSync(SEEDS, dir, { recursive: true });
  return dir;
}

const withoutArticles = <T extends { articles: unknown }>(x: T) => ({ ...x, articles: [] });

describe("the analysis of the seeds holds what the stage functions give", () => {
  let an: Analysis;
  const loaded = loadArticles(SEEDS);
  const themes = loadThemes();
  const { articles: evented, events } = assignEvents(loaded.articles);

  beforeAll(async () => {
    const { options } = inProcess(tempDir("tp-cache-"));
    an = await openAnalysis(SEEDS, options);
  });

  it("articles: events, dates and warnings resolved (article 002 dated from its briefing), texts kept apart", () => {
    expect(an.articles().map(({ text: _t, ...a }) => a)).toEqual(evented.map(({ text: _t, ...a }) => a));
    const undated = an.articles().find((a) => a.dateSource === "event");
    expect(undated, "the seeds hold an article dated only by its briefing").toBeTruthy();
    expect(an.withTexts().map((a) => a.text)).toEqual(evented.map((a) => a.text));
    expect(an.problems()).toEqual(loaded.problems);
  });

  it("events, theme counts (zeros included), figures, recurring figures and drift", () => {
    expect(an.events()).toEqual(events);
    expect(an.themeCounts()).toEqual(countThemes(loaded.articles, themes));
    expect(an.themeHits()).toEqual(countThemes(loaded.articles, themes).filter((c) => c.hits > 0));
    const figures = figureLedger(loaded.articles);
    expect(an.figures()).toEqual(figures);
    expect(an.recurring()).toEqual(recurringFigures(figures, evented));
    expect(an.drift()).toEqual(figureDrift(figures, evented));
    expect(an.drift().length).toBeGreaterThan(0);
  });

  it("the shift of the default periods: keyness, themes, figures that came and went, quotes, kwic lines", () => {
    const expected = shift(loaded.articles);
    const got = an.shift();
    expect(got.note).toBeNull();
    expect(withoutArticles(got.shift!)).toEqual(withoutArticles(expected));
    expect(an.shiftKwic()).toEqual(shiftKwic(expected));
  });

  it("the timeline by month, quarter and event, the recurring phrases and a theme in context", () => {
    for (const by of ["month", "quarter", "event"] as const) expect(withoutArticles(an.timeline(by)), by).toEqual(withoutArticles(timeline(loaded.articles, { by })));
    expect(an.phrases()).toEqual(recurringPhrases(loaded.articles));
    // On the articles as events left them: article 002 carries its briefing's date here as everywhere.
    expect(an.kwicTheme("ceasefire-truce")).toEqual(kwicTheme(evented, "ceasefire-truce", { themes }));
    expect(an.kwicTheme("ceasefire-truce").length).toBeGreaterThan(0);
  });

  it("writes every table as Parquet that an independent reader (hyparquet) reads back as the JSON tables", async () => {
    const read = async (name: string) => {
      const buf = fs.readFileSync(an.tablePath(name, "parquet"));
      return parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer });
    };
    const figures = await read("figures");
    expect(figures).toHaveLength(an.figures().length);
    figures.forEach((row, i) => {
      const f = an.figures()[i];
      expect([row.article, row.kind, row.value, row.unit, row.what, row.text, row.start, row.sentence]).toEqual([f.article, f.kind, f.value, f.unit, f.what, f.text, f.start, f.sentence]);
    });
    const articles = await read("articles");
    expect(articles.map((r) => [r.id, r.date, r.dateSource, r.event, r.words])).toEqual(an.articles().map((a) => [a.id, a.date, a.dateSource, a.event, a.words]));
    const themeRows = await read("themes");
    expect(themeRows).toHaveLength(an.themeCounts().length);
    expect(themeRows.map((r) => r.hits)).toEqual(an.themeCounts().map((c) => c.hits));
    const keyness = await read("keyness");
    expect(keyness.map((r) => [r.term, r.g2])).toEqual(an.shift().shift!.keyness.map((k) => [k.term, k.g2]));
    for (const name of ["problems", "recurring", "drift", "events", "themes-shift", "timeline", "timeline-figures", "phrases", "quotes"])
      expect(fs.existsSync(an.tablePath(name, "parquet")), name).toBe(true);
  });
});

describe("the cache", () => {
  it("reuses an unchanged folder, and recomputes when a file or the dictionary changes", async () => {
    const corpus = copySeeds();
    const cache = tempDir("tp-cache-");
    const { options, state } = inProcess(cache);
    const first = await openAnalysis(corpus, options);
    expect(first.reused).toBe(false);
    const again = await openAnalysis(corpus, options);
    expect(again.reused).toBe(true);
    expect(again.key).toBe(first.key);
    expect(state.builds).toBe(1);
    expect(state.lines).toContain(`reusing analysis ${first.key} of ${corpus} (${path.join(cache, first.key)})`);

    // The same size and a new content: recomputed (the key is a content hash, not size+mtime).
    const file = path.join(corpus, fs.readdirSync(corpus).sort()[0]);
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace(/e/, "a"));
    const changed = await openAnalysis(corpus, options);
    expect(changed.reused).toBe(false);
    expect(changed.key).not.toBe(first.key);

    // Another dictionary: recomputed, and its themes are the ones counted.
    const themesFile = path.join(tempDir(), "themes.yml");
    fs.writeFileSync(themesFile, "ceasefire:\n  label: Ceasefire\n  patterns: [ceasefire]\n");
    const other = await openAnalysis(corpus, { ...options, themesFile });
    expect(other.reused).toBe(false);
    expect(other.key).not.toBe(changed.key);
    expect(other.themes().map((t) => t.id)).toEqual(["ceasefire"]);
    expect(state.builds).toBe(3);
  });

  it("recomputes a broken or foreign folder instead of reading it", async () => {
    const corpus = copySeeds();
    const cache = tempDir("tp-cache-");
    const { options, state } = inProcess(cache);
    const first = await openAnalysis(corpus, options);
    const folder = path.join(cache, first.key);

    // A table cut short.
    fs.truncateSync(path.join(folder, "figures.json"), 10);
    expect(readManifest(folder, first.key)).toBeNull();
    const repaired = await openAnalysis(corpus, options);
    expect(repaired.reused).toBe(false);
    expect(repaired.figures().length).toBe(first.figures().length);

    // A folder under our key that is not ours.
    fs.writeFileSync(path.join(folder, "manifest.json"), JSON.stringify({ format: "something-else", key: first.key, files: {} }));
    const again = await openAnalysis(corpus, options);
    expect(again.reused).toBe(false);
    expect(readManifest(folder, first.key)).not.toBeNull();

    // A missing manifest (a folder someone copied in halfway).
    fs.rmSync(path.join(folder, "manifest.json"));
    expect((await openAnalysis(corpus, options)).reused).toBe(false);
    expect(state.builds).toBe(4);
    expect(fs.readdirSync(cache)).toEqual([first.key]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Separate processes: the kernel's way (openAnalysis starts `talkingpoints analyze --analysis` as a child)

/** A node process that opens the analysis of `corpus` with the default child builder and prints its key. */
function opener(corpus: string, cache: string, env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const script = `import(${JSON.stringify(path.join(root, "dist", "analysis.js"))}).then(async (m) => {
    const a = await m.openAnalysis(${JSON.stringify(corpus)}, { cacheDir: ${JSON.stringify(cache)} });
    console.log("KEY " + a.key + " " + a.articles().length);
  }).catch((e) => { console.error(e.message); process.exit(1); });`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** Resolves once `check` holds, looking again whenever the folder changes (and at least every 50 ms). */
async function until(check: () => boolean, what: string, limit = 2400): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("runs at once, and a run killed halfway", () => {
  it("two runs at once on one corpus both get the one whole analysis, and nothing half-written is left", async () => {
    const corpus = copySeeds();
    const cache = tempDir("tp-cache-");
    const [a, b] = [opener(corpus, cache), opener(corpus, cache)];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.stderr).toBe("");
    expect(rb.stderr).toBe("");
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    const keyA = /KEY (\S+) 5/.exec(ra.stdout)?.[1];
    expect(keyA).toBeTruthy();
    expect(rb.stdout).toContain(`KEY ${keyA} 5`);
    expect(fs.readdirSync(cache)).toEqual([keyA]);
    expect(readManifest(path.join(cache, keyA!), keyA)).not.toBeNull();
  }, 600_000);

  it("a run killed while writing leaves no analysis; the next run removes its remains and computes a whole one", async () => {
    const corpus = copySeeds();
    const cache = tempDir("tp-cache-");
    const marker = path.join(tempDir(), "holding");
    const run = opener(corpus, cache, { TALKINGPOINTS_ANALYSIS_HOLD: marker });
    // The build has written its tables, not yet its manifest, and waits: kill the opener, then the build.
    await until(() => fs.existsSync(marker), "the build to reach the manifest");
    const half = fs.readFileSync(marker, "utf8");
    expect(path.basename(half)).toMatch(/^\.tmp-/);
    expect(fs.readdirSync(half)).toContain("figures.json");
    run.child.kill("SIGKILL");
    await run.done;
    // The build is the opener's child, found by the folder it holds open: kill it too.
    const pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes(half);
      } catch {
        return false;
      }
    });
    expect(pids.length).toBe(1);
    process.kill(Number(pids[0]), "SIGKILL");
    await until(() => !fs.existsSync(`/proc/${pids[0]}`) || fs.readFileSync(`/proc/${pids[0]}/stat`, "utf8").split(" ")[2] === "Z", "the build to end");
    // Half-written and not in place: no folder under the key.
    expect(fs.readdirSync(cache).filter((f) => !f.startsWith("."))).toEqual([]);

    const next = opener(corpus, cache);
    const r = await next.done;
    expect(r.code).toBe(0);
    const key = /KEY (\S+) 5/.exec(r.stdout)![1];
    expect(fs.readdirSync(cache)).toEqual([key]);
    expect(readManifest(path.join(cache, key), key)).not.toBeNull();
  }, 600_000);
});
