// Stage 3c: articles → direct quotations, with who said them where the text says it, and which quotations
// come back across events.
//
// Decisions:
// - A quotation is text between “ and ” or between a pair of straight double quotes, inside one paragraph.
//   An opening mark with no closing mark in its paragraph is left out (multi-paragraph quotations are rare in
//   these reports and cannot be told from a stray mark). Single quotes are not read: ’ is also the apostrophe.
// - Scare quotes ("collective West", "special military operation": one to three words) and quoted names ("Group
//   of Friends of Peace in Ukraine": every content word capitalised) are left out unless a speaker is attributed.
// - The speaker is looked for in the same sentence: after the quotation (“…,” he declared; “…” Ambassador …
//   Albert P. Khorev on Tuesday said) or before it (Khorev insisted that “…”; Khorev said, adding: “…”). The
//   speaker is the nearest name, pronoun or role ("the ambassador", "the Russian diplomat") before the speech
//   verb. He/she and roles are resolved to the article's main subject — the first person named whose surname
//   comes back later in the article — and `speakerAsWritten` keeps what the text says.
// - Two quotations are the same when at least 60% of the shorter one's word bigrams (lower case, punctuation
//   dropped) are in the longer one, so a quotation cut short or lightly edited by another outlet still matches.
import type { Article } from "./types.js";
import { isStopword, lowerOf, sentences, tokenize, type Sentence, type Token } from "./tokens.js";

export interface Quote {
  article: string;
  event: string | null;
  date: string | null;
  /** The quoted words, without the marks, on one line. */
  quote: string;
  /** Offsets of the quoted words in the article's text: text.slice(start, end) is the quotation (before joining lines). */
  start: number;
  end: number;
  /** Who said it: a name (the main subject's full name for he/she/"the ambassador"), or null when the text does not say. */
  speaker: string | null;
  /** The words the text uses for the speaker ("he", "Khorev", "the ambassador"), or null. */
  speakerAsWritten: string | null;
  words: number;
}

const SPEECH_VERBS = [
  "said", "says", "say", "stated", "states", "declared", "declares", "added", "adding", "remarked", "asked", "told", "noted",
  "stressed", "emphasised", "emphasized", "insisted", "argued", "arguing", "claimed", "warned", "explained", "highlighted",
  "concluded", "continued", "called", "reiterated", "maintained", "acknowledged", "asserted", "underlined", "recalled",
  "observed", "replied", "responded", "announced", "affirmed",
];
const VERB = new RegExp(`\\b(?:${SPEECH_VERBS.join("|")})\\b`, "giu");
const PRONOUN = /^(?:he|she)$/i;
const ROLE = /^(?:the\s+)?(?:(?:russian|chinese|pakistani|u\.?s\.?|american|ukrainian)\s+)?(?:ambassador|envoy|diplomat|spokes(?:man|woman|person))$/i;
const NOT_NAME = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "ambassador", "president", "minister", "foreign", "secretary", "prime", "envoy", "embassy", "mr", "mrs", "ms", "dr", "h.e", "he",
  "russian", "american", "chinese", "ukrainian", "pakistani", "western", "european", "general", "spokesperson", "deputy", "state",
]);

/**
 * Every direct quotation in an article, with its speaker where the text says it.
 * @return Quotes in text order; offsets index into `article.text`.
 */
