// The theme audit on passages written for it: hits per pattern, the share standing alone in its sentence, the flag
// and the lines shown, and the seeds' dictionary audited without error.
import { describe, expect, it } from "vitest";
import { countWords, loadArticles } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { auditRows, auditThemes } from "../lib/theme-audit.js";
import { loadThemes, type Theme } from "../lib/themes.js";

const article = (text: string, id: string): Article =>
  ({ id, file: `${id}.txt`, title: id, outlet: null, url: null, date: null, dateSource: null, text, words: countWords(text), warnings: [] });

describe("auditThemes", () => {
  const themes: Theme[] = [{ id: "swap", label: "Exchanges", patterns: ["children", "prisoner*", "exchang*", "bodies of the fallen"] }];
  const corpus = [
    article("Children were exchanged for prisoners. Prisoners of both sides were exchanged.", "a"),
    article("Children play in the park. The school's children sang.", "b"),
    article("Children need books. A prisoner wrote a letter home.", "c"),
  ];
  const audit = auditThemes(corpus, themes);
  const row = (p: string) => audit.find((r) => r.pattern === p)!;

  it("counts each pattern's hits and articles on its own", () => {
    expect(audit.map((r) => [r.pattern, r.hits, r.articles])).toEqual([
      ["children", 4, 3], ["prisoner*", 3, 2], ["exchang*", 2, 1], ["bodies of the fallen", 0, 0],
    ]);
  });

  it("flags a pattern whose hits mostly have no other pattern of the theme in their sentence", () => {
    // children: only in a's first sentence beside exchanged/prisoners; 3 of 4 alone.
    expect([row("children").alone, row("children").flag]).toEqual([3, "alone"]);
    // prisoner*: with "exchanged" twice in a, alone once in c.
    expect([row("prisoner*").alone, row("prisoner*").flag]).toEqual([1, ""]);
    expect(row("bodies of the fallen").flag).toBe("unused");
  });

  it("shows the lone lines first for a flagged pattern, one per article, with context", () => {
    const ex = row("children").examples;
    expect(ex.map((e) => [e.article, e.alone])).toEqual([["b", true], ["c", true], ["a", false]]);
    expect(ex[0]).toMatchObject({ match: "Children", right: " play in the park. The school's" });
    expect(auditThemes(corpus, themes, { examples: 1 }).find((r) => r.pattern === "children")!.examples).toHaveLength(1);
  });

  it("gives one readable row per pattern, and checks its options", () => {
    expect(auditRows(audit)[0]).toMatchObject({ theme: "swap", pattern: "children", hits: 4, alone: "75%", flag: "alone" });
    expect(() => auditThemes(corpus, themes, { aloneShare: 2 })).toThrow("aloneShare must be between 0 and 1, not 2");
  });

  it("audits the shipped dictionary on the seeds: every pattern a row, rules' hits as the counts have them", () => {
    const { articles } = loadArticles("data/articles");
    const themesYml = loadThemes("data/themes.yml");
    const seedAudit = auditThemes(articles, themesYml);
    expect(seedAudit).toHaveLength(themesYml.reduce((n, t) => n + t.patterns.length, 0));
    // "anniversar* | with victory, Nazi*, war": the 7 Victory anniversaries of the seeds (test/themes.test.ts).
    expect(seedAudit.find((r) => r.pattern.startsWith("anniversar*"))!.hits).toBe(7);
    expect(seedAudit.find((r) => r.pattern.startsWith("weapon*"))!.flag).toBe("unused");
  });
});
