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

export const clean = (s: string) => s.replace(/\s+/g, " ").trim();