export function extractQuotes(article: Pick<Article, "id" | "text" | "date"> & { event?: string | null }): Quote[] {
  const text = article.text;
  const subject = mainSubject(text);
  const tokens = tokenize(text);
  const sents = sentences(text, tokens);
  const surnames = new Set(nameRuns(text).map((r) => lastWord(r.name)));
  const out: Quote[] = [];
  for (const span of quoteSpans(text)) {
    const inner = text.slice(span.start, span.end);
    const innerTokens = tokenize(inner);
    const words = innerTokens.length;
    if (!words) continue;
    const found = attribution(text, tokens, sents, span, surnames);
    const titleCase = innerTokens.every((t) => isStopword(t.lower) || /^\p{Lu}/u.test(t.text));
    if (!found && (words <= 3 || titleCase)) continue;
    let speaker: string | null = null;
    if (found) {
      if (PRONOUN.test(found) || ROLE.test(found)) speaker = subject?.name ?? found;
      else speaker = subject && lastWord(found) === subject.surname ? subject.name : normaliseName(found);
    }
    out.push({
      article: article.id,
      event: article.event ?? null,
      date: article.date,
      quote: inner.replace(/\s+/g, " ").replace(/[\s,;:]+$/, ""),
      start: span.start,
      end: span.end,
      speaker,
      speakerAsWritten: found,
      words,
    });
  }
  return out;
}

type Span = { start: number; end: number; open: number; close: number };

/** The quoted stretches of a text: inner offsets and the offsets of the opening and closing marks. */
export function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let para = 0;
  for (const p of text.split("\n")) {
    let straight = -1;
    let curly = -1;
    for (let i = 0; i < p.length; i++) {
      const ch = p[i];
      if (ch === "“") curly = i;
      else if (ch === "”" && curly >= 0) {
        spans.push({ start: para + curly + 1, end: para + i, open: para + curly, close: para + i });
        curly = -1;
      } else if (ch === '"') {
        if (straight < 0) straight = i;
        else {
          spans.push({ start: para + straight + 1, end: para + i, open: para + straight, close: para + i });
          straight = -1;
        }
      }
    }
    para += p.length + 1;
  }
  return spans.sort((a, b) => a.start - b.start);
}

// Words that may stand between a closing mark and the speech verb: "…,” Ambassador of Russia to Pakistan,
// Albert P. Khorev on Tuesday said". Anything else ("…” has been debunked and he said") means the verb belongs
// to another clause.
const LEAD_WORD = /^(?:of|to|the|in|at|for|on|a|an|and|he|she|ambassador|envoy|diplomat|spokes(?:man|woman|person)|minister|president|yesterday|today|later|also|then|further)$/;

/** Who the text says spoke a quotation; null if it does not say. */
function attribution(text: string, tokens: Token[], sents: Sentence[], span: Span, surnames: Set<string>): string | null {
  const paraEnd = text.indexOf("\n", span.close) < 0 ? text.length : text.indexOf("\n", span.close);
  const paraStart = text.lastIndexOf("\n", span.open) + 1;
  // After: the rest of the sentence the closing mark ends in.
  const next = tokens.findIndex((t) => t.start > span.close);
  if (next >= 0 && tokens[next].start < paraEnd) {
    const s = sents[tokens[next].sentence];
    const after = text.slice(span.close + 1, Math.min(s.end, paraEnd));
    const m = new RegExp(VERB.source, "iu").exec(after);
    if (m) {
      const lead = after.slice(0, m.index);
      const leadTokens = tokenize(lead);
      const fits = !/[“"]/.test(lead) && leadTokens.length <= 14 &&
        leadTokens.every((t) => /^\p{Lu}/u.test(t.text) || LEAD_WORD.test(t.lower) || /ly$/.test(t.lower) || /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/.test(t.lower));
      if (fits) {
        const who = nearestSpeaker(lead, surnames);
        if (who) return who;
        if (!leadTokens.length) {
          // "…,” said Khorev. / "…,” said the ambassador.
          const rest = after.slice(m.index + m[0].length);
          const role = /^\s*(the\s+(?:\p{L}+\s+)?(?:ambassador|envoy|diplomat|spokes(?:man|woman|person)))\b/iu.exec(rest);
          if (role) return role[1];
          const name = /^\s*((?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.?)(?:\s+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.))*)/u.exec(rest);
          if (name && !NOT_NAME.has(lowerOf(name[1]))) return name[1].replace(/\.$/, "");
        }
      }
    }
  }
  // Before: from the start of the sentence the opening mark is in; the verb within four words of the mark.
  const prev = lastIndexBefore(tokens, span.open);
  if (prev < 0) return null;
  const from = Math.max(paraStart, sents[tokens[prev].sentence].start);
  if (from >= span.open) return null;
  const before = text.slice(from, span.open);
  const verbs = Array.from(before.matchAll(new RegExp(VERB.source, "giu")));
  const last = verbs[verbs.length - 1];
  if (!last || tokenize(before.slice(last.index! + last[0].length)).length > 4) return null;
  return nearestSpeaker(before.slice(0, last.index!), surnames);
}

