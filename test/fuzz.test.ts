// Total functions: random Unicode, markup, long digit runs, "1,1,1,…" and huge single lines never make the
// loader (or the stages after it) throw, offsets stay valid, and every file written is accounted for.
// `npm test` runs a fixed seed with FUZZ_RUNS (default 200) cases per property; `npm run fuzz` runs 20,000.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { countWords, loadArticles, titleFrom } from "../lib/corpus.js";
import { datelineDate, validDate } from "../lib/dates.js";
import { decodeBytes } from "../lib/decode.js";
import { FORMATS } from "../lib/formats/index.js";
import { isProblem } from "../lib/formats/format.js";
import type { Article, LoadResult } from "../lib/types.js";
import { figuresInText } from "../lib/figures.js";
import { countThemes, findSpans, patternProblem, themePatterns, type Theme } from "../lib/themes.js";
import { tokenize } from "../lib/tokens.js";
import { countTerms, keyness } from "../lib/keyness.js";
import { removeTempDirs, tempDir } from "./tmpdir.js";

afterAll(removeTempDirs);

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = 20250225;
/** Writing files is slower than calling a function: the loader properties run a tenth as many cases (at least 20). */
const FILE_RUNS = Math.max(20, Math.round(RUNS / 10));
const NO_OUTLETS = { outletsFile: "/nonexistent/outlets.yml" };
/** Per-test time limit: vitest's 60 s default would cut a 20,000-case run short. */
const LIMIT = Math.max(60_000, RUNS * 40);
const run = <T>(prop: fc.IPropertyWithHooks<T> | fc.IProperty<T>, numRuns = RUNS) => fc.assert(prop, { seed: SEED, numRuns });

// ---------------------------------------------------------------------------------------------------------------
// Inputs

const FRAGMENTS = [
  "<div>", "</div>", "<p>", "</p>", "<br>", "<script>", "</script>", "<style>", "&amp;", "&#8217;", "&#", "<!--", "-->", "<html>",
  "<meta property=\"og:title\" content=\"", "<time datetime=\"2025-13-45\">", "<", ">", "&", "\"", "'", ",", ";", "\t", "\n", "\r\n", "\r",
  "{", "}", "[", "]", ":", "\"text\":", "\"id\":", "text,title\n", "date 2025-13-45 ", "date 2025-02-25 ", "Islamabad, February 25, 2025: ",
  "(UrduPoint / Pakistan Point News - 23rd Sep, 2025)", "---\n", "title: x\n", "\uFEFF", "\u0000", "\uFFFD", "\u202E", "\u200B", "é", "£",
  "Исламабад", "اسلام آباد", "😀", "Mr.", "U.S.", "1,000", "70.2%", "$1.2 billion", "Rs 5,00,000", "ceasefire", "Ukraine", " ",
];

const unicode = fc.string({ unit: "binary", maxLength: 200 });
const markup = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "grapheme", maxLength: 12 })), { maxLength: 60 }).map((a) => a.join(""));
const digitRun = fc.integer({ min: 1, max: 5000 }).map((n) => "9876543210".repeat(Math.ceil(n / 10)).slice(0, n));
const ones = fc.integer({ min: 1, max: 5000 }).map((n) => "1,".repeat(n) + "1");
const longLine = fc.tuple(fc.constantFrom("word ", "a", "1.", "<b>", "\"", "Islamabad, "), fc.integer({ min: 1000, max: 20000 })).map(([s, n]) => s.repeat(n));
const anyText = fc.oneof(unicode, markup, digitRun, ones, longLine);
const anyBytes = fc.oneof(
  { weight: 4, arbitrary: anyText.map((s) => Buffer.from(s, "utf8") as Uint8Array) },
  { weight: 1, arbitrary: anyText.map((s) => Buffer.from("\uFEFF" + s, "utf16le") as Uint8Array) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 400 }) },
);

const EXTENSIONS = [...FORMATS.flatMap((f) => f.extensions), ".TXT", ".pdf", ""];
const fileName = fc.tuple(fc.constantFrom("", "sub/", "d.txt/", "sub/deeper/"), fc.constantFrom("a", "b", "c", ".hidden"), fc.constantFrom(...EXTENSIONS)).map(([d, s, e]) => d + s + e);

