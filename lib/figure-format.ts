// Figures for a reader: a value written out ("$350 billion", "75%") and ledger rows for a table or CSV.
import type { FigureKind, FigureMention } from "./figures.js";
import { wordTable, type WordTable } from "./numbers.js";

const UNIT_SIGNS: WordTable<string> = wordTable({ USD: "$", GBP: "£", EUR: "€" });
// What v.toLocaleString("en-US", { maximumFractionDigits: 4 }) gives, without building a formatter per call.
const EN_NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** A figure's value for a reader: "$350 billion", "75%", "19,000", "30 days", "PKR 5 million". */
export function formatValue(kind: FigureKind, value: number, unit: string, high?: number): string {
  const num = (v: number) => {
    const a = Math.abs(v);
    for (const [e, name] of [[12, "trillion"], [9, "billion"], [6, "million"]] as const) {
      if (a >= 10 ** e && kind === "money") return `${Number((v / 10 ** e).toPrecision(6))} ${name}`;
    }
    return EN_NUMBER.format(v);
  };
  const range = (f: (v: number) => string) => (high !== undefined ? `${f(value)}–${f(high)}` : f(value));
  if (kind === "percent") return range((v) => num(v)) + (unit === "pp" ? " percentage points" : "%");
  if (kind === "money") {
    const sign = UNIT_SIGNS.get(unit);
    return range((v) => (sign ? `${sign}${num(v)}` : `${unit} ${num(v)}`));
  }
  if (kind === "duration") return `${range(num)} ${unit}${value === 1 && high === undefined ? "" : "s"}`;
  if (kind === "ordinal") return `#${value}`;
  if (kind === "date") return high !== undefined ? `${value}–${high}` : String(value);
  return range(num);
}

/** Ledger rows for a table or CSV: one per figure, in article order. */
export function figureRows(figures: FigureMention[]): Array<Record<string, unknown>> {
  return figures.map((f) => ({
    article: f.article, kind: f.kind, value: f.value, high: f.high ?? null, unit: f.unit, qualifier: f.qualifier,
    what: f.what, text: f.text, start: f.start, end: f.end, sentence: f.sentence,
  }));
}
