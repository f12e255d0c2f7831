// Stage 3a, the pattern language of the theme dictionary: words and phrases with * wildcards, matched on stems, and
// context rules after a bar ("anniversar* | with victory, Nazi*, war"), so a word can count only where the theme is
// really meant.
//
// Decisions:
// - Rules are written in the pattern's own string, not as YAML keys: a dictionary stays a list of one-line patterns
//   a user can read and copy, and one line is the place an error points at.
// - "with" looks in the match's sentence (the unit every other part of the kit counts phrases in); "within N" in the
//   N words either side, still inside the sentence. "not LIST" drops a match that a longer excluded form overlaps
//   ("sponsor* | not co-sponsor*"); "not with" and "not within N" drop one with a word nearby.
// - Rules are tested only where a pattern already matched (a few per article), so counting stays one indexed pass
//   over the tokens: on the 2,225 BBC articles `analyze` took the same time with the retuned dictionary (see the
//   report in the commit that added rules).
import { lowerOf, stemOf, tokenize, type Token } from "./tokens.js";

type PatternWord = { kind: "stem"; stem: string } | { kind: "glob"; re: RegExp; prefix: string } | { kind: "any" };

/** A context rule: words that must (or must not) be near a match. */
export interface PatternRule {
  /** "with": in the same sentence; "within": at most `distance` words away, same sentence; "form": overlapping the match. */
  kind: "with" | "within" | "form";
  negate: boolean;
  distance: number;
  words: Pattern[];
  source: string;
}

/** A compiled pattern: one or more alternative word sequences ("cease-fire" also as "ceasefire"), and its rules. */
export interface Pattern {
  source: string;
  alternatives: PatternWord[][];
  rules: PatternRule[];
}

