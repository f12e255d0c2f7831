// Where a figure sits in its text: the sentence it is quoted with, and the URL and e-mail spans whose digits are not figures.
import { isSpaceCode } from "./figure-context.js";

const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "no", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rs", "approx", "vs", "prof", "sen", "rep", "gov", "jr", "sr", "inc", "ltd", "co", "corp"]);

// Character tests with the ASCII answer from the code and a regex only beyond ASCII (most characters are ASCII).
const OPENER = /[\p{Lu}\p{N}"“‘(\n]/u;
const LETTER = /\p{L}/u;
const CAPITAL = /^\p{Lu}$/u;
/** [ \t\u00a0] */
const isGapCode = (c: number) => c === 32 || c === 9 || c === 0xa0;
/** Can the character at k open a sentence: a capital, a digit, a quote, "(" or a line break? */
function opensSentence(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 40 || c === 10;
  return OPENER.test(text[k]);
}
function isLetterAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : LETTER.test(text[k]);
}
/** Is the word one capital letter (an initial)? One code point is one or two UTF-16 units. */
function isInitial(word: string): boolean {
  if (word.length === 1 && word.charCodeAt(0) < 128) return word.charCodeAt(0) >= 65 && word.charCodeAt(0) <= 90;
  return word.length <= 2 && CAPITAL.test(word);
}

/** Sentence spans [start, end): ends at . ! ? before whitespace and a capital, digit or quote (not after "Mr." or an initial), and at line breaks. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const close = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push([s, e]);
    start = end;
  };
  // Only a line break or . ! ? can end a sentence: the regex finds the next one (faster than a loop over characters).
  const ENDS = /[\n.!?]/g;
  for (let m = ENDS.exec(text); m; m = ENDS.exec(text)) {
    const i = m.index;
    const c = text[i];
    if (c === "\n") { close(i); continue; }
    let j = i + 1;
    while (j < text.length && "\"”’')]".includes(text[j])) j++;
    if (j < text.length && !isGapCode(text.charCodeAt(j))) continue;
    let k = j;
    while (k < text.length && isGapCode(text.charCodeAt(k))) k++;
    if (k < text.length && !opensSentence(text, k)) continue;
    if (c === ".") {
      let w = i;
      while (w > 0 && i - w < 12 && isLetterAt(text, w - 1)) w--;
      const word = text.slice(w, i);
      if (isInitial(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    close(j);
  }
  close(text.length);
  return out;
}

export const MAX_SENTENCE = 600;
const WINDOW = 150;

/** A window of a long "sentence" (a run-on line or a list) around the figure, without rescanning the whole of it. */
export function sentenceWindow(text: string, span: [number, number], start: number, end: number): string {
  const [s, e] = span;
  const from = Math.max(s, start - WINDOW);
  const to = Math.min(e, end + WINDOW);
  return (from > s ? "…" : "") + text.slice(from, to) + (to < e ? "…" : "");
}

/** Spans of URLs and e-mail addresses, whose digits are not figures (linear: no pattern can backtrack over a long run). */
export function urlSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /(?:https?:\/\/|www\.)[^\s<>"]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  // e-mail: expand around each "@", never back past the previous one
  const word = /[\w.+-]/;
  let floor = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let s = at;
    while (s > floor && word.test(text[s - 1])) s--;
    let e = at + 1;
    while (e < text.length && text[e] !== "@" && word.test(text[e])) e++;
    floor = at + 1;
    if (s < at && text.slice(at + 1, e).includes(".")) out.push([s, e]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
