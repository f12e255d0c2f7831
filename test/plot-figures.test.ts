// Figure charts and tables: the recurring-figures strip chart against a golden file, its escaping and empty case,
// and the drift and recurring rows checked against the seeds read by hand.
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { isEmptyFigure } from "../lib/display.js";
import { figureLedger } from "../lib/figures.js";
import { driftRows, recurringFiguresPlot, recurringRows } from "../lib/plot-figures.js";
import { figureDrift, recurringFigures } from "../lib/recurring.js";
import type { Article } from "../lib/types.js";
import { expectGolden } from "./golden.js";
import { synthArticles } from "./chart-corpus.js";

const { articles } = loadArticles("data/articles");
const figures = figureLedger(articles);
const groups = recurringFigures(figures, articles);

function article(id: string, date: string | null, text: string): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date, dateSource: date ? "header" : null, text, words: 0, warnings: [] };
}

type Trace = { name: string; x: string[]; y: string[]; text: string[]; marker: { symbol: string } };

describe("recurringFiguresPlot", () => {
  it("puts each recurring figure on a row and each article's mention at its date", () => {
    const fig = recurringFiguresPlot(groups, articles);
    const traces = fig.data as unknown as Trace[];
    // one trace per article that states a recurring figure, earliest date first, undated (002) last, named by
    // date and outlet (or the title's start), not by file id
    expect(traces.map((t) => t.name)).toEqual([
      "2025-01-01 · The Frontier Post", "2025-02-25 · Russian Ambassador to Pakis…", "2025-09-23 · UrduPoint",
      "2025-09-24 · The Russian Ambassador to P…", "undated · Russian Envoy lauds Pakista…",
    ]);
    expect(new Set(traces.map((t) => t.marker.symbol)).size).toBe(5);
    const layout = fig.layout as { xaxis: { categoryarray: string[] }; yaxis: { categoryarray: string[] } };
    expect(layout.xaxis.categoryarray).toEqual(["2025-01-01", "2025-02-25", "2025-09-23", "2025-09-24", "undated"]);
    expect(layout.yaxis.categoryarray).toHaveLength(17);
    // 004 states "19 thousand", placed on the 19,000 row at its date, with the sentence on hover
    const t004 = traces[2];
    const k = t004.y.indexOf("19,000 Ukrainian children");
    expect(t004.x[k]).toBe("2025-09-23");
    expect(t004.text[k]).toContain("written: <b>19 thousand</b>");
    expect(t004.text[k]).toContain("Ukrainian propaganda claimed");
    // 000 repeats the three percentages and "two countries" (a count since spelled numbers after "the" are read)
    expect(traces[1].y).toHaveLength(4);
    expectGolden("recurring-figures", fig);
  });

  it("escapes article text in labels and hover", () => {
    const a = [
      article("x<b>", "2025-01-01", "He said <script>alert(1)</script> that 40 <i>tanks</i> were lost."),
      article("y", "2025-01-02", "Officials said 40 tanks were lost."),
    ];
    const fig = recurringFiguresPlot(recurringFigures(figureLedger(a), a), a);
    const json = JSON.stringify(fig);
    expect(json).not.toMatch(/<script|<i>|x<b>/);
    expect(json).toContain("&lt;script&gt;");
  });

  it("has nothing to draw without recurring figures, and caps the rows", () => {
    expect(isEmptyFigure(recurringFiguresPlot([], articles))).toBe(true);
    const capped = recurringFiguresPlot(groups, articles, { maxFigures: 2 });
    expect((capped.layout as { yaxis: { categoryarray: string[] } }).yaxis.categoryarray).toHaveLength(2);
    expect(JSON.stringify(capped.layout)).toContain("first 2 of 17");
  });
});

describe("recurringFiguresPlot on larger corpora", () => {
  // Synthetic articles repeat "$350 billion", "1,000 prisoners", "20%": each figure recurs across many articles.
  const at = (n: number, o = {}) => {
    const a = synthArticles(n, o);
    return { a, groups: recurringFigures(figureLedger(a), a) };
  };

  it("keeps a marker per article at 30 articles", () => {
    const { a, groups: g } = at(30);
    const fig = recurringFiguresPlot(g, a);
    const stating = new Set(g.flatMap((x) => x.articles));
    expect(fig.data).toHaveLength(stating.size);
    expect(stating.size).toBeLessThanOrEqual(30);
    for (const t of fig.data as unknown as Trace[]) expect(t.name).toMatch(/^2025-\d\d-\d\d · /);
  });

  it("has one marker per figure and month at 3,000 articles, sized by the articles stating it (golden)", () => {
    const { a, groups: g } = at(3000, { undatedEvery: 500 });
    const fig = recurringFiguresPlot(g, a);
    expect(fig.data).toHaveLength(1);
    const t = fig.data[0] as unknown as { x: string[]; y: string[]; text: string[]; marker: { size: number[] } };
    const cols = (fig.layout.xaxis as { categoryarray: string[] }).categoryarray;
    expect(cols).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "undated"]);
    for (const x of t.x) expect(cols).toContain(x);
    // At most one marker per figure and column.
    expect(new Set(t.x.map((x, i) => `${x}|${t.y[i]}`)).size).toBe(t.x.length);
    expect(t.x.length).toBeLessThanOrEqual(g.length * cols.length);
    // The $350 billion row in March says how many March articles state it, counted here from the articles.
    const row = g.find((x) => x.value === 350e9)!;
    const k = t.x.findIndex((x, i) => x === "2025-03" && t.y[i] === row.label);
    const march = new Set(row.mentions.map((m) => m.article).filter((id) => a.find((x) => x.id === id)!.date?.startsWith("2025-03")));
    expect(t.text[k]).toMatch(new RegExp(`^${march.size} articles · `));
    expect((fig.layout.title as { text: string }).text).toMatch(/^Recurring figures by month<br><sub>marker size = articles stating it; [\d,]+ articles: too many for a marker each<\/sub>$/);
    expect(JSON.stringify(fig).length).toBeLessThan(60_000);
    expectGolden("recurring-figures-months", fig);
  });
});

describe("drift and recurring rows", () => {
  it("lists each value of the aid claim on its own row, earliest first", () => {
    const rows = driftRows(figureDrift(figures, articles));
    expect(rows.map((r) => [r.claim, r.figure, r.first, r.qualifiers])).toEqual([
      ["aid", "$350 billion", "2025-01-01", ["exceeding", "exceeded"]],
      ["aid", "$70.2 billion", "2025-09-23", ["approximately"]],
    ]);
  });

  it("gives each recurring figure how it was written", () => {
    const row = recurringRows(groups).find((r) => r.figure === "19,000 Ukrainian children")!;
    expect(row.articles).toBe(2);
    expect(row.written).toEqual(["19 thousand", "19,000"]);
    expect(driftRows([])).toEqual([]);
  });
});
