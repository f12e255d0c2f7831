// Stage 2a: the dates an article gives for the briefing it reports, and the date an event takes from its members.
// Read by lib/events.ts (grouping) and computed per article beside the other stages (eventInput).
//
// Decisions: see the top of lib/events.ts ("Dates"): statement dates outrank datelines, which outrank the articles'
// own dates (metadata, byline, url), which outrank a date read from the body (lib/dates.ts, tier 4). A dateline is
// evidence only when it agrees with the article's own date within HISTORY_DAYS: on the BBC corpus a fixture
// listing and ledes about 1945–2004 had dated 7 events decades from every member's header date.
// A statement date is never after the article's date (chrono's nearest weekday can be ahead: BBC's
// "operation on Friday" in a Tuesday's article had dated an event 2026-01-02, three days after it).
import * as chrono from "chrono-node";
import type { Article, DateSource } from "./types.js";
import { sentences, tokensOf, type Token } from "./tokens.js";
import { datelineEvidence } from "./dates.js";

/** The dates an article gives for the briefing it reports (see eventDate). */
export interface DateEvidence {
  /** The article's own date (not one taken from an event earlier). */
  articleDate: string | null;
  source: DateSource;
  statement: string | null;
  statementText: string | null;
  dateline: string | null;
  /** The article's best own date for the pair rule: statement, dateline, then header/metadata. */
  best: string | null;
  /** Every date this article gives for the briefing. */
  dates: string[];
}

/** The date evidence of one article: its own date, statement date, dateline. */
export function dateEvidence(a: Article): DateEvidence {
  const articleDate = a.dateSource === "event" ? null : a.date;
  const st = articleDate ? statementDate(a.text, articleDate, tokensOf(a)) : null;
  // The dateline's date, its year from the article's date when left out; one more than HISTORY_DAYS from the
  // article's own date is history (warned about at loading) and no evidence (lib/dates.ts).
  const dateline = datelineEvidence(a.text, articleDate, a.dateSource, a.url);
  const best = st?.date ?? dateline ?? articleDate;
  const dates = [st?.date, dateline, articleDate].filter((d): d is string => !!d);
  return { articleDate, source: articleDate ? a.dateSource : null, statement: st?.date ?? null, statementText: st?.text ?? null, dateline, best, dates };
}

const SPEECH = /\b(?:said|says|told|stated|declared|remarked|announced|added|noted|stressed|briefing|briefed|conference|talking to|speaking|spoke|addressing|interview|media)\b/i;
// A sentence without one of these words cannot hold a RELATIVE_DAY phrase: chrono (slow) is not asked.
const DAY_WORD = /(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today/i;
const RELATIVE_DAY = /^(?:(?:on|last|this past)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:yesterday|today)$/i;

/**
 * The date of the statement an article reports, from relative day words ("said on Tuesday", "told reporters
 * yesterday") in a sentence with a speech or briefing verb, resolved against the article's date looking backwards
 * (chrono, forwardDate false): dated Wednesday 24 Sep, "on Tuesday" is 23 Sep; dated Tuesday, it is that day.
 * @return `{date, text}` for the first such phrase, or null.
 */
export function statementDate(text: string, articleDate: string, tokens: Token[] = tokensOf({ text })): { date: string; text: string } | null {
  const [y, m, d] = articleDate.split("-").map(Number);
  if (!y || !m || !d) return null;
  // Every DAY_WORD has "day" in it: a text without one (four in ten of BBC's articles) has no sentence to look at.
  if (!/day/i.test(text)) return null;
  const ref = new Date(y, m - 1, d, 12);
  for (const s of sentences(text, tokens)) {
    const sentence = text.slice(s.start, s.end);
    if (!/day\b/i.test(sentence) || !DAY_WORD.test(sentence) || !SPEECH.test(sentence)) continue;
    for (const r of chrono.parse(sentence, { instant: ref }, { forwardDate: false })) {
      if (!RELATIVE_DAY.test(r.text.trim())) continue;
      // chrono takes the nearest such weekday, which may be after the article ("on Friday" in a Tuesday's paper:
      // 3 days ahead). Words reported were spoken before the report: that weekday a week earlier.
      const at = new Date(Date.UTC(r.start.get("year")!, r.start.get("month")! - 1, r.start.get("day")!));
      if (at.getTime() > Date.UTC(y, m - 1, d)) at.setUTCDate(at.getUTCDate() - 7);
      return { date: ymd(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()), text: r.text.trim() };
    }
  }
  return null;
}

export function eventDate(members: Array<{ id: string; ev: DateEvidence }>): { date: string | null; dateFrom: string } {
  // Statement, dateline, the article's own date (metadata, byline, url), then a date the body gave (the weakest).
  const tiers: Array<Array<{ id: string; date: string; kind: string }>> = [[], [], [], []];
  for (const { id, ev } of members) {
    if (ev.statement) tiers[0].push({ id, date: ev.statement, kind: `statement ("${ev.statementText}")` });
    if (ev.dateline) tiers[1].push({ id, date: ev.dateline, kind: "dateline" });
    if (ev.articleDate && ev.source !== "dateline") tiers[ev.source === "body" ? 3 : 2].push({ id, date: ev.articleDate, kind: ev.source ?? "date" });
  }
  for (const tier of tiers) {
    if (!tier.length) continue;
    const votes = new Map<string, Set<string>>();
    for (const e of tier) {
      const v = votes.get(e.date) ?? new Set<string>();
      v.add(e.id);
      votes.set(e.date, v);
    }
    let date = "";
    let n = 0;
    for (const [d, v] of votes) if (v.size > n || (v.size === n && d < date)) [date, n] = [d, v.size];
    // Name every piece of evidence that gives the chosen date, the weaker tiers too.
    const kinds = new Map<string, string[]>();
    for (const t of tiers) for (const e of t) if (e.date === date) kinds.set(e.kind, [...(kinds.get(e.kind) ?? []), e.id]);
    const dateFrom = Array.from(kinds, ([k, ids]) => `${k}: ${Array.from(new Set(ids)).sort().join(", ")}`).join("; ");
    return { date, dateFrom };
  }
  return { date: null, dateFrom: "no member has a date" };
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function days(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}
