// Each input form on small files written here: what the format module pulls out, and what the loader makes of it.
import { afterAll, describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { formatFor, supportedExtensions } from "../lib/formats/index.js";
import { txt } from "../lib/formats/txt.js";
import { csv } from "../lib/formats/csv.js";
import { json } from "../lib/formats/json.js";
import { jsonl } from "../lib/formats/jsonl.js";
import { html } from "../lib/formats/html.js";
import { folderWith, removeTempDirs } from "./tmpdir.js";

afterAll(removeTempDirs);

const NO_OUTLETS = { outletsFile: "/nonexistent/outlets.yml" };
const load = (files: Record<string, string | Uint8Array>) => loadArticles(folderWith(files), NO_OUTLETS);

describe("formatFor", () => {
  it("finds a module by extension, in any case", () => {
    expect(formatFor(".HTM")).toBe(html);
    expect(formatFor(".ndjson")).toBe(jsonl);
    expect(formatFor(".pdf")).toBeUndefined();
    expect(supportedExtensions()).toEqual([".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".csv", ".tsv"]);
  });
});

describe(".txt", () => {
  it("reads a first-line date header, with or without a colon, and keeps the rest of the line as text", () => {
    expect(txt.parse(" date 2025-09-23 ISLAMABAD: The envoy spoke.", "a.txt")).toEqual([{ text: "ISLAMABAD: The envoy spoke.", date: "2025-09-23", dateSource: "header" }]);
    expect(txt.parse("Date: 2025-01-02\nBody", "a.txt")).toEqual([{ text: "\nBody", date: "2025-01-02", dateSource: "header" }]);
  });
  it("does not take a first sentence that starts with the word 'date' for a header", () => {
    expect(txt.parse("Date and venue of the talks were not announced.", "a.txt")).toEqual([{ text: "Date and venue of the talks were not announced." }]);
  });
});

describe(".md", () => {
  it("reads YAML front matter (title, date, outlet, url) and keeps the body", () => {
    const { articles, problems } = load({ "note.md": "---\ntitle: Envoy on trade\ndate: 2025-02-25\noutlet: Dawn\nurl: https://dawn.example/1\n---\n\nTrade rose by 15 percent.\n" });
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({ id: "note", title: "Envoy on trade", date: "2025-02-25", dateSource: "front-matter", outlet: "Dawn", url: "https://dawn.example/1", text: "Trade rose by 15 percent.", words: 5 });
  });
});

describe(".html", () => {
  const page = `<!DOCTYPE html>
<!-- saved from url=(0043)https://daily.example/news/russia-pakistan -->
<html><head><meta charset="utf-8"><title>Envoy speaks | The Daily</title>
<meta property="og:title" content="Russian envoy praises Pakistan">
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2025-02-25T10:00:00+05:00">
<link rel="canonical" href="https://daily.example/news/russia-pakistan">
<script>var x = "<p>script text must not appear</p>";</script><style>p { color: red }</style>
</head><body><nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<article><h1>Russian envoy praises Pakistan</h1>
<p>ISLAMABAD: The Russian ambassador said on Tuesday that relations
   between the two countries were growing steadily in trade, energy &amp; education.</p>
<p>He said trade rose by 15 percent to $1.2 billion.<br>A second line about the pipeline project and the visit.</p>
</article><footer>Copyright 2025 The Daily</footer></body></html>`;

  it("takes the main text through Readability, one paragraph per block, without scripts, menus or the footer", () => {
    const [rec] = html.parse(page, "page.html");
    expect(rec).toMatchObject({
      text: "ISLAMABAD: The Russian ambassador said on Tuesday that relations between the two countries were growing steadily in trade, energy & education.\n\n" +
        "He said trade rose by 15 percent to $1.2 billion.\nA second line about the pipeline project and the visit.",
    });
  });

  it("takes title, date, outlet and url from the meta tags; the date source is 'meta'", () => {
    const { articles, problems } = load({ "page.html": page });
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      id: "page",
      title: "Russian envoy praises Pakistan",
      date: "2025-02-25",
      dateSource: "meta",
      outlet: "The Daily",
      url: "https://daily.example/news/russia-pakistan",
      warnings: [],
    });
  });

  it("falls back to JSON-LD, <time datetime> and the 'saved from' comment, and to the whole page for a short one", () => {
    const short = `<!-- saved from url=(0027)https://ld.example/a?x=1 -->
<html><head><title>Short note</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"LD headline","datePublished":"2025-09-23T08:00:00Z","publisher":{"@type":"Organization","name":"LD News"}}]}</script>
</head><body><header>Site header</header><p>Just one short line of text.</p><footer>foot</footer></body></html>`;
    const { articles } = load({ "short.htm": short, "time.html": '<html><body><p>Envoy met traders.</p><time datetime="2025-03-01">1 March</time></body></html>' });
    const s = articles.find((a) => a.id === "short")!;
    expect(s).toMatchObject({ title: "LD headline", date: "2025-09-23", outlet: "LD News", url: "https://ld.example/a?x=1" });
    expect(s.text).toContain("Just one short line of text.");
    expect(s.text).not.toContain("foot");
    const t = articles.find((a) => a.id === "time")!;
    expect(t).toMatchObject({ date: "2025-03-01", dateSource: "meta" });
  });

  it("decodes a page in the charset it declares", () => {
    // "Привет мир" in Windows-1251
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]), Buffer.from("</p></body></html>")]);
    const { articles } = load({ "ru.html": bytes });
    expect(articles[0].text).toBe("Привет мир");
    expect(articles[0].warnings).not.toContain("not valid UTF-8: decoded as Windows-1252");
  });

  it("makes a page with no text a problem", () => {
    expect(load({ "blank.html": "<html><head><title>t</title></head><body><script>x()</script></body></html>" }).problems).toEqual([{ file: "blank.html", reason: "no article text" }]);
  });
});

