// Stage 2b: articles → events. Several outlets report one briefing; an event groups them so later stages count
// the briefing once, and dates it from the evidence its reports agree on.
//
// Decisions:
// - Reports of one briefing are paraphrases and excerpts. On real coverage they shared 2-61% of their content-word
//   bigrams (median 11%), and excerpting halves that (seeds 000 and 002: 0.21 in full, 0.10 as 250-word
//   excerpts); different briefings of one speaker reciting the same talking points share as much (in the written
//   archive of test/event-archive.ts, up to 0.29 between two briefings four weeks apart, through one repeated
//   quotation and the wire's dateline). So bigrams alone cannot tell them apart, and the evidence combines:
//   * containment of content-word bigrams, |A ∩ B| / min(|A|, |B|) (not Jaccard: a 360-word report of a
//     1,500-word statement has a low Jaccard with it however faithful it is);
//   * a tf-idf cosine of stemmed content words, idf ln((n+1)/df) from the corpus, which survives paraphrase and
//     weighs a speaker's talking points (in most of the archive) near nothing (lib/event-evidence.ts);
//   * specific figures both give (same value and unit; not dates, ordinals, durations or counts under ten) and
//     quotations one carries of the other's (four content-word pairs or more, 60% of them found in the other),
//     counted only when rare: a figure more than max(4, 5% of the corpus) articles give ("80% of Harn", repeated
//     at every briefing) is a talking point;
//   * dates: reports of one briefing appear within days; an article's date is its best own evidence (statement,
//     dateline, header);
//   * speakers: articles of two different known speakers never join (Article.speaker; null is unknown), and no
//     article with none known bridges two speakers' events.
//   Shared names (words of proper-noun sequences) are shown in the evidence column but not weighed again: they are
//   words of the cosine already, and counting them twice brought two briefings that both named a deputy minister
//   closer (b1 and b2 in the archive).
// - Two kinds of link, and the events are the connected groups:
//   1. Absolute (joinReason), checked on every candidate pair: bigram containment ≥ `copy` (0.5) joins whatever
//      the dates (a copy or re-publication; it keeps its own date and is warned about); within `windowDays` (7)
//      containment ≥ `near` (0.15) joins; with either side undated, only cosine ≥ 0.3 together with two rare
//      figures or quotations (the archive's pairs of different briefings reach cosine 0.20 and none shares a
//      rare figure; of the same briefing, cosine 0.15-0.36, one to three rare figures).
//   2. Best match (pairScore): an article that is undated, or has a known speaker, joins the one candidate it
//      matches best, if that is undated or (dated within the week) has the same speaker, and the score, cosine +
//      0.1 per rare figure or quotation (up to three) + 0.1 within a day (0.05 within the week), reaches 0.1 when
//      both have one known speaker, 0.2 otherwise. Relative evidence is what survives excerpting: the seeds cut
//      to 120 words share cosines of 0.06-0.13 within a briefing and up to 0.09 across, far below any absolute
//      threshold that keeps the archive's briefings apart, but each excerpt's best match is still its own
//      briefing. Links are made strongest first, so where a speaker blocks one the result does not depend on
//      the input's order.
//   Dated pairs with no known speaker join on containment only: on the BBC benchmark (dates spread over a year,
//   no speakers) a cosine rule (≥ 0.3 within a week) joined different stories about one tournament or award and
//   chained them into events of 370 articles (1,491 events instead of 1,903).
// - Candidates come from MinHash with LSH banding of one row per band (128 bands by default): paraphrases have a
//   Jaccard of 0.03-0.1, and wider bands would miss them; plus the articles sharing a rare specific figure within
//   the window. Each candidate pair is then checked exactly, so the buckets only decide which pairs are looked
//   at. A band bucket holding more than `maxBucket` articles (a wire story syndicated everywhere, or boilerplate)
//   pairs each member only with its next few in date order, so the number of pairs stays linear in the number of
//   articles and copies still chain up. A pair dated far apart is settled on its containment alone, so the
//   cosine and the rest are computed only for pairs within the window or undated.
// - Each event says why its members joined (`evidence`: one line per link, "a~b: cosine 0.41, 2 figures
//   ($70.2 billion, 75%), 1 day apart") and whose statements it reports (`speaker`).
// - An event's date is the briefing's date, so the evidence closest to the briefing wins: first statement dates
//   ("said on Tuesday", resolved against the article's date: the day the words were spoken), then datelines in
//   the text (the day the report was filed), then header and metadata dates (often publication, scrape or
//   placeholder dates, like 001's 2025-01-01), used only when no member has a date in its text. Within a tier,
//   the date most members give wins; a tie goes to the earliest (reports follow the briefing). (lib/event-dates.ts)
import type { Article } from "./types.js";
import { sentences, tokensOf } from "./tokens.js";
import { dateEvidence, days, eventDate, type DateEvidence } from "./event-dates.js";
import { countWords } from "./corpus.js";
import { articleEvidence, cosine, documentFrequency, shared as sharedStrings, sharedQuotes, termWeights, type ArticleEvidence } from "./event-evidence.js";
import type { FigureMention } from "./figures.js";
import { fnv1a, intersectionScalar, intersectionSimd, minHashScalar, minHashSimd } from "./event-hashing.js";
import { nearCopies, wordBigrams } from "./near-copies.js";

