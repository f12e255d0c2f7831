// Theme dictionary and counting: what the seeds say (checked by reading them), how patterns match on short passages,
// and the messages a broken theme file gets.
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { countWords, loadArticles } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { compilePattern, countThemes, loadThemes, parseThemes, ThemeFileError, themeCountRows, themeReach, type Theme } from "../lib/themes.js";
import { run as themesCommand } from "../lib/commands/themes.js";
import { UsageError } from "../lib/cli-util.js";
import { folderWith, removeTempDirs } from "./tmpdir.js";

afterAll(removeTempDirs);

const { articles: seeds } = loadArticles("data/articles");
const themes = loadThemes();
const seedCounts = countThemes(seeds, themes);
const seed = (n: string) => seeds.find((a) => a.id.startsWith(n))!;
const hits = (n: string, theme: string) => seedCounts.find((c) => c.article === seed(n).id && c.theme === theme)!.hits;
const forms = (n: string, theme: string) => seedCounts.find((c) => c.article === seed(n).id && c.theme === theme)!.matches;

function article(text: string, id = "a", date: string | null = null): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date, dateSource: null, text, words: countWords(text), warnings: [] };
}
/** Hits of one ad-hoc theme on one passage, and the forms matched. */
function match(patterns: string[], text: string) {
  const [row] = countThemes([article(text)], [{ id: "t", label: "t", patterns }]);
  return { hits: row.hits, forms: row.matches.map((m) => m.form) };
}

describe("data/themes.yml", () => {
  it("ships the sixteen themes, each with a label and patterns", () => {
    expect(themes.map((t) => t.id)).toEqual([
      "nato-expansion", "western-aid", "territorial-control", "atrocities-terrorism", "peace-negotiations", "ceasefire-truce",
      "humanitarian-exchanges", "pakistan-relations", "us-russia-dialogue", "nazism-history", "international-law", "kyiv-legitimacy",
      "corruption-ukraine", "frozen-assets", "foreign-biolabs", "information-war",
    ]);
    for (const t of themes) {
      expect(t.label.length).toBeGreaterThan(3);
      expect(t.patterns.length).toBeGreaterThan(0);
    }
  });
});