const PATTERN_HYPHEN = /[-‐‑]/;

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(source: string): string | null {
  try {
    parsePattern(source);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Why the words part of a pattern (no rules) cannot be used, or null. */
function wordsProblem(source: string, where = ""): string | null {
  if (!source.trim()) return where ? `${where} is empty` : "empty pattern";
  const words = compileWords(source);
  if (!words.length) return `pattern "${source.trim()}"${where ? ` (${where})` : ""} has no words`;
  if (words.every((w) => w.kind === "any")) return `pattern "${source.trim()}"${where ? ` (${where})` : ""} needs at least one word besides *`;
  return null;
}

function globWord(part: string): PatternWord {
  if (/^\*+$/.test(part)) return { kind: "any" };
  const body = lowerOf(part).replace(/[^\p{L}\p{M}\p{N}'.,*]/gu, "");
  // Only "." needs escaping: with the u flag an escaped "," is a syntax error (found with "1,000*").
  const re = new RegExp(`^${body.replace(/\./g, "\\.").replace(/\*+/g, "[\\p{L}\\p{M}\\p{N}'.,]*")}$`, "u");
  // The literal start, tested before the regex: most words fail there, and startsWith is cheaper than a Unicode regex.
  return { kind: "glob", re, prefix: body.slice(0, body.indexOf("*") < 0 ? body.length : body.indexOf("*")) };
}

function wordsOf(part: string): PatternWord[] {
  if (part.includes("*")) return part.replace(/[^\p{L}\p{M}\p{N}'’.,*]/gu, "") ? [globWord(part)] : [];
  return tokenize(part).map((t) => ({ kind: "stem", stem: t.stem }) as PatternWord);
}

function compileWords(source: string, joinHyphens = false): PatternWord[] {
  const words: PatternWord[] = [];
  for (const chunk of source.trim().split(/\s+/)) {
    const parts = chunk.split(PATTERN_HYPHEN).filter(Boolean);
    if (joinHyphens && parts.length > 1) words.push(...wordsOf(parts.join("")));
    else for (const p of parts) words.push(...wordsOf(p));
  }
  return words;
}

function alternativesOf(source: string): PatternWord[][] {
  const split = compileWords(source);
  const alternatives = [split];
  if (PATTERN_HYPHEN.test(source)) {
    const joined = compileWords(source, true);
    if (joined.length !== split.length) alternatives.push(joined);
  }
  return alternatives;
}

const RULE = /^(not(?:\s+|$))?(?:(with)(?:\s+|$)|(within)(?:\s+(\S+))?(?:\s+|$))?(.*)$/is;

function parseRule(text: string, head: string): PatternRule {
  const source = text.trim();
  if (!source) return fail(`pattern "${head}": nothing after "|" (a rule is "with WORDS", "within N WORDS", "not WORDS", "not with WORDS" or "not within N WORDS")`);
  const m = RULE.exec(source)!;
  const negate = Boolean(m[1]);
  const kind = m[2] ? "with" : m[3] ? "within" : "form";
  if (kind === "form" && !negate)
    return fail(`pattern "${head}": rule "${source}" should start with "with", "within N" or "not"`);
  let distance = Infinity;
  if (kind === "within") {
    if (!m[4] || !/^\d+$/.test(m[4]) || Number(m[4]) < 1)
      return fail(`pattern "${head}": "within" needs a whole number of words ≥ 1 before its words${m[4] ? `, not "${m[4]}"` : ""}`);
    distance = Number(m[4]);
  }
  const rest = m[5].trim();
  const name = `${negate ? "not " : ""}${kind === "with" ? "with" : kind === "within" ? `within ${distance}` : ""}`.trim();
  if (!rest) return fail(`pattern "${head}": "${name}" needs words after it (separated by commas)`);
  const words: Pattern[] = [];
  for (const item of rest.split(",")) {
    const problem = wordsProblem(item, `a word after "${name}"`);
    if (problem) return fail(`pattern "${head}": ${problem}${item.trim() ? "" : " (two commas in a row, or a comma at the end)"}`);
    words.push({ source: item.trim(), alternatives: alternativesOf(item), rules: [] });
  }
  return { kind, negate, distance, words, source };
}

function fail(message: string): never {
  throw new Error(message);
}

function parsePattern(source: string): Pattern {
  const [head, ...rules] = source.split("|");
  const headProblem = wordsProblem(head);
  if (headProblem) throw new Error(rules.length && !head.trim() ? `pattern "${source.trim()}" has no words before "|"` : headProblem);
  return { source, alternatives: alternativesOf(head), rules: rules.map((r) => parseRule(r, head.trim())) };
}

/**
 * Compile a pattern: words and phrases, case-insensitive; a word without * matches any word with the same stem
 * ("negotiation" → negotiations), a word with * matches written forms ("negotiat*" → negotiating, negotiator),
 * a lone * matches any one word. Hyphens separate words ("Russian-speaking" = "Russian speaking") and may also be
 * left out ("cease-fire" also finds "ceasefire", "ceasefire" also finds "cease-fire"). After "|", rules every match
 * must pass: `with A, B` (one of them in the sentence), `within N A, B` (within N words), `not A, B` (not part of a
 * longer form A or B), `not with …`, `not within N …`.
 */
export function compilePattern(source: string): Pattern {
  return parsePattern(source);
}

function wordMatches(w: PatternWord, lower: string, stem: string): boolean {
  return w.kind === "any" || (w.kind === "stem" ? w.stem === stem : lower.startsWith(w.prefix) && w.re.test(lower));
}

/** The end (exclusive token index) of the longest match of `words` starting at token i, or -1. */
function matchAt(tokens: Token[], i: number, words: PatternWord[], k = 0): number {
  if (k === words.length) return i;
  if (i >= tokens.length || (k > 0 && tokens[i].sentence !== tokens[i - 1].sentence)) return -1;
  const w = words[k];
  let best = -1;
  let lower = "";
  // A word can also match a hyphenated compound written as parts: "cease-fire" for "ceasefire".
  for (let j = i; j < tokens.length && j < i + 4 && (j === i || tokens[j].hyphen); j++) {
    lower += tokens[j].lower;
    if (w.kind === "any" && j > i) break;
    const stem = j === i ? tokens[i].stem : stemOf(lower);
    if (wordMatches(w, lower, stem)) best = Math.max(best, matchAt(tokens, j + 1, words, k + 1));
  }
  return best;
}

/** Whether the match tokens[first..last) passes a rule. */
function ruleHolds(tokens: Token[], first: number, last: number, rule: PatternRule): boolean {
  const sentence = tokens[first].sentence;
  let s0 = first;
  while (s0 > 0 && tokens[s0 - 1].sentence === sentence) s0--;
  let s1 = last;
  while (s1 < tokens.length && tokens[s1].sentence === tokens[last - 1].sentence) s1++;
  let from = s0;
  let to = s1;
  let reach = 0;
  if (rule.kind === "form") [from, to] = [Math.max(s0, first - 6), last];
  else if (rule.kind === "within") [from, to, reach] = [Math.max(s0, first - rule.distance - 6), Math.min(s1, last + rule.distance), rule.distance];
  // The rule's words are indexed like a theme's patterns, so each position tries only the words that can start there.
  const index = ruleIndexes.get(rule) ?? ruleIndexes.set(rule, buildIndex([rule.words])).get(rule)!;
  let found = false;
  const test = (p: number, list: Entry[]) => {
    for (const [, alt] of list) {
      const end = matchAt(tokens, p, alt);
      // with: anywhere in the sentence; form: overlapping the match; within: ending at most `reach` words before it
      // (a start at most `reach` words after it is what `to` allows).
      if (end > p && (rule.kind === "with" || end > first - reach)) return true;
    }
    return false;
  };
  for (let p = from; p < to && !found; p++) {
    if (p + 1 < tokens.length && tokens[p + 1].hyphen) {
      let lower = "";
      for (let j = p; j < tokens.length && j < p + 4 && (j === p || tokens[j].hyphen) && !found; j++) {
        lower += tokens[j].lower;
        found = test(p, index.byStem.get(j === p ? tokens[p].stem : stemOf(lower)) ?? NONE) || test(p, globsFor(index, lower));
      }
    } else found = test(p, index.byStem.get(tokens[p].stem) ?? NONE) || test(p, globsFor(index, tokens[p].lower));
  }
  return found !== rule.negate;
}

const ruleIndexes = new WeakMap<PatternRule, PatternIndex>();

function rulesHold(tokens: Token[], first: number, last: number, rules: PatternRule[]): boolean {
  for (const r of rules) if (!ruleHolds(tokens, first, last, r)) return false;
  return true;
}

/** A stretch of tokens a pattern matched: tokens[first] up to (not including) tokens[last]. */
export interface Span {
  first: number;
  last: number;
}

/** One alternative of a pattern in an index: its pattern set, its words and the pattern's rules (null: none). */
type Entry = [number, PatternWord[], PatternRule[] | null];

/** Alternatives of several pattern sets (one per theme), indexed by what their first word must match. */
export interface PatternIndex {
  key: string;
  sets: number;
  /** First word without *: by its stem. */
  byStem: Map<string, Entry[]>;
  /** First word with * or a lone *: tried against each written form once, the answer kept in `byLower`. */
  globs: Entry[];
  byLower: Map<string, Entry[]>;
  /**
   * Every glob's first word starts with a literal prefix of at least `keyLength` characters (0: some has none):
   * `prefixKeys` holds the first keyLength characters of the ASCII ones, so a word whose start is ASCII and not
   * among them matches no glob without a lookup in `byLower`.
   */
  keyLength: number;
  prefixKeys: Set<number>;
}

/** The ASCII prefix `w` begins with, as a number, or -1 when it is shorter than n or one of its first n characters is not ASCII. */
function asciiKey(w: string, n: number): number {
  if (w.length < n) return -1;
  let key = 0;
  for (let k = 0; k < n; k++) {
    const c = w.charCodeAt(k);
    if (c >= 128) return -1;
    key = (key << 7) | c;
  }
  return key;
}

/** The literal start of a glob word ("negotiat" for negotiat*), "" for a lone * (from its regex: ^literal[class]*…$). */
function globPrefix(w: PatternWord): string {
  if (w.kind !== "glob") return "";
  const src = w.re.source;
  const end = src.indexOf("[");
  return src.slice(1, end < 0 ? src.length - 1 : end).replace(/\\([.,])/g, "$1");
}

const singleIndexes = new WeakMap<Pattern[], PatternIndex>();
const patternsKey = (patterns: Pattern[]) => patterns.map((p) => p.source).join("\u0000");

/** One index over several pattern sets: spansOf then finds each set's spans in one pass over an article's tokens. */
export function buildIndex(sets: Pattern[][]): PatternIndex {
  const byStem = new Map<string, Entry[]>();
  const globs: Entry[] = [];
  sets.forEach((patterns, set) => {
    for (const p of patterns) for (const alt of p.alternatives) {
      const entry: Entry = [set, alt, p.rules.length ? p.rules : null];
      const w = alt[0];
      if (w.kind !== "stem") globs.push(entry);
      else {
        const list = byStem.get(w.stem);
        if (list) list.push(entry);
        else byStem.set(w.stem, [entry]);
      }
    }
  });
  const prefixes = globs.map(([, alt]) => globPrefix(alt[0]));
  const keyLength = Math.min(3, ...prefixes.map((p) => p.length));
  const prefixKeys = new Set<number>();
  for (const p of prefixes) {
    const key = asciiKey(p, keyLength);
    if (key >= 0) prefixKeys.add(key);
  }
  return { key: sets.map(patternsKey).join("\u0001"), sets: sets.length, byStem, globs, byLower: new Map(), keyLength, prefixKeys };
}

/** The glob alternatives whose first word matches this written form (cached per form). */
function globsFor(index: PatternIndex, lower: string): Entry[] {
  if (index.keyLength > 0) {
    // A glob matches only words that begin with its prefix: shorter words, and ASCII starts no prefix has, match none.
    if (lower.length < index.keyLength) return NONE;
    const key = asciiKey(lower, index.keyLength);
    if (key >= 0 && !index.prefixKeys.has(key)) return NONE;
  }
  let list = index.byLower.get(lower);
  if (list === undefined) {
    list = index.globs.filter(([, alt]) => wordMatches(alt[0], lower, ""));
    if (index.byLower.size > 200_000) index.byLower.clear();
    index.byLower.set(lower, list);
  }
  return list;
}

const NONE: Entry[] = [];

/**
 * Where any of the patterns match in the tokens: longest match at each start, then matches that overlap or touch
 * (nothing but spaces, hyphens or quotes between them, same sentence) merged, so each span counts once.
 * @return Spans in text order, not overlapping.
 */
export function findSpans(text: string, tokens: Token[], patterns: Pattern[]): Span[] {
  let index = singleIndexes.get(patterns);
  if (!index || index.key !== patternsKey(patterns)) {
    index = buildIndex([patterns]);
    singleIndexes.set(patterns, index);
  }
  return spansOf(text, tokens, index)[0];
}

/**
 * findSpans for several pattern sets in one pass over the tokens. At each token only the alternatives whose first
 * word can match there are tried (by stem, or by the cached glob test on the written form; before a hyphen, on
 * every joined form matchAt would try), which gives the spans trying every alternative would give. A match of a
 * pattern with rules counts only when its rules hold.
 * @return One list of spans per set, as findSpans gives them.
 */
export function spansOf(text: string, tokens: Token[], index: PatternIndex): Span[][] {
  const found: Span[][] = Array.from({ length: index.sets }, () => []);
  const ends = new Int32Array(index.sets).fill(-1);
  const touched: number[] = [];
  const tryAll = (i: number, list: Entry[]) => {
    for (const [set, alt, rules] of list) {
      const end = matchAt(tokens, i, alt);
      if (end > ends[set] && (!rules || rulesHold(tokens, i, end, rules))) {
        if (ends[set] < 0) touched.push(set);
        ends[set] = end;
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    if (i + 1 < tokens.length && tokens[i + 1].hyphen) {
      // Before a hyphen the first word may be a compound written in parts: every joined form matchAt tries.
      let lower = "";
      for (let j = i; j < tokens.length && j < i + 4 && (j === i || tokens[j].hyphen); j++) {
        lower += tokens[j].lower;
        tryAll(i, index.byStem.get(j === i ? tokens[i].stem : stemOf(lower)) ?? NONE);
        tryAll(i, globsFor(index, lower));
      }
    } else {
      tryAll(i, index.byStem.get(tokens[i].stem) ?? NONE);
      tryAll(i, globsFor(index, tokens[i].lower));
    }
    for (const set of touched) {
      if (ends[set] > i) found[set].push({ first: i, last: ends[set] });
      ends[set] = -1;
    }
    touched.length = 0;
  }
  return found.map((spans) => {
    const merged: Span[] = [];
    for (const s of spans) {
      const cur = merged[merged.length - 1];
      if (cur && (s.first < cur.last || touching(text, tokens, cur, s))) cur.last = Math.max(cur.last, s.last);
      else merged.push({ ...s });
    }
    return merged;
  });
}

function touching(text: string, tokens: Token[], a: Span, b: Span): boolean {
  if (b.first !== a.last) return false;
  const left = tokens[a.last - 1];
  const right = tokens[b.first];
  return left.sentence === right.sentence && /^[\s\-‐‑"“”'‘’]*$/.test(text.slice(left.end, right.start));
}

/** The text of a span as written, on one line. */
export function spanText(text: string, tokens: Token[], s: Span): string {
  return text.slice(tokens[s.first].start, tokens[s.last - 1].end).replace(/\s+/g, " ");
}

/** The form a match is counted under: lower case, straight quotes, one space. */
export function matchForm(written: string): string {
  return lowerOf(written).replace(/[“”]/g, '"').replace(/[‐‑]/g, "-").replace(/\s+/g, " ");
}