export { fnv1a } from "./event-hashing.js";

export { dateEvidence, days, statementDate, type DateEvidence } from "./event-dates.js";

/** An article with its event and the date of the statement it reports (from "said on Tuesday"). */
export interface EventArticle extends Article {
  event: string | null;
  /** YYYY-MM-DD resolved from relative day words near a speech verb, against the article's own date; else null. */
  statementDate: string | null;
}

/** One briefing (or one article that matched nothing). */
export interface EventRow {
  /** Stable id: `ev-<date>-<hash of member ids>` (`ev-undated-…` when no member has a date). */
  event: string;
  date: string | null;
  /** Which evidence dated the event and from which articles, e.g. "dateline: 000_…". */
  dateFrom: string;
  articles: string[];
  outlets: string[];
  title: string;
  /** Words of the member articles, summed. */
  words: number;
  /** The members' speaker (null when none is known). */
  speaker: string | null;
  /** Why the members joined, one link per pair that joined them, e.g. "a~b: cosine 0.41, 2 figures (75%, $70.2 billion), 1 day apart"; "" for one article. */
  evidence: string;
}

export interface EventOptions {
  /** Words per shingle (content words, stemmed). Default 2. */
  shingle?: number;
  /** MinHash functions = LSH bands of one row. Default 128. */
  hashes?: number;
  /** Buckets with more articles than this pair each only with its next few by date. Default 50. */
  maxBucket?: number;
  /** Containment that joins two articles within `windowDays` of each other. Default 0.15. */
  near?: number;
  /** Containment that joins two articles whatever their dates: a copy or re-publication. Default 0.5. */
  copy?: number;
  /** Days apart that still count as "near", and beyond which an article's own date is warned about. Default 7. */
  windowDays?: number;
}

export interface EventsResult {
  articles: EventArticle[];
  events: EventRow[];
}

/** tf-idf cosine at which two articles join without dates, when they also share UNDATED_SPECIFICS rare figures or quotations. */
export const COSINE_UNDATED = 0.3;
export const UNDATED_SPECIFICS = 2;
/** What each rare shared figure or quotation adds to a pair's score (up to three), and what closeness in date adds. */
const SPECIFIC_WEIGHT = 0.1;
const SAME_DAY_WEIGHT = 0.1;
const NEAR_WEIGHT = 0.05;
/** The score an article's best match needs to join it: one known speaker on both sides, or not. */
export const BEST_FLOOR_SPEAKER = 0.1;
export const BEST_FLOOR = 0.2;
/** A figure or name held by more than this share of the corpus's articles (and more than RARE_MIN) is a talking point, not a briefing's own. */
const RARE_SHARE = 0.05;
const RARE_MIN = 4;

/** What two articles share, as assignEvents weighs it. */
export interface PairEvidence {
  containment: number;
  cosine: number;
  /** Specific figures both give that few articles of the corpus give. */
  figures: string[];
  /** Name words both use that few articles use. */
  names: string[];
  /** Quotations one carries of the other's. */
  quotes: number;
}

/**
 * Group articles that report one briefing into events and date each event.
 * @return Copies of the articles with `event` and `statementDate` set (undated ones take the event's date with
 *   `dateSource: "event"`; one dated more than `windowDays` from its event gets a warning naming both dates), and
 *   the events sorted by date (undated last). Defaults: bigrams, 128 hashes, near 0.15, copy 0.5, 7 days.
 */
