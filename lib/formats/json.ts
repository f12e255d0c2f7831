// .json: one article object, an array of them, or an object holding them under "articles".
import type { FormatModule, ParsedRecord, RecordProblem } from "./format.js";
import { recordFrom } from "./record.js";

export const json: FormatModule = {
  extensions: [".json"],
  parse(text) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const { line, message } = jsonError(e, text);
      return [{ problem: `${line ? `line ${line}: ` : ""}not valid JSON (${message})`, line }];
    }
    const wrapped = doc && typeof doc === "object" && !Array.isArray(doc) && Array.isArray((doc as { articles?: unknown }).articles);
    const list = Array.isArray(doc) ? doc : wrapped ? (doc as { articles: unknown[] }).articles : null;
    if (!list) {
      // A single article: its id is the file name, no line.
      const r = recordFrom(doc);
      return [r];
    }
    if (!list.length) return [{ problem: "an empty list: no articles" }];
    const lines = elementLines(text, !!wrapped);
    return list.map((item, i): ParsedRecord | RecordProblem => recordFrom(item, lines[i] ?? undefined));
  },
};

/** JSON.parse's error as a line number and a short message without the quoted input. */
export function jsonError(e: unknown, text: string): { line?: number; message: string } {
  const raw = String((e as Error).message ?? e);
  const message = raw
    .replace(/,\s*(?:\.\.\.)?".*$/s, "")
    .replace(/ (?:in JSON )?at position \d+.*$/s, "")
    .replace(/\s+/g, " ")
    .slice(0, 120);
  const offset = errorOffset(raw, text);
  return { line: offset === null ? undefined : lineAt(text, offset), message };
}

/**
 * Where JSON.parse gave up. V8 names the position for most errors but not for "Unexpected token 'x'":
 * then find it by bisection: every prefix shorter than the error fails only at its own end.
 */
function errorOffset(message: string, text: string): number | null {
  const pos = /at position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (text.length > 5 * 1024 * 1024) return null;
  const failsAtEnd = (p: number): boolean => {
    try {
      JSON.parse(text.slice(0, p));
      return true;
    } catch (e) {
      const m = String((e as Error).message);
      const at = /at position (\d+)/.exec(m);
      return /Unexpected end of JSON input/.test(m) || (at !== null && Number(at[1]) >= p);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (failsAtEnd(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The 1-based line where each element of the top-level array starts (of `"articles": [...]` when wrapped),
 * found by one pass that tracks strings and nesting depth. Only called on text JSON.parse accepted.
 */
function elementLines(text: string, wrapped: boolean): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  // In the wrapped form the list sits at depth 2, under the top-level object.
  let listDepth = wrapped ? -1 : 1;
  let lastKey = "";
  let keyStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') {
        inString = false;
        if (depth === 1 && keyStart >= 0) lastKey = text.slice(keyStart, i);
      }
      continue;
    }
    if (expectElement && !/\s/.test(c)) {
      expectElement = false;
      if (c !== "]") lines.push(line);
    }
    if (c === '"') {
      inString = true;
      keyStart = i + 1;
    } else if (c === "[" || c === "{") {
      depth++;
      if (c === "[" && listDepth === -1 && depth === 2 && lastKey === "articles") listDepth = 2;
      if (c === "[" && depth === listDepth) expectElement = true;
    } else if (c === "]" || c === "}") {
      if (c === "]" && depth === listDepth) break; // the list ends; nothing after it is an element
      depth--;
    } else if (c === "," && depth === listDepth) {
      expectElement = true;
    }
  }
  return lines;
}
