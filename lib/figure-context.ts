// The figure reader's shared state and token tests: what every reader in lib/figure-*.ts pushes into and looks at.
import type { FigureMention } from "./figures.js";
import { HYPHENS, type Token } from "./numbers.js";

export interface Ctx {
  text: string;
  toks: Token[];
  article: string;
  out: FigureMention[];
}

export function push(ctx: Ctx, f: Omit<FigureMention, "article" | "text" | "sentence">): void {
  const rec: FigureMention = { article: ctx.article, kind: f.kind, value: f.value, unit: f.unit, what: f.what, qualifier: f.qualifier, text: ctx.text.slice(f.start, f.end), sentence: "", start: f.start, end: f.end };
  if (f.high !== undefined) rec.high = f.high;
  ctx.out.push(rec);
}

export const wordAt = (toks: Token[], k: number): string | null => (toks[k] && toks[k].type === "word" ? toks[k].lower : null);
export const isP = (t: Token | undefined, s: string) => !!t && t.type === "punct" && t.text === s;
export const isHyphen = (t: Token | undefined) => !!t && t.type === "punct" && HYPHENS.has(t.text);

/** A character code that /\s/ matches (and that trim() removes). */
export const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680
  || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/** Whitespace runs as one space, trimmed. Most strings already are: those are returned as they are, unscanned by a regex. */
export function clean(s: string): string {
  let afterSpace = true; // at the start, a space would be trimmed
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (!isSpaceCode(c)) { afterSpace = false; continue; }
    if (c === 32 && !afterSpace) { afterSpace = true; continue; }
    return s.replace(/\s+/g, " ").trim();
  }
  return afterSpace && s.length > 0 ? s.replace(/\s+/g, " ").trim() : s;
}
