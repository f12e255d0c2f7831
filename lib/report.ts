// `talkingpoints report`: execute every notebook on the tslab kernel through Jupyter and write HTML reports.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { jupyterEnv } from "./jupyter.js";

export interface ReportOptions {
  /** Project root (holds notebooks/, scripts/run_notebook.py, jupyter/kernels). */
  root: string;
  /** Article folder the notebooks read. */
  dataDir: string;
  /** Output folder for the HTML files. */
  outDir: string;
  /** Notebook names (with or without .ipynb, or a number prefix like "02") to run; default all. */
  only?: string[];
  /** Notebooks run at once; default min(2, cores). */
  concurrency?: number;
  log?: (line: string) => void;
  /** More environment for the kernels (TALKINGPOINTS_CACHE, TALKINGPOINTS_THEMES). */
  env?: NodeJS.ProcessEnv;
}

export interface NotebookResult {
  notebook: string;
  html: string | null;
  seconds: number;
  /** Set when the notebook failed: which cell, its source line and the error message. */
  error?: string;
}

/** The notebooks in notebooks/, sorted, filtered by `only`. An unknown name in `only` is an error. */
export function listNotebooks(root: string, only?: string[]): string[] {
  const dir = path.join(root, "notebooks");
  const all = fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();
  if (!only || only.length === 0) return all;
  return only.map((o) => {
    const hit = all.find((f) => f === o || f === `${o}.ipynb` || f.startsWith(`${o}-`));
    if (!hit) throw new Error(`no notebook "${o}" in notebooks/ (have: ${all.join(", ")})`);
    return hit;
  });
}

/** The Python that Jupyter runs on (from the `jupyter` script's #! line), so nbclient imports. */
function jupyterPython(): string {
  const which = spawnSync("sh", ["-c", "command -v jupyter"], { encoding: "utf8" }).stdout.trim();
  const first = which ? fs.readFileSync(which, "utf8").split("\n")[0] : "";
  const m = /^#!\s*(\S+python\S*)/.exec(first);
  return m ? m[1] : "python3";
}

interface RunnerOutput { ok: boolean; cell?: number; source?: string[]; stderr?: string; error?: string }

/** The 1-based line of `src` that holds `code` (compared without whitespace), or 0. */
function findLine(src: string[], code: string): number {
  const norm = (s: string) => s.replace(/\s+/g, "");
  const c = norm(code);
  if (c.length === 0) return 0;
  const exact = src.findIndex((s) => norm(s) === c);
  if (exact >= 0) return exact + 1;
  // tslab strips types before running, so "const n: number = f();" ran as "const n = f();".
  const loose = src.findIndex((s) => norm(s).replace(/:[\w$<>\[\]|. ]+(?==)/g, "") === c);
  if (loose >= 0) return loose + 1;
  return c.length >= 6 ? src.findIndex((s) => norm(s).includes(c)) + 1 : 0;
}

/**
 * The cell line a runtime error came from. tslab runs compiled JavaScript whose line numbers do not match the
 * cell's, so the line is found by its text: V8's banner shows the line that threw ("evalmachine.<anonymous>:5"
 * then the code); when the throw was inside a called function (a lib/ function, JSON.parse…), the stack frame
 * just above the cell's first frame names the function, and the line is the one that calls it.
 */
