// Stage: figures → recurring figures and drift. Which figures the statements repeat across articles, and which
// claims kept their subject but changed their number.
//
// How "the same figure" and "the same claim" are judged:
// - Two mentions state the same figure when kind, unit, value and range end are equal and their `what`s are
//   compatible: the phrases share a content word (Porter stems, stopwords left out), or one of them says nothing
//   specific ("" or a generic head such as "total amount", "others", "figure"), or both heads are words for
//   people ("people", "civilians", "persons"). Specific phrases join transitively within one value; a mention
//   that names nothing specific joins the group of its value only when there is exactly one.
//   So "19,000 Ukrainian children" and "19 thousand Ukrainian children" are one figure; "three rounds of
//   negotiations" and "three opportunities" are two.
// - A figure recurs when its mentions come from at least two articles (and, for a count, says what it counts).
// - Two figures make the same claim when they are of one kind (and, except for money, one unit) and the head nouns
//   of their `what`s have the same stem ("financial and military aid", "European military and financial aid": aid).
//   A claim drifts when it is stated with different values in different articles at different dates: two of its
//   figures come from disjoint sets of articles with different first dates, and their `what`s share at least two
//   content words (one shared noun, as in "22 people" and "60 people", is as often two events as one changed
//   claim). Figures stated together in the same articles ("339 children" and "19,000 Ukrainian children") are
//   separate claims, not drift. A drift lists the figures of its claim that take part in such a pair.
//   Drift lists each value as its own group, side by side; values are never merged.
import { PorterStemmer } from "natural/lib/natural/stemmers/index.js";
import type { Article } from "./types.js";
import { formatValue, QUANTITY_KINDS, type FigureKind, type FigureMention } from "./figures.js";

/** Mentions that state the same figure. */
export interface FigureGroup {
  kind: FigureKind;
  value: number;
  high?: number;
  unit: string;
  /** The figure for a reader: "19,000 Ukrainian children", "75% of Donetsk, Zaporozhye, and Kherson regions". */
  label: string;
  /** The most common specific `what` among the mentions ("" when none says). */
  what: string;
  /** Article ids, earliest date first (undated last). */
  articles: string[];
  mentions: FigureMention[];
  /** Earliest and latest article date (YYYY-MM-DD), null when no article is dated. */
  first: string | null;
  last: string | null;
}

/** One claim stated with different values over time. */
export interface FigureDrift {
  kind: FigureKind;
  /** The head noun the values share, as written in the earliest group ("aid"). */
  claim: string;
  /** The values, each its own group, earliest first. */
  groups: FigureGroup[];
  first: string | null;
  last: string | null;
}

export const STOP = new Set(["the", "a", "an", "of", "and", "in", "on", "for", "to", "with", "s", "its", "their", "this", "that", "these", "those", "from", "by", "at", "as"]);
// Heads that name no subject: the figure's `what` then fits any other.
const GENERIC = new Set(["amount", "total", "number", "figure", "sum", "value", "others", "level", "rate", "count", "share", "part"].map((w) => PorterStemmer.stem(w)));
const PEOPLE = new Set(["people", "persons", "civilians", "individuals", "residents"].map((w) => PorterStemmer.stem(w)));
const PEOPLE_STEM = PorterStemmer.stem("people");

const stemCache = new Map<string, string>();
/** The Porter stem of a lower-case word, with words for people as one stem. */
export function stem(w: string): string {
  let s = stemCache.get(w);
  if (s === undefined) {
    s = /^[a-z]+$/.test(w) ? PorterStemmer.stem(w) : w;
    if (PEOPLE.has(s)) s = PEOPLE_STEM;
    stemCache.set(w, s);
  }
  return s;
}