// Presence and absence below were checked by reading data/articles: 000–002 report the 25 Feb 2025 briefing,
// 003–004 the 23 Sep 2025 one.
describe("themes on the seed articles", () => {
  it("finds NATO expansion in the February articles and in 003 ('preventing NATO from expanding eastward'), not in 004", () => {
    for (const n of ["000", "001", "002", "003"]) expect(hits(n, "nato-expansion"), n).toBeGreaterThan(0);
    expect(hits("004", "nato-expansion")).toBe(0); // 004 never names NATO
    expect(forms("000", "nato-expansion").map((m) => m.form)).toContain("nato's eastward expansion"); // “NATO’s eastward expansion”
  });

  it("finds the ceasefire and truce only in the articles that discuss them (002 in passing, 003 and 004 at length)", () => {
    expect(hits("000", "ceasefire-truce")).toBe(0);
    expect(hits("001", "ceasefire-truce")).toBe(0);
    // 002: "not a temporary ceasefire or truce", "not in freezing the conflict"
    expect(hits("002", "ceasefire-truce")).toBe(3);
    // 003: ceasefire 4 times (potential, violated the, immediate, complete), truce 3 times (Easter, limited, need the),
    // "cease strikes on energy infrastructure", "suspend hostilities"
    expect(forms("003", "ceasefire-truce")).toEqual([
      { form: "ceasefire", count: 4 }, { form: "truce", count: 3 }, { form: "cease strikes", count: 1 }, { form: "suspend hostilities", count: 1 },
    ]);
    const c = seedCounts.find((r) => r.article === seed("003").id && r.theme === "ceasefire-truce")!;
    expect(c.per1k).toBeCloseTo((9 * 1000) / seed("003").words, 10);
  });

  it("finds prisoners, bodies and children only in the September articles", () => {
    for (const n of ["000", "001", "002"]) expect(hits(n, "humanitarian-exchanges"), n).toBe(0); // 002's "bodies of 11 women" is an atrocity claim
    for (const n of ["003", "004"]) {
      const f = forms(n, "humanitarian-exchanges").map((m) => m.form);
      expect(f).toEqual(expect.arrayContaining(["prisoners of war", "received 78 bodies", "children", "burial"]));
    }
  });

  it("finds Russia–US dialogue in 001 (Trump meeting), 002 (Riyadh talks, Rubio) and 004 (Russian-American negotiations), not in 000 or 003", () => {
    for (const n of ["001", "002", "004"]) expect(hits(n, "us-russia-dialogue"), n).toBeGreaterThan(0);
    expect(hits("000", "us-russia-dialogue")).toBe(0);
    expect(hits("003", "us-russia-dialogue")).toBe(0);
    expect(forms("002", "us-russia-dialogue").map((m) => m.form)).toEqual(expect.arrayContaining(["riyadh", "rubio", "russia-u.s"]));
  });

  it("finds Western aid everywhere but 000, atrocities everywhere but 003, Nazism everywhere but 000", () => {
    expect(hits("000", "western-aid")).toBe(0);
    for (const n of ["001", "002", "003", "004"]) expect(hits(n, "western-aid"), n).toBeGreaterThan(0);
    expect(hits("003", "atrocities-terrorism")).toBe(0);
    for (const n of ["000", "001", "002", "004"]) expect(hits(n, "atrocities-terrorism"), n).toBeGreaterThan(0);
    expect(hits("000", "nazism-history")).toBe(0);
    for (const n of ["001", "002", "003", "004"]) expect(hits(n, "nazism-history"), n).toBeGreaterThan(0);
  });

  it("finds Pakistan's neutrality, international law and the Kyiv 'regime' in every article", () => {
    for (const n of ["000", "001", "002", "003", "004"]) {
      expect(hits(n, "pakistan-relations"), n).toBeGreaterThan(0);
      expect(hits(n, "international-law"), n).toBeGreaterThan(0);
      expect(hits(n, "kyiv-legitimacy"), n).toBeGreaterThan(0);
    }
    expect(forms("000", "international-law").map((m) => m.form).sort()).toEqual(["double standards", "kosovo's", "referendums"]);
    expect(forms("004", "kyiv-legitimacy").map((m) => m.form)).toEqual(expect.arrayContaining(["mandate", "censorship", "martial law"]));
  });

  it("finds the four later talking points nowhere in the seeds but the information war in 003 and 004 ('Ukrainian propaganda')", () => {
    for (const n of ["000", "001", "002", "003", "004"])
      for (const t of ["corruption-ukraine", "frozen-assets", "foreign-biolabs"]) expect(hits(n, t), `${n} ${t}`).toBe(0);
    expect(["000", "001", "002"].map((n) => hits(n, "information-war"))).toEqual([0, 0, 0]);
    expect(forms("003", "information-war")).toEqual([{ form: "propaganda", count: 1 }]); // "Ukrainian propaganda claimed"
    expect(forms("004", "information-war")).toEqual([{ form: "propaganda", count: 2 }]); // also "state propaganda"
  });

  it("ranks themes by reach: ceasefire in 3 articles with 3 + 9 + 8 hits", () => {
    const reach = themeReach(seedCounts, seeds, themes);
    expect(reach.find((r) => r.theme === "ceasefire-truce")).toMatchObject({ label: "Ceasefire and truce", articles: 3, hits: 20 });
    expect(reach.find((r) => r.theme === "humanitarian-exchanges")).toMatchObject({ articles: 2 });
    for (let i = 1; i < reach.length; i++) expect(reach[i - 1].articles).toBeGreaterThanOrEqual(reach[i].articles);
  });
});

