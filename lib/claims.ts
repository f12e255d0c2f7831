// Stage: figures → claims. Mentions whose values agree, given their hedges and rounding, about the same thing are
// one claim with every written form; a claim whose value really changed over time is drift, its values side by
// side and never merged.
//
// The agreement rule. Each mention stands for an interval of values:
// - As written, a number is exact to half its last significant place, at most ROUNDING_CAP (5%) of it:
//   "$70.2 billion" → 70.15–70.25 bn; "$70 billion" → 66.5–73.5 bn (half of 10 bn capped at 5%); "339" → 338.5–339.5.
// - A lower bound ("over", "more than", "exceeding", "at least", "in excess of") → value … value × LOWER_SPAN (1.25);
//   "just over" → value … value × 1.1.
// - An upper bound ("under", "less than", "nearly", "almost", "up to", "close to") → value × UPPER_SPAN (0.8) … value.
// - An approximation ("about", "around", "approximately", "some", "an estimated") → value × (1 ∓ APPROX_SPAN (0.1)).
// - A range ("15-20 percent") → its two ends.
// Mentions of one kind and unit (money: one currency) agree when their intervals overlap; a claim is a set of
// mentions whose intervals all share one value (for intervals, pairwise overlap is that), so "over $70 billion"
// (70–87.5), "about $70 billion" (63–77), "approximately USD70.2 billion" (63.2–77.2) and "exceeding $70 billion"
// are one claim, and no chain of neighbours can stretch a claim from 70 to 90.
//
// "About the same thing" is judged on the `what` and on the sentence around the figure:
// - the `what`s are compatible as the figure ledger judges them (recurring.ts: a shared content stem, people words
//   as one), after the related words of data/claim-words.txt are made one ("young people" ~ "children"); or
// - for a distinctive value (three or more significant digits, or two that are not a round ten: 339, 6,060,
//   70.2 bn, 4,900 is not), the words within CONTEXT_WORDS (12) of the figure share a content stem that is not
//   common (used by at least max(COMMON_FLOOR = 10, COMMON_CONTEXT = 25%) of the figure sentences read this way):
//   "list" in "a list of 339 children" / "the 339 names on the list". Small and round values ("three", "1,000") need compatible `what`s: they recur by chance.
// - A mention that names nothing ("" or "total amount") joins the one claim its value agrees with, else stands alone.
// Drift: two claims of one kind (money in any currency, others in one unit) whose intervals do not overlap, with the
// same head noun and at least two shared content words, stated in disjoint articles with different first dates
// (recurring.ts's rule, on claims): "financial and military aid exceeding $350 billion" (February) against
// "European military and financial aid … approximately USD70.2 billion" (September).
import fs from "node:fs";
import { formatValue, QUANTITY_KINDS, type FigureKind, type FigureMention } from "./figures.js";
import { cmpDate, figureLabel, headOf, stem, stemsOf, STOP, wordsOf } from "./recurring.js";
import type { Article } from "./types.js";

export const ROUNDING_CAP = 0.05;
export const LOWER_SPAN = 1.25;
export const JUST_SPAN = 1.1;
export const UPPER_SPAN = 0.8;
export const APPROX_SPAN = 0.1;
export const CONTEXT_WORDS = 12;
/** A context stem used by at least this share of the figure sentences is too common to tie two figures. */
export const COMMON_CONTEXT = 0.25;
/** …and at least this many of them: in a small corpus every shared word is rare. */
export const COMMON_FLOOR = 10;
/** A mention that names nothing and agrees with more claims than this is left alone: which it meant is a guess. */
export const MAX_AGREEING = 64;

const LOWER = new Set(["over", "more than", "exceeding", "exceeded", "exceeds", "exceed", "at least", "no fewer than", "no less than",
  "not less than", "in excess of", "upwards of", "upward of", "above", "surpassing", "surpassed", "surpasses", "surpass", "well over", "well above", "greater than"]);
const JUST = new Set(["just over"]);
const UPPER = new Set(["under", "less than", "fewer than", "below", "up to", "nearly", "almost", "close to", "just under", "no more than",
  "not more than", "at most", "as many as", "as much as", "as few as"]);
