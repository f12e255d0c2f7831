// Running the built CLI from a test: build once per file, spawn `node bin/talkingpoints.js`, check one-line errors.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { expect } from "vitest";

/** `npm run build`; another test file may be building at the same time, so a failed build is fatal only if `distFile` is missing. */
export function buildCli(distFile = "dist/cli.js"): void {
  // test/global-setup.ts builds dist/ once before any test file runs. Building again here while another file's
  // test runs the CLI rewrites dist/ under it (a worker once failed to import a half-written dist/quotes.js).
  if (fs.existsSync(distFile)) return;
  try {
    execFileSync("npm", ["run", "build"], { stdio: "pipe" });
  } catch (e) {
    if (!fs.existsSync(distFile)) throw new Error(`npm run build failed: ${String((e as { stdout?: Buffer }).stdout ?? e)}`);
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `talkingpoints …args` and collect its exit code and output. */
export function cli(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, ["bin/talkingpoints.js", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A user error: exit `code`, stderr exactly one line matching `message`, no stack frames. */
export function expectOneLineError(r: CliRun, code: number, message: string | RegExp): void {
  expect(r.code).toBe(code);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}
