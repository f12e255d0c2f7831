#!/usr/bin/env node
// npm run bench: time `talkingpoints analyze` on corpora of real news and `talkingpoints report` on the seeds;
// write the medians into BENCHMARKS.md (everything after its `<!-- notes -->` line is kept). Never part of `npm test`.
// Each run of `analyze` is followed by a run of the pandas + scikit-learn peer (../shared/peer/pipeline.py) on the
// same corpus, so both see the same load; the table gives the median of the per-run ratios analyze / peer, which
// moves much less with the machine's load than either time.
//   BENCH_SIZES=1,10,45  copies of the BBC corpus (2,225 articles each) to measure
//   BENCH_RUNS=3         runs per size (the median is reported)
//   BENCH_PYTHON=/usr/bin/python3   the Python with pandas and scikit-learn (Debian's python3-pandas, python3-sklearn)
//   BENCH_PEER=0         leave the peer out
//   BENCH_REPORT=0       leave out the timing of `talkingpoints report` (to try the script quickly)
//   BENCH_REPORT_SIZES=1,10  also time `report` on these corpora, once with a new analysis cache and once reusing it
// The corpora are written to the system temp folder and removed afterwards; the BBC articles are never copied
// into the project.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sizes = (process.env.BENCH_SIZES ?? "1,10,45").split(",").map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "tp-bench-"));
// ../shared beside the clone, or the folder SHARED_DIR names (a checkout elsewhere, e.g. a git worktree).
const sharedDir = process.env.SHARED_DIR ? path.resolve(process.env.SHARED_DIR) : path.resolve(root, "..", "shared");
const shared = path.join(sharedDir, "bench", "make-corpus.mjs");
const cli = path.join(root, "bin", "talkingpoints.js");
// The peer, from the same shared folder.
const peerScript = [path.join(sharedDir, "peer", "pipeline.py")].find((p) => fs.existsSync(p)) ?? null;
const python = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const peer = process.env.BENCH_PEER === "0" ? { ok: false, why: "BENCH_PEER=0" } : checkPeer();

/** Can the peer run here? (the script exists, and the Python imports pandas and scikit-learn) */
function checkPeer() {
  if (!peerScript) return { ok: false, why: "../shared/peer/pipeline.py not found" };
  const r = spawnSync(python, ["-c", "import pandas, sklearn; print(pandas.__version__, sklearn.__version__)"], { encoding: "utf8" });
  if (r.status !== 0) return { ok: false, why: `${python} cannot import pandas and sklearn (apt-get install python3-pandas python3-sklearn)` };
  const [pandas, sklearn] = r.stdout.trim().split(" ");
  return { ok: true, why: "", pandas, sklearn };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (n, d = 0) => n.toLocaleString("en", { minimumFractionDigits: d, maximumFractionDigits: d });

function dirBytes(dir) {
  let n = 0, files = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { const r = dirBytes(p); n += r.bytes; files += r.files; } else { n += fs.statSync(p).size; files++; }
  }
  return { bytes: n, files };
}

