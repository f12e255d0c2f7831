// Notebook output: charts whose data strings show as text, and notes in place of empty charts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { boundedTableHtml, isEmptyFigure, noteHtml, plotHtml, plotSafeFigure, TABLE_ROWS, writeFullTable, type Figure } from "../lib/display.js";
import { toCsv } from "../lib/table.js";

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

describe("boundedTableHtml and writeFullTable: tables that stay small at any corpus size", () => {
  // 41,230 rows of a figure-ledger shape, the first with markup in it.
  const rows = Array.from({ length: 41_230 }, (_, i) => ({ article: `a-${i}`, value: i * 1.5, what: i === 0 ? "<b>aid</b>" : "aid", sentence: "x".repeat(120) }));

  it("shows the first rows in the order given with the full count and a link to the full CSV, no CSV embedded", () => {
    const html = boundedTableHtml(rows, { caption: "figures", csv: "figures.csv" }, { href: "tables/03-figures-figures.csv" });
    expect(html).toContain(`showing ${TABLE_ROWS} of 41,230 rows — full table: <a href="tables/03-figures-figures.csv">tables/03-figures-figures.csv</a>`);
    expect(html.match(/<tr>/g)).toHaveLength(TABLE_ROWS + 1);
    expect(html).toContain("<td>a-0</td>");
    expect(html).toContain(`<td>a-${TABLE_ROWS - 1}</td>`);
    expect(html).not.toContain(`<td>a-${TABLE_ROWS}</td>`);
    expect(html).toContain("&lt;b&gt;aid&lt;/b&gt;");
    expect(html).not.toContain("tp-csv");
    // A cell listing thousands of ids is cut in the report (the full table has it all).
    const wide = rows.map((r, i) => ({ ...r, ids: Array.from({ length: 2000 }, (_, k) => `a-${i}-${k}`) }));
    const cut = boundedTableHtml(wide, { csv: "w.csv" }, { href: "tables/w.csv" });
    expect(cut).toMatch(/… \([\d,]+ characters: see the full table\)/);
    expect(cut.length).toBeLessThan(400_000);
    // A few hundred rows of this shape, whatever the corpus: far under the 3 MB a report may weigh.
    expect(html.length).toBeLessThan(100_000);
  });

  it("keeps a table that fits as it was (every row, its CSV download) and links its full CSV when there is one", () => {
    const few = rows.slice(0, 12);
    const html = boundedTableHtml(few, { csv: "figures.csv" }, { href: "tables/x-figures.csv" });
    expect(html).toContain('12 rows — full table: <a href="tables/x-figures.csv">');
    expect(html.match(/<tr>/g)).toHaveLength(13);
    expect(html).toContain("tp-csv");
    expect(boundedTableHtml(few, {}, null)).not.toContain("full table");
  });

  it("writes every row to <notebook>-<name> in $TALKINGPOINTS_TABLES, as toCsv writes them", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tp-tables-"));
    const before = { tables: process.env.TALKINGPOINTS_TABLES, nb: process.env.TALKINGPOINTS_NOTEBOOK };
    process.env.TALKINGPOINTS_TABLES = dir;
    process.env.TALKINGPOINTS_NOTEBOOK = "03-figures";
    try {
      const out = writeFullTable(rows, ["article", "value", "what", "sentence"], "figures.csv");
      expect(out.href).toBe("tables/03-figures-figures.csv");
      expect(out.file).toBe(path.join(dir, "03-figures-figures.csv"));
      const text = fs.readFileSync(out.file, "utf8");
      expect(text).toBe(toCsv(rows, ["article", "value", "what", "sentence"]));
      expect(parse(text, { columns: true })).toHaveLength(41_230);
      // A name from a notebook cell (a theme id, say) cannot leave the folder.
      expect(path.dirname(writeFullTable(rows.slice(0, 1), ["article"], "../../kwic-x.csv").file)).toBe(dir);
    } finally {
      process.env.TALKINGPOINTS_TABLES = before.tables;
      process.env.TALKINGPOINTS_NOTEBOOK = before.nb;
      if (before.tables === undefined) delete process.env.TALKINGPOINTS_TABLES;
      if (before.nb === undefined) delete process.env.TALKINGPOINTS_NOTEBOOK;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