export function assignEvents(articles: Article[], options: EventOptions = {}, inputs?: EventInput[]): EventsResult {
  const { shingle = 2, hashes = 128, maxBucket = 50, near = 0.15, copy = 0.5, windowDays = 7 } = options;
  for (const [name, v, lo] of [["shingle", shingle, 1], ["hashes", hashes, 1], ["maxBucket", maxBucket, 2], ["windowDays", windowDays, 0]] as const)
    if (!Number.isInteger(v) || v < lo) throw new RangeError(`assignEvents: ${name} must be a whole number ≥ ${lo}, not ${v}`);
  for (const [name, v] of [["near", near], ["copy", copy]] as const)
    if (!(v > 0 && v <= 1)) throw new RangeError(`assignEvents: ${name} must be a containment between 0 and 1, not ${v}`);
  if (inputs && inputs.length !== articles.length) throw new RangeError(`assignEvents: ${inputs.length} event inputs for ${articles.length} articles`);
  if (inputs?.some((x) => x.signature.length !== hashes)) throw new RangeError(`assignEvents: event inputs were computed with another number of hashes than ${hashes}`);

  const evidence = inputs ? inputs.map((x) => x.evidence) : articles.map((a) => dateEvidence(a));
  const own = evidence.map((e) => e.best);
  const sets = inputs ? inputs.map((x) => x.shingles) : articles.map((a) => shingleHashes(a, shingle));
  const content = inputs ? inputs.map((x) => x.content) : articles.map((a) => articleEvidence(a));
  const pairs = pairMeasures(sets, content);
  const speakers = articles.map((a) => a.speaker ?? null);
  const uf = new UnionFind(articles.length, speakers);
  // Days since 1970 of each date, computed once per distinct date (most articles share their dates with others).
  const dayNumbers = new Map<string, number>();
  const dayOf = (date: string): number => {
    let n = dayNumbers.get(date);
    if (n === undefined) dayNumbers.set(date, (n = days(date)));
    return n;
  };
  const order = own.map((d) => (d ? dayOf(d) : Number.MAX_SAFE_INTEGER));
  // The same as typed arrays for the pair checks: reading the date strings there missed the cache.
  const dated = Uint8Array.from(own, (d) => (d ? 1 : 0));
  const dayOrder = Float64Array.from(order);
  const gapOf = (i: number, j: number): number | null => (dated[i] & dated[j] ? Math.abs(dayOrder[i] - dayOrder[j]) : null);
  const rule = { near, copy, windowDays };
  // Why each union was made, for the events' evidence column.
  const links: Array<[number, number, string]> = [];
  const join = (i: number, j: number, why: string) => {
    if (uf.union(i, j)) links.push([i, j, why]);
  };
  // joinReason on a pair, measuring only what it reads: dated far apart, only the containment counts (most
  // candidate pairs in a corpus spread over a year), so the cosine and the rest are not computed for them.
  const decide = (i: number, j: number): string | null => {
    const gap = gapOf(i, j);
    if (gap !== null && gap > windowDays && pairs.containment(i, j) < copy) return null;
    const p = pairs.measure(i, j);
    const why = joinReason(p, gap, rule);
    return why === null ? null : describe(p, why, gap);
  };
  const consider = (i: number, j: number) => {
    if (!uf.canJoin(i, j)) return;
    const why = decide(i, j);
    if (why !== null) join(i, j, why);
  };
  // All pairs of a bucket, with copies (identical shingle sets) taken together: a story copied into every band's
  // bucket costs one check per band instead of one per pair of copies. Copies contain each other wholly, so they
  // join whatever their dates; two groups of copies join when one pair of them does.
  const considerAll = (docs: number[]) => {
    const copies: number[][] = [];
    for (const d of docs) {
      const g = copies.find((g) => pairs.same[g[0]] === pairs.same[d]);
      if (g) g.push(d);
      else copies.push([d]);
    }
    for (const g of copies) for (let x = 1; x < g.length; x++) if (uf.canJoin(g[0], g[x])) join(g[0], g[x], "copy");
    for (let x = 0; x < copies.length; x++) {
      for (let y = x + 1; y < copies.length; y++) {
        const [g, h] = [copies[x], copies[y]];
        if (uf.find(g[0]) === uf.find(h[0])) continue;
        pairs: for (const i of g) for (const j of h) {
          if (!uf.canJoin(i, j)) continue;
          const why = decide(i, j);
          if (why !== null) {
            join(i, j, why);
            break pairs;
          }
        }
      }
    }
  };
  // The second kind of link (see the top of this file): each article that is undated or has a known speaker joins
  // its best match among the partners it could report one briefing with, when the match scores enough.
  const relevant = Uint8Array.from(articles, (_, i) => (!dated[i] || speakers[i] !== null ? 1 : 0));
  const anyRelevant = relevant.some((r) => r === 1);
  const bestScore = new Float64Array(articles.length).fill(-1);
  const bestPartner = new Int32Array(articles.length).fill(-1);
  const offer = (i: number, j: number) => {
    if (!(relevant[i] | relevant[j]) || pairs.same[i] === pairs.same[j]) return;
    const gap = gapOf(i, j);
    const [si, sj] = [speakers[i], speakers[j]];
    if (si !== null && sj !== null && si !== sj) return;
    if (gap !== null && (gap > windowDays || si === null || si !== sj)) return;
    const score = pairScore(pairs.measure(i, j), gap);
    for (const [x, y] of [[i, j], [j, i]]) {
      if (score > bestScore[x] || (score === bestScore[x] && articles[y].id < articles[bestPartner[x]].id)) {
        bestScore[x] = score;
        bestPartner[x] = y;
      }
    }
  };
  const offerAll = (docs: number[], sorted: number[] | null) => {
    if (!anyRelevant || !docs.some((d) => relevant[d])) return;
    if (sorted) {
      for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y <= x + NEIGHBOURS && y < sorted.length; y++) offer(sorted[x], sorted[y]);
    } else for (let x = 0; x < docs.length; x++) for (let y = x + 1; y < docs.length; y++) offer(docs[x], docs[y]);
  };
  const visit = (docs: number[]) => {
    offerAll(docs, docs.length <= maxBucket ? null : byOrder(docs, order));
    if (docs.length <= maxBucket) {
      const root = uf.find(docs[0]);
      if (!docs.every((d) => uf.find(d) === root)) considerAll(docs);
    } else {
      const sorted = byOrder(docs, order);
      for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y <= x + NEIGHBOURS && y < sorted.length; y++) consider(sorted[x], sorted[y]);
    }
  };
  const signatures = inputs ? inputs.map((x) => x.signature) : undefined;
  forEachBucket(sets, hashes, signatures, visit);
  // Paraphrases that share few pairs still share their briefing's rare figures: those buckets are candidates too.
  // (Pairs there dated far apart are left out: only a copy could join them, and copies share LSH buckets.)
  forEachRareBucket(rareFigureLists(content), (docs) => {
    offerAll(docs, docs.length <= maxBucket ? null : byOrder(docs, order));
    const sorted = byOrder(docs, order);
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < sorted.length && (x + NEIGHBOURS >= y || docs.length <= maxBucket); y++) {
        const [i, j] = [sorted[x], sorted[y]];
        const gap = gapOf(i, j);
        if (gap !== null && gap > windowDays) {
          if (dated[j]) break; // sorted by date: every later one is farther still
          continue;
        }
        consider(i, j);
      }
    }
  });
  // Best matches join strongest first, so where a speaker blocks one, the order does not depend on the input's.
  const best: Array<[number, number, number]> = [];
  bestPartner.forEach((j, i) => {
    if (j < 0) return;
    const floor = speakers[i] !== null && speakers[i] === speakers[j] ? BEST_FLOOR_SPEAKER : BEST_FLOOR;
    if (bestScore[i] >= floor) best.push([bestScore[i], i, j]);
  });
  const idOf = (x: [number, number, number]) => [articles[x[1]].id, articles[x[2]].id].sort().join("\n");
  best.sort((x, y) => y[0] - x[0] || (idOf(x) < idOf(y) ? -1 : 1));
  for (const [score, i, j] of best) if (uf.canJoin(i, j)) join(i, j, `best match (score ${score.toFixed(2)}): ${describe(pairs.measure(i, j), "best", gapOf(i, j))}`);

  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const linksOf = new Map<number, Array<[number, number, string]>>();
  for (const l of links) {
    const r = uf.find(l[0]);
    const list = linksOf.get(r);
    if (list) list.push(l);
    else linksOf.set(r, [l]);
  }

  // Object.assign rather than an object spread: the same own properties in the same order, but the copies share
  // one hidden class (built from {}): on 22,250 articles they were made 3 times and read 10 times faster.
  const out: EventArticle[] = articles.map((a, i) => Object.assign({}, a, { warnings: a.warnings.slice(), event: null, statementDate: evidence[i].statement }));
  const events: EventRow[] = [];
  for (const [root, members] of groups) {
    const { date, dateFrom } = eventDate(members.map((i) => ({ id: articles[i].id, ev: evidence[i] })));
    const ids = members.map((i) => articles[i].id).sort();
    const event = `ev-${date ?? "undated"}-${fnv1a(ids.join("\n")).toString(16).padStart(8, "0").slice(0, 6)}`;
    for (const i of members) {
      const a = out[i];
      a.event = event;
      if (!date) continue;
      if (!evidence[i].articleDate) {
        a.date = date;
        a.dateSource = "event";
        const w = `no date of its own; dated ${date} from the event it reports (${event})`;
        if (!a.warnings.includes(w)) a.warnings.push(w);
      } else if (Math.abs(dayOf(evidence[i].articleDate!) - dayOf(date)) > windowDays) {
        const w = `date ${evidence[i].articleDate} (${a.dateSource}) is ${Math.abs(dayOf(evidence[i].articleDate!) - dayOf(date))} days from ${date}, the date of the event it reports (${event}); kept`;
        if (!a.warnings.includes(w)) a.warnings.push(w);
      }
    }
    const byId = new Map(members.map((i) => [articles[i].id, i]));
    const titled = ids.find((id) => date !== null && evidence[byId.get(id)!].dates.includes(date)) ?? ids[0];
    events.push({
      event,
      date,
      dateFrom,
      articles: ids,
      outlets: Array.from(new Set(ids.map((id) => articles[byId.get(id)!].outlet).filter((o): o is string => !!o))).sort(),
      title: articles[byId.get(titled)!].title,
      words: members.reduce((n, i) => n + articles[i].words, 0),
      speaker: uf.speakerOf(root),
      evidence: evidenceText(linksOf.get(root) ?? [], articles),
    });
  }
  events.sort((a, b) => (a.date === b.date ? (a.event < b.event ? -1 : 1) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
  return { articles: out, events };
}

/**
 * The articles whose speaker is `speaker`, as the article holds it: the full name or its last word, in any case
 * ("Albert P. Khorev", "khorev"). Aliases ("the Russian envoy") are resolved into `speaker` when articles load.
 * @return The matching articles (all of them when `speaker` is undefined).
 */
export function bySpeaker<T extends Pick<Article, "speaker">>(articles: T[], speaker: string | undefined): T[] {
  if (speaker === undefined) return articles;
  const want = speaker.trim().replace(/\s+/g, " ").toLowerCase();
  return articles.filter((a) => {
    if (!a.speaker) return false;
    const name = a.speaker.trim().replace(/\s+/g, " ").toLowerCase();
    return name === want || name.split(" ").pop() === want;
  });
}

/**
 * Why two articles report one briefing, or null when they do not (see the top of this file).
 * @param gap Days between their dates; null when either is undated.
 * @return "copy", "near" (shared pairs or words, within the window) or "undated" (strong evidence without dates).
 */
export function joinReason(p: PairEvidence, gap: number | null, rule: { near: number; copy: number; windowDays: number }): "copy" | "near" | "undated" | null {
  if (p.containment >= rule.copy) return "copy";
  if (gap !== null) return gap <= rule.windowDays && p.containment >= rule.near ? "near" : null;
  return p.cosine >= COSINE_UNDATED && p.figures.length + p.quotes >= UNDATED_SPECIFICS ? "undated" : null;
}

/** A pair's score for best matches: the cosine, plus what rare shared figures, quotations and closeness in date add. */
export function pairScore(p: PairEvidence, gap: number | null): number {
  const dates = gap === null ? 0 : gap <= 1 ? SAME_DAY_WEIGHT : NEAR_WEIGHT;
  return p.cosine + SPECIFIC_WEIGHT * Math.min(3, p.figures.length + p.quotes) + dates;
}

/** One link of the evidence column: what the pair shares and how far apart its dates are. */
function describe(p: PairEvidence, why: string, gap: number | null): string {
  const parts = [why === "copy" ? `${Math.round(100 * p.containment)}% of pairs shared (a copy)` : `cosine ${p.cosine.toFixed(2)}`];
  if (why !== "copy" && p.containment >= 0.1) parts.push(`${Math.round(100 * p.containment)}% of pairs`);
  if (p.figures.length) parts.push(`${p.figures.length} figure${p.figures.length > 1 ? "s" : ""} (${p.figures.slice(0, 4).join(", ")}${p.figures.length > 4 ? ", …" : ""})`);
  if (p.quotes) parts.push(`${p.quotes} quotation${p.quotes > 1 ? "s" : ""}`);
  if (p.names.length) parts.push(`${p.names.length} name${p.names.length > 1 ? "s" : ""} (${p.names.slice(0, 3).join(", ")}${p.names.length > 3 ? ", …" : ""})`);
  parts.push(gap === null ? "undated" : gap === 0 ? "same day" : `${gap} day${gap > 1 ? "s" : ""} apart`);
  return parts.join(", ");
}

/** Links that joined an event's members, as "a~b: …; c~d: …" (the first eight; the rest counted). */
function evidenceText(links: Array<[number, number, string]>, articles: Article[]): string {
  const shown = links.slice(0, 8).map(([i, j, why]) => {
    const [a, b] = [articles[i].id, articles[j].id].sort();
    return `${a}~${b}: ${why}`;
  });
  if (links.length > 8) shown.push(`and ${links.length - 8} more links`);
  return shown.join("; ");
}

/**
 * What any two articles of a corpus share, as assignEvents measures it (idf and rarity are the corpus's).
 * @return `measure(i, j)` for article indexes.
 */
export function pairEvidence(articles: Article[], inputs: EventInput[] = articles.map((a) => eventInput(a))): (i: number, j: number) => PairEvidence {
  return pairMeasures(inputs.map((x) => x.shingles), inputs.map((x) => x.content)).measure;
}

/** The pair measures over a corpus: containment, tf-idf cosine, shared rare figures, names and quotations. */
function pairMeasures(sets: Uint32Array[], content: ArticleEvidence[]) {
  const same = sameSets(sets);
  const weights = termWeights(content);
  const rareFigure = rareOf(content.map((c) => c.figures));
  const rareName = rareOf(content.map((c) => c.names));
  // Both measured once per pair of distinct shingle sets, however many copies of each there are.
  const known = new Map<number, PairEvidence>();
  const contained = new Map<number, number>();
  const keyOf = (i: number, j: number) => {
    const a = same.id[i], b = same.id[j];
    return a < b ? a * same.count + b : b * same.count + a;
  };
  const containmentOf = (i: number, j: number): number => {
    const key = keyOf(i, j);
    let c = contained.get(key);
    if (c === undefined) contained.set(key, (c = containment(sets[i], sets[j])));
    return c;
  };
  const measure = (i: number, j: number): PairEvidence => {
    const a = same.id[i], b = same.id[j];
    const key = keyOf(i, j);
    let p = known.get(key);
    if (p === undefined) {
      const [x, y] = [content[i], content[j]];
      p = {
        containment: containmentOf(i, j),
        cosine: a === b ? 1 : cosine(x.terms, weights[i], y.terms, weights[j]),
        figures: sharedStrings(x.figures, y.figures).filter(rareFigure),
        names: sharedStrings(x.names, y.names).filter(rareName),
        quotes: sharedQuotes(x, sets[i], y, sets[j]),
      };
      known.set(key, p);
    }
    return p;
  };
  return { same: same.id, measure, containment: containmentOf };
}

/** Per article, its specific figures that few articles of the corpus give (the candidates beside the LSH buckets). */
export function rareFigureLists(content: ArticleEvidence[]): string[][] {
  const rare = rareOf(content.map((c) => c.figures));
  return content.map((c) => c.figures.filter(rare));
}

/** Is a string (figure, name) held by few enough of these articles to tell one briefing from another? */
function rareOf(lists: string[][]): (s: string) => boolean {
  const df = documentFrequency(lists);
  const limit = Math.max(RARE_MIN, RARE_SHARE * lists.length);
  return (s) => (df.get(s) ?? 0) <= limit;
}

/** Visit, per string two or more articles hold, the articles holding it, in document order. */
function forEachRareBucket(lists: string[][], visit: (docs: number[]) => void): void {
  const holders = new Map<string, number[]>();
  lists.forEach((l, doc) => {
    for (const s of l) {
      const h = holders.get(s);
      if (h) h.push(doc);
      else holders.set(s, [doc]);
    }
  });
  for (const docs of holders.values()) if (docs.length >= 2) visit(docs);
}

/** What assignEvents reads from one article, computed once per article (a worker thread can compute it beside the article's other stages). */
export interface EventInput {
  evidence: DateEvidence;
  /** shingleHashes(article, shingle). */
  shingles: Uint32Array;
  /** minHashSignature(shingles, hashes). */
  signature: Uint32Array;
  /** articleEvidence(article): terms, specific figures, names, quotations. */
  content: ArticleEvidence;
}

/**
 * The date evidence, shingle hashes, MinHash signature and content evidence of one article, for
 * `assignEvents(articles, options, inputs)`. Options must be the ones later given to assignEvents (defaults:
 * bigrams, 128 hashes); `figures` are the article's figures when already extracted.
 */
export function eventInput(article: Article, options: Pick<EventOptions, "shingle" | "hashes"> = {}, figures?: FigureMention[]): EventInput {
  const { shingle = 2, hashes = 128 } = options;
  const shingles = shingleHashes(article, shingle);
  return { evidence: dateEvidence(article), shingles, signature: minHashSignature(shingles, hashes), content: articleEvidence(article, figures) };
}

// ---------------------------------------------------------------------------------------------------------------
// Shingles, MinHash, LSH

/** murmur3's finaliser: spreads the bits of a 32-bit value so seeded variants behave as independent hashes. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The sorted, distinct hashes of an article's content-word shingles. */
export function shingleHashes(article: Pick<Article, "text">, size = 2): Uint32Array {
  const words: string[] = [];
  for (const t of tokensOf(article)) if (!t.stop) words.push(t.stem);
  if (words.length < size) return words.length ? Uint32Array.of(fnv1a(words.join(" "))) : new Uint32Array(0);
  // fnv1a(words.slice(i, i + size).join(" ")), without building the strings.
  const hs = new Uint32Array(words.length - size + 1);
  for (let i = 0; i < hs.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < size; k++) {
      if (k) h = Math.imul(h ^ 32, 0x01000193);
      const w = words[i + k];
      for (let c = 0; c < w.length; c++) h = Math.imul(h ^ w.charCodeAt(c), 0x01000193);
    }
    hs[i] = h >>> 0;
  }
  sortUint32(hs);
  let n = 0;
  for (let i = 0; i < hs.length; i++) if (i === 0 || hs[i] !== hs[i - 1]) hs[n++] = hs[i];
  return hs.slice(0, n);
}