describe(".json", () => {
  it("reads one article object; its id is the file name", () => {
    const { articles } = load({ "solo.json": '{"text": "Trade rose.", "title": "Solo", "date": "2025-02-25", "source": {"name": "NewsAPI Outlet"}, "url": "https://x.example/1"}' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ id: "solo", file: "solo.json", title: "Solo", date: "2025-02-25", dateSource: "field", outlet: "NewsAPI Outlet", url: "https://x.example/1" });
  });

  it("reads an array: ids from the id field or <stem>-<line>, file#line pointing at where each record starts", () => {
    const text = '[\n  {"text": "First article.", "title": "T1"},\n  {"content": "Second article.",\n   "date": "February 25, 2025"},\n  {"body": "Third.", "id": 42}\n]\n';
    const { articles, problems } = load({ "list.json": text });
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.file, a.text])).toEqual([
      ["list-2", "list.json#2", "First article."],
      ["list-3", "list.json#3", "Second article."],
      ["42", "list.json#5", "Third."],
    ]);
    expect(articles[1].date).toBe("2025-02-25");
  });

  it("reads an object holding the list under 'articles'", () => {
    const { articles } = load({ "wrapped.json": '{"source": "export", "tags": ["a", "b"],\n "articles": [\n {"text": "One."},\n {"text": "Two.", "tags": [1, 2]}\n]}' });
    expect(articles.map((a) => [a.id, a.text])).toEqual([["wrapped-3", "One."], ["wrapped-4", "Two."]]);
  });

  it("makes malformed JSON a problem naming the line; a record without text a problem; the rest loads", () => {
    expect(load({ "bad.json": '{"text": "broken",\n "x": }' }).problems).toEqual([{ file: "bad.json", line: 2, reason: "line 2: not valid JSON (Unexpected token '}')" }]);
    const { articles, problems } = load({ "mixed.json": '[\n{"text": "Kept."},\n{"title": "no text"},\n"a string"\n]' });
    expect(articles.map((a) => a.id)).toEqual(["mixed-2"]);
    expect(problems).toEqual([
      { file: "mixed.json", line: 3, reason: "line 3: no article text (no text, body, content field, or it is empty)" },
      { file: "mixed.json", line: 4, reason: "line 4: not an article object (found a string)" },
    ]);
    expect(load({ "none.json": "[]" }).problems).toEqual([{ file: "none.json", reason: "an empty list: no articles" }]);
  });
});

describe(".jsonl", () => {
  it("reads one record a line; a malformed line is a problem naming it and the other lines still load", () => {
    const text = '{"text": "One.", "date": "2025-01-01"}\r\n{bad json\r\n\r\n{"title": "no text"}\r\n[1, 2]\r\n{"body": "Two.", "id": "x1"}\r\n';
    const { articles, problems } = load({ "feed.jsonl": text });
    expect(articles.map((a) => [a.id, a.file, a.text, a.date])).toEqual([
      ["feed-1", "feed.jsonl#1", "One.", "2025-01-01"],
      ["x1", "feed.jsonl#6", "Two.", null],
    ]);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [2, "line 2: not valid JSON (Expected property name or '}')"],
      [4, "line 4: no article text (no text, body, content field, or it is empty)"],
      [5, "line 5: not an article object (found a list)"],
    ]);
    expect(problems.every((p) => p.file === "feed.jsonl")).toBe(true);
  });
});

