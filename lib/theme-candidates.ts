// Stage 3c: talking points nobody named. For each event (briefing), the words that distinguish it from the other
// events and the recurring phrases it brought, leaving out what a theme already covers and setting names apart,
// grouped into candidate themes with a YAML entry ready to paste into the dictionary.
//
// Decisions:
// - Keyness is per event against all the other events (G², lib/keyness.ts), on event documents (lib/events.ts
//   eventDocuments), so a sentence three outlets copied counts once. A term is kept at G² ≥ 10.83 (p < 0.001) with at
//   least 3 uses in the event; on a corpus of one event there is nothing to compare against and no term is kept.
// - A term is covered when at least half of its uses in the event fall inside a theme's hits; a phrase when a theme
//   pattern matches inside it (its context rules left aside). Names (written with a capital in this corpus; lib/phrases.ts capitalWords,
//   isNamePhrase) are listed apart: "Khorev" is what makes a briefing distinct, not what it says.
// - A phrase must be concentrated in the event: G² ≥ 3.84 (p < 0.05) on the reports using it, this event's against
//   the others' (on the BBC corpus "years ago" and "first time", in a tenth of all reports, were otherwise the first
//   event's top candidates). A phrase belongs to the first event (by date) that uses it, and to a later event only where two or more of its
//   reports use it and they are more than all the other events' reports that do: on an archive, each briefing's
//   phrases are what it added to the message.
// - Grouping is greedy, strongest term first: a term joins a group whose first term it shares two sentences with
//   (and at least a third of the rarer one's sentences), a phrase joins the group of the strongest term it contains;
//   a phrase without a key term is a candidate of its own when it recurs. At most 5 candidates per event.
import type { Article } from "./types.js";
import { tokenize, tokensOf } from "./tokens.js";
import { assignEvents, eventDocuments, type EventsResult } from "./events.js";
import { logLikelihood } from "./keyness.js";
import { capitalWords, isNamePhrase, recurringPhrases, type Phrase } from "./phrases.js";
import { buildIndex, spansOf } from "./theme-patterns.js";
import { themePatterns, themeSpansAll, type Theme } from "./themes.js";

export interface CandidateOptions {
  /** Key terms kept per event. Default 12. */
  terms?: number;
  /** Phrases kept per event. Default 12. */
  phrases?: number;
  /** Least G² for a key term. Default 10.83 (p < 0.001). */
  minG2?: number;
  /** Least G² for a phrase, on the reports using it in this event against the other events'. Default 3.84 (p < 0.05). */
  minPhraseG2?: number;
  /** Least uses of a key term in the event. Default 3. */
  minCount?: number;
  /** Candidate themes per event. Default 5. */
  candidates?: number;
  /** The events, when already grouped (assignEvents on these articles). */
  events?: EventsResult;
  /** The recurring phrases, when already found (recurringPhrases on these articles). */
  recurring?: Phrase[];
}

export interface CandidateTerm {
  term: string;
  stem: string;
  g2: number;
  /** Uses in this event's document and in all the others. */
  count: number;
  elsewhere: number;
}

export interface CandidatePhrase {
  phrase: string;
  /** Reports of this event that use it, and reports of other events. */
  articles: number;
  elsewhere: number;
  /** No earlier event used it. */
  first: boolean;
}

/** A theme nobody has named yet: the words and phrases that go together, and its dictionary entry. */
export interface CandidateTheme {
  id: string;
  label: string;
  terms: string[];
  phrases: string[];
  /** Summed G² of its terms plus 10 per phrase (a phrase alone: 5 per report using it): the order candidates are listed in. */
  score: number;
  /** A dictionary entry ready to paste into a themes file. */
  yaml: string;
}

export interface EventCandidates {
  event: string;
  date: string | null;
  title: string;
  articles: number;
  /** Key terms of the event no theme covers (names left out), strongest first. */
  terms: CandidateTerm[];
  /** Phrases it brought that no theme covers (names left out). */
  phrases: CandidatePhrase[];
  /** Names and titles among its key terms and phrases, set apart from talking points. */
  names: string[];
  candidates: CandidateTheme[];
}

/**
 * Per event, what distinguishes it that no theme covers, grouped into candidate themes with a YAML entry each.
 * @return One row per event, in event order (by date). Defaults: 12 terms and phrases, G² ≥ 10.83, 3 uses, 5 candidates.
 */
