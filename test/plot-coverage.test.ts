// The coverage charts on the written briefing (test/coverage-corpus.ts): one cell per passage × report with its
// status as 0/1/2, hover text escaped, golden JSON for each chart.
import { describe, expect, it } from "vitest";
import { coverage } from "../lib/coverage.js";
import { isEmptyFigure } from "../lib/display.js";
import { coverageBars, coveragePlot } from "../lib/plot-coverage.js";
import { expectGolden } from "./golden.js";
import { article, eventRow, writtenBriefing } from "./coverage-corpus.js";

const { articles, events } = writtenBriefing();
const [c] = coverage(articles, events);

describe("coveragePlot", () => {
  const fig = coveragePlot(c);
  const trace = fig.data[0] as { x: string[]; y: string[]; z: number[][]; text: string[][] };

  it("has passages × reports, coloured carried 2 / paraphrased 1 / left out 0", () => {
    expect(trace.x).toEqual(["statement<br>outlet-statement", "copy<br>outlet-copy", "paraphrase<br>outlet-paraphrase"]);
    expect(trace.y).toHaveLength(c.passages.length);
    expect(trace.y[0]).toBe("1. The Minister of Maritime Affairs, Dana …");
    // Passage 1 (S1): the statement holds it, the copy carries it, the paraphrase rewords it (4.2 million tonnes).
    expect(trace.z[0]).toEqual([2, 2, 1]);
    // The ferry accident (S10) is only in the statement.
    const ferry = c.passages.find((p) => p.text.includes("ferry accident"))!.passage - 1;
    expect(trace.z[ferry]).toEqual([2, 0, 0]);
    expect(trace.text[ferry][1]).toMatch(/^<b>left out<\/b>/);
    expect(trace.text[0][2]).toContain("Grain shipments through Vell");
    expectGolden("coverage-heatmap", fig);
  });

  it("escapes article text in the hover and the labels", () => {
    const hostile = [
      article("a", "The minister said <img src=x onerror=alert(1)> the port of Vell handled 4.2 million tonnes of grain in spring.", "ev-x"),
      article("b", "The minister said <img src=x onerror=alert(1)> the port of Vell handled 4.2 million tonnes of grain in spring. <b>Bold</b> claims followed.", "ev-x"),
    ];
    const [h] = coverage(hostile, [eventRow(["a", "b"], "ev-x")]);
    const f = coveragePlot(h);
    const json = JSON.stringify(f.data);
    expect(json).not.toContain("<img");
    expect(json).not.toContain("<b>Bold");
    expect(json).toContain("&lt;img src=x");
  });

  it("has no points for an event without passages", () => {
    expect(isEmptyFigure(coveragePlot({ ...c, passages: [], cells: [] }))).toBe(true);
  });
});

describe("coverageBars", () => {
  it("stacks carried, paraphrased and left out per report, summing to the passages", () => {
    const fig = coverageBars([c]);
    const ys = fig.data.map((t) => t.y as number[]);
    expect(fig.data.map((t) => t.name)).toEqual(["carried", "paraphrased", "left out"]);
    for (let i = 0; i < 3; i++) expect(ys[0][i] + ys[1][i] + ys[2][i]).toBe(c.passages.length);
    expect(ys[2][1]).toBe(c.reports[1].leftOut);
    expectGolden("coverage-bars", fig);
    expect(isEmptyFigure(coverageBars([]))).toBe(true);
  });
});
