// `talkingpoints notebook`: Jupyter Notebook on 127.0.0.1 with the kit's kernel and settings.
//
// Decided: the data folder is the argument, else $TALKINGPOINTS_DATA, else data/articles (the same rule as
// tp.dataDir() in the kernel), and likewise --themes / $TALKINGPOINTS_THEMES; nothing in package.json passes a
// default that would hide the variable. The link printed is the one Jupyter serves: Jupyter moves to the next
// port when the asked one is taken, so the port is read from the server file it writes in a runtime folder of our
// own (nbserver-PID.json), never assumed. Jupyter runs in a process group of its own, so Ctrl-C reaches only this
// command, which then stops Jupyter with SIGTERM (Jupyter shuts its kernels down on the way out); whatever of that
// group is left after it exits is killed, and each kernel also exits when Jupyter does (it watches its parent).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseFlags, requireFolder, UsageError } from "../cli-util.js";
import { dataDir as defaultDataDir } from "../corpus.js";
import { ensureJupyter, jupyterConfigFile, jupyterEnv, projectRoot } from "../jupyter.js";

export const summary = "start Jupyter Notebook on 127.0.0.1 with the kit's TypeScript kernel";
export const usage = `usage: talkingpoints notebook [DIR] [--themes FILE] [--port 8888]
  Starts Jupyter Notebook on 127.0.0.1 with a random token; the notebooks read DIR
  (default: $TALKINGPOINTS_DATA, else data/articles) and the theme dictionary FILE
  (default: $TALKINGPOINTS_THEMES, else data/themes.yml). When the port is taken Jupyter
  takes the next free one; the link printed is the one it serves. Ctrl-C stops Jupyter
  and its kernels.`;

interface ServerInfo { port: number; url: string; pid: number }

/** The server file Jupyter writes once it listens (nbserver-PID.json in its runtime folder), or null. */
function readServerInfo(runtimeDir: string, pid: number): ServerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(runtimeDir, `nbserver-${pid}.json`), "utf8")) as ServerInfo;
  } catch {
    return null;
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { port: { type: "string" }, themes: { type: "string" } }, "notebook");
  const dataDir = path.resolve(requireFolder(positionals[0] ?? defaultDataDir(), "notebook"));
  const themesArg = values.themes ?? (process.env.TALKINGPOINTS_THEMES || undefined);
  const themesFile = themesArg === undefined ? undefined : path.resolve(requireFolder(themesArg, "notebook"));
  const port = values.port ?? "8888";
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new UsageError(`talkingpoints notebook: --port must be a port number, not "${port}"`);
  const root = projectRoot();
  const missing = ensureJupyter((s) => process.stderr.write(s + "\n"));
  if (missing) throw new UsageError(`talkingpoints notebook: ${missing}`, 3);
  const token = randomBytes(24).toString("hex");
  const runtimeDir = fs.mkdtempSync(path.join(os.tmpdir(), "talkingpoints-jupyter-"));
  const env = { ...jupyterEnv(root, dataDir, themesFile), JUPYTER_RUNTIME_DIR: runtimeDir };
  // Jupyter refuses to start as root unless told (containers and CI machines often run as root).
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0 ? ["--allow-root"] : [];
  const child = spawn("jupyter", ["notebook", `--config=${jupyterConfigFile(root)}`, "--no-browser", "--ip=127.0.0.1", `--port=${port}`,
    `--NotebookApp.token=${token}`, `--notebook-dir=${root}`, ...asRoot], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });

  let stopping = false;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (stopping || child.exitCode !== null) return;
    stopping = true;
    process.stderr.write("talkingpoints notebook: stopping Jupyter and its kernels…\n");
    child.kill("SIGTERM");
    // Jupyter gives each kernel a few seconds to shut down; past 20 s the whole group is killed.
    killTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), 20_000);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const exited = new Promise<number>((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0))));

  // Wait for the server file (the condition that Jupyter listens), or for Jupyter to exit.
  let info: ServerInfo | null = null;
  let done = false;
  void exited.then(() => (done = true));
  while (!info && !done) {
    info = readServerInfo(runtimeDir, child.pid!);
    if (!info) await new Promise((r) => setTimeout(r, 100));
  }
  if (info) {
    const moved = String(info.port) !== port ? ` (port ${port} was taken)` : "";
    const themes = themesFile ? `; themes: ${themesFile}` : "";
    process.stderr.write(`Open http://127.0.0.1:${info.port}/tree/notebooks?token=${token}${moved} (kernel: "TypeScript (talkingpoints)"; data: ${dataDir}${themes})\n`);
  }
  const code = await exited;
  if (killTimer) clearTimeout(killTimer);
  killGroup(child.pid, "SIGKILL");
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  fs.rmSync(runtimeDir, { recursive: true, force: true });
  if (!info && !stopping) throw new UsageError(`talkingpoints notebook: Jupyter exited with code ${code} before it listened (its log is above)`, code || 1);
  return stopping ? 0 : code;
}

/** Signal every process left in Jupyter's process group (none, once it has shut down cleanly). */
function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is empty.
  }
}