describe(".csv", () => {
  it("reads a text column with optional title, date, outlet, url and id columns; quoted newlines; a BOM", () => {
    const text = '\uFEFFTitle,Text,Date,Outlet,URL,id\n"A","Line one,\nline two",2025-01-02,Dawn,https://d.example/a,\nB,"He said ""no"".",2025-01-03,,,b-7\n';
    const { articles, problems } = load({ "sheet.csv": text });
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.file, a.title, a.text, a.date, a.outlet, a.url])).toEqual([
      ["sheet-2", "sheet.csv#2", "A", "Line one,\nline two", "2025-01-02", "Dawn", "https://d.example/a"],
      ["b-7", "sheet.csv#4", "B", 'He said "no".', "2025-01-03", null, null],
    ]);
  });

  it("makes malformed rows problems naming their line and keeps reading after them", () => {
    const text = [
      "title,text,date", // 1
      'A,"multi', // 2
      'line",2025-01-02', // 3
      'B,"bad"quote,2025', // 4: a stray quote after a closed one
      "C,ok row,2025-01-03", // 5
      "D,too,many,cols,here", // 6: five fields, header has three
      "E,trailing empty fields are fine,2025-01-04,,", // 7
      'F,"never closed,2025', // 8
      "G,after the open quote,2025-01-05", // 9
      "", // 10 (end)
    ].join("\n");
    const { articles, problems } = load({ "rows.csv": text });
    expect(articles.map((a) => [a.id, a.text])).toEqual([
      ["rows-2", "multi\nline"],
      ["rows-5", "ok row"],
      ["rows-7", "trailing empty fields are fine"],
      ["rows-9", "after the open quote"],
    ]);
    expect(problems).toEqual([
      { file: "rows.csv", line: 4, reason: "line 4: malformed row (a quote inside a quoted field that is not doubled)" },
      { file: "rows.csv", line: 6, reason: "line 6: 5 fields where the header has 3 (a delimiter inside an unquoted field?)" },
      { file: "rows.csv", line: 8, reason: "line 8: malformed row (a quote opened here is never closed)" },
    ]);
  });

  it("makes a row with an empty text cell a problem, and a file without a text column one problem", () => {
    expect(load({ "gap.csv": "title,text\nA,\nB,Body\n" }).problems).toEqual([
      { file: "gap.csv", line: 2, reason: "line 2: no article text (no text, body, content field, or it is empty)" },
    ]);
    expect(load({ "cols.csv": "title,summary\nA,B\n" }).problems).toEqual([{ file: "cols.csv", reason: "no text column (the header row has: title, summary)" }]);
    expect(load({ "head.csv": "text\n" }).problems).toEqual([{ file: "head.csv", reason: "a header row and no records" }]);
  });

  it("reads semicolon-separated sheets and .tsv", () => {
    expect(csv.parse("title;text\nA;Body, with a comma\n", "s.csv")).toMatchObject([{ title: "A", text: "Body, with a comma", line: 2 }]);
    expect(csv.parse("text\ttitle\nBody, with; both\tT\n", "t.tsv")).toMatchObject([{ title: "T", text: "Body, with; both", line: 2 }]);
  });
});

describe("record ids across files", () => {
  it("keeps ids unique across the corpus: a record id that repeats another gets a suffix and a warning", () => {
    const { articles } = load({ "a.jsonl": '{"text": "One.", "id": "same"}\n{"text": "Two.", "id": "same"}\n', "same.txt": "Three." });
    expect(articles.map((a) => a.id)).toEqual(["same", "same-2", "same-3"]);
    expect(articles[1].warnings).toContain('id "same" is also used by a.jsonl#1; this article is "same-2"');
    expect(new Set(articles.map((a) => a.id)).size).toBe(3);
  });
  it("parses the json module directly into records with lines", () => {
    expect(json.parse('[{"text":"a"},\n{"text":"b"}]', "x.json")).toMatchObject([{ text: "a", line: 1 }, { text: "b", line: 2 }]);
  });
});

describe(".html edge cases found by the fuzz tests", () => {
  it("reads markup whose only <html> is inside a comment", () => {
    expect(html.parse("<p>Before</p><!--<html>", "x.html")).toMatchObject([{ text: "Before" }]);
    expect(html.parse("<!--<html>", "x.html")).toMatchObject([{ text: "" }]);
  });
});
