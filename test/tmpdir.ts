// Temporary folders of small files the loader tests write, removed after each test file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const made: string[] = [];

/** A fresh empty folder under the system temp dir (mode 0755, so a test may read it as another user). */
export function tempDir(prefix = "talkingpoints-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}

/** Write files (text as UTF-8, or raw bytes) under `dir`, making sub-folders named in the paths. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** A temp folder holding `files`. */
export function folderWith(files: Record<string, string | Uint8Array>): string {
  return writeFiles(tempDir(), files);
}

export function removeTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