const APPROX = new Set(["about", "around", "approximately", "approx", "roughly", "some", "an estimated", "estimated", "circa"]);

/** The values a mention allows, from its hedge and the precision it is written to. */
export function mentionInterval(m: Pick<FigureMention, "value" | "high" | "qualifier">): [number, number] {
  const v = m.value;
  if (m.high !== undefined) return [Math.min(v, m.high), Math.max(v, m.high)];
  const q = m.qualifier;
  const a = Math.abs(v);
  if (LOWER.has(q)) return [v, v + a * (LOWER_SPAN - 1)];
  if (JUST.has(q)) return [v, v + a * (JUST_SPAN - 1)];
  if (UPPER.has(q)) return [v - a * (1 - UPPER_SPAN), v];
  const r = Math.min(halfPlace(a), a * ROUNDING_CAP);
  if (APPROX.has(q)) { const s = Math.max(a * APPROX_SPAN, r); return [v - s, v + s]; }
  return [v - r, v + r];
}

/** Half the place of a number's last significant digit: 70.2e9 → 0.05e9, 19000 → 500, 339 → 0.5. */
function halfPlace(a: number): number {
  if (a === 0) return 0;
  const digits = a.toPrecision(15).replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  const mag = Math.floor(Math.log10(a));
  return 10 ** (mag - Math.max(1, digits.length) + 1) / 2;
}

/** Three or more significant digits, or two that do not end a round ten (339, 6,060, 70.2 bn; not 3, 1,000, 70). */
function distinctive(v: number): boolean {
  const a = Math.abs(v);
  if (!a) return false;
  const digits = a.toPrecision(15).replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return digits.length >= 3 || (digits.length === 2 && a >= 20);
}

// ---- related words ----------------------------------------------------------------------------------------

let related: Map<string, string> | undefined;
const DEFAULT_WORDS = new URL("../data/claim-words.txt", import.meta.url);

/** Parse a related-words file: one group a line, comma-separated; each word's stems map to the group's first. */
export function parseClaimWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const words = line.split(",").map((w) => w.trim().toLowerCase()).filter(Boolean);
    if (!words.length) continue;
    const key = phraseKey(words[0]);
    for (const w of words) out.set(phraseKey(w), key);
  }
  return out;
}
const phraseKey = (w: string) => wordsOf(w).map(stem).join(" ");

function relatedWords(): Map<string, string> {
  if (!related) {
    try { related = parseClaimWords(fs.readFileSync(DEFAULT_WORDS, "utf8")); } catch { related = new Map(); }
  }
  return related;
}

/** Content stems of a phrase with related words made one ("young people" → child), and bigram groups read first. */
function claimStems(text: string, words = relatedWords()): Set<string> {
  // stopwords and generic heads ("amount", "total") left out, as the figure ledger leaves them out
  const raw = wordsOf(text).filter((w) => stemsOf(w).size > 0);
  const ws = raw.map(stem);
  const out = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const two = i + 1 < ws.length ? words.get(ws[i] + " " + ws[i + 1]) : undefined;
    if (two) { out.add(two); i++; continue; }
    out.add(words.get(ws[i]) ?? ws[i]);
  }
  return out;
}

// Words around a figure that say nothing of what it counts.
const CONTEXT_STOP = new Set(["said", "say", "says", "told", "note", "noted", "ad", "add", "added", "state", "stated", "also", "he", "she", "they", "it",
  "we", "i", "was", "were", "is", "are", "be", "been", "has", "have", "had", "which", "who", "not", "but", "or", "so", "than", "more", "over",
  "about", "some", "nearli", "approxim", "total", "highlight", "remark", "accord"].map((w) => stem(w)));

/** Content stems of the words within CONTEXT_WORDS of a mention in its sentence (the figure's own words left out). */
function contextStems(m: FigureMention): Set<string> {
  const s = m.sentence;
  const at = s.indexOf(m.text);
  const before = at >= 0 ? s.slice(0, at) : s;
  const after = at >= 0 ? s.slice(at + m.text.length) : "";
  const ws = [...wordsOf(before).slice(-CONTEXT_WORDS), ...wordsOf(after).slice(0, CONTEXT_WORDS)];
  const words = relatedWords();
  const out = new Set<string>();
  for (const w of ws) {
    if (STOP.has(w) || /^\d/.test(w)) continue;
    const st = stem(w);
    if (CONTEXT_STOP.has(st)) continue;
    out.add(words.get(st) ?? st);
  }
  return out;
}