function lastIndexBefore(tokens: Token[], offset: number): number {
  let lo = 0, hi = tokens.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * The speaker nearest the end of `s` (which ends where the speech verb starts): the last name run, he/she or role
 * phrase; a single capitalised word counts when it is a surname named elsewhere in the article or stands right
 * before the verb ("Khorev insisted").
 */
function nearestSpeaker(s: string, surnames: Set<string>): string | null {
  const candidates: Array<{ at: number; who: string }> = [];
  for (const r of nameRuns(s, 1)) {
    const single = !/\s/.test(r.name);
    if (!single || surnames.has(r.name) || !s.slice(r.start + r.name.length).replace(/['’]s\b/, "").replace(/\b\p{Ll}+ly\b/gu, "").trim())
      candidates.push({ at: r.start, who: r.name });
  }
  for (const m of s.matchAll(/\b(he|she)\b/gi)) candidates.push({ at: m.index!, who: m[1] });
  for (const m of s.matchAll(/\b((?:the\s+)?(?:(?:russian|chinese|pakistani|u\.?s\.?|american|ukrainian)\s+)?(?:ambassador|envoy|diplomat|spokes(?:man|woman|person)))\b(?!\s+(?:of|to)\b)/giu))
    candidates.push({ at: m.index!, who: m[1] });
  if (!candidates.length) return null;
  candidates.sort((x, y) => y.at - x.at);
  return candidates[0].who;
}

/**
 * Runs of capitalised words that look like a person's name: `minWords` (default 2) to four words, initials allowed
 * inside ("Albert P. Khorev"), split at titles, months, weekdays, nationality words and stopwords.
 */
export function nameRuns(s: string, minWords = 2): Array<{ name: string; start: number }> {
  const out: Array<{ name: string; start: number }> = [];
  const re = /(?<![\p{L}.])(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}(?![\p{L}]))(?:\s+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}(?![\p{L}])))*/gu;
  for (const m of s.matchAll(re)) {
    let part: Array<{ w: string; at: number }> = [];
    const flush = () => {
      while (part.length && !/^\p{Lu}[\p{Ll}'’-]+$/u.test(part[0].w)) part.shift();
      while (part.length && !/^\p{Lu}[\p{Ll}'’-]+$/u.test(part[part.length - 1].w)) part.pop();
      if (part.length >= minWords && part.length <= 4) out.push({ name: part.map((p) => p.w).join(" ").replace(/['’]s$/, ""), start: part[0].at });
      part = [];
    };
    let at = m.index!;
    for (const w of m[0].split(/(\s+)/)) {
      if (/^\s+$/.test(w)) { at += w.length; continue; }
      const bare = lowerOf(w).replace(/\.$/, "").replace(/'s$/, "");
      if (NOT_NAME.has(bare) || (isStopword(bare) && bare.length > 1)) flush();
      else part.push({ w, at });
      at += w.length;
    }
    flush();
  }
  return out;
}

/**
 * The person an article is about: the first name run whose surname comes back later in the text, else the first
 * name run, else null. Leading words of a run that also stand alone elsewhere are places, not first names
 * ("to Pakistan Albert P. Khorev"); "Albert P Khorev" is written "Albert P. Khorev".
 */
export function mainSubject(text: string): { name: string; surname: string } | null {
  const runs = nameRuns(text);
  if (!runs.length) return null;
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const count = (word: string) => (text.match(new RegExp(`(?<![\\p{L}])${esc(word)}(?![\\p{L}])`, "gu")) ?? []).length;
  const trim = (name: string) => {
    const w = name.split(" ");
    // A leading word seen more often than the run itself stands alone elsewhere: a place or a title.
    while (w.length > 2 && count(w[0]) > count(w.slice(0, 2).join(" "))) w.shift();
    return w.join(" ");
  };
  const pick = runs.find((r) => count(lastWord(r.name)) >= 2) ?? runs[0];
  const name = normaliseName(trim(pick.name));
  return { name, surname: lastWord(name) };
}

function lastWord(s: string): string {
  const w = s.trim().split(/\s+/);
  return w[w.length - 1].replace(/['’]s$/, "");
}

function normaliseName(s: string): string {
  return s.replace(/\b(\p{Lu})(?=\s)/gu, "$1.").replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Repeats

/** A quotation and every place it (or a near-copy) was quoted. */
export interface QuoteGroup {
  /** The longest wording. */
  quote: string;
  speaker: string | null;
  articles: string[];
  events: string[];
  first: string | null;
  last: string | null;
  mentions: Quote[];
}

/** Share of the shorter quotation's word bigrams that must be in the longer one for the two to be the same. */
export const SAME_QUOTE = 0.6;

function bigrams(quote: string): Set<string> {
  const w = tokenize(quote).map((t) => t.lower);
  const g = new Set<string>();
  for (let i = 0; i + 2 <= w.length; i++) g.add(w[i] + " " + w[i + 1]);
  if (!g.size && w.length) g.add(w[0]);
  return g;
}

/**
 * Group quotations that say the same thing (fuzzy: 60% of the shorter one's word bigrams in the longer one).
 * Candidate pairs come from an index of bigrams, so only quotations sharing words are compared.
 * @return Groups, those quoted in the most events first, then the earliest; mentions in input order.
 */
export function groupQuotes(quotes: Quote[]): QuoteGroup[] {
  const grams = quotes.map((q) => bigrams(q.quote));
  const parent = quotes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const index = new Map<string, number[]>();
  quotes.forEach((_, i) => {
    const shared = new Map<number, number>();
    for (const g of grams[i]) for (const j of index.get(g) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, n] of shared) if (n >= SAME_QUOTE * Math.min(grams[i].size, grams[j].size)) parent[find(i)] = find(j);
    for (const g of grams[i]) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  const groups = new Map<number, Quote[]>();
  quotes.forEach((q, i) => {
    const list = groups.get(find(i));
    if (list) list.push(q);
    else groups.set(find(i), [q]);
  });
  const out: QuoteGroup[] = [];
  for (const mentions of groups.values()) {
    const longest = mentions.reduce((x, y) => (y.quote.length > x.quote.length ? y : x));
    const speakers = new Map<string, number>();
    for (const m of mentions) if (m.speaker) speakers.set(m.speaker, (speakers.get(m.speaker) ?? 0) + 1);
    const speaker = Array.from(speakers).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? null;
    const dates = mentions.map((m) => m.date).filter((d): d is string => !!d).sort();
    out.push({
      quote: longest.quote,
      speaker,
      articles: Array.from(new Set(mentions.map((m) => m.article))),
      events: Array.from(new Set(mentions.map((m) => m.event).filter((e): e is string => !!e))),
      first: dates[0] ?? null,
      last: dates[dates.length - 1] ?? null,
      mentions,
    });
  }
  return out.sort((x, y) => y.events.length - x.events.length || ((x.first ?? "~") < (y.first ?? "~") ? -1 : (x.first ?? "~") > (y.first ?? "~") ? 1 : 0));
}
