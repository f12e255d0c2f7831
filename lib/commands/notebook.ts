import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseFlags, requireFolder, UsageError } from "../cli-util.js";
import { ensureJupyter, jupyterEnv, projectRoot } from "../jupyter.js";

export const summary = "start Jupyter Notebook on 127.0.0.1 with the kit's TypeScript kernel";
export const usage = `usage: talkingpoints notebook [DIR=data/articles] [--port 8888]
  Starts Jupyter Notebook on 127.0.0.1 with a random token; the notebooks read DIR.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { port: { type: "string" } }, "notebook");
  const dataDir = path.resolve(requireFolder(positionals[0] ?? "data/articles", "notebook"));
  const port = values.port ?? "8888";
  if (!/^\d{2,5}$/.test(port)) throw new UsageError(`talkingpoints notebook: --port must be a number, not "${port}"`);
  const root = projectRoot();
  const missing = ensureJupyter((s) => process.stderr.write(s + "\n"));
  if (missing) throw new UsageError(`talkingpoints notebook: ${missing}`, 3);
  const token = randomBytes(24).toString("hex");
  // Jupyter refuses to start as root unless told (containers and CI machines often run as root).
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0 ? ["--allow-root"] : [];
  const child = spawn("jupyter", ["notebook", "--no-browser", "--ip=127.0.0.1", `--port=${port}`, `--NotebookApp.token=${token}`,
    `--notebook-dir=${root}`, ...asRoot], { cwd: root, env: jupyterEnv(root, dataDir), stdio: "inherit" });
  process.stderr.write(`Open http://127.0.0.1:${port}/tree/notebooks?token=${token} (kernel: "TypeScript (talkingpoints)"; data: ${dataDir})\n`);
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 0)));
}