// ---- claims -----------------------------------------------------------------------------------------------

/** One claim: mentions that agree in value about the same thing, with every written form. */
export interface Claim {
  /** "c1", "c2", … in the order of the list. */
  id: string;
  /** For a reader: "European military and financial aid: $70.2 billion". */
  claim: string;
  kind: FigureKind;
  unit: string;
  /** The most precisely written value (finest last digit, then narrowest interval), and its range end when it is a range. */
  value: number;
  high?: number;
  /** The values every mention allows: [low, high]. */
  agreed: [number, number];
  /** Each distinct value as stated, formatted ("$70 billion", "$70.2 billion"). */
  values: string[];
  /** The most common specific `what` ("" when none says). */
  what: string;
  /** Every written form with its hedge, each once: "approximately USD70.2 billion", "over $70 billion". */
  forms: string[];
  articles: string[];
  /** Events (briefings) stating it, earliest first; without `article.event`, the article's date (else its id) stands for its event. */
  events: string[];
  outlets: string[];
  first: string | null;
  last: string | null;
  firstEvent: string | null;
  lastEvent: string | null;
  /** The value stated at each date, earliest first. */
  overTime: Array<{ date: string | null; event: string | null; values: string[]; forms: string[] }>;
  /** held: stated at two or more events without drift; drifted: part of a drift; once: at one event only. */
  status: "held" | "drifted" | "once";
  /** Ids of the claims this one drifted against. */
  driftWith: string[];
  mentions: FigureMention[];
}

/** A claim whose value changed over time: its claims side by side, earliest first. */
export interface ClaimDrift {
  /** The head noun they share ("aid"). */
  claim: string;
  kind: FigureKind;
  claims: Claim[];
  first: string | null;
  last: string | null;
}

export interface ClaimsResult {
  claims: Claim[];
  drift: ClaimDrift[];
}

const EMPTY: ReadonlySet<string> = new Set<string>();

interface Item {
  m: FigureMention;
  iv: [number, number];
  stems: Set<string>;
  specific: boolean;
  head: string;
  context: ReadonlySet<string>;
  distinctive: boolean;
}

interface Building {
  items: Item[];
  lo: number;
  hi: number;
  stems: Set<string>;
  context: Set<string>;
  anchor: number;
  /** Some member names what it counts. */
  named: boolean;
  /** Place in the bucket's list: the earliest made claim wins a tie. */
  order: number;
}

/**
 * Do two intervals share a value? Touching ends do not: "24" (23.5–24.5) and "25" (24.5–25.5) are two values.
 * A point (an exact 0) overlaps what contains it.
 */
function overlaps(lo1: number, hi1: number, lo2: number, hi2: number): boolean {
  if (lo1 === hi1 || lo2 === hi2) return lo1 <= hi2 && lo2 <= hi1;
  return lo1 < hi2 && lo2 < hi1;
}

/**
 * Group quantity mentions into claims and find the claims whose value drifted.
 * @param articles the articles the figures come from (dates, outlets, events via `article.event`).
 * @return claims stated at most events first, then earliest; drift by reach, then earliest.
 */
