// Recurring figures and drift: on the seeds against the groups read off the five texts by hand, then on short
// corpora written to isolate each rule (compatible `what`, co-stated figures, undated articles).
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { figureLedger } from "../lib/figures.js";
import { compatibleWhat, figureDrift, figureGroups, headOf, recurringFigures } from "../lib/recurring.js";
import type { Article } from "../lib/types.js";

const { articles } = loadArticles("data/articles");
const figures = figureLedger(articles);
const short = (id: string) => id.slice(0, 3);

function article(id: string, date: string | null, text: string): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date, dateSource: date ? "header" : null, text, words: 0, warnings: [] };
}

describe("recurringFigures on the seeds", () => {
  const groups = recurringFigures(figures, articles);
  const key = (kind: string, value: number) => groups.find((g) => g.kind === kind && g.value === value && g.articles.length > 1);

  it("finds the figures both briefings' reports repeat, and only those", () => {
    // 25 Feb briefing (000, 001, 002) and 23 Sep briefing (003, 004), read by hand ("the two countries" in 000
    // and 002 is a count since issue 17):
    const want = [
      ["percent", 63, "000,001,002"], ["percent", 75, "000,001,002"], ["percent", 99, "000,001,002"],
      ["count", 2, "001,002"], ["count", 2, "000,002"], ["count", 11, "001,002"], ["count", 22, "001,002"], ["money", 350e9, "001,002"],
      ["count", 3, "003,004"], ["count", 3, "003,004"], ["count", 78, "003,004"], ["count", 339, "003,004"],
      ["count", 1000, "003,004"], ["count", 6060, "003,004"], ["count", 19000, "003,004"], ["duration", 30, "003,004"],
      ["money", 70.2e9, "003,004"],
    ];
    const got = groups.map((g) => [g.kind, g.value, g.articles.map(short).sort().join(",")]);
    const sortKey = (x: (string | number)[]) => `${x[0]}|${String(x[1]).padStart(14, "0")}|${x[2]}`;
    expect(got.map(sortKey).sort()).toEqual(want.map(sortKey).sort());
    // stated once: "seven civilian lives", "122 others", "119 countries", "Fifty-three delegations", "4,900 times",
    // and "the two leaders" (001)
    for (const v of [7, 122, 119, 53, 4900]) expect(key("count", v), String(v)).toBeUndefined();
  });

  it("joins '19,000' (003) with '19 thousand' (004)", () => {
    const g = key("count", 19000)!;
    expect(g.label).toBe("19,000 Ukrainian children");
    expect(g.mentions.map((m) => `${short(m.article)}:${m.text}`).sort()).toEqual(["003:19,000", "004:19 thousand"]);
    expect([g.first, g.last]).toEqual(["2025-09-23", "2025-09-24"]);
    expect(g.articles.map(short)).toEqual(["004", "003"]); // earliest date first
  });

  it("joins 'USD70.2 billion' with '$70.2 billion', and '22 civilians' with 'at least 22 people'", () => {
    expect(key("money", 70.2e9)!.mentions.map((m) => m.text).sort()).toEqual(["$70.2 billion", "USD70.2 billion"]);
    expect(key("count", 22)!.mentions.map((m) => m.what).sort()).toEqual(["civilians", "people"]);
  });

  it("keeps 'three rounds of negotiations' and 'three opportunities' apart", () => {
    const threes = groups.filter((g) => g.kind === "count" && g.value === 3).map((g) => g.what).sort();
    expect(threes).toEqual(["opportunities", "rounds of negotiations"]);
  });

  it("leaves dates and ordinals out", () => {
    expect(figureGroups(figures, articles).some((g) => g.kind === ("date" as string) || g.kind === ("ordinal" as string))).toBe(false);
  });

  it("orders groups by articles, then first date", () => {
    expect(groups.slice(0, 3).map((g) => g.articles.length)).toEqual([3, 3, 3]);
    const firsts = groups.filter((g) => g.articles.length === 2).map((g) => g.first!);
    expect(firsts).toEqual(firsts.slice().sort());
  });
});

describe("figureDrift on the seeds", () => {
  it("sets Western aid ($350 billion, February briefing) beside European aid (USD70.2 billion, September), unmerged", () => {
    const drift = figureDrift(figures, articles);
    expect(drift).toHaveLength(1);
    const d = drift[0];
    expect([d.kind, d.claim, d.first, d.last]).toEqual(["money", "aid", "2025-01-01", "2025-09-24"]);
    expect(d.groups.map((g) => [g.value, g.unit, g.articles.map(short).sort().join(",")])).toEqual([
      [350e9, "USD", "001,002"],
      [70.2e9, "USD", "003,004"],
    ]);
  });
});

