// The shift between February and September 2025 on the seeds (counts checked by reading the articles), the
// arithmetic of theme rates on written passages, notebook-safe behaviour on small corpora, and the charts.
import { describe, expect, it } from "vitest";
import { countWords, loadArticles } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { shift, shiftKwic, shiftOrNote, themeChange, periodEventRows } from "../lib/shift.js";
import { keynessPlot, themeShiftPlot } from "../lib/plot-shift.js";
import type { KeynessRow } from "../lib/keyness.js";
import { expectGolden } from "./golden.js";

const { articles: seeds } = loadArticles("data/articles");
const byEvent = shift(seeds);
const byArticle = shift(seeds, { unit: "article" });
const term = (r: typeof byEvent, t: string) => r.keyness.find((k) => k.term === t)!;
const theme = (r: typeof byEvent, t: string) => r.themes.find((x) => x.theme === t)!;

function article(id: string, text: string): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date: null, dateSource: null, text, words: countWords(text), warnings: [] };
}

describe("shift on the seeds", () => {
  it("compares February (000, 001, 002) with September (003, 004)", () => {
    expect(byEvent.periods.map((p) => p.label)).toEqual(["2025-02", "2025-09"]);
    expect(byEvent.articlesA.map((id) => id.slice(0, 3))).toEqual(["000", "001", "002"]);
    expect(byEvent.articlesB.map((id) => id.slice(0, 3))).toEqual(["003", "004"]);
    expect([byEvent.unitsA, byEvent.unitsB, byArticle.unitsA, byArticle.unitsB]).toEqual([1, 1, 3, 2]);
    expect(periodEventRows(byEvent).map((r) => r.period)).toEqual(["A · 2025-02", "B · 2025-09"]);
  });

  it("shows ceasefire and humanitarian themes rising and territorial control falling", () => {
    expect(theme(byEvent, "ceasefire-truce").change).toBeGreaterThan(0);
    expect(theme(byEvent, "humanitarian-exchanges").change).toBeGreaterThan(0);
    // No February report speaks of prisoners, exchanges or children (002's "bodies of 11 women" is an atrocity claim).
    expect(theme(byEvent, "humanitarian-exchanges").hitsA).toBe(0);
    expect(theme(byEvent, "territorial-control").change).toBeLessThan(0);
    const t = theme(byEvent, "territorial-control");
    expect(t.rateA).toBeCloseTo((1000 * t.hitsA) / byEvent.wordsA, 10);
    expect(t.change).toBeCloseTo(t.rateB - t.rateA, 10);
    for (const r of [byArticle]) {
      expect(theme(r, "ceasefire-truce").change).toBeGreaterThan(0);
      expect(theme(r, "territorial-control").change).toBeLessThan(0);
    }
  });

  it("counts 'ceasefire' once per sentence of a briefing by event, and per article with unit article", () => {
    // February: only 002 ("not a temporary ceasefire or truce"). September: 003 has potential, immediate, violated
    // the, complete ceasefire (4); 004 has achieving a, violated the, potential, complete ceasefire (4). By event the
    // sentences 004 shares with 003 count once: 004's four plus 003's "immediate ceasefire" = 5.
    expect([term(byEvent, "ceasefire").countA, term(byEvent, "ceasefire").countB]).toEqual([1, 5]);
    expect([term(byArticle, "ceasefire").countA, term(byArticle, "ceasefire").countB]).toEqual([1, 8]);
    // "children": 003 says it three times (the "mass abduction" myth, 339 children, 19,000 children); 004 repeats
    // the first two and adds "19 thousand Ukrainian children": 4 by event, 6 by article.
    expect([term(byEvent, "children").countB, term(byArticle, "children").countB]).toEqual([4, 6]);
    expect(term(byEvent, "children").g2).toBeGreaterThan(0);
    expect(term(byEvent, "West").g2).toBeLessThan(0);
    expect(byEvent.keyness[0].g2).toBeGreaterThan(0);
  });

  it("dates quotations by their event and marks them new in B or A only", () => {
    const battlefield = byEvent.quotes.find((q) => /initiative on the battlefield/i.test(q.quote))!;
    expect(battlefield).toMatchObject({ status: "A only", first: "2025-02-25", last: "2025-02-25", events: 1 });
    expect(battlefield.articles.map((id) => id.slice(0, 3))).toEqual(["000", "001"]);
    expect(byEvent.quotes.find((q) => q.quote.startsWith("We agreed to continue"))!.status).toBe("new");
    expect(byEvent.quotes.every((q) => q.status !== "repeated")).toBe(true);
  });

  it("gives KWIC lines for the top terms from their own period's articles", () => {
    const rows = shiftKwic(byEvent, { top: 2, perTerm: 2 });
    const terms = Array.from(new Set(rows.map((r) => r.term)));
    expect(terms).toHaveLength(4);
    for (const r of rows) {
      const ids = r.period === "2025-02" ? byEvent.articlesA : byEvent.articlesB;
      expect(ids).toContain(r.article);
      expect(r.match.toLowerCase()).toContain(r.term.toLowerCase().slice(0, 4));
    }
  });

  it("rejects a bad unit", () => {
    expect(() => shift(seeds, { unit: "outlet" as "event" })).toThrow('unit must be event or article, not "outlet"');
  });
});