function runtimeLine(stderr: string, src: string[]): number {
  const lines = stderr.split("\n");
  const banner = lines.findIndex((l) => /^evalmachine\.<anonymous>:\d+$/.test(l.trim()));
  if (banner >= 0) {
    const hit = findLine(src, lines[banner + 1] ?? "");
    if (hit) return hit;
  }
  const frames = lines.filter((l) => /^\s+at /.test(l));
  const first = frames.findIndex((f) => f.includes("evalmachine.<anonymous>"));
  if (first > 0) {
    const name = /^\s+at (?:new |async )?([\w$.]+) /.exec(frames[first - 1])?.[1]?.split(".").pop();
    if (name) {
      const call = new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\s*\\(`);
      const i = src.findIndex((s) => call.test(s));
      if (i >= 0) return i + 1;
    }
  }
  return 0;
}

const KERNEL_AT = /^\s+at line (\d+) of this cell: /m;

/** Turn the runner's failure record into "cell 4, line 2: `code`: TypeError: message". */
export function describeFailure(r: RunnerOutput): string {
  const stderr = (r.stderr ?? "").trim();
  const src = r.source ?? [];
  // tslab compile errors: "2:7 - Type 'string' is not assignable to type 'number'." in the cell, or
  // "lib/shift.ts 17:34 - Cannot find module…" in a file it imports (then the cell's line is the import).
  const compile = /^(?:(\S+\.tsx?) )?(\d+):(\d+) - (.+)$/m.exec(stderr);
  let message: string;
  let line: number;
  if (compile && compile[1]) {
    message = `${compile[1]} ${compile[2]}:${compile[3]} - ${compile[4]}`;
    line = src.findIndex((s) => /^\s*import\b/.test(s)) + 1;
  } else if (compile) {
    message = compile[4];
    line = Number(compile[2]);
  } else if (KERNEL_AT.test(stderr)) {
    // The kit's kernel (jupyter/kernels/talkingpoints/kernel.cjs) prints the error, then the cell line it came from.
    const lines = stderr.split("\n");
    const at = lines.findIndex((l) => KERNEL_AT.test(l));
    message = lines.slice(0, at).map((l) => l.trim()).filter(Boolean).join(" ") || (r.error ?? "unknown error");
    line = Number(KERNEL_AT.exec(lines[at])![1]);
  } else {
    message = /^\w*(?:Error|Exception)\b.*$/m.exec(stderr)?.[0] ?? stderr.split("\n").filter(Boolean).pop() ?? r.error ?? "unknown error";
    line = runtimeLine(stderr, src);
  }
  // A line that cannot be found is not guessed: the cell and the message (which names a user's file and line).
  if (line < 1 || line > src.length) return `cell ${r.cell}: ${message}`;
  return `cell ${r.cell}, line ${line}: \`${(src[line - 1] ?? "").trim()}\`: ${message}`;
}

function runOne(python: string, script: string, nbPath: string, html: string, opts: ReportOptions): Promise<RunnerOutput> {
  return new Promise((resolve) => {
    const child = spawn(python, [script, nbPath, html, opts.root, "600"], { cwd: opts.root, env: { ...jupyterEnv(opts.root, opts.dataDir), ...opts.env, TALKINGPOINTS_TABLES: path.join(opts.outDir, "tables"), TALKINGPOINTS_NOTEBOOK: path.basename(nbPath, ".ipynb") }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(last) as RunnerOutput);
      } catch {
        const why = err.trim().split("\n").filter((l) => !/Warning|validate\(nb\)/.test(l)).slice(-3).join(" ");
        resolve({ ok: false, error: `the notebook runner exited with code ${code}: ${why || "no output"}` });
      }
    });
  });
}

/** Run the notebooks (at most `concurrency` at once); stops starting new ones after the first failure. */
export async function renderNotebooks(opts: ReportOptions): Promise<NotebookResult[]> {
  const { root, outDir, only, concurrency = Math.max(1, Math.min(2, os.cpus().length)), log = () => {} } = opts;
  const names = listNotebooks(root, only);
  fs.mkdirSync(outDir, { recursive: true });
  const python = jupyterPython();
  const script = path.join(root, "scripts", "run_notebook.py");
  const results: NotebookResult[] = [];
  let next = 0;
  let failed = false;
  // The full tables of this run's notebooks only: what an earlier run of them wrote is removed first.
  const tables = path.join(outDir, "tables");
  if (fs.existsSync(tables))
    for (const f of fs.readdirSync(tables)) if (names.some((n) => f.startsWith(`${n.replace(/\.ipynb$/, "")}-`))) fs.rmSync(path.join(tables, f), { force: true });
  const worker = async () => {
    while (next < names.length && !failed) {
      const k = next;
      const name = names[next++];
      const html = path.join(outDir, name.replace(/\.ipynb$/, ".html"));
      log(`rendering notebook ${k + 1} of ${names.length}: ${name.replace(/\.ipynb$/, "")}…`);
      const t0 = Date.now();
      const r = await runOne(python, script, path.join(root, "notebooks", name), html, opts);
      const seconds = (Date.now() - t0) / 1000;
      if (r.ok) {
        log(`  ${name}: done in ${seconds.toFixed(1)} s → ${path.relative(process.cwd(), html) || html}`);
        results.push({ notebook: name, html, seconds });
      } else {
        failed = true;
        const error = r.cell ? describeFailure(r) : (r.error ?? "unknown error");
        log(`  ${name}: FAILED after ${seconds.toFixed(1)} s — ${error}`);
        results.push({ notebook: name, html: null, seconds, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, worker));
  return results.sort((a, b) => (a.notebook < b.notebook ? -1 : 1));
}