export function themeCandidates(articles: Article[], themes: Theme[], options: CandidateOptions = {}): EventCandidates[] {
  const { terms: termCount = 12, phrases: phraseCount = 12, minG2 = 10.83, minPhraseG2 = 3.84, minCount = 3, candidates: maxCandidates = 5 } = options;
  for (const [name, v] of [["terms", termCount], ["phrases", phraseCount], ["minCount", minCount], ["candidates", maxCandidates]] as const)
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`themeCandidates: ${name} must be a whole number ≥ 0, not ${v}`);
  if (!(minG2 >= 0)) throw new RangeError(`themeCandidates: minG2 must be a number ≥ 0, not ${minG2}`);
  const grouped = options.events ?? assignEvents(articles);
  const docs = eventDocuments(grouped.articles, grouped.events).map((d) => ({ ...d, unit: { text: d.text } }));
  const capital = capitalWords(grouped.articles.map((a) => ({ tokens: tokensOf(a) })));

  // 1. Terms per event document: uses, uses inside a theme's hits, written forms, sentences.
  type Stat = { count: number; covered: number; sentences: number[] };
  const perDoc: Array<Map<string, Stat>> = [];
  const forms = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  const sizes: number[] = [];
  for (const d of docs) {
    const tokens = tokensOf(d.unit);
    const inTheme = new Uint8Array(tokens.length);
    for (const spans of themeSpansAll(d.unit, themes)) for (const s of spans) inTheme.fill(1, s.first, s.last);
    const stats = new Map<string, Stat>();
    let size = 0;
    tokens.forEach((t, i) => {
      if (t.stop || !/\p{L}/u.test(t.lower)) return;
      size++;
      const st = stats.get(t.stem) ?? { count: 0, covered: 0, sentences: [] };
      st.count++;
      st.covered += inTheme[i];
      if (st.sentences[st.sentences.length - 1] !== t.sentence) st.sentences.push(t.sentence);
      stats.set(t.stem, st);
      total.set(t.stem, (total.get(t.stem) ?? 0) + 1);
      const f = forms.get(t.stem) ?? new Map<string, number>();
      const form = t.text.replace(/['’]s$/i, "");
      f.set(form, (f.get(form) ?? 0) + 1);
      forms.set(t.stem, f);
    });
    perDoc.push(stats);
    sizes.push(size);
  }
  const allTokens = sizes.reduce((a, b) => a + b, 0);
  const surface = (stem: string) => {
    let best = stem;
    let n = 0;
    for (const [f, c] of forms.get(stem) ?? []) if (c > n) [best, n] = [f, c];
    return best;
  };

  // 2. Recurring phrases: which reports use each, and whether a theme covers it or it is a name.
  const recurring = (options.recurring ?? recurringPhrases(grouped.articles)).filter((p) => !/[*|]/.test(p.phrase));
  // Which reports use each phrase: its stems looked up by the first one, compared in place (one pass per article).
  const stemsOf = recurring.map((p) => tokenize(p.phrase).map((t) => t.stem));
  const byFirst = new Map<string, number[]>();
  stemsOf.forEach((st, k) => { if (st.length) byFirst.set(st[0], [...(byFirst.get(st[0]) ?? []), k]); });
  const eventOf = new Map<string, number>();
  grouped.events.forEach((e, i) => e.articles.forEach((id) => eventOf.set(id, i)));
  const inEvent = recurring.map(() => new Map<number, number>());
  for (const a of grouped.articles) {
    const e = eventOf.get(a.id);
    if (e === undefined) continue;
    const T = tokensOf(a);
    const found = new Set<number>();
    for (let p = 0; p < T.length; p++) for (const k of byFirst.get(T[p].stem) ?? []) {
      const st = stemsOf[k];
      let ok = p + st.length <= T.length && T[p + st.length - 1].sentence === T[p].sentence;
      for (let i = 1; i < st.length && ok; i++) ok = T[p + i].stem === st[i];
      if (ok) found.add(k);
    }
    for (const k of found) inEvent[k].set(e, (inEvent[k].get(e) ?? 0) + 1);
  }
  const phrasesOf: number[][] = grouped.events.map(() => []);
  inEvent.forEach((m, k) => { for (const ev of m.keys()) phrasesOf[ev].push(k); });
  // A phrase is covered when a theme's pattern matches inside it, its context rules left aside: the phrase alone is
  // not the sentence the rules were written for ("80th anniversary" is the Victory's in its sentences).
  const bare = buildIndex(themes.map((t) => themePatterns(t).map((p) => ({ ...p, rules: [] }))));
  const coveredPhrase = recurring.map((p) => {
    const unit = { text: p.phrase };
    return spansOf(p.phrase, tokensOf(unit), bare).some((s) => s.length > 0);
  });
  const nameOf = recurring.map((p) => p.kind === "name" || isNamePhrase(p.phrase, capital));

  return grouped.events.map((e, ei) => {
    const stats = perDoc[ei];
    const rest = allTokens - sizes[ei];
    // 3. Key terms of this event against the others.
    const key: Array<CandidateTerm & { sentences: number[] }> = [];
    const names: string[] = [];
    if (rest > 0) for (const [stem, st] of stats) {
      if (st.count < minCount || st.covered * 2 >= st.count) continue;
      const elsewhere = (total.get(stem) ?? 0) - st.count;
      if (st.count * rest <= elsewhere * sizes[ei]) continue;
      const g2 = logLikelihood(elsewhere, st.count, rest, sizes[ei]);
      if (g2 < minG2) continue;
      key.push({ term: surface(stem), stem, g2, count: st.count, elsewhere, sentences: st.sentences });
    }
    key.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    const terms: typeof key = [];
    for (const k of key) {
      if (capital(k.term)) { if (names.length < termCount) names.push(k.term); }
      else if (terms.length < termCount) terms.push(k);
    }
    // 4. Its phrases: first used here, or used by two of its reports.
    const phrases: CandidatePhrase[] = [];
    for (const k of phrasesOf[ei]) {
      const p = recurring[k];
      const here = inEvent[k].get(ei) ?? 0;
      if (!here || coveredPhrase[k]) continue;
      const firstEvent = Math.min(...inEvent[k].keys());
      let elsewhere = 0;
      for (const [ev, n] of inEvent[k]) if (ev !== ei) elsewhere += n;
      // A name or title is listed where it was first used, whether or not it is concentrated there.
      if (nameOf[k]) { if (firstEvent === ei && names.length < termCount + phraseCount && !names.includes(p.phrase)) names.push(p.phrase); continue; }
      if (firstEvent !== ei && (here < 2 || here <= elsewhere)) continue;
      // Concentrated here: G² of the reports using it, this event's against the others' (p < 0.05).
      const others = grouped.articles.length - e.articles.length;
      if (others > 0 && (here * others <= elsewhere * e.articles.length || logLikelihood(elsewhere, here, others, e.articles.length) < minPhraseG2)) continue;
      phrases.push({ phrase: p.phrase, articles: here, elsewhere, first: firstEvent === ei });
    }
    phrases.sort((x, y) => y.articles + y.elsewhere - (x.articles + x.elsewhere) || y.articles - x.articles || x.phrase.length - y.phrase.length);
    phrases.length = Math.min(phrases.length, phraseCount);
    return { event: e.event, date: e.date, title: e.title, articles: e.articles.length, terms: terms.map(({ sentences, ...t }) => t), phrases, names,
      candidates: groupCandidates(terms, phrases, themes, maxCandidates) };
  });
}

function groupCandidates(terms: Array<CandidateTerm & { sentences: number[] }>, phrases: CandidatePhrase[], themes: Theme[], max: number): CandidateTheme[] {
  const groups: Array<{ terms: typeof terms; phrases: string[] }> = [];
  for (const t of terms) {
    const g = groups.find((x) => {
      const seed = x.terms[0].sentences;
      const shared = t.sentences.filter((s) => seed.includes(s)).length;
      return shared >= 2 && shared * 3 >= Math.min(seed.length, t.sentences.length);
    });
    if (g) g.terms.push(t);
    else groups.push({ terms: [t], phrases: [] });
  }
  const loose: CandidatePhrase[] = [];
  for (const p of phrases) {
    const stems = new Set(tokenize(p.phrase).map((t) => t.stem));
    const g = groups.find((x) => x.terms.some((t) => stems.has(t.stem)));
    if (g) g.phrases.push(p.phrase);
    else if (p.articles + p.elsewhere >= 2) loose.push(p);
  }
  const taken = new Set(themes.map((t) => t.id));
  const out = [
    ...groups.map((g) => ({ terms: g.terms.map((t) => t.term), phrases: g.phrases, score: g.terms.reduce((n, t) => n + t.g2, 0) + 10 * g.phrases.length })),
    ...loose.map((p) => ({ terms: [] as string[], phrases: [p.phrase], score: 5 * (p.articles + p.elsewhere) })),
  ].sort((x, y) => y.score - x.score);
  return out.slice(0, max).map((c) => {
    const label = c.phrases[0] && c.phrases[0].length <= 60 ? c.phrases[0] : c.terms.slice(0, 2).join(" / ") || c.phrases[0].slice(0, 60);
    let id = slug(label) || "candidate";
    for (let n = 2; taken.has(id); n++) id = `${slug(label)}-${n}`;
    taken.add(id);
    const patterns = [...c.phrases, ...c.terms.filter((t) => !c.phrases.some((p) => p.toLowerCase().split(/\W+/).includes(t.toLowerCase())))];
    return { id, label, terms: c.terms, phrases: c.phrases, score: Math.round(c.score * 10) / 10, yaml: yamlEntry(id, label, patterns) };
  });
}

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");

/** A dictionary entry: id, label, and each pattern double-quoted (valid YAML whatever it holds). */
export function yamlEntry(id: string, label: string, patterns: string[]): string {
  const q = (s: string) => JSON.stringify(s.replace(/\s+/g, " ").trim());
  return [`${id}:`, `  label: ${q(label.charAt(0).toUpperCase() + label.slice(1))}`, "  patterns:", ...patterns.map((p) => `    - ${q(p)}`)].join("\n") + "\n";
}

/** Candidates as a table to read: one row per candidate theme, with its event. */
export function candidateRows(events: EventCandidates[]): Array<Record<string, string | number>> {
  return events.flatMap((e) => e.candidates.map((c) => ({
    event: e.event, date: e.date ?? "", candidate: c.label, terms: c.terms.join(", "), phrases: c.phrases.join("; "), score: c.score,
  })));
}
