// Finding (and on Debian as root, installing) what the notebooks and their tests run on — Jupyter and Chromium,
// both from Debian's packages (PyPI is not reachable here; a browser is never downloaded) — and the environment
// that makes Jupyter use the kit's kernel and settings.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The Debian packages that provide nbconvert, the notebook executor and the notebook server. PyPI is not used. */
export const JUPYTER_PACKAGES = ["jupyter-nbconvert", "python3-nbclient", "jupyter-notebook"];
export const INSTALL_HINT = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${JUPYTER_PACKAGES.join(" ")}`;
/** Debian's Chromium, which the browser tests drive through playwright-core (never a downloaded browser). */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_PACKAGES = ["chromium"];

export function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

/** True when `jupyter nbconvert` can run here. */
export function hasJupyter(): boolean {
  return hasCommand("jupyter") && spawnSync("jupyter", ["nbconvert", "--version"], { stdio: "ignore" }).status === 0;
}

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM);
}

/** The one command a person runs to install `packages`. */
export function installHint(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * Install Debian packages when running as root with apt-get (one `apt-get update`, one install).
 * @return null when they were installed, else why not (not root, no apt-get, or apt-get failed).
 */
export function aptInstall(packages: string[], log: (s: string) => void = () => {}): string | null {
  if (!isRoot()) return "not root";
  if (!hasCommand("apt-get")) return "no apt-get";
  log(`installing ${packages.join(", ")} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update"], { stdio: ["ignore", "ignore", "inherit"], env });
  const install = update.status === 0
    ? spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { stdio: ["ignore", "ignore", "inherit"], env })
    : update;
  return install.status === 0 ? null : `apt-get exited with code ${install.status}`;
}

/**
 * Make sure Jupyter is installed. On Debian/Ubuntu as root it installs Debian's packages with apt-get;
 * elsewhere it returns the one command a person must run.
 * @return null when Jupyter is ready, else a message saying exactly how to install it.
 */
export function ensureJupyter(log: (s: string) => void = () => {}): string | null {
  if (hasJupyter()) return null;
  const why = aptInstall(JUPYTER_PACKAGES, (s) => log(`Jupyter is missing: ${s}`));
  if (why === null && hasJupyter()) return null;
  if (why === "not root" || why === "no apt-get") return `Jupyter is not installed. Run: ${INSTALL_HINT}`;
  return `Installing Jupyter with apt-get failed. Run: ${INSTALL_HINT}`;
}

export interface Requirement { name: string; packages: string[]; present: () => boolean }

/** What `npm run report` and `npm test` need from Debian: Jupyter for both, Chromium for the browser tests. */
export const REQUIREMENTS: Requirement[] = [
  { name: "Jupyter", packages: JUPYTER_PACKAGES, present: hasJupyter },
  { name: "Chromium", packages: CHROMIUM_PACKAGES, present: hasChromium },
];

/**
 * Install (as root, with apt-get, in one go) whatever of `requirements` is missing.
 * @return the requirements still missing after that (empty when all are there) and the one command that installs them.
 */
export function ensureRequirements(requirements: Requirement[] = REQUIREMENTS, log: (s: string) => void = () => {}): { missing: string[]; command: string } {
  let missing = requirements.filter((r) => !r.present());
  if (missing.length > 0 && aptInstall(missing.flatMap((r) => r.packages), (s) => log(`${missing.map((r) => r.name).join(" and ")} missing: ${s}`)) === null) {
    missing = missing.filter((r) => !r.present());
  }
  return { missing: missing.map((r) => r.name), command: installHint(missing.flatMap((r) => r.packages)) };
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

/** The kit's Jupyter settings (outputs stripped on save, idle kernels culled), passed to Jupyter with --config. */
export function jupyterConfigFile(root: string): string {
  return path.join(root, "jupyter", "jupyter_notebook_config.py");
}

/** A path as the kernel should see it: relative to the project root (its working directory) when inside it. */
function forKernel(root: string, p: string): string {
  // Relative when inside the root, so a shared report says "data/articles" and not a path on the machine that made it.
  const rel = path.relative(root, path.resolve(p));
  return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? path.resolve(p) : rel;
}

/**
 * Environment for Jupyter: the kit's kernel spec on JUPYTER_PATH, the data folder the notebooks read
 * (TALKINGPOINTS_DATA) and, when given, the theme dictionary (TALKINGPOINTS_THEMES).
 */
export function jupyterEnv(root: string, dataDir?: string, themesFile?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JUPYTER_PATH: [path.join(root, "jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter) };
  if (dataDir) env.TALKINGPOINTS_DATA = forKernel(root, dataDir);
  if (themesFile) env.TALKINGPOINTS_THEMES = forKernel(root, themesFile);
  // Quiet natural's dotenv import and Python's warnings about notebook metadata in the output we parse.
  env.DOTENV_CONFIG_QUIET = "true";
  env.PYTHONWARNINGS = "ignore";
  return env;
}
