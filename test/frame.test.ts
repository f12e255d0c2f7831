import util from "node:util";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { articlesFrame, frame, frameHtml, HTML, sortFrame, themeRates, toFrame, where } from "../lib/frame.js";
import { countThemes, loadThemes } from "../lib/themes.js";

describe("frame", () => {
  it("keeps scalars, turns arrays and objects into text, and keeps row order", () => {
    const df = frame([
      { a: 2, b: "x", c: ["p", "q"], d: null },
      { a: 1, b: "y", c: [], d: { k: 1 } },
    ]);
    expect(df.shape).toEqual([2, 4]);
    expect(df.columns).toEqual(["a", "b", "c", "d"]);
    expect(df["a"].values).toEqual([2, 1]);
    expect(df["c"].values).toEqual(["p; q", ""]);
    expect(df["d"].values).toEqual([null, '{"k":1}']);
  });

  it("gives an empty frame with the columns for no rows", () => {
    const df = toFrame([], ["id", "date"]);
    expect(df.shape[0]).toBe(0);
    expect(df.columns).toEqual(["id", "date"]);
    expect(util.inspect(df)).toBe("DataFrame: 0 rows × 2 columns\n(no rows)");
  });
});

describe("how a frame shows itself", () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ id: `a${i}`, outlet: i % 2 ? "Dawn" : "<b>APP</b>", words: 100 + i }));

  it("prints as a compact table with its shape and the first rows, never danfo's internals", () => {
    const text = util.inspect(frame(rows));
    const lines = text.split("\n");
    expect(lines[0]).toBe("DataFrame: 25 rows × 3 columns");
    expect(lines[1].split(/\s+/)).toEqual(["", "id", "outlet", "words"]);
    expect(lines).toHaveLength(1 + 2 + 10 + 1);
    expect(lines[3].trim().split(/\s+/)).toEqual(["0", "a0", "<b>APP</b>", "100"]);
    expect(lines[lines.length - 1]).toBe("… 15 more rows");
    expect(text).not.toMatch(/\$data|tableMaxRow|\$config/);
    // Frames danfo makes itself (iloc, groupby, a column) show the same way.
    expect(util.inspect(where(frame(rows), "outlet", (o) => o === "Dawn")).split("\n")[0]).toBe("DataFrame: 12 rows × 3 columns");
    expect(util.inspect(frame(rows)["words"]).split("\n")[0]).toBe("Series: 25 values");
  });

  it("is an escaped HTML table of its first rows with the shape as caption", () => {
    const df = frame(rows);
    const html = (df as unknown as Record<symbol, () => string>)[HTML]();
    expect(html).toBe(frameHtml(df));
    expect(html).toContain("<caption>DataFrame: 25 rows × 3 columns, first 10 shown</caption>");
    expect(html).toContain("<td>&lt;b&gt;APP&lt;/b&gt;</td>");
    expect(html).not.toContain("<b>APP</b>");
    expect(html.match(/<tr>/g)).toHaveLength(11);
  });
});

describe("where and sortFrame", () => {
  const df = frame([{ id: "c", n: 2 }, { id: "a", n: null }, { id: "b", n: 1 }, { id: "d", n: 2 }]);
  it("keep the rows that pass, in order, numbered from 0", () => {
    const kept = where(df, "n", (n) => n !== null && n >= 2);
    expect(kept["id"].values).toEqual(["c", "d"]);
    expect(kept.index).toEqual([0, 1]);
    expect(where(df, "n", () => false).shape).toEqual([0, 2]);
  });
  it("sort stably with nulls last, either way", () => {
    expect(sortFrame(df, "n")["id"].values).toEqual(["b", "c", "d", "a"]);
    expect(sortFrame(df, "n", { descending: true })["id"].values).toEqual(["c", "d", "b", "a"]);
  });
});

describe("articlesFrame and themeRates on the seeds", () => {
  const { articles } = loadArticles("data/articles");
  it("has one row per seed article and groups like pandas", () => {
    const df = articlesFrame(articles);
    expect(df.shape).toEqual([5, 11]);
    const words = df["words"].values as number[];
    expect(words.reduce((s, n) => s + n, 0)).toBe(articles.reduce((s, a) => s + a.words, 0));
    const byOutlet = df.groupby(["dateSource"]).count();
    expect(byOutlet.shape[0]).toBe(3); // dateline, header, and null for 002
  });

  it("gives theme rates per outlet and per month that add up to the counts", () => {
    const themes = loadThemes();
    const counts = countThemes(articles, themes);
    for (const by of ["outlet", "month"] as const) {
      const df = themeRates(counts, articles, { by });
      expect(df.columns).toEqual([by, "theme", "articles", "hits", "words", "per1k"]);
      const hits = df["hits"].values as number[];
      expect(hits.reduce((s, n) => s + n, 0)).toBe(counts.reduce((s, c) => s + c.hits, 0));
      // Each row's rate is its hits over its group's words, the group's words being the sum over its articles.
      const groups = df[by].values as string[];
      const words = df["words"].values as number[];
      const per1k = df["per1k"].values as number[];
      groups.forEach((g, i) => {
        const members = articles.filter((a) => (by === "month" ? (a.date ? a.date.slice(0, 7) : "undated") : (a.outlet ?? "unknown")) === g);
        expect(words[i]).toBe(members.reduce((s, a) => s + a.words, 0));
        expect(per1k[i]).toBeCloseTo((hits[i] * 1000) / words[i], 2);
      });
    }
  });
});
