// Notebook output: charts whose data strings show as text, and notes in place of empty charts.
import { describe, expect, it } from "vitest";
import { isEmptyFigure, noteHtml, plotHtml, plotSafeFigure, type Figure } from "../lib/display.js";

const fig: Figure = {
  data: [{
    type: "scatter",
    name: "<b>Evil</b> & Co",
    x: ["2025-02-25", 3],
    y: ["<img src=x onerror=alert(1)>", "plain"],
    text: ["<a href=\"javascript:alert(1)\">title</a><br>000 · 364 words", null],
    customdata: [["</script><script>alert(1)</script>"]],
    hovertemplate: "%{x}<br>%{text}<extra>%{y}</extra>",
    marker: { size: [10, 12], color: "rgba(0,0,0,0.5)" },
  }],
  layout: { title: { text: "<b>builder's own</b>" }, yaxis: { categoryorder: "array", categoryarray: ["<img src=x onerror=alert(1)>", "plain"] }, height: 300 },
};

describe("plotSafeFigure", () => {
  const safe = plotSafeFigure(fig);
  const t = safe.data[0];
  it("escapes markup in trace strings for plotly, keeping the builder's <br>", () => {
    expect(t.name).toBe("&lt;b&gt;Evil&lt;/b&gt; & Co");
    expect(t.y).toEqual(["&lt;img src=x onerror=alert(1)&gt;", "plain"]);
    expect(t.text).toEqual(["&lt;a href=\"javascript:alert(1)\"&gt;title&lt;/a&gt;<br>000 · 364 words", null]);
    expect(t.customdata).toEqual([["&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"]]);
  });
  it("keeps what a builder escaped itself as it was, and an escaped <br> as text", () => {
    const pre = plotSafeFigure({ data: [{ type: "bar", y: ["&lt;b&gt;x&lt;/b&gt; &amp; y", "a &lt;br&gt; b<br>c"] }], layout: {} });
    expect(pre.data[0].y).toEqual(["&lt;b&gt;x&lt;/b&gt; &amp; y", "a &lt;br&gt; b<br>c"]);
  });
  it("leaves templates, numbers, colours and the layout title alone", () => {
    expect(t.hovertemplate).toBe(fig.data[0].hovertemplate);
    expect(t.x).toEqual(["2025-02-25", 3]);
    expect(t.marker).toEqual({ size: [10, 12], color: "rgba(0,0,0,0.5)" });
    expect(safe.layout.title).toEqual({ text: "<b>builder's own</b>" });
  });
  it("escapes an axis's category list the same way as the data, so the order still applies", () => {
    expect((safe.layout.yaxis as { categoryarray: string[] }).categoryarray).toEqual(t.y);
  });
  it("does not change the figure it was given", () => {
    expect(fig.data[0].name).toBe("<b>Evil</b> & Co");
  });
});

describe("plotHtml", () => {
  it("draws into a div with the figure's height, from JSON that cannot end its script", () => {
    const html = plotHtml(fig, { id: "t1" });
    expect(html).toMatch(/^<div id="t1" class="tp-plot" style="height:300px"><\/div>/);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain("<img");
    expect(html).toContain('window.Plotly.newPlot("t1"');
    const json = /var fig=(\{.*?\});var tries/.exec(html)![1];
    expect(JSON.parse(json)).toEqual(plotSafeFigure(fig));
  });
  it("numbers charts in order when no id is given", () => {
    const a = Number(/tp-plot-(\d+)/.exec(plotHtml(fig))![1]);
    expect(Number(/tp-plot-(\d+)/.exec(plotHtml(fig))![1])).toBe(a + 1);
  });
  it("shows the escaped `empty` note for a figure with no points", () => {
    const empty: Figure = { data: [{ type: "bar", x: [], y: [] }], layout: {} };
    expect(isEmptyFigure(empty)).toBe(true);
    expect(isEmptyFigure({ data: [], layout: {} })).toBe(true);
    expect(isEmptyFigure(fig)).toBe(false);
    expect(plotHtml(empty, { empty: "No <dated> articles" })).toBe(noteHtml("No <dated> articles"));
    expect(noteHtml("No <dated> articles")).toBe('<div class="tp-note">No &lt;dated&gt; articles</div>');
  });
});