/** The file each article or problem came from, without the "#line" of record formats. */
function sourcesOf(r: LoadResult): string[] {
  return [...r.articles.map((a) => a.file.replace(/#\d+$/, "")), ...r.problems.map((p) => p.file)];
}

const RECORD_EXTENSIONS = new Set([".json", ".jsonl", ".ndjson", ".csv", ".tsv"]);

// ---------------------------------------------------------------------------------------------------------------
// The loader

describe("the loader on random folders", () => {
  it("never throws, and accounts for every file written: one entry per file, several only for record formats", () => {
    run(fc.property(fc.uniqueArray(fc.tuple(fileName, anyBytes), { selector: ([n]) => n.toLowerCase(), maxLength: 6 }), (files) => {
      const dir = tempDir("talkingpoints-fuzz-");
      for (const [name, bytes] of files) {
        fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), bytes);
      }
      const r = loadArticles(dir, NO_OUTLETS);
      fs.rmSync(dir, { recursive: true, force: true });
      const written = files.map(([n]) => n);
      const sources = sourcesOf(r);
      // A hidden folder is one entry for everything under it; there are none here (only hidden files).
      expect(new Set(sources)).toEqual(new Set(written));
      for (const name of written) {
        const n = sources.filter((s) => s === name).length;
        if (!RECORD_EXTENSIONS.has(path.extname(name).toLowerCase())) expect(n, name).toBe(1);
        else expect(n, name).toBeGreaterThanOrEqual(1);
      }
      expect(new Set(r.articles.map((a) => a.id)).size).toBe(r.articles.length);
      for (const a of r.articles) {
        expect(a.text.trim()).not.toBe("");
        expect(a.text).toBe(a.text.trim());
        expect(Number.isInteger(a.words) && a.words >= 0).toBe(true);
        expect(typeof a.title).toBe("string");
        if (a.date !== null) expect(validDate(a.date)).toBe(a.date);
        expect(a.warnings.every((w) => typeof w === "string")).toBe(true);
      }
      for (const p of r.problems) {
        expect(p.reason.trim()).not.toBe("");
        expect(p.reason).not.toContain("\n");
      }
    }), FILE_RUNS);
  }, LIMIT);

  it("reads huge inputs in every format within a generous time (1 MB of '1,1,1', a 1 MB line, a 1 MB digit run)", () => {
    const dir = tempDir("talkingpoints-big-");
    const inputs: Record<string, string> = {
      "ones": "1,".repeat(512 * 1024),
      "line": "word ".repeat(200 * 1024),
      "digits": "7".repeat(1024 * 1024),
      "nested": "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000),
    };
    for (const [stem, text] of Object.entries(inputs)) {
      for (const ext of [".txt", ".md", ".html", ".json", ".jsonl", ".csv"]) {
        const file = path.join(dir, stem + ext);
        fs.writeFileSync(file, text);
        const t0 = Date.now();
        const r = loadArticles(file, NO_OUTLETS);
        const ms = Date.now() - t0;
        expect(ms, `${stem}${ext} took ${ms} ms`).toBeLessThan(10_000);
        expect(r.articles.length + r.problems.length, `${stem}${ext}`).toBe(1);
        fs.rmSync(file);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The loader's parts, called directly

describe("the loader's parts on random input", () => {
  it("decodeBytes returns text or a problem for any bytes", () => {
    run(fc.property(anyBytes, (bytes) => {
      const d = decodeBytes(bytes);
      if ("problem" in d) expect(d.problem).toMatch(/^binary file/);
      else expect(typeof d.text).toBe("string");
    }));
  }, LIMIT);

  it("every format's parse returns records or problems, with 1-based lines, for any text", () => {
    run(fc.property(fc.constantFrom(...FORMATS), anyText, (format, text) => {
      const records = format.parse(text, `x${format.extensions[0]}`);
      expect(Array.isArray(records)).toBe(true);
      for (const r of records) {
        if (isProblem(r)) expect(typeof r.problem).toBe("string");
        else expect(typeof r.text).toBe("string");
        if (r.line !== undefined) expect(Number.isInteger(r.line) && r.line >= 1).toBe(true);
      }
    }));
  }, LIMIT);

  it("titleFrom, countWords, datelineDate and validDate never throw; titles stay short; dates are real", () => {
    run(fc.property(anyText, (text) => {
      expect(titleFrom(text).length).toBeLessThanOrEqual(120);
      expect(countWords(text)).toBeGreaterThanOrEqual(0);
      const d = datelineDate(text);
      if (d !== null) expect(validDate(d)).toBe(d);
      const v = validDate(text);
      if (v !== null) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }));
  }, LIMIT);
});

// ---------------------------------------------------------------------------------------------------------------
// The stages after the loader: tokens, themes, keyness, figures

const article = (text: string, id = "x"): Article => ({
  id, file: `${id}.txt`, title: "", outlet: null, url: null, date: null, dateSource: null, text, words: countWords(text), warnings: [],
});

const pattern = fc.oneof(
  fc.constantFrom("ceasefire", "cease-fire", "negotiat*", "Russia * Pakistan", "* talks", "70.2%", "U.S.", "Putin’s visit", "neutral*", "1,000", "é*"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 15 }),
).filter((p) => patternProblem(p) === null);
const themes = fc.array(fc.array(pattern, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
  .map((ps) => ps.map((patterns, i): Theme => ({ id: `t${i}`, label: `t${i}`, patterns })));

describe("the stages after the loader on random text", () => {
  it("tokenize: every token is text.slice(start, end), in order, sentences never going back", () => {
    run(fc.property(anyText, (text) => {
      let last = 0;
      let sentence = 0;
      // Plain checks in the loop and one expect for the first bad token: a 20,000-token line stays quick.
      const bad = tokenize(text).find((t) => {
        const wrong = text.slice(t.start, t.end) !== t.text || t.start < last || t.sentence < sentence;
        last = t.end;
        sentence = t.sentence;
        return wrong;
      });
      expect(bad).toBeUndefined();
    }));
  }, LIMIT);

  it("theme matching: spans lie inside the tokens, in order, not overlapping; counts are whole and per-1k finite", () => {
    run(fc.property(anyText, themes, (text, ts) => {
      const tokens = tokenize(text);
      for (const t of ts) {
        let prev = 0;
        for (const s of findSpans(text, tokens, themePatterns(t))) {
          expect(s.first).toBeGreaterThanOrEqual(prev);
          expect(s.last).toBeGreaterThan(s.first);
          expect(s.last).toBeLessThanOrEqual(tokens.length);
          prev = s.last;
        }
      }
      for (const c of countThemes([article(text)], ts)) {
        expect(Number.isInteger(c.hits) && c.hits >= 0).toBe(true);
        expect(Number.isFinite(c.per1k)).toBe(true);
        expect(c.matches.reduce((n, m) => n + m.count, 0)).toBe(c.hits);
      }
    }));
  }, LIMIT);

  it("keyness: G², log ratio and p are finite, p within [0, 1], counts add up", () => {
    run(fc.property(fc.array(anyText, { maxLength: 3 }), fc.array(anyText, { maxLength: 3 }), (as, bs) => {
      const a = countTerms(as.map((t) => ({ text: t }))).counts;
      const b = countTerms(bs.map((t) => ({ text: t }))).counts;
      for (const r of keyness(a, b, { minCount: 1 })) {
        expect(Number.isFinite(r.g2) && Number.isFinite(r.logRatio)).toBe(true);
        expect(r.p >= 0 && r.p <= 1).toBe(true);
        expect(r.countA).toBe(a.terms.get(r.stem)?.count ?? 0);
        expect(r.countB).toBe(b.terms.get(r.stem)?.count ?? 0);
      }
    }));
  }, LIMIT);

  it("extractFigures: every figure is text.slice(start, end), in order, with a finite value", () => {
    run(fc.property(anyText, (text) => {
      let last = 0;
      const bad = figuresInText(text, "x").find((f) => {
        const wrong = text.slice(f.start, f.end) !== f.text || f.start < last || !Number.isFinite(f.value);
        last = f.start;
        return wrong;
      });
      expect(bad).toBeUndefined();
    }));
  }, LIMIT);

  it("handles 1 MB of '1,1,1', a 1 MB line and a 1 MB digit run within a generous time", () => {
    const ts: Theme[] = [{ id: "t", label: "t", patterns: ["ceasefire", "negotiat*", "* talks", "1,1"] }];
    for (const [name, text] of Object.entries({ ones: "1,".repeat(512 * 1024), line: "word ".repeat(200 * 1024), digits: "7".repeat(1024 * 1024) })) {
      const t0 = Date.now();
      const a = article(text);
      tokenize(text);
      countThemes([a], ts);
      keyness(countTerms([a]).counts, countTerms([article("word talks")]).counts, { minCount: 1 });
      figuresInText(text, "x");
      const ms = Date.now() - t0;
      expect(ms, `${name} took ${ms} ms`).toBeLessThan(10_000);
    }
  });
});
