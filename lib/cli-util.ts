// Shared pieces of the CLI commands: flag parsing with one-line errors, and printing rows as a table, CSV or JSON.
import { parseArgs } from "node:util";
import fs from "node:fs";
import { toCsv, toTextTable, type Row } from "./table.js";
import type { Problem } from "./types.js";
import { loadThemes, ThemeFileError, type Theme } from "./themes.js";

/** An error a user caused: the CLI prints its message on one line and exits with `code`. */
export class UsageError extends Error {
  constructor(message: string, readonly code = 2) {
    super(message);
  }
}

export type FlagSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

export type ParsedFlags<T extends FlagSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/** Parse argv against a flag spec; an unknown flag or a missing value is a UsageError naming it. */
export function parseFlags<T extends FlagSpec>(argv: string[], flags: T, command: string): ParsedFlags<T> {
  try {
    return parseArgs({ args: argv, options: flags, allowPositionals: true as const, strict: true as const });
  } catch (e) {
    // node:util's messages run to several lines of advice: keep the first sentence, on one line.
    const msg = (e as Error).message.split("\n")[0].replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(`talkingpoints ${command}: ${msg}`);
  }
}

/** Check the folder a command reads exists (a missing one is a usage error). */
export function requireFolder(dir: string, command: string): string {
  if (!fs.existsSync(dir)) throw new UsageError(`talkingpoints ${command}: no such file or folder: ${dir}`);
  return dir;
}

export type OutputFormat = "table" | "json" | "csv";

export function outputFormat(values: { json?: boolean; csv?: boolean }, command: string): OutputFormat {
  if (values.json && values.csv) throw new UsageError(`talkingpoints ${command}: choose one of --json and --csv`);
  return values.json ? "json" : values.csv ? "csv" : "table";
}

/** Print rows in the chosen format (JSON prints `json` when given, else the rows). */
export function printRows(rows: Row[], format: OutputFormat, columns?: string[], json?: unknown): void {
  if (format === "json") process.stdout.write(JSON.stringify(json ?? rows, null, 2) + "\n");
  else if (format === "csv") process.stdout.write(toCsv(rows, columns));
  else process.stdout.write(rows.length ? toTextTable(rows, columns) : "(no rows)\n");
}

/** List problems on stderr, one line each, so piped stdout stays clean. */
export function reportProblems(problems: Problem[]): void {
  for (const p of problems) process.stderr.write(`problem: ${p.file}: ${p.reason}\n`);
}

/** Load the theme dictionary for a command; a broken file is a one-line usage error naming file and line. */
export function themesFor(file: string | undefined, command: string): Theme[] {
  try {
    return loadThemes(file);
  } catch (e) {
    if (e instanceof ThemeFileError) throw new UsageError(`talkingpoints ${command}: ${e.message}`);
    throw e;
  }
}
