// Finding (and on Debian as root, installing) Jupyter, and the environment that makes it use the kit's kernel.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The Debian packages that provide nbconvert, the notebook executor and the notebook server. PyPI is not used. */
export const JUPYTER_PACKAGES = ["jupyter-nbconvert", "python3-nbclient", "jupyter-notebook"];
export const INSTALL_HINT = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${JUPYTER_PACKAGES.join(" ")}`;

export function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

/** True when `jupyter nbconvert` can run here. */
export function hasJupyter(): boolean {
  return hasCommand("jupyter") && spawnSync("jupyter", ["nbconvert", "--version"], { stdio: "ignore" }).status === 0;
}

/**
 * Make sure Jupyter is installed. On Debian/Ubuntu as root it installs Debian's packages with apt-get;
 * elsewhere it returns the one command a person must run.
 * @return null when Jupyter is ready, else a message saying exactly how to install it.
 */
export function ensureJupyter(log: (s: string) => void = () => {}): string | null {
  if (hasJupyter()) return null;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && hasCommand("apt-get")) {
    log(`Jupyter is missing: installing ${JUPYTER_PACKAGES.join(", ")} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update"], { stdio: ["ignore", "ignore", "inherit"], env });
    const install = update.status === 0
      ? spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...JUPYTER_PACKAGES], { stdio: ["ignore", "ignore", "inherit"], env })
      : update;
    if (install.status === 0 && hasJupyter()) return null;
    return `Installing Jupyter with apt-get failed. Run: ${INSTALL_HINT}`;
  }
  return `Jupyter is not installed. Run: ${INSTALL_HINT}`;
}

/** The project root: the folder holding package.json and jupyter/kernels/talkingpoints. */
export function projectRoot(start = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, "jupyter", "kernels", "talkingpoints", "kernel.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`not inside a talkingpoints project (no jupyter/kernels/talkingpoints under ${start} or above)`);
    dir = up;
  }
}

/** Environment for Jupyter: the kit's kernel spec on JUPYTER_PATH and the data folder the notebooks read. */
export function jupyterEnv(root: string, dataDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JUPYTER_PATH: [path.join(root, "jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter) };
  if (dataDir) {
    // Relative to the project root (the kernel's working directory) when inside it, so a shared report says
    // "data/articles" and not a path on the machine that made it; absolute otherwise.
    const rel = path.relative(root, path.resolve(dataDir));
    env.TALKINGPOINTS_DATA = rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? path.resolve(dataDir) : rel;
  }
  // Quiet natural's dotenv import and Python's warnings about notebook metadata in the output we parse.
  env.DOTENV_CONFIG_QUIET = "true";
  env.PYTHONWARNINGS = "ignore";
  return env;
}
