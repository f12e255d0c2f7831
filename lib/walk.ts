// Find input files under a folder: recursive, sorted, symlink loops ended, nothing skipped silently.
import fs from "node:fs";
import path from "node:path";
import type { Problem } from "./types.js";

export interface Walked {
  /** Absolute paths of regular files, in a stable order. */
  files: string[];
  problems: Problem[];
}

/** List the files below `root` (or `root` itself when it is a file); directories are followed once by real path. */
export function walkFiles(root: string, rel: (abs: string) => string): Walked {
  const files: string[] = [];
  const problems: Problem[] = [];
  const seenDirs = new Set<string>();
  const visit = (abs: string): void => {
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      problems.push({ file: rel(abs), reason: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = fs.realpathSync(abs);
      } catch (e) {
        problems.push({ file: rel(abs), reason: `unreadable folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
        return;
      }
      if (seenDirs.has(real)) return; // a symlink back into a folder already read: reading it again would loop
      seenDirs.add(real);
      let names: string[];
      try {
        names = fs.readdirSync(abs).sort();
      } catch (e) {
        problems.push({ file: rel(abs), reason: `unreadable folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
        return;
      }
      for (const n of names) if (!n.startsWith(".")) visit(path.join(abs, n));
    } else if (st.isFile()) {
      files.push(abs);
    } else {
      problems.push({ file: rel(abs), reason: "not a regular file (skipped)" });
    }
  };
  visit(root);
  return { files, problems };
}