export const wordsOf = (what: string) => what.toLowerCase().replace(/[’']s\b/g, "").match(/[\p{L}\p{N}]+/gu) ?? [];

/** Content-word stems of a `what`, without stopwords and generic heads. */
export function stemsOf(what: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(what)) if (!STOP.has(w)) { const s = stem(w); if (!GENERIC.has(s)) out.add(s); }
  return out;
}

/** The stem of a `what`'s head noun: the last word before "of" ("prisoners of war" → prison). "" when generic or none. */
export function headOf(what: string): string {
  const before = what.split(/\s+of\s+/i)[0];
  const words = wordsOf(before);
  const last = words[words.length - 1];
  if (!last) return "";
  const s = stem(last);
  return GENERIC.has(s) ? "" : s;
}

/** Does a `what` name a subject (not "", not a generic "total amount")? */
function isSpecific(what: string): boolean {
  return specific(whatInfo(what));
}

/** Can two `what`s describe the same figure? */
export function compatibleWhat(a: string, b: string): boolean {
  return compatible(whatInfo(a), whatInfo(b));
}

/** What grouping needs of a `what`: its content stems and head stem. */
interface WhatInfo {
  stems: Set<string>;
  head: string;
  /** The `what` in lower case: identical phrases up to case are one node of the grouping. */
  lower: string;
}

/**
 * The WhatInfo of each distinct `what` met in one call of figureGroups or figureDrift: the same phrases come back
 * in many mentions and pairs, and tokenising and stemming them again was most of the grouping's time.
 */
class WhatInfos {
  private readonly known = new Map<string, WhatInfo>();
  of(what: string): WhatInfo {
    let info = this.known.get(what);
    if (!info) {
      info = whatInfo(what);
      this.known.set(what, info);
    }
    return info;
  }
}

function whatInfo(what: string): WhatInfo {
  return { stems: stemsOf(what), head: headOf(what), lower: what.toLowerCase() };
}

/** Does the `what` name a subject: content words and a head that is not generic? */
const specific = (w: WhatInfo) => w.stems.size > 0 && w.head !== "";

/** Two `what`s can describe the same figure when either names no subject or they share a content word. */
function compatible(a: WhatInfo, b: WhatInfo): boolean {
  if (!specific(a) || !specific(b)) return true;
  for (const s of a.stems) if (b.stems.has(s)) return true;
  return false;
}

type Dates = Map<string, string | null>;

/**
 * Group quantity mentions (percent, money, count, duration) that state the same figure; dates and ordinals are left out.
 * @param articles the articles the figures come from, for dates (optional: without them `first`/`last` are null).
 * @return every group, single-article ones included, most articles first, then earliest.
 */
export function figureGroups(figures: FigureMention[], articles: Article[] = []): FigureGroup[] {
  const dates: Dates = new Map(articles.map((a) => [a.id, a.date]));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const buckets = new Map<string, FigureMention[]>();
  for (const f of figures) {
    if (!QUANTITY_KINDS.includes(f.kind)) continue;
    const key = `${f.kind}|${f.unit}|${f.value}|${f.high ?? ""}`;
    const b = buckets.get(key);
    if (b) b.push(f);
    else buckets.set(key, [f]);
  }
  // Each article's place in date order (undated last, then by id): sorting mentions then compares numbers.
  const ids = new Set<string>();
  for (const b of buckets.values()) for (const f of b) ids.add(f.article);
  const dated = Array.from(ids, (id) => ({ id, date: dates.get(id) ?? null }));
  dated.sort((x, y) => cmpDate(x.date, y.date) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const rank = new Map(dated.map((d, i) => [d.id, i]));
  const groups: FigureGroup[] = [];
  const infos = new WhatInfos();
  for (const bucket of buckets.values()) {
    // union-find over the distinct specific `what`s (identical ones are one node), joining compatible ones;
    // mentions that name nothing specific join the single group of their value, or stay a group of their own,
    // so that a bare "two" never chains "two games" to "two goals"
    const keys = new Map<string, number>();
    const node = bucket.map((f) => {
      const info = infos.of(f.what);
      if (!specific(info)) return -1;
      const k = info.lower;
      if (!keys.has(k)) keys.set(k, keys.size);
      return keys.get(k)!;
    });
    const whats = Array.from(keys.keys(), (w) => infos.of(w));
    const parent = whats.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let i = 0; i < whats.length; i++) {
      for (let j = i + 1; j < whats.length; j++) {
        if (find(i) !== find(j) && compatible(whats[i], whats[j])) parent[find(j)] = find(i);
      }
    }
    const roots = new Set(whats.map((_, i) => find(i)));
    const loose = roots.size === 1 ? Array.from(roots)[0] : -1;
    const sets = new Map<number, FigureMention[]>();
    for (let i = 0; i < bucket.length; i++) {
      const r = node[i] >= 0 ? find(node[i]) : loose;
      const s = sets.get(r);
      if (s) s.push(bucket[i]);
      else sets.set(r, [bucket[i]]);
    }
    for (const mentions of sets.values()) groups.push(makeGroup(mentions, dates, rank, order, infos));
  }
  groups.sort((a, b) => b.articles.length - a.articles.length || cmpDate(a.first, b.first) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)
    || a.value - b.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return groups;
}

/**
 * The figures the statements repeat: groups of mentions stating the same figure in at least two articles.
 * `groups` may pass figureGroups(figures, articles) when the caller has it already (analyze shares it with figureDrift).
 * @return groups with `{kind, value, unit, label, articles, mentions, first, last}`, most articles first, then earliest.
 */
export function recurringFigures(figures: FigureMention[], articles: Article[] = [], groups = figureGroups(figures, articles)): FigureGroup[] {
  // a bare count ("10", "three others") repeated across articles says nothing; a bare 30 days or 5% still does
  return groups.filter((g) => g.articles.length >= 2 && (g.kind !== "count" || isSpecific(g.what)));
}

/**
 * Claims whose figure changed over time: same kind, same head noun, different values from different articles and
 * dates (e.g. Western aid "$350 billion" in February, European aid "USD70.2 billion" in September).
 * @return one entry per claim with its values as separate groups, earliest first; the claims stated in most
 * articles first, then the earliest.
 */
export function figureDrift(figures: FigureMention[], articles: Article[] = [], groups = figureGroups(figures, articles)): FigureDrift[] {
  const claims = new Map<string, FigureGroup[]>();
  const infos = new WhatInfos();
  for (const g of groups) {
    const head = infos.of(g.what).head;
    if (!head) continue;
    const key = `${g.kind}|${g.kind === "money" ? "" : g.unit}|${head}`;
    const c = claims.get(key);
    if (c) c.push(g);
    else claims.set(key, [g]);
  }
  const out: FigureDrift[] = [];
  for (const groups of claims.values()) {
    if (new Set(groups.map((g) => `${g.value}|${g.high ?? ""}|${g.unit}`)).size < 2) continue;
    // a pair drifts: different values, disjoint articles, different first dates, and a subject of two or more
    // shared words ("financial and military aid" / "European military and financial aid"), since one shared
    // noun ("22 people", "60 people") is as often two different events as one changed claim
    const stems = groups.map((g) => infos.of(g.what).stems);
    const inDrift = new Set<number>();
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i];
        const b = groups[j];
        if (a.value === b.value && a.unit === b.unit && a.high === b.high) continue;
        if (!a.first || !b.first || a.first === b.first || a.articles.some((x) => b.articles.includes(x))) continue;
        let shared = 0;
        for (const x of stems[i]) if (stems[j].has(x)) shared++;
        if (shared >= 2) { inDrift.add(i); inDrift.add(j); }
      }
    }
    if (!inDrift.size) continue;
    const drifting = groups.filter((_, i) => inDrift.has(i));
    const sorted = drifting.sort((a, b) => cmpDate(a.first, b.first) || a.value - b.value);
    const words = wordsOf(sorted[0].what.split(/\s+of\s+/i)[0]);
    out.push({
      kind: sorted[0].kind,
      claim: words[words.length - 1] ?? "",
      groups: sorted,
      first: minDate(sorted.map((g) => g.first)),
      last: maxDate(sorted.map((g) => g.last)),
    });
  }
  // the claims stated in most articles first, then the earliest
  const reach = (d: FigureDrift) => new Set(d.groups.flatMap((g) => g.articles)).size;
  out.sort((a, b) => reach(b) - reach(a) || cmpDate(a.first, b.first) || (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
  return out;
}

/** A group of mentions, sorted in place: earliest article first (`rank`), then file order, then place in the text. */
function makeGroup(mentions: FigureMention[], dates: Dates, rank: Map<string, number>, order: Map<string, number>, infos: WhatInfos): FigureGroup {
  const keyed = mentions.map((m) => ({ m, rank: rank.get(m.article)!, order: order.get(m.article) ?? 0 }));
  keyed.sort((a, b) => a.rank - b.rank || a.order - b.order || a.m.start - b.m.start);
  // The articles in date order: the sorted mentions' articles, each once (one article's mentions are adjacent).
  const ids: string[] = [];
  keyed.forEach((k, i) => {
    mentions[i] = k.m;
    if (ids[ids.length - 1] !== k.m.article) ids.push(k.m.article);
  });
  const f = mentions[0];
  // the most common specific `what`; ties go to the earliest mention
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.what && infos.of(m.what).head) counts.set(m.what, (counts.get(m.what) ?? 0) + 1);
  let what = "";
  let best = 0;
  for (const m of mentions) {
    const n = counts.get(m.what) ?? 0;
    if (n > best) { best = n; what = m.what; }
  }
  if (!what) what = mentions.find((m) => m.what)?.what ?? "";
  const ds = ids.map((id) => dates.get(id) ?? null);
  const g: FigureGroup = {
    kind: f.kind, value: f.value, unit: f.unit, label: figureLabel(f.kind, f.value, f.unit, what, f.high), what,
    articles: ids, mentions, first: minDate(ds), last: maxDate(ds),
  };
  if (f.high !== undefined) g.high = f.high;
  return g;
}

/** "19,000 Ukrainian children", "75% of the Kursk region", "financial and military aid: $350 billion", "30 days". */
export function figureLabel(kind: FigureKind, value: number, unit: string, what: string, high?: number): string {
  const v = formatValue(kind, value, unit, high);
  if (!what) return v;
  if (kind === "percent") return `${v} of ${what}`;
  if (kind === "money") return `${what}: ${v}`;
  if (kind === "duration") return `${v} of ${what}`;
  return `${v} ${what}`;
}

export function cmpDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
function minDate(ds: Array<string | null>): string | null {
  let m: string | null = null;
  for (const d of ds) if (d && (m === null || d < m)) m = d;
  return m;
}
function maxDate(ds: Array<string | null>): string | null {
  let m: string | null = null;
  for (const d of ds) if (d && (m === null || d > m)) m = d;
  return m;
}