// Scratch for sortUint32, reused from call to call.
let sortTmp = new Uint32Array(1024);
const sortCounts = new Uint32Array(4 * 256);

/**
 * Sort 32-bit values ascending, in place: an LSD radix sort in four passes of 8 bits (the four histograms counted
 * in one read). On article-sized arrays it takes a quarter of the time of TypedArray.prototype.sort, which was the
 * largest part of shingleHashes. Short arrays go to the built-in sort.
 */
function sortUint32(a: Uint32Array): void {
  const n = a.length;
  if (n < 64) {
    a.sort();
    return;
  }
  if (sortTmp.length < n) sortTmp = new Uint32Array(2 * n);
  const counts = sortCounts;
  counts.fill(0);
  for (let x = 0; x < n; x++) {
    const v = a[x];
    counts[v & 255]++;
    counts[256 + ((v >>> 8) & 255)]++;
    counts[512 + ((v >>> 16) & 255)]++;
    counts[768 + (v >>> 24)]++;
  }
  for (let d = 0; d < 1024; d += 256) {
    for (let b = d, sum = 0; b < d + 256; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
  }
  // Four stable scatters, a -> tmp -> a -> tmp -> a.
  let from: Uint32Array = a, to: Uint32Array = sortTmp;
  for (let d = 0, shift = 0; d < 1024; d += 256, shift += 8) {
    for (let x = 0; x < n; x++) {
      const v = from[x];
      to[counts[d + ((v >>> shift) & 255)]++] = v;
    }
    [from, to] = [to, from];
  }
}

/** A number per distinct shingle set (equal arrays, equal number) and how many distinct sets there are. */
function sameSets(sets: Uint32Array[]): { id: Int32Array; count: number } {
  const id = new Int32Array(sets.length);
  const firsts: number[] = [];
  const byHash = new Map<number, number[]>();
  sets.forEach((set, i) => {
    let h = set.length;
    for (let k = 0; k < set.length; k++) h = Math.imul(h ^ set[k], 0x01000193);
    const candidates = byHash.get(h) ?? [];
    let found = candidates.find((c) => equalArrays(sets[firsts[c]], set));
    if (found === undefined) {
      found = firsts.length;
      firsts.push(i);
      candidates.push(found);
      byHash.set(h, candidates);
    }
    id[i] = found;
  });
  return { id, count: firsts.length };
}

function equalArrays(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** |A ∩ B| / min(|A|, |B|) of two sorted hash arrays (0 when either is empty). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  // Most of assignEvents' pair checks: the WebAssembly SIMD count (same number) runs 2-3 times faster.
  const simd = intersectionSimd();
  return (simd ? simd(a, b) : intersectionScalar(a, b)) / Math.min(a.length, b.length);
}

/** Members of an oversized bucket are paired with this many next members in `order`. */
const NEIGHBOURS = 3;

/**
 * Pairs [i, j] (i < j) that share a MinHash value under at least one of `hashes` seeded hash functions, or one
 * of the strings in `rareLists` (assignEvents gives rareFigureLists).
 * A bucket larger than `maxBucket` pairs each member with its next few in `order` (e.g. days since 1970) instead of all.
 */
export function candidatePairs(sets: Uint32Array[], hashes: number, maxBucket: number, order: number[] = [], signatures?: Uint32Array[], rareLists?: string[][]): Array<[number, number]> {
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const n = sets.length;
  const add = (i: number, j: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = a * n + b;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([a, b]);
  };
  const visit = (docs: number[]) => {
    if (docs.length <= maxBucket) {
      for (let x = 0; x < docs.length; x++) for (let y = x + 1; y < docs.length; y++) add(docs[x], docs[y]);
      return;
    }
    const sorted = byOrder(docs, order);
    for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y <= x + NEIGHBOURS && y < sorted.length; y++) add(sorted[x], sorted[y]);
  };
  forEachBucket(sets, hashes, signatures, visit);
  if (rareLists) forEachRareBucket(rareLists, visit);
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function byOrder(docs: number[], order: number[]): number[] {
  const key = (i: number) => order[i] ?? Number.MAX_SAFE_INTEGER;
  return docs.slice().sort((i, j) => key(i) - key(j) || i - j);
}

const seedCache = new Map<number, Uint32Array>();

/** The seeds of the `hashes` hash functions: fixed, so signatures computed in different threads agree. */
function minHashSeeds(hashes: number): Uint32Array {
  let seeds = seedCache.get(hashes);
  if (!seeds) {
    seeds = new Uint32Array(hashes);
    let s = 0x9e3779b9;
    for (let k = 0; k < hashes; k++) seeds[k] = s = fmix32(s + 0x6d2b79f5);
    seedCache.set(hashes, seeds);
  }
  return seeds;
}

/** The MinHash signature of a set of shingle hashes: per seeded hash function, the least value over the set (all 0xffffffff for an empty set). */
export function minHashSignature(set: Uint32Array, hashes = 128): Uint32Array {
  // Most of the per-article event cost: the WebAssembly SIMD copy (same values) runs about 6 times faster.
  const simd = hashes % 8 === 0 ? minHashSimd() : null;
  return simd ? simd(set, minHashSeeds(hashes)) : minHashScalar(set, minHashSeeds(hashes));
}

/**
 * Call `visit` with each LSH bucket of two or more documents: per hash function (a band of one row), the documents
 * sharing their least hash, in document order (in one array reused for every bucket: copy it to keep it).
 * Documents without shingles are in none. One band at a time, grouped by sorting (least hash, document), so no map
 * of every bucket is kept.
 */
function forEachBucket(sets: Uint32Array[], hashes: number, signatures: Uint32Array[] | undefined, visit: (docs: number[]) => void): void {
  const docs: number[] = [];
  const sigs: Uint32Array[] = [];
  sets.forEach((set, doc) => {
    if (!set.length) return;
    docs.push(doc);
    sigs.push(signatures ? signatures[doc] : minHashSignature(set, hashes));
  });
  // Per band, the documents sorted by (least hash, document): an LSD radix sort of the 32-bit values in three
  // passes of 11 bits, stable, so documents with one value stay in document order. (Sorting 2^21-scaled doubles
  // with Float64Array.sort gave the same order and was most of this function's time.) The signatures are first
  // copied into one array, then 16 bands at a time out to band-major rows: reading one value per signature and
  // band from thousands of small arrays spread over the heap missed the cache on nearly every read.
  const n = docs.length;
  const flat = new Uint32Array(n * hashes);
  for (let x = 0; x < n; x++) flat.set(sigs[x], x * hashes);
  const scratch = radixScratch(n);
  const BLOCK = 16;
  const block = new Uint32Array(BLOCK * n);
  // One array for every bucket: visit must not keep it.
  const bucket: number[] = [];
  for (let k0 = 0; k0 < hashes; k0 += BLOCK) {
    const width = Math.min(BLOCK, hashes - k0);
    for (let x = 0; x < n; x++) {
      const from = x * hashes + k0;
      for (let b = 0; b < width; b++) block[b * n + x] = flat[from + b];
    }
    for (let b = 0; b < width; b++) {
      const { keys, idx } = radixSort(block.subarray(b * n, (b + 1) * n), scratch);
      for (let x = 0; x < n; ) {
        const min = keys[x];
        let y = x + 1;
        while (y < n && keys[y] === min) y++;
        if (y - x >= 2) {
          bucket.length = 0;
          for (let z = x; z < y; z++) bucket.push(docs[idx[z]]);
          visit(bucket);
        }
        x = y;
      }
    }
  }
}

type RadixScratch = { keys: Uint32Array; idx: Uint32Array; keys2: Uint32Array; idx2: Uint32Array; count: Uint32Array };

function radixScratch(n: number): RadixScratch {
  return { keys: new Uint32Array(n), idx: new Uint32Array(n), keys2: new Uint32Array(n), idx2: new Uint32Array(n), count: new Uint32Array(3 * 2048) };
}

/**
 * The values sorted, with their positions, stable: LSD radix in three passes of 11 bits (the three histograms
 * counted in one read). The result lives in the scratch arrays, until the next call.
 */
function radixSort(values: Uint32Array, s: RadixScratch): { keys: Uint32Array; idx: Uint32Array } {
  const { keys, idx, keys2, idx2, count } = s;
  const n = values.length;
  count.fill(0);
  for (let x = 0; x < n; x++) {
    const v = values[x];
    count[v & 2047]++;
    count[2048 + ((v >>> 11) & 2047)]++;
    count[4096 + (v >>> 22)]++;
  }
  for (let d = 0; d < 3 * 2048; d += 2048) {
    for (let b = d, sum = 0; b < d + 2048; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
  }
  for (let x = 0; x < n; x++) {
    const v = values[x];
    const p = count[v & 2047]++;
    keys2[p] = v;
    idx2[p] = x;
  }
  for (let x = 0; x < n; x++) {
    const v = keys2[x];
    const p = count[2048 + ((v >>> 11) & 2047)]++;
    keys[p] = v;
    idx[p] = idx2[x];
  }
  for (let x = 0; x < n; x++) {
    const v = keys[x];
    const p = count[4096 + (v >>> 22)]++;
    keys2[p] = v;
    idx2[p] = idx[x];
  }
  return { keys: keys2, idx: idx2 };
}

/** Union-find over articles that never puts two different known speakers in one set. */
class UnionFind {
  private parent: number[];
  private speaker: Array<string | null>;
  constructor(n: number, speakers: Array<string | null> = []) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.speaker = Array.from({ length: n }, (_, i) => speakers[i] ?? null);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  /** The known speaker of i's set, or null. */
  speakerOf(i: number): string | null {
    return this.speaker[this.find(i)];
  }
  /** Are i and j in different sets whose speakers do not differ? */
  canJoin(i: number, j: number): boolean {
    const [ra, rb] = [this.find(i), this.find(j)];
    if (ra === rb) return false;
    const [sa, sb] = [this.speaker[ra], this.speaker[rb]];
    return sa === null || sb === null || sa === sb;
  }
  /** Join i's and j's sets, unless they are one already or their speakers differ. @return Whether they were joined. */
  union(a: number, b: number): boolean {
    if (!this.canJoin(a, b)) return false;
    const [ra, rb] = [this.find(a), this.find(b)];
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[hi] = lo;
    this.speaker[lo] ??= this.speaker[hi];
    return true;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Event texts: one document per event, each sentence the reports share counted once

/** One event as a document: the member articles' sentences, near-duplicates kept once, in article then text order. */
export interface EventDocument {
  id: string;
  date: string | null;
  text: string;
  words: number;
  /** The member articles. */
  articles: string[];
  /** Sentences seen across the members, and how many were dropped as near-duplicates of a longer one. */
  sentences: number;
  duplicates: number;
}

/** An event document as an Article-shaped unit, so the per-article stages (themes, keyness) count it like one. */
export function eventUnit(d: EventDocument): Article {
  return { id: d.id, file: "", title: d.id, outlet: null, url: null, date: d.date, dateSource: null, text: d.text, words: d.words, warnings: [] };
}

/**
 * Build one document per event, so a sentence three outlets copied counts once. Sentences are taken longest first;
 * one whose word bigrams are at least 70% inside an already kept sentence is a near-duplicate and is dropped
 * ("said that" or a changed conjunction does not make a new sentence; lib/near-copies.ts).
 * @return One document per event in `events` order; text is the kept sentences, one per line.
 */
export function eventDocuments(articles: Array<Article & { event?: string | null }>, events: EventRow[]): EventDocument[] {
  const byEvent = new Map<string, Article[]>();
  for (const a of articles) if (a.event) byEvent.set(a.event, [...(byEvent.get(a.event) ?? []), a]);
  return events.map((e) => {
    const members = byEvent.get(e.event) ?? [];
    const all: Array<{ text: string; order: number; grams: Set<string>; size: number }> = [];
    members.forEach((a, ai) => {
      const tokens = tokensOf(a);
      for (const s of sentences(a.text, tokens)) {
        const words = tokens.slice(s.first, s.last).map((t) => t.lower);
        all.push({ text: a.text.slice(s.start, s.end).replace(/\s+/g, " "), order: ai * 1e9 + s.start, grams: wordBigrams(words), size: words.length });
      }
    });
    const byLength = all.map((_, i) => i).sort((x, y) => all[y].size - all[x].size || all[x].order - all[y].order);
    const copyOf = nearCopies(all.map((s) => s.grams), byLength);
    const kept = byLength.filter((i) => copyOf[i] < 0).map((i) => all[i]);
    kept.sort((x, y) => x.order - y.order);
    const text = kept.map((s) => s.text).join("\n");
    return { id: e.event, date: e.date, text, words: countWords(text), articles: e.articles, sentences: all.length, duplicates: all.length - kept.length };
  });
}

/**
 * Grouping keys for counts such as themeReach: the event an article reports, and that event's month
 * (the periods the shift and the timeline compare). Articles must come from assignEvents.
 */
export function eventKeys(events: EventRow[]): { events: (a: Article) => string | null; periods: (a: Article) => string | null } {
  const month = new Map(events.map((e) => [e.event, e.date ? e.date.slice(0, 7) : null]));
  const eventOf = (a: Article) => (a as EventArticle).event ?? null;
  return { events: eventOf, periods: (a) => month.get(eventOf(a) ?? "") ?? null };
}