describe("figures that came and went", () => {
  const label = (rows: typeof byEvent.figures.appeared) => rows.map((f) => f.label);

  it("on the seeds: February's territory percentages and $350 billion gone, September's prisoners, bodies and children new", () => {
    // Read in 000–002: 75% of Donetsk, Zaporozhye and Kherson, 99% of Luhansk, 63% of Kursk, $350 billion of aid,
    // 22 civilians, 11 women. None returns in 003/004, which give 1,000 prisoners of war, 6,060 soldiers, 78 bodies,
    // 339 children, 19,000 (004: "19 thousand") children and USD70.2 billion ($70.2 billion in 004).
    const gone = byEvent.figures.disappeared;
    for (const v of [75, 99, 63]) expect(gone.some((f) => f.kind === "percent" && f.value === v)).toBe(true);
    expect(gone.find((f) => f.kind === "money")).toMatchObject({ value: 350e9, unit: "USD" });
    expect(gone.find((f) => f.value === 75)!.articlesA.map((id) => id.slice(0, 3))).toEqual(["000", "001", "002"]);
    const appeared = byEvent.figures.appeared;
    for (const v of [1000, 6060, 78, 339, 19000]) expect(appeared.some((f) => f.kind === "count" && f.value === v)).toBe(true);
    expect(appeared.find((f) => f.value === 19000)!.written.split("; ").sort()).toEqual(["19 thousand", "19,000"]);
    expect(appeared.find((f) => f.kind === "money")).toMatchObject({ value: 70.2e9, unit: "USD" });
    // A claim that changed its number (aid: $350 billion → $70.2 billion) is two figures, never "repeated".
    expect(label(byEvent.figures.repeated)).toEqual([]);
    for (const f of [...appeared, ...gone]) expect(f.articlesA.length === 0 || f.articlesB.length === 0).toBe(true);
  });

  it("lists a figure stated in both periods as repeated", () => {
    const a = { ...article("jan", "Islamabad, January 10, 2025: The ambassador said Russian forces control 75% of the Donetsk region and that aid reached $200 billion."), date: "2025-01-10", dateSource: "dateline" as const };
    const b = { ...article("may", "Islamabad, May 12, 2025: At a reception for the national day, the envoy repeated that Russian troops hold 75% of the Donetsk region, and praised grain deliveries."), date: "2025-05-12", dateSource: "dateline" as const };
    const r = shift([a, b], { themes: [] });
    expect(r.figures.repeated.map((f) => [f.value, f.articlesA, f.articlesB])).toEqual([[75, ["jan"], ["may"]]]);
    expect(r.figures.disappeared.map((f) => f.value)).toEqual([200e9]);
    expect(r.figures.appeared).toEqual([]);
  });
});