describe("pattern matching", () => {
  it("matches a word on its stem, whatever the case", () => {
    expect(match(["negotiation"], "Negotiations stalled; negotiating resumed; NEGOTIATION.").hits).toBe(3);
    expect(match(["ceasefire"], "two ceasefires").forms).toEqual(["ceasefires"]);
  });

  it("matches * against written forms, and a lone * against any one word", () => {
    expect(match(["negotiat*"], "negotiate, negotiators, negotiating, renegotiate").forms.sort()).toEqual(["negotiate", "negotiating", "negotiators"]);
    expect(match(["*ism"], "Nazism and racism, not Nazis").forms.sort()).toEqual(["nazism", "racism"]);
    expect(match(["received * bodies"], "Russia received 78 bodies; it received bodies.").forms).toEqual(["received 78 bodies"]);
    // Commas and dots inside a glob word are literal (an escaped comma once broke the regex).
    expect(() => compilePattern("1,000*")).not.toThrow();
    expect(match(["u.s*"], "U.S. officials").forms).toHaveLength(1);
  });

  it("matches phrases word by word inside one sentence", () => {
    expect(match(["prisoner* of war"], "1,000 prisoners of war and one prisoner of war").hits).toBe(2);
    expect(match(["prisoner* of war"], "prisoners were freed after the war").hits).toBe(0);
    expect(match(["peace process"], "They spoke of peace. Process matters.").hits).toBe(0);
  });

  it("treats hyphens as word breaks that may also be left out", () => {
    expect(match(["Russian-speaking"], "Russian-speaking, Russian speaking and Russian‑speaking people").hits).toBe(3);
    expect(match(["NATO"], "a non-NATO status").forms).toEqual(["nato"]);
    expect(match(["non-NATO"], "non-NATO or non NATO").hits).toBe(2);
    expect(match(["cease-fire"], "a ceasefire, a cease-fire").hits).toBe(2);
    expect(match(["ceasefire"], "a cease-fire, a cease fire").forms).toEqual(["cease-fire"]);
  });

  it("treats curly and straight apostrophes alike", () => {
    expect(match(["Kiev regime's"], "the Kiev regime’s attack and the Kiev regime's lies").forms).toEqual(["kiev regime's"]);
    expect(match(["Russia’s security"], "Russia's security concerns").hits).toBe(1);
  });

  it("counts overlapping or touching matches of one theme once, separate ones apart", () => {
    expect(match(["peace", "peace process"], "the peace process").forms).toEqual(["peace process"]);
    expect(match(["NATO expansion", "eastward"], "NATO’s expansion eastward")).toEqual({ hits: 1, forms: ["nato's expansion eastward"] });
    expect(match(["ceasefire", "truce"], "a ceasefire or truce").hits).toBe(2);
    expect(match(["Donetsk", "Luhansk"], "Donetsk, Luhansk").hits).toBe(2);
  });

  it("computes hits per 1,000 words from the article's word count", () => {
    const text = "peace " + "word ".repeat(248) + "peace"; // 250 words, 2 hits → 8 per 1,000
    const [row] = countThemes([article(text)], [{ id: "p", label: "P", patterns: ["peace"] }]);
    expect(row).toMatchObject({ hits: 2, per1k: 8, matches: [{ form: "peace", count: 2 }] });
  });

  it("rejects patterns with no words", () => {
    expect(() => compilePattern("  ")).toThrow(/empty pattern/);
    expect(() => compilePattern("* *")).toThrow(/besides \*/);
  });
});

describe("themeReach", () => {
  it("counts articles and hits per theme, and distinct values of extra keys", () => {
    const arts = [article("peace and truce", "a", "2025-02-01"), article("peace, peace", "b", "2025-02-09"), article("war", "c", "2025-03-01")];
    const ts: Theme[] = [{ id: "truce", label: "Truce", patterns: ["truce"] }, { id: "peace", label: "Peace", patterns: ["peace"] }];
    const reach = themeReach(countThemes(arts, ts), arts, ts, { months: (a) => a.date?.slice(0, 7) });
    expect(reach).toEqual([
      { theme: "peace", label: "Peace", articles: 2, hits: 3, months: 1 },
      { theme: "truce", label: "Truce", articles: 1, hits: 1, months: 1 },
    ]);
  });

  it("gives readable rows with labels and matches", () => {
    const arts = [article("peace and truce and peace", "a")];
    const ts: Theme[] = [{ id: "peace", label: "Peace", patterns: ["peace"] }];
    expect(themeCountRows(countThemes(arts, ts), ts)).toEqual([{ article: "a", theme: "Peace", hits: 2, per1k: 400, matches: "peace×2" }]);
  });
});