/** A corpus of `copies` × 2,225 BBC articles, or, without ../shared, a synthetic one from the seeds. */
function makeCorpus(copies) {
  const out = path.join(work, `corpus-${copies}`);
  if (fs.existsSync(shared)) {
    const r = spawnSync(process.execPath, [shared, out, String(copies)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`make-corpus failed: ${r.stderr}`);
    return { dir: out, source: "BBC News (../shared/bench)" };
  }
  // Synthetic: the seed articles with shuffled sentences, dated across 2025.
  const seeds = fs.readdirSync(path.join(root, "data", "articles")).map((f) => fs.readFileSync(path.join(root, "data", "articles", f), "utf8").replace(/^\s*date \S+\s*/, ""));
  const sentences = seeds.join(" ").split(/(?<=[.!?])\s+/);
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const n = copies * 2225;
  for (let i = 0; i < n; i++) {
    const dir = path.join(out, String(Math.floor(i / 2225)).padStart(3, "0"));
    if (i % 2225 === 0) fs.mkdirSync(dir, { recursive: true });
    const date = new Date(Date.UTC(2025, 0, 1 + Math.floor(rand() * 365))).toISOString().slice(0, 10);
    const body = Array.from({ length: 25 }, () => sentences[Math.floor(rand() * sentences.length)]).join(" ");
    fs.writeFileSync(path.join(dir, `syn-${i}.txt`), `date ${date}\n${body}\n`);
  }
  return { dir: out, source: "synthetic (seed sentences; ../shared/bench absent)" };
}

function timeAnalyze(dir) {
  const outDir = path.join(work, "out");
  fs.rmSync(outDir, { recursive: true, force: true });
  const load = os.loadavg()[0];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, "analyze", dir, "--out", outDir, "--stats"], { encoding: "utf8", cwd: root, maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`analyze failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const stats = JSON.parse(r.stderr.trim().split("\n").filter((l) => l.startsWith("{")).pop() ?? "{}");
  const outBytes = dirBytes(outDir).bytes;
  return { wall, load, cpu: stats.cpuSeconds ?? 0, rssMB: (stats.maxRSSkB ?? 0) / 1024, articles: stats.articles ?? 0, phases: stats.phases ?? {}, stages: stats.stages ?? {}, outBytes };
}

/** One run of the peer on `dir`: wall seconds, and CPU seconds and peak RSS when /usr/bin/time is there. */
function timePeer(dir) {
  const outDir = path.join(work, "peer-out");
  fs.rmSync(outDir, { recursive: true, force: true });
  const timed = fs.existsSync("/usr/bin/time");
  const load = os.loadavg()[0];
  const t0 = process.hrtime.bigint();
  const args = timed ? ["-f", "tp-bench-time %U %S %M", python, peerScript, dir, outDir] : [peerScript, dir, outDir];
  const r = spawnSync(timed ? "/usr/bin/time" : python, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`the peer failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const m = /tp-bench-time (\S+) (\S+) (\d+)/.exec(r.stderr);
  return { wall, load, cpu: m ? Number(m[1]) + Number(m[2]) : null, rssMB: m ? Number(m[3]) / 1024 : null };
}

/** `report` on the seeds, with the project's own analysis cache. */
function timeReport() {
  const r = timeCorpusReport(path.join(root, "data", "articles"), null, path.join(work, "reports"));
  return { wall: r.wall, load: r.load, sizes: r.sizes };
}

/**
 * `report` on a corpus, with an analysis cache of its own (`cacheDir`; null: the project's): wall seconds, peak RSS
 * of the largest process, each report's size and the largest.
 */
function timeCorpusReport(dir, cacheDir, outDir) {
  const load = os.loadavg()[0];
  const timed = fs.existsSync("/usr/bin/time");
  const args = [cli, "report", dir, "--out", outDir];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(timed ? "/usr/bin/time" : process.execPath, timed ? ["-f", "tp-bench-time %M", process.execPath, ...args] : args,
    { encoding: "utf8", cwd: root, env: cacheDir ? { ...process.env, TALKINGPOINTS_CACHE: cacheDir } : process.env, maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`report on ${dir} failed: ${r.stderr.slice(-2000)}`);
  const m = /tp-bench-time (\d+)/.exec(r.stderr);
  const said = r.stdout + r.stderr;
  const sizes = fs.readdirSync(outDir).filter((f) => f.endsWith(".html")).sort().map((f) => [f, fs.statSync(path.join(outDir, f)).size]);
  const largest = Math.max(...sizes.map(([, n]) => n));
  return { wall, load, rssMB: m ? Number(m[1]) / 1024 : null, sizes, largest, reused: /reusing analysis/.test(said) };
}

const reportSizes = (process.env.BENCH_REPORT_SIZES ?? "1,10").split(",").map(Number).filter((n) => n > 0);
const corpusReports = [];
const rows = [];
for (const copies of sizes) {
  const { dir, source } = makeCorpus(copies);
  const { bytes, files } = dirBytes(dir);
  const results = [];
  const peers = [];
  for (let i = 0; i < runs; i++) {
    const r = timeAnalyze(dir);
    process.stderr.write(`analyze ${files} files, run ${i + 1}/${runs}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(1)} s CPU, ${r.rssMB.toFixed(0)} MB peak (load ${r.load.toFixed(1)})\n`);
    results.push(r);
    if (!peer.ok) continue;
    const q = timePeer(dir);
    process.stderr.write(`  peer (pandas) run ${i + 1}/${runs}: ${q.wall.toFixed(2)} s wall${q.cpu === null ? "" : `, ${q.cpu.toFixed(1)} s CPU, ${q.rssMB.toFixed(0)} MB peak`} (load ${q.load.toFixed(1)}); ratio ${(r.wall / q.wall).toFixed(2)}\n`);
    peers.push(q);
  }
  const mid = results.slice().sort((a, b) => a.wall - b.wall)[results.length >> 1];
  rows.push({
    copies, files, mb: bytes / 1e6, wall: median(results.map((r) => r.wall)), walls: results.map((r) => r.wall), cpu: median(results.map((r) => r.cpu)),
    rss: median(results.map((r) => r.rssMB)), load: median(results.map((r) => r.load)), articles: results[0].articles, source, phases: mid.phases, stages: mid.stages, outMB: mid.outBytes / 1e6,
    peer: peers.length ? {
      wall: median(peers.map((q) => q.wall)), walls: peers.map((q) => q.wall), ratio: median(peers.map((q, i) => results[i].wall / q.wall)),
      cpu: peers.every((q) => q.cpu !== null) ? median(peers.map((q) => q.cpu)) : null, rss: peers.every((q) => q.rssMB !== null) ? median(peers.map((q) => q.rssMB)) : null,
    } : null,
  });
  if (process.env.BENCH_REPORT !== "0" && reportSizes.includes(copies)) {
    const cacheDir = path.join(work, `cache-${copies}`), outDir = path.join(work, `reports-${copies}`);
    const cold = timeCorpusReport(dir, cacheDir, outDir);
    const warm = timeCorpusReport(dir, cacheDir, outDir);
    process.stderr.write(`report on ${files} files: ${cold.wall.toFixed(1)} s with a new analysis, ${warm.wall.toFixed(1)} s reusing it (load ${cold.load.toFixed(1)})\n`);
    corpusReports.push({ copies, files, cold, warm });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

const reportRuns = [];
for (let i = 0; i < (process.env.BENCH_REPORT === "0" ? 0 : runs); i++) {
  const r = timeReport();
  process.stderr.write(`report on the seeds, run ${i + 1}/${runs}: ${r.wall.toFixed(1)} s (load ${r.load.toFixed(1)})\n`);
  reportRuns.push(r);
}
fs.rmSync(work, { recursive: true, force: true });

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const phaseNames = Array.from(new Set(rows.flatMap((r) => Object.keys(r.phases))));
const stageNames = Array.from(new Set(rows.flatMap((r) => Object.keys(r.stages))));
const lines = [
  "# Benchmarks",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}. Median of ${runs} runs each; "load" is the 1-minute load average when a run started (other work on the machine slows the wall times; the CPU seconds move much less).`,
  "",
  "## `talkingpoints analyze` (load, themes, figures, events, recurring figures, shift; every table written as CSV and JSON)",
  "",
  "| corpus | articles | MB | wall s (median) | runs | articles/s | MB/s | ms per 1,000 articles | CPU s | peak RSS MB | tables MB | load |",
  "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map((r) => {
    const n = r.articles || r.files;
    return `| ${r.copies} × BBC (${r.source.startsWith("BBC") ? "real news" : "synthetic"}) | ${fmt(n)} | ${r.mb.toFixed(1)} | ${r.wall.toFixed(2)} | ${r.walls.map((w) => w.toFixed(1)).join(", ")} | ${fmt(n / r.wall)} | ${(r.mb / r.wall).toFixed(2)} | ${fmt((1e6 * r.wall) / n)} | ${r.cpu.toFixed(1)} | ${fmt(r.rss)} | ${fmt(r.outMB)} | ${r.load.toFixed(1)} |`;
  }),
  "",
  ...(rows.length ? [
    "## Against the pandas peer, in the same run",
  "",
  ...(peer.ok ? [
    `Each \`analyze\` run above was followed by a run of \`../shared/peer/pipeline.py\` (pandas ${peer.pandas}, scikit-learn ${peer.sklearn}, ${python}) on the same corpus. The peer does less (no stems, events, figure normalisation or shift); the ratio is the median of the runs' analyze / peer wall times, which moves less with the load than either time.`,
    "",
    "| corpus | articles | analyze wall s | peer wall s (median) | peer runs | peer CPU s | peer peak RSS MB | analyze / peer |",
    "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ...rows.filter((r) => r.peer).map((r) => `| ${r.copies} × BBC | ${fmt(r.articles || r.files)} | ${r.wall.toFixed(2)} | ${r.peer.wall.toFixed(2)} | ${r.peer.walls.map((w) => w.toFixed(1)).join(", ")} | ${r.peer.cpu === null ? "" : r.peer.cpu.toFixed(1)} | ${r.peer.rss === null ? "" : fmt(r.peer.rss)} | **${r.peer.ratio.toFixed(2)}** |`),
  ] : [`The pandas peer was not run: ${peer.why}.`]),
  "",
  "Phases (wall seconds, the median run of each size): `read+analyse` is the worker threads reading files and computing each article's themes, figures and event inputs; then the main thread assembles the results and groups the figures (`recurring`) and writes the tables that do not need events (`while grouping`) while one worker thread groups the articles into events (`events` is what is left of that wait); `shift` and `write` (the remaining tables) follow.",
    "",
    `| phase | ${rows.map((r) => `${r.copies} × BBC`).join(" | ")} |`,
    `| --- | ${rows.map(() => "---:").join(" | ")} |`,
    ...phaseNames.map((p) => `| ${p} | ${rows.map((r) => (r.phases[p] ?? 0).toFixed(2)).join(" | ")} |`),
    "",
    "Per-article stages (seconds summed over the worker threads, so about twice the wall time they take; `themes` includes tokenising):",
    "",
    `| stage | ${rows.map((r) => `${r.copies} × BBC`).join(" | ")} |`,
    `| --- | ${rows.map(() => "---:").join(" | ")} |`,
    ...stageNames.map((p) => `| ${p} | ${rows.map((r) => (r.stages[p] ?? 0).toFixed(2)).join(" | ")} |`),
    "",
  ] : []),
  ...(corpusReports.length ? [
    "## `talkingpoints report` at archive size (every notebook; the analysis computed once, then reused)",
    "",
    "One run each: `new analysis` starts from an empty analysis cache, `reusing` is the rerun on the unchanged corpus. Peak RSS is the largest single process (the analysis child, a kernel or Jupyter).",
    "",
    "| corpus | articles | new analysis s | peak RSS MB | reusing s | largest report MB | load |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...corpusReports.map((c) => `| ${c.copies} × BBC | ${fmt(c.files)} | ${c.cold.wall.toFixed(1)} | ${c.cold.rssMB === null ? "" : fmt(c.cold.rssMB)} | ${c.warm.wall.toFixed(1)}${c.warm.reused ? "" : " (not reused!)"} | ${(c.cold.largest / 1e6).toFixed(2)} | ${c.cold.load.toFixed(1)} |`),
    "",
  ] : []),
  "## `talkingpoints report` on the seeds (every notebook through Jupyter and tslab)",
  "",
  ...(reportRuns.length ? [
    `Median wall time: ${median(reportRuns.map((r) => r.wall)).toFixed(1)} s (runs: ${reportRuns.map((r) => r.wall.toFixed(1)).join(", ")}; load ${reportRuns.map((r) => r.load.toFixed(1)).join(", ")}).`,
    "",
    "| report | bytes |",
    "| --- | ---: |",
    ...reportRuns[0].sizes.map(([f, s]) => `| ${f} | ${fmt(s)} |`),
  ] : ["Not timed in this run (BENCH_REPORT=0)."]),
  "",
];
const file = path.join(root, "BENCHMARKS.md");
const extra = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("<!-- notes -->")[1] : undefined;
fs.writeFileSync(file, lines.join("\n") + "\n<!-- notes -->" + (extra ?? "\n"));
process.stderr.write(`wrote ${file}\n`);