describe("what makes two mentions one figure", () => {
  it.each([
    ["prisoners of war", "prisoners", true],
    ["Ukrainian children", "children", true],
    ["rounds of negotiations", "opportunities", false],
    ["", "children", true],
    ["total amount", "financial and military aid", true],
    ["civilians", "people", true],
    ["Luhansk People’s Republic", "Luhansk region", true],
    ["civilian lives", "countries", false],
  ])("%j ~ %j: %s", (a, b, same) => {
    expect(compatibleWhat(a, b)).toBe(same);
  });

  it("reads the head noun before 'of'", () => {
    expect(headOf("prisoners of war")).toBe(headOf("prisoners"));
    expect(headOf("financial and military aid")).toBe(headOf("European military and financial aid"));
    expect(headOf("territory of the Kursk region")).toBe(headOf("territory"));
    expect(headOf("total amount")).toBe("");
  });
});

describe("short corpora", () => {
  it("needs two articles for a figure to recur", () => {
    const a = [article("a", "2025-01-01", "Over 500 homes were hit. Officials counted 500 homes in all.")];
    const f = figureLedger(a);
    expect(figureGroups(f, a)).toHaveLength(1);
    expect(figureGroups(f, a)[0].mentions).toHaveLength(2);
    expect(recurringFigures(f, a)).toEqual([]);
  });

  it("reports a claim whose figure changed over time, earliest first, with undated articles left undated", () => {
    const a = [
      article("late", "2025-03-01", "Military aid reached $200 billion."),
      article("early", "2025-01-01", "Military aid reached $100 billion."),
      article("nodate", null, "Western aid reached $200 billion."),
    ];
    const f = figureLedger(a);
    const drift = figureDrift(f, a);
    expect(drift).toHaveLength(1);
    expect(drift[0].groups.map((g) => [g.value, g.articles, g.first, g.last])).toEqual([
      [100e9, ["early"], "2025-01-01", "2025-01-01"],
      [200e9, ["late", "nodate"], "2025-03-01", "2025-03-01"],
    ]);
    const g200 = recurringFigures(f, a)[0];
    expect([g200.value, g200.articles]).toEqual([200e9, ["late", "nodate"]]);
  });

  it("does not call figures stated side by side in the same articles drift", () => {
    const text = "They received a list of 339 children. Kiev claimed 19,000 Ukrainian children were taken.";
    const a = [article("x", "2025-09-23", text), article("y", "2025-09-24", text)];
    expect(figureDrift(figureLedger(a), a)).toEqual([]);
    expect(recurringFigures(figureLedger(a), a).map((g) => g.value).sort((p, q) => p - q)).toEqual([339, 19000]);
  });

  it("needs dates to call a change drift, and gives null dates without articles", () => {
    const a = [article("p", null, "Aid reached $100 billion."), article("q", null, "Aid reached $200 billion.")];
    expect(figureDrift(figureLedger(a), a)).toEqual([]);
    const g = figureGroups(figureLedger(a));
    expect(g.map((x) => [x.first, x.last])).toEqual([[null, null], [null, null]]);
  });

  it("does not let a bare number chain different figures together, nor recur on its own", () => {
    const a = [
      article("a", "2025-01-01", "They won two games. He said two."),
      article("b", "2025-01-02", "They scored two goals. She said two."),
    ];
    const f = figureLedger(a);
    const groups = figureGroups(f, a).filter((g) => g.value === 2);
    expect(groups.map((g) => [g.what, g.articles.join(",")]).sort()).toEqual([["", "a,b"], ["games", "a"], ["goals", "b"]]);
    expect(recurringFigures(f, a)).toEqual([]); // "two" alone in both says nothing
  });

  it("does not call one shared noun drift: '22 people' in January, '60 people' in March", () => {
    const a = [article("j", "2025-01-01", "At least 22 people were killed."), article("m", "2025-03-01", "At least 60 people were killed.")];
    expect(figureDrift(figureLedger(a), a)).toEqual([]);
  });

  it("handles no figures and no articles", () => {
    expect(recurringFigures([], [])).toEqual([]);
    expect(figureDrift([], [])).toEqual([]);
  });
});