describe("shiftOrNote on small corpora", () => {
  it("gives a note for one period or no articles, never throwing", () => {
    const one = shiftOrNote(seeds.filter((a) => a.id.startsWith("000")));
    expect(one.shift).toBeNull();
    expect(one.note).toBe("Only one month holds dated events, so there is nothing to compare (months with events: 2025-02 (1)).");
    expect(one.events).toHaveLength(1);
    const none = shiftOrNote([]);
    expect(none).toEqual({ shift: null, note: "No articles: nothing to compare.", events: [], articles: [] });
    expect(shiftOrNote(seeds).shift?.periods).toHaveLength(2);
  });
});

describe("themeChange", () => {
  it("computes hits per 1,000 words in each period and the difference", () => {
    const themes = [{ id: "truce", label: "Truce", patterns: ["truce"] }, { id: "war", label: "War", patterns: ["war"] }];
    // A: 2 truce hits in 4 words → 500 per 1,000; B: 1 truce hit in 5 words → 200. War: 0 → 200.
    const rows = themeChange([article("a", "Truce, truce and peace.")], [article("b", "A truce ended the war.")], themes);
    expect(rows).toEqual([
      { theme: "war", label: "War", rateA: 0, rateB: 200, change: 200, hitsA: 0, hitsB: 1 },
      { theme: "truce", label: "Truce", rateA: 500, rateB: 200, change: -300, hitsA: 2, hitsB: 1 },
    ]);
    expect(themeChange([], [], themes).map((r) => r.rateA)).toEqual([0, 0]);
  });
});

describe("shift charts", () => {
  const row = (term: string, g2: number, logRatio: number, countA: number, countB: number): KeynessRow =>
    ({ term, stem: term, g2, logRatio, p: 0.01, countA, countB, unitsA: 1, unitsB: 1 });
  const rows = [row("children", 9.67, 4.23, 0, 4), row("ceasefire", 7.39, 3.55, 1, 5), row("kiev", 0.5, 0.2, 8, 11), row("visit", -8.57, -3.36, 12, 0), row("west", -10.72, -3.68, 15, 0)];

  it("draws the diverging keyness bars", () => {
    const fig = keynessPlot(rows, ["2025-02", "2025-09"], { top: 2 });
    expect((fig.data[0].y as string[])).toEqual(["west", "visit"]);
    expect((fig.data[1].y as string[])).toEqual(["children", "ceasefire"]);
    expect((fig.layout.yaxis as { categoryarray: string[] }).categoryarray).toEqual(["west", "visit", "ceasefire", "children"]);
    expectGolden("shift-keyness", fig);
    expectGolden("shift-keyness-logratio", keynessPlot(rows, ["2025-02", "2025-09"], { top: 3, by: "logRatio" }));
  });

  it("draws theme rates as a dumbbell", () => {
    const themes = [
      { theme: "ceasefire-truce", label: "Ceasefire and truce", rateA: 1.18, rateB: 8.59, change: 7.41, hitsA: 3, hitsB: 10 },
      { theme: "territorial-control", label: "Territorial control", rateA: 10.2, rateB: 3.44, change: -6.76, hitsA: 26, hitsB: 4 },
    ];
    const fig = themeShiftPlot(themes, ["2025-02", "2025-09"]);
    expect(fig.data[0].x).toEqual([1.18, 8.59, null, 10.2, 3.44, null]);
    expectGolden("shift-themes", fig);
  });

  it("gives empty figures for no rows", () => {
    expect(keynessPlot([], ["a", "b"]).data.every((t) => (t.x as unknown[]).length === 0)).toBe(true);
    expect(themeShiftPlot([], ["a", "b"]).data.every((t) => (t.x as unknown[]).length === 0)).toBe(true);
  });
});
