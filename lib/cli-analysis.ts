// The analysis a command reads: openAnalysis computed in the command's own process (worker threads from the built
// kit), progress on stderr only on a terminal, so piped output stays as it was.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { openAnalysis, type Analysis } from "./analysis.js";
import { buildAnalysis } from "./analysis-build.js";
import { themesFor } from "./cli-util.js";
import { DEFAULT_THEMES_FILE } from "./themes.js";

/**
 * The analysis of `dir` for a command (reused when unchanged). `themesFile` is the command's --themes, `speaker` its --speaker.
 * @return The Analysis; throws a UsageError naming the theme file's line for a broken dictionary.
 */
export async function analysisFor(dir: string, command: string, themesFile?: string, speaker?: string): Promise<Analysis> {
  const file = themesFile ?? (process.env.TALKINGPOINTS_THEMES || DEFAULT_THEMES_FILE);
  const themes = themesFor(file, command);
  const worker = new URL("./analyze-worker.js", import.meta.url);
  const threads = fs.existsSync(fileURLToPath(worker)) ? { workerFile: worker } : { workers: 0 };
  const log = process.stderr.isTTY ? (line: string) => void process.stderr.write(line + "\n") : () => {};
  return openAnalysis(dir, {
    themesFile: file, log, speaker,
    build: (d, out, meta) => buildAnalysis(d, out, { key: meta.key, kit: meta.kit, themes, speaker: meta.speaker, ...threads, onPhase: (p) => log(`  ${p}…`) }),
  });
}
