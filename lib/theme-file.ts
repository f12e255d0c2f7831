// Stage 3a, the theme file: reading and checking a dictionary (data/themes.yml or the user's own). Every mistake is
// one ThemeFileError, `file:line: what is wrong`, with the line of the mistake itself: the YAML parser reports some
// errors where it noticed them (the end of the line before a bad indent, the end of the file for an unclosed quote
// or bracket), so those are moved back to the line that has to change.
import fs from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from "yaml";
import { patternProblem } from "./theme-patterns.js";

/** One theme of the dictionary. */
export interface Theme {
  id: string;
  label: string;
  patterns: string[];
}

/** A theme file that cannot be used: the message names the file, the line and what is wrong. */
export class ThemeFileError extends Error {
  constructor(readonly file: string, readonly line: number | null, readonly reason: string) {
    super(`${file}${line ? `:${line}` : ""}: ${reason}`);
    this.name = "ThemeFileError";
  }
}

export const DEFAULT_THEMES_FILE = "data/themes.yml";

/** The dictionary a notebook or command uses when none is named: $TALKINGPOINTS_THEMES, else data/themes.yml. */
export function defaultThemesFile(): string {
  return process.env.TALKINGPOINTS_THEMES?.trim() || DEFAULT_THEMES_FILE;
}

/**
 * Read a theme dictionary: `theme-id: {label, patterns: [...]}` (or `theme-id: [patterns...]`, labelled by its id).
 * `file` defaults to $TALKINGPOINTS_THEMES, else data/themes.yml.
 * @return The themes in file order. Throws ThemeFileError (file, line, reason) for a missing or malformed file.
 */
export function loadThemes(file: string = defaultThemesFile()): Theme[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new ThemeFileError(file, null, `cannot read the theme file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseThemes(text, file);
}

/**
 * The line a YAML error belongs to. The parser places some errors after the mistake: at the line break ending the
 * line before a wrongly indented one, or at the end of the text for a quote or flow bracket never closed. Those go to
 * the next written character, or back to the line that opened the quote or bracket.
 */
function yamlErrorLine(text: string, pos: number, message: string, lines: LineCounter): number {
  const lineAt = (p: number) => lines.linePos(Math.min(p, text.length)).line;
  const unclosed = /closing "quote|closing 'quote|end with a [\]}]/.exec(message);
  if (unclosed) {
    const [open, close] = /"quote/.test(message) ? ['"', '"'] : /'quote/.test(message) ? ["'", "'"] : message.includes("]") ? ["[", "]"] : ["{", "}"];
    // The last line, at or before the error, where the opener is left open.
    const all = text.slice(0, pos).split("\n");
    for (let i = all.length - 1; i >= 0; i--) {
      const l = all[i].replace(/\s#.*$/, "");
      const opens = l.split(open).length - 1;
      const closes = open === close ? 0 : l.split(close).length - 1;
      if (open === close ? opens % 2 === 1 : opens > closes) return i + 1;
    }
    return lineAt(pos);
  }
  let p = pos;
  while (p < text.length && /\s/.test(text[p])) p++;
  return p > pos && text.slice(pos, p).includes("\n") ? lineAt(p) : lineAt(pos);
}

/** Parse theme-file text (see loadThemes); `file` names it in error messages. */
export function parseThemes(text: string, file = "themes.yml"): Theme[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? lines.linePos(node.range[0]).line : null;
  if (doc.errors.length) {
    const err = doc.errors[0];
    const message = err.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    // A key that runs onto the next line (a line indented too far) is reported where the key starts: the line that
    // is wrong is the one the key runs onto.
    const multi = doc.errors.find((e) => e.code === "MULTILINE_IMPLICIT_KEY");
    const line = (err.code === "BLOCK_AS_IMPLICIT_KEY" || err.code === "MULTILINE_IMPLICIT_KEY") && multi
      ? lines.linePos(Math.max(multi.pos[0], multi.pos[1] - 1)).line
      : yamlErrorLine(text, err.pos[0], message, lines);
    throw new ThemeFileError(file, line, `not valid YAML: ${message}`);
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) return [];
  if (!isMap(root)) throw new ThemeFileError(file, lineOf(root), "expected theme entries (theme-id: {label, patterns: [...]}) at the top level");
  const themes: Theme[] = [];
  for (const pair of root.items as Array<Pair<YamlNode, YamlNode | null>>) {
    const keyNode = pair.key;
    const id = isScalar(keyNode) ? String(keyNode.value ?? "").trim() : "";
    if (!id) throw new ThemeFileError(file, lineOf(keyNode), "a theme needs a plain id before the colon");
    const value = pair.value;
    const at = lineOf(value) ?? lineOf(keyNode);
    let label = id;
    let patternsNode: YamlNode | null | undefined;
    if (isSeq(value)) patternsNode = value;
    else if (isMap(value)) {
      for (const p of value.items as Array<Pair<YamlNode, YamlNode | null>>) {
        const k = isScalar(p.key) ? String(p.key.value) : "";
        if (k === "label") {
          if (!isScalar(p.value) || typeof p.value.value !== "string" || !p.value.value.trim())
            throw new ThemeFileError(file, lineOf(p.value) ?? lineOf(p.key), `theme "${id}": label must be a non-empty text`);
          label = p.value.value.trim();
        } else if (k === "patterns") patternsNode = p.value ?? null;
        else throw new ThemeFileError(file, lineOf(p.key), `theme "${id}": unknown key "${k}" (expected label and patterns)`);
      }
      if (patternsNode === undefined) throw new ThemeFileError(file, lineOf(keyNode), `theme "${id}" has no patterns`);
    } else throw new ThemeFileError(file, at, `theme "${id}" should be {label, patterns: [...]} or a list of patterns`);
    if (!isSeq(patternsNode)) throw new ThemeFileError(file, lineOf(patternsNode) ?? at, `theme "${id}": patterns must be a list of words or phrases`);
    if (!patternsNode.items.length) throw new ThemeFileError(file, lineOf(patternsNode) ?? at, `theme "${id}" has no patterns`);
    const patterns: string[] = [];
    for (const item of patternsNode.items as YamlNode[]) {
      const where = lineOf(item) ?? at;
      if (isMap(item) && item.items.length === 1 && isScalar((item.items[0] as Pair<YamlNode, YamlNode>).key))
        throw new ThemeFileError(file, where, `theme "${id}": pattern "${String(((item.items[0] as Pair<YamlNode, YamlNode>).key as { value: unknown }).value)}: …" has a colon and a space, which YAML reads as a key; quote the pattern`);
      if (!isScalar(item) || typeof item.value !== "string")
        throw new ThemeFileError(file, where, `theme "${id}": pattern ${isScalar(item) ? JSON.stringify(item.value) : "(a list or map)"} is not a text; quote it`);
      const problem = patternProblem(item.value);
      if (problem) throw new ThemeFileError(file, where, `theme "${id}": ${problem}`);
      patterns.push(item.value.trim());
    }
    themes.push({ id, label, patterns });
  }
  return themes;
}
