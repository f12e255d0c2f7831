// Find input files under a folder: recursive, sorted, symlink loops ended, nothing skipped silently.
import fs from "node:fs";
import path from "node:path";
import type { Problem } from "./types.js";

export interface Walked {
  /** Absolute paths of regular files, in a stable order. */
  files: string[];
  problems: Problem[];
}

/**
 * List the files below `root` (or `root` itself when it is a file). Symbolic links are followed after the
 * folders' own entries, and each folder and file is read once by real path: a symlink loop ends, and a link
 * to something already listed becomes a problem naming it. Hidden names (starting with "."), broken links
 * and anything that is not a regular file become problems too, never silent skips.
 */
export function walkFiles(root: string, rel: (abs: string) => string): Walked {
  const files: string[] = [];
  const problems: Problem[] = [];
  // Real path → the path it was first listed under (the root folder: ""), for the "already read" problems.
  const seenDirs = new Map<string, string>();
  const seenFiles = new Map<string, string>();
  const links: string[] = [];
  const problem = (abs: string, reason: string) => problems.push({ file: rel(abs), reason });
  const visit = (abs: string, isRoot: boolean, followLink: boolean): void => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
      if (st.isSymbolicLink()) {
        // Real entries first, so that a file reached both directly and through a link is listed under its own name.
        if (!isRoot && !followLink) {
          links.push(abs);
          return;
        }
        st = fs.statSync(abs);
      }
    } catch (e) {
      const broken = (e as NodeJS.ErrnoException).code === "ENOENT" && isSymlink(abs);
      problem(abs, broken ? "broken link (its target does not exist)" : `unreadable (${errorText(e)})`);
      return;
    }
    let real: string;
    if (!isRoot && isHidden(abs, st.isDirectory())) return;
    try {
      real = fs.realpathSync(abs);
    } catch (e) {
      problem(abs, `unreadable (${errorText(e)})`);
      return;
    }
    if (st.isDirectory()) enter(abs, real, isRoot);
    else if (st.isFile()) add(abs, real);
    else problem(abs, "not a regular file (skipped)");
  };
  const isHidden = (abs: string, isDir: boolean): boolean => {
    if (!path.basename(abs).startsWith(".")) return false;
    // Editors and operating systems leave these (.DS_Store, .ipynb_checkpoints, .git): listed, not read.
    problem(abs, isDir ? "hidden folder (skipped)" : "hidden file (skipped)");
    return true;
  };
  const enter = (abs: string, real: string, isRoot: boolean): void => {
    const first = seenDirs.get(real);
    if (first !== undefined) {
      problem(abs, `link to a folder already read (${first ? rel(first) : "."}); skipped so the walk ends`);
      return;
    }
    seenDirs.set(real, isRoot ? "" : abs);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      problem(abs, `unreadable folder (${errorText(e)})`);
      return;
    }
    for (const d of entries) {
      const child = path.join(abs, d.name);
      // A plain file or folder is what its entry says, and its real path is its name in this folder's real path:
      // no lstat or realpath for it. Links and entries of unknown type take the long way.
      if (d.isFile() || d.isDirectory()) {
        if (isHidden(child, d.isDirectory())) continue;
        if (d.isDirectory()) enter(child, path.join(real, d.name), false);
        else add(child, path.join(real, d.name));
      } else visit(child, false, false);
    }
  };
  const add = (abs: string, real: string): void => {
    const first = seenFiles.get(real);
    if (first !== undefined) {
      problem(abs, `same file as ${rel(first)} (a link; skipped)`);
      return;
    }
    seenFiles.set(real, abs);
    files.push(abs);
  };
  visit(root, true, false);
  // Links found while following links join the queue; each folder is entered once, so the queue empties.
  for (let i = 0; i < links.length; i++) visit(links[i], false, true);
  return { files, problems };
}

function isSymlink(abs: string): boolean {
  try {
    return fs.lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A short reason for a file-system error: "permission denied" rather than a stack of errno text. */
export function errorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENOENT: "no such file",
    EIO: "input/output error",
    ELOOP: "too many levels of symbolic links",
    ENAMETOOLONG: "name too long",
    EISDIR: "is a folder",
  };
  return (code && known[code]) ?? code ?? String((e as Error).message ?? e).split("\n")[0];
}
