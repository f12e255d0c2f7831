// Synthetic corpora for the chart tests at 30 and a few thousand articles: deterministic (a fixed linear
// congruential generator), built from sentences written for these tests, so goldens stay small and stable.
// Outlets are skewed (the first publishes most), dates spread over `days` from `start`, and an optional early
// stretch of articles (`early`) puts a long run of empty months between it and the rest.
import { countWords } from "../lib/corpus.js";
import type { EventRow } from "../lib/events.js";
import type { Theme } from "../lib/themes.js";
import type { TimelineRow } from "../lib/timeline.js";
import type { Article } from "../lib/types.js";

export const OUTLETS = ["Dawn", "The News", "Express Tribune", "Business Recorder", "The Nation", "Daily Times", "Pakistan Observer", "The Frontier Post", "UrduPoint", "Arab News", "APP", "Geo"];

const SENTENCES = [
  "The envoy called for a ceasefire along the line of contact.",
  "A truce would need monitors from neutral states, he added.",
  "He said NATO expansion to the east had caused the crisis.",
  "The Kosovo precedent was cited again by the ambassador.",
  "Western states have sent weapons worth $350 billion, he said.",
  "Over 1,000 prisoners of war were exchanged last week.",
  "Grain shipments through the Black Sea must resume soon.",
  "Trade between the two countries grew by 20% this year.",
  "Cricket fans gathered near the stadium before sunset.",
  "The minister opened a new road in the northern valley.",
];

export const CHART_THEMES: Theme[] = [
  { id: "truce", label: "Ceasefire", patterns: ["ceasefire*", "truce*"] },
  { id: "nato", label: "NATO expansion", patterns: ["NATO", "expansion"] },
  { id: "kosovo", label: "Kosovo", patterns: ["Kosovo"] },
  { id: "grain", label: "Grain", patterns: ["grain"] },
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const day = (start: string, plus: number) => new Date(Date.parse(`${start}T00:00:00Z`) + plus * 86400000).toISOString().slice(0, 10);

export interface SynthOptions {
  start?: string;
  days?: number;
  /** Outlets used (the first N of OUTLETS). */
  outlets?: number;
  /** Articles dated in the month before `start` minus `earlyYears` years. */
  early?: number;
  earlyYears?: number;
  /** Every `undatedEvery`-th article has no date (0: none). */
  undatedEvery?: number;
  seed?: number;
}

/** `n` articles, deterministic for the same arguments. */
export function synthArticles(n: number, options: SynthOptions = {}): Article[] {
  const { start = "2025-01-01", days = 365, outlets = 12, early = 0, earlyYears = 6, undatedEvery = 0, seed = 7 } = options;
  const r = rng(seed);
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    // Skewed outlets: the square of a uniform number favours the first ones.
    const outlet = OUTLETS[Math.floor(r() * r() * outlets)];
    const isEarly = i < early;
    const date = undatedEvery && i % undatedEvery === undatedEvery - 1 ? null
      : isEarly ? day(`${Number(start.slice(0, 4)) - earlyYears}${start.slice(4)}`, Math.floor(r() * 28)) : day(start, Math.floor(r() * days));
    const sentences: string[] = [];
    const k = 2 + Math.floor(r() * 4);
    for (let j = 0; j < k; j++) sentences.push(SENTENCES[Math.floor(r() * SENTENCES.length)]);
    const text = sentences.join(" ");
    const id = `art-${String(i).padStart(5, "0")}`;
    out.push({ id, file: `${id}.txt`, title: `Report ${i}: ${sentences[0].slice(0, 30)}`, outlet, url: null, date, dateSource: date ? "header" : null, text, words: countWords(text), warnings: [] });
  }
  return out;
}

/** Events of one or a few articles each, one per day with articles, as a large corpus gives. */
export function synthEvents(articles: Article[]): EventRow[] {
  const byDay = new Map<string, Article[]>();
  for (const a of articles) if (a.date) (byDay.get(a.date) ?? byDay.set(a.date, []).get(a.date)!).push(a);
  return Array.from(byDay.entries()).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, as]) => ({
    event: `ev-${date}-synthetic`, date, dateFrom: "header", articles: as.map((a) => a.id), outlets: Array.from(new Set(as.map((a) => a.outlet!))).sort(), title: as[0].title,
    words: as.reduce((n, a) => n + a.words, 0), speaker: null, evidence: "",
  }));
}

/**
 * Timeline rows by event, one per day with articles (from synthEvents), with hits counted by substring of a
 * theme's first pattern word and the articles' words: the shape `timeline(…, { by: "event" })` gives, without
 * running event grouping on thousands of articles.
 */
export function synthEventRows(articles: Article[], themes: Theme[] = CHART_THEMES): TimelineRow[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return synthEvents(articles).map((e) => {
    const members = e.articles.map((id) => byId.get(id)!);
    const words = members.reduce((n, a) => n + a.words, 0);
    const themeRates = themes.map((t) => {
      const needle = t.patterns[0].replace("*", "").toLowerCase();
      const hits = members.reduce((n, a) => n + a.text.toLowerCase().split(needle).length - 1, 0);
      return { theme: t.id, label: t.label, rate: (hits * 1000) / words, hits };
    });
    return {
      period: e.event, from: e.date!, to: e.date!, gap: false, spec: e.date, articles: members.length, events: 1, outlets: e.outlets, words,
      themes: themeRates, figures: [], articleIds: e.articles, eventIds: [e.event], title: e.title,
    };
  });
}
