// Keyword in context: windows of words, whole sentences, and agreement with the theme counts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { countWords, loadArticles } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { kwic, kwicTheme } from "../lib/kwic.js";
import { countThemes, loadThemes } from "../lib/themes.js";
import { run as kwicCommand } from "../lib/commands/kwic.js";

function article(text: string, id = "a", date: string | null = "2025-09-23"): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date, dateSource: null, text, words: countWords(text), warnings: [] };
}

const TEXT = "Mr. Lavrov said so. Russia and Ukraine agreed on a ceasefire along the entire front line today. Nobody believed it.";

describe("kwic", () => {
  it("shows `window` words either side, cut at the ends of the text", () => {
    const [row] = kwic([article(TEXT)], "ceasefire", { window: 3 });
    expect(row).toEqual({ article: "a", date: "2025-09-23", left: "agreed on a ", match: "ceasefire", right: " along the entire" });
    const [first] = kwic([article(TEXT)], "Lavrov", { window: 4 });
    expect(first.left).toBe("Mr. ");
    expect(first.right).toBe(" said so. Russia and");
    const [last] = kwic([article(TEXT)], "believed", { window: 5 });
    expect(last.right).toBe(" it");
  });

  it("defaults to 8 words and reads back as the original text", () => {
    const [row] = kwic([article(TEXT)], "front line");
    expect(row.match).toBe("front line");
    expect(row.left).toBe("Ukraine agreed on a ceasefire along the entire ");
    expect(row.right).toBe(" today. Nobody believed it");
    expect(TEXT.includes(row.left + row.match + row.right)).toBe(true);
  });

  it("shows only the match with window 0, and the whole sentence with sentence: true", () => {
    expect(kwic([article(TEXT)], "ceasefire", { window: 0 })[0]).toMatchObject({ left: "", match: "ceasefire", right: "" });
    expect(kwic([article(TEXT)], "ceasefire", { sentence: true })[0]).toMatchObject({
      left: "Russia and Ukraine agreed on a ", match: "ceasefire", right: " along the entire front line today.",
    });
    expect(kwic([article(TEXT)], "Lavrov", { sentence: true })[0]).toMatchObject({ left: "Mr. ", right: " said so." });
  });

  it("puts lines on one line and takes every match, in corpus then text order", () => {
    const arts = [article("A truce.\nAnother\ntruce now.", "x"), article("No match here.", "y"), article("truce", "z", null)];
    const rows = kwic(arts, "truce*", { window: 2 });
    expect(rows.map((r) => [r.article, r.left, r.right])).toEqual([["x", "A ", ". Another truce"], ["x", "truce. Another ", " now"], ["z", "", ""]]);
    expect(rows[2].date).toBeNull();
  });

  it("finds the phrases and wildcards of theme patterns on the seeds", () => {
    const { articles } = loadArticles("data/articles");
    const rows = kwic(articles, "prisoner* of war", { window: 3 });
    expect(rows.map((r) => r.article.slice(0, 3))).toEqual(["003", "004"]); // "over 1,000 prisoners of war from both sides"
    expect(rows[0]).toMatchObject({ left: "2025, over 1,000 ", match: "prisoners of war", right: " from both sides" });
  });

  it("gives one row per theme hit, so a count can be read match by match", () => {
    const { articles } = loadArticles("data/articles");
    const themes = loadThemes();
    const counts = countThemes(articles, themes);
    for (const t of themes) {
      const rows = kwicTheme(articles, t.id, { themes });
      for (const a of articles) expect(rows.filter((r) => r.article === a.id).length, `${t.id} ${a.id}`).toBe(counts.find((c) => c.article === a.id && c.theme === t.id)!.hits);
    }
  });

  it("rejects a bad window and an unknown theme with messages naming them", () => {
    expect(() => kwic([article(TEXT)], "x", { window: -1 })).toThrow("window must be a whole number of words ≥ 0, not -1");
    expect(() => kwic([article(TEXT)], "x", { window: 2.5 })).toThrow(/not 2\.5/);
    expect(() => kwicTheme([article(TEXT)], "peace", { themes: [{ id: "truce", label: "T", patterns: ["truce"] }] })).toThrow('no theme "peace"; themes: truce');
  });
});

describe("talkingpoints kwic", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints rows as JSON, and a theme's hits with --theme", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s) => { out += String(s); return true; });
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await kwicCommand(["truce", "data/articles", "--window", "2", "--json"])).toBe(0);
    const rows = JSON.parse(out);
    expect(rows.length).toBe(6); // 002 once, 003 three times, 004 twice
    expect(rows[0]).toMatchObject({ article: "002_4d11a3e92975a630", left: "ceasefire or ", match: "truce", right: ", as the" });
    expect(Object.keys(rows[0])).toEqual(["article", "date", "left", "match", "right"]);
    out = "";
    expect(await kwicCommand(["ceasefire-truce", "--theme", "--csv"])).toBe(0);
    expect(out.trim().split("\n").length).toBe(1 + 20);
  });

  it("refuses a missing pattern and a bad --window", async () => {
    await expect(kwicCommand([])).rejects.toThrow(/give a PATTERN/);
    await expect(kwicCommand(["truce", "--window", "two"])).rejects.toThrow('--window must be a whole number of words, not "two"');
  });
});