export function figureClaims(figures: FigureMention[], articles: Article[] = []): ClaimsResult {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const items: Item[] = [];
  for (const m of figures) {
    if (!QUANTITY_KINDS.includes(m.kind)) continue;
    const stems = claimStems(m.what);
    const head = headOf(m.what);
        const specific = stems.size > 0 && head !== "";
    const dist = distinctive(m.value);
    // the words around a figure are read only where they can decide: a distinctive value, or a mention naming nothing
    items.push({ m, iv: mentionInterval(m), stems, specific, head, context: dist || !specific ? contextStems(m) : EMPTY, distinctive: dist });
  }
  // context stems too common to tie two figures
  const df = new Map<string, number>();
  for (const it of items) for (const s of it.context) df.set(s, (df.get(s) ?? 0) + 1);
  const common = new Set<string>();
  const limit = Math.max(COMMON_FLOOR, items.length * COMMON_CONTEXT);
  for (const [s, n] of df) if (n >= limit) common.add(s);

  const buckets = new Map<string, Item[]>();
  for (const it of items) {
    const key = `${it.m.kind}|${it.m.unit}`;
    const b = buckets.get(key);
    if (b) b.push(it); else buckets.set(key, [it]);
  }
  const built: Building[] = [];
  for (const bucket of buckets.values()) {
    // narrowest intervals first, so the precise "$70.2 billion" anchors the hedged "over $70 billion"
    const width = (it: Item) => (it.iv[1] - it.iv[0]) / Math.max(1e-12, Math.abs(it.m.value));
    bucket.sort((a, b) => (b.specific ? 1 : 0) - (a.specific ? 1 : 0) || width(a) - width(b) || a.m.value - b.m.value);
    const claims: Building[] = [];
    const byStem = new Map<string, Building[]>();
    const addStem = (c: Building, st: string) => {
      if (c.stems.has(st)) return;
      c.stems.add(st);
      const list = byStem.get(st);
      if (list) list.push(c); else byStem.set(st, [c]);
    };
    // claims by anchor value, sorted: a claim's values lie within its anchor mention's interval, which is at most
    // LOWER_SPAN above or UPPER_SPAN below the anchor (APPROX_SPAN and ROUNDING_CAP are narrower), so only anchors
    // in [lo × UPPER_SPAN, hi × LOWER_SPAN] (by magnitude) can agree with a mention: found by binary search
    const anchors: Building[] = [];
    const firstAtLeast = (x: number) => {
      let a = 0, b = anchors.length;
      while (a < b) { const m = (a + b) >> 1; if (anchors[m].anchor < x) a = m + 1; else b = m; }
      return a;
    };
    for (const it of bucket) {
      const from = Math.min(it.iv[0] / LOWER_SPAN, it.iv[0] * LOWER_SPAN, it.iv[0] * UPPER_SPAN, it.iv[0] / UPPER_SPAN);
      const to = Math.max(it.iv[1] / UPPER_SPAN, it.iv[1] * UPPER_SPAN, it.iv[1] * LOWER_SPAN, it.iv[1] / LOWER_SPAN);
      let target: Building | undefined;
      if (it.specific && !it.distinctive) {
        // a small or round value joins only a claim that shares a content stem: look those up by stem
        for (const st of it.stems) {
          for (const c of byStem.get(st) ?? []) {
            if (overlaps(c.lo, c.hi, it.iv[0], it.iv[1]) && (!target || c.order < target.order)) target = c;
          }
        }
        if (!target) {
          // or a claim whose mentions name nothing yet (none exist while named mentions are read first; kept for clarity)
          for (let k = firstAtLeast(from); k < anchors.length && anchors[k].anchor <= to; k++) {
            const c = anchors[k];
            if (!c.named && overlaps(c.lo, c.hi, it.iv[0], it.iv[1])) { target = c; break; }
          }
        }
      } else {
        const agreeing: Building[] = [];
        for (let k = firstAtLeast(from); k < anchors.length && anchors[k].anchor <= to && agreeing.length <= MAX_AGREEING; k++) {
          const c = anchors[k];
          if (overlaps(c.lo, c.hi, it.iv[0], it.iv[1])) agreeing.push(c);
        }
        agreeing.sort((a, b) => a.order - b.order);
        if (it.specific) target = agreeing.find((c) => sameThing(it, c, common));
        else if (agreeing.length <= MAX_AGREEING) {
          const near = agreeing.filter((c) => sharedContext(it.context, c.context, common) > 0);
          target = near.length === 1 ? near[0] : agreeing.length === 1 ? agreeing[0] : undefined;
        }
      }
      if (target) {
        target.items.push(it);
        if (it.specific) target.named = true;
        for (const st of it.stems) addStem(target, st);
        target.lo = Math.max(target.lo, it.iv[0]);
        target.hi = Math.min(target.hi, it.iv[1]);
        for (const s of it.context) target.context.add(s);
      } else {
        const c: Building = { items: [it], lo: it.iv[0], hi: it.iv[1], stems: new Set(), context: new Set(it.context), anchor: it.m.value, named: it.specific, order: claims.length };
        for (const st of it.stems) addStem(c, st);
        claims.push(c);
        anchors.splice(firstAtLeast(c.anchor), 0, c);
      }
    }
    built.push(...claims);
  }
  const claims = built.map((b) => makeClaim(b, byId));
  claims.sort((a, b) => b.events.length - a.events.length || b.articles.length - a.articles.length || cmpDate(a.first, b.first)
    || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || a.value - b.value || (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
  claims.forEach((c, i) => { c.id = `c${i + 1}`; });
  const drift = claimDrift(claims);
  return { claims, drift };
}

/** Does a mention that names something speak of the same thing as a claim? */
function sameThing(it: Item, c: Building, common: Set<string>): boolean {
  if (!c.named) return true;
  for (const s of it.stems) if (c.stems.has(s)) return true;
  return it.distinctive && sharedContext(it.context, c.context, common) > 0;
}

function sharedContext(a: ReadonlySet<string>, b: ReadonlySet<string>, common: Set<string>): number {
  let n = 0;
  for (const s of a) if (!common.has(s) && b.has(s)) n++;
  return n;
}

function makeClaim(b: Building, byId: Map<string, Article>): Claim {
  const date = (m: FigureMention) => byId.get(m.article)?.date ?? null;
  // without events (articles not grouped), one date stands for one briefing, and an undated article for itself
  const eventOf = (m: FigureMention) => { const a = byId.get(m.article); return a?.event ?? a?.date ?? m.article; };
  const ms = b.items.map((x) => x.m);
  ms.sort((x, y) => cmpDate(date(x), date(y)) || (x.article < y.article ? -1 : x.article > y.article ? 1 : 0) || x.start - y.start);
  // the most precisely written value anchors the claim ("approximately USD70.2 billion" over "about $70 billion")
  let narrow = b.items[0];
  let bestPrecision = Infinity;
  for (const x of b.items) {
    const p = halfPlace(Math.abs(x.m.value)) / Math.max(1e-12, Math.abs(x.m.value));
    if (p < bestPrecision || (p === bestPrecision && x.iv[1] - x.iv[0] < narrow.iv[1] - narrow.iv[0])) { bestPrecision = p; narrow = x; }
  }
  const anchor = narrow.m;
  const counts = new Map<string, number>();
  for (const m of ms) if (m.what && headOf(m.what)) counts.set(m.what, (counts.get(m.what) ?? 0) + 1);
  let what = "";
  let best = 0;
  for (const m of ms) { const n = counts.get(m.what) ?? 0; if (n > best) { best = n; what = m.what; } }
  // one formatted value per distinct value and range end
  const formatted = new Map<string, string>();
  const fmt = (m: FigureMention) => {
    const key = `${m.value}|${m.high ?? ""}`;
    let v = formatted.get(key);
    if (v === undefined) { v = formatValue(m.kind, m.value, m.unit, m.high); formatted.set(key, v); }
    return v;
  };
  const form = (m: FigureMention) => (m.qualifier ? `${m.qualifier} ` : "") + m.text.replace(/\s+/g, " ");
  const uniq = (xs: Array<string | null>) => Array.from(new Set(xs.filter((x): x is string => !!x)));
  const overTime: Claim["overTime"] = [];
  const rows = new Map<string, Claim["overTime"][number]>();
  for (const m of ms) {
    const d = date(m);
    const e = eventOf(m);
    let row = rows.get(`${d}|${e}`);
    if (!row) { row = { date: d, event: e, values: [], forms: [] }; overTime.push(row); rows.set(`${d}|${e}`, row); }
    if (!row.values.includes(fmt(m))) row.values.push(fmt(m));
    if (!row.forms.includes(form(m))) row.forms.push(form(m));
  }
  const events = uniq(ms.map(eventOf));
  const ds = ms.map(date).filter((d): d is string => !!d);
  const claim: Claim = {
    id: "", claim: figureLabel(anchor.kind, anchor.value, anchor.unit, what, anchor.high), kind: anchor.kind, unit: anchor.unit,
    value: anchor.value, agreed: [b.lo, b.hi], values: uniq(ms.map(fmt)), what, forms: uniq(ms.map(form)),
    articles: uniq(ms.map((m) => m.article)), events, outlets: uniq(ms.map((m) => byId.get(m.article)?.outlet ?? null)),
    first: ds.length ? ds[0] : null, last: ds.length ? ds[ds.length - 1] : null,
    firstEvent: events[0] ?? null, lastEvent: events[events.length - 1] ?? null, overTime,
    status: events.length >= 2 ? "held" : "once", driftWith: [], mentions: ms,
  };
  if (anchor.high !== undefined) claim.high = anchor.high;
  return claim;
}

/** Claims of one subject whose values disagree, stated in different articles at different dates. */
function claimDrift(claims: Claim[]): ClaimDrift[] {
  const bySubject = new Map<string, Claim[]>();
  for (const c of claims) {
    const head = headOf(c.what);
    if (!head) continue;
    const key = `${c.kind}|${c.kind === "money" ? "" : c.unit}|${head}`;
    const list = bySubject.get(key);
    if (list) list.push(c); else bySubject.set(key, [c]);
  }
  const out: ClaimDrift[] = [];
  for (const list of bySubject.values()) {
    if (list.length < 2) continue;
    const stems = list.map((c) => stemsOf(c.what));
    const inDrift = new Set<number>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.unit === b.unit && overlaps(a.agreed[0], a.agreed[1], b.agreed[0], b.agreed[1])) continue;
        if (!a.first || !b.first || a.first === b.first || a.articles.some((x) => b.articles.includes(x))) continue;
        let shared = 0;
        for (const x of stems[i]) if (stems[j].has(x)) shared++;
        if (shared < 2) continue;
        inDrift.add(i); inDrift.add(j);
        a.driftWith.push(b.id); b.driftWith.push(a.id);
      }
    }
    if (!inDrift.size) continue;
    const sorted = list.filter((_, i) => inDrift.has(i)).sort((a, b) => cmpDate(a.first, b.first) || a.value - b.value);
    for (const c of sorted) c.status = "drifted";
    const words = wordsOf(sorted[0].what.split(/\s+of\s+/i)[0]);
    out.push({ claim: words[words.length - 1] ?? "", kind: sorted[0].kind, claims: sorted, first: sorted[0].first,
      last: sorted.map((c) => c.last).reduce<string | null>((m, d) => (d && (!m || d > m) ? d : m), null) });
  }
  const reach = (d: ClaimDrift) => new Set(d.claims.flatMap((c) => c.articles)).size;
  out.sort((a, b) => reach(b) - reach(a) || cmpDate(a.first, b.first) || (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
  return out;
}

/** One row per claim for a table (CLI, notebook, CSV): values over time as "date: value" joined by " → ". */
export function claimRows(claims: Claim[]): Array<Record<string, unknown>> {
  return claims.map((c) => ({
    id: c.id, claim: c.claim, kind: c.kind, status: c.status, what: c.what, unit: c.unit, values: c.values.join("; "),
    first: c.first ?? "", last: c.last ?? "", firstEvent: c.firstEvent ?? "", lastEvent: c.lastEvent ?? "",
    events: c.events.length, articles: c.articles.length,
    overTime: c.overTime.map((r) => `${r.date ?? "undated"}: ${r.values.join("/")}`).join(" → "),
    outlets: c.outlets.join("; "), forms: c.forms.join("; "), driftWith: c.driftWith.join(", "),
  }));
}

/** Rows for a drift table: each drifting claim on its own line, side by side under its subject. */
export function claimDriftRows(drift: ClaimDrift[]): Array<Record<string, unknown>> {
  return drift.flatMap((d) => d.claims.map((c) => ({
    subject: d.claim, claim: c.claim, values: c.values.join("; "), first: c.first ?? "", last: c.last ?? "", articles: c.articles.length, forms: c.forms.join("; "),
  })));
}