describe("theme file errors", () => {
  const bad = (text: string) => {
    try {
      parseThemes(text, "my-themes.yml");
    } catch (e) {
      expect(e).toBeInstanceOf(ThemeFileError);
      return (e as Error).message;
    }
    throw new Error("no error");
  };

  it("names the file and line of invalid YAML", () => {
    expect(bad("a:\n  label: A\n  patterns: [x\n")).toMatch(/^my-themes\.yml:\d+: not valid YAML: /);
    expect(bad("a:\n  patterns: [x]\na:\n  patterns: [y]\n")).toBe("my-themes.yml:3: not valid YAML: Map keys must be unique");
  });

  it("names the line of a theme without patterns, a pattern that is not text, an empty pattern, an unknown key", () => {
    expect(bad("a:\n  label: A\n  patterns: [x]\nb:\n  label: B\n")).toBe('my-themes.yml:4: theme "b" has no patterns');
    expect(bad("a:\n  label: A\n  patterns: []\n")).toBe('my-themes.yml:3: theme "a" has no patterns');
    expect(bad("a:\n  label: A\n  patterns:\n    - ok\n    - 12\n")).toBe('my-themes.yml:5: theme "a": pattern 12 is not a text; quote it');
    expect(bad('a:\n  label: A\n  patterns:\n    - ok\n    - "  "\n')).toBe('my-themes.yml:5: theme "a": empty pattern');
    expect(bad("a:\n  label: A\n  pattern: [x]\n")).toBe('my-themes.yml:3: theme "a": unknown key "pattern" (expected label and patterns)');
    expect(bad("- x\n- y\n")).toMatch(/^my-themes\.yml:1: expected theme entries/);
  });

  it("accepts the short form theme-id: [patterns], labelled by its id", () => {
    expect(parseThemes("truce: [truce, ceasefire]\n")).toEqual([{ id: "truce", label: "truce", patterns: ["truce", "ceasefire"] }]);
    expect(parseThemes("# nothing yet\n")).toEqual([]);
  });

  it("names the path when loading a file", () => {
    const dir = folderWith({ "t.yml": "a:\n  label: A\n  patterns:\n    - \"\"\n" });
    const file = path.join(dir, "t.yml");
    expect(() => loadThemes(file)).toThrow(`${file}:4: theme "a": empty pattern`);
    expect(() => loadThemes(path.join(dir, "missing.yml"))).toThrow(/missing\.yml: cannot read the theme file \(ENOENT\)/);
  });
});

describe("talkingpoints themes", () => {
  afterEach(() => vi.restoreAllMocks());
  const capture = async (argv: string[]) => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s) => { out += String(s); return true; });
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const code = await themesCommand(argv);
    return { code, out };
  };

  it("prints themes, counts and phrases as JSON", async () => {
    const { code, out } = await capture(["data/articles", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["themes", "counts", "phrases", "reach"]);
    expect(json.themes[0]).toEqual({ id: "nato-expansion", label: "NATO expansion" });
    expect(json.counts).toHaveLength(5 * 16);
    expect(Object.keys(json.counts[0])).toEqual(["article", "theme", "hits", "per1k", "matches"]);
    expect(Object.keys(json.phrases[0])).toEqual(["phrase", "articles", "count", "kind"]);
    // Reach in events: prisoners, bodies and children are in two articles but one briefing (September).
    const humanitarian = json.reach.find((r: { theme: string }) => r.theme === "humanitarian-exchanges");
    expect([humanitarian.articles, humanitarian.events, humanitarian.periods]).toEqual([2, 1, 1]);
  });

  it("turns a broken theme file into a one-line usage error naming file and line", async () => {
    const file = path.join(folderWith({ "t.yml": "a:\n  label: A\n  patterns:\n    - [nested]\n" }), "t.yml");
    await expect(capture(["data/articles", "--themes", file])).rejects.toThrow(UsageError);
    await expect(capture(["data/articles", "--themes", file])).rejects.toThrow(`talkingpoints themes: ${file}:4: theme "a": pattern (a list or map) is not a text; quote it`);
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe("patterns that start with a stopword", () => {
  // Stopword tokens are passed over unless some pattern can start with them: these patterns all do.
  const themes: Theme[] = [
    { id: "nato", label: "NATO", patterns: ["into NATO"] },
    { id: "west", label: "West", patterns: ["the West"] },
    { id: "glob", label: "Glob", patterns: ["th* woods"] },
    { id: "plain", label: "Plain", patterns: ["woods"] },
  ];
  const text = "Kiev wants into NATO. Into the woods they went; the West's plan, the West, this woods.";
  const article: Article = { id: "a", file: "a.txt", title: "a", outlet: null, url: null, date: null, dateSource: null, text, words: countWords(text), warnings: [] };

  it("still match where a stopword starts them", () => {
    const hits = Object.fromEntries(countThemes([article], themes).map((c) => [c.theme, c.matches.map((m) => `${m.form}×${m.count}`)]));
    expect(hits).toEqual({
      nato: ["into nato×1"],
      west: ["the west×1", "the west's×1"],
      glob: ["the woods×1", "this woods×1"],
      plain: ["woods×2"],
    });
  });
});
