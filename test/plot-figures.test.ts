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
    // one trace per article that states a recurring figure, earliest date first, undated (002) last
    expect(traces.map((t) => t.name.slice(0, 3))).toEqual(["001", "000", "004", "003", "002"]);
    expect(new Set(traces.map((t) => t.marker.symbol)).size).toBe(5);
    const layout = fig.layout as { xaxis: { categoryarray: string[] }; yaxis: { categoryarray: string[] } };
    expect(layout.xaxis.categoryarray).toEqual(["2025-01-01", "2025-02-25", "2025-09-23", "2025-09-24", "undated"]);
    expect(layout.yaxis.categoryarray).toHaveLength(16);
    // 004 states "19 thousand", placed on the 19,000 row at its date, with the sentence on hover
    const t004 = traces[2];
    const k = t004.y.indexOf("19,000 Ukrainian children");
    expect(t004.x[k]).toBe("2025-09-23");
    expect(t004.text[k]).toContain("written: <b>19 thousand</b>");
    expect(t004.text[k]).toContain("Ukrainian propaganda claimed");
    // 000 only repeats the three percentages
    expect(traces[1].y).toHaveLength(3);
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
    expect(JSON.stringify(capped.layout)).toContain("first 2 of 16");
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
