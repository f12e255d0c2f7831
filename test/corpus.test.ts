// The loader on the seeds (issue 2) and on folders of small files written here: every file seen ends as an
// article or a problem with its reason (issue 8).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { corpusFiles, countWords, DEFAULT_MAX_BYTES, loadArticles, loadFile, titleFrom } from "../lib/corpus.js";
import { articlesFrame } from "../lib/frame.js";
import type { LoadResult } from "../lib/types.js";
import { folderWith, removeTempDirs } from "./tmpdir.js";

afterAll(removeTempDirs);

const NO_OUTLETS = { outletsFile: "/nonexistent/outlets.yml" };
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** The file each article or problem came from, without the "#line" of record formats. */
function accountedFiles(r: LoadResult): Set<string> {
  return new Set([...r.articles.map((a) => a.file.replace(/#\d+$/, "")), ...r.problems.map((p) => p.file)]);
}

describe("the seeds in data/articles", () => {
  const { articles, problems } = loadArticles("data/articles");

  it("load as five articles with no problems, ids from the file names", () => {
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(["000_49771bd131fda3f2", "001_205f6af21e34c494", "002_4d11a3e92975a630", "003_4c3568a573a8b66a", "004_c9d4eb58757d2b79"]);
    expect(articles.map((a) => a.file)).toEqual(articles.map((a) => `${a.id}.txt`));
  });

  it("date 000 from its dateline, 001, 003 and 004 from their headers, and leave 002 undated with a warning", () => {
    const byId = (p: string) => articles.find((a) => a.id.startsWith(p))!;
    // 000 opens "Islamabad, February 25, 2025: Russian Ambassador…"
    expect(byId("000")).toMatchObject({ date: "2025-02-25", dateSource: "dateline", warnings: [] });
    // 001 opens " date 2025-01-01 F.P. Report"; 003 " date 2025-09-24 ISLAMABAD:"; 004 " date 2025-09-23 ISLAMABAD, (UrduPoint…"
    expect(byId("001")).toMatchObject({ date: "2025-01-01", dateSource: "header" });
    expect(byId("003")).toMatchObject({ date: "2025-09-24", dateSource: "header" });
    expect(byId("004")).toMatchObject({ date: "2025-09-23", dateSource: "header" });
    // 002 names dates only deep in the text ("February 24, 2022" in paragraph 11), not in a dateline.
    expect(byId("002")).toMatchObject({ date: null, dateSource: null, warnings: ["no date found (no header, metadata or dateline)"] });
  });

  it("name the ambassador as the speaker of all five, and no wire", () => {
    expect(articles.map((a) => a.speaker)).toEqual(Array(5).fill("Albert P. Khorev"));
    expect(articles.map((a) => a.wire)).toEqual(Array(5).fill(null));
  });

  it("strip the header from the text, find outlets from data/outlets.yml and titles from the opening", () => {
    const [a0, a1, a2, , a4] = articles;
    expect(a1.text.startsWith("F.P. Report\n\nISLAMABAD: Russian Ambassador")).toBe(true);
    expect(a1.outlet).toBe("The Frontier Post");
    expect(a4.outlet).toBe("UrduPoint");
    expect(a0.outlet).toBeNull();
    expect(a2.title).toBe("Russian Envoy lauds Pakistan’s neutrality in Ukraine conflict");
    // 000 has no headline: the first sentence without its dateline, cut at a word before 100 characters.
    expect(a0.title.startsWith("Russian Ambassador to Pakistan, Albert P. Khorev, has confirmed")).toBe(true);
    expect(a0.title.length).toBeLessThanOrEqual(100);
    for (const a of articles) expect(a.words).toBeGreaterThan(300);
  });

  it("become a danfo DataFrame with one row per article", () => {
    const df = articlesFrame(articles);
    expect(df.shape).toEqual([5, 11]);
    expect(df.column("id").values).toEqual(articles.map((a) => a.id));
    expect(df.column("date").values).toEqual(["2025-02-25", "2025-01-01", null, "2025-09-24", "2025-09-23"]);
  });
});

describe("dates, outlets, wires and speakers set in loading (issue 13)", () => {
  const folder = () => folderWith({
    "app.txt": "Envoys meet in Islamabad\n\nISLAMABAD, Dec 26 (APP): Ukrainian Ambassador Ivan Petrenko said on Friday that talks had stalled. He added that the list of children was ready.",
    "byline.md": "---\ntitle: Consul on trade\nurl: https://www.dawn.com/news/1900001/consul-on-trade\n---\nBy Our Correspondent\nPublished May 28, 2025 08:15pm\n\nKARACHI: Consul Amina Qureshi told traders that exports had doubled.",
    "url.json": JSON.stringify({ text: "MOSCOW, March 3 (Reuters) - The Russian envoy said the talks went well.", url: "https://www.reuters.com/world/2025/03/03/talks/" }),
    "history.txt": "date 2025-02-26\nIslamabad, February 25, 2024: The Russian ambassador said the talks went well.",
  });

  it("dates each by its tiers, names the outlet and the wire, and finds the speaker", () => {
    const { articles, problems } = loadArticles(folder(), { today: "2026-12-04" });
    expect(problems).toEqual([]);
    const by = (id: string) => articles.find((a) => a.id === id)!;
    expect(by("app")).toMatchObject({ date: "2025-12-26", dateSource: "dateline", outlet: "APP", wire: "APP", speaker: "Ivan Petrenko" });
    expect(by("app").warnings).toEqual(['the dateline "ISLAMABAD, Dec 26 (APP):" has no year and nothing else dates the article: taken as 2025-12-26, the latest such date up to today (2026-12-04)']);
    expect(by("byline")).toMatchObject({ date: "2025-05-28", dateSource: "byline", outlet: "Dawn", wire: null, speaker: "Amina Qureshi", warnings: [] });
    expect(by("url")).toMatchObject({ date: "2025-03-03", dateSource: "dateline", outlet: "Reuters", wire: "Reuters", speaker: "Albert P. Khorev", warnings: [] });
    expect(by("history")).toMatchObject({ date: "2025-02-26", dateSource: "header" });
    expect(by("history").warnings).toEqual(['the dateline "Islamabad, February 25, 2024:" gives 2024-02-25, 367 days from the header date 2025-02-26; the header date is kept']);
  });

  it("lists a broken speakers file as a problem and loads the articles all the same", () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, "..", "bad-speakers.yml"), "speakers: [");
    const r = loadArticles(dir, { speakersFile: path.join(dir, "..", "bad-speakers.yml"), today: "2026-12-04" });
    expect(r.articles).toHaveLength(4);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].reason).toMatch(/^speaker aliases not used: /);
    // Without the alias list the envoy's role names no one; names still count.
    expect(r.articles.find((a) => a.id === "url")!.speaker).toBeNull();
    expect(r.articles.find((a) => a.id === "app")!.speaker).toBe("Ivan Petrenko");
  });
});

describe("titles and word counts", () => {
  it("counts words as a reader does: numbers with inner commas and dots, and contractions, are one word each", () => {
    // Trade, rose, by, 15.5, percent, to, 1,200, in, 2025, Khorev’s, view
    expect(countWords("Trade rose by 15.5 percent, to $1,200 in 2025 — Khorev’s view.")).toBe(11);
    expect(countWords("")).toBe(0);
  });
  it("takes a short first line as the title, else the first sentence without its dateline", () => {
    expect(titleFrom("Envoy lauds neutrality of Pakistan\n\nISLAMABAD: Body.")).toBe("Envoy lauds neutrality of Pakistan");
    expect(titleFrom("ISLAMABAD: The envoy spoke on Tuesday. He said more.")).toBe("The envoy spoke on Tuesday.");
    expect(titleFrom("ISLAMABAD, Dec 26 (APP): The envoy spoke on Tuesday. He said more.")).toBe("The envoy spoke on Tuesday.");
    expect(titleFrom("MOSCOW, March 3 (Reuters) - The envoy spoke on Tuesday. He said more.")).toBe("The envoy spoke on Tuesday.");
  });
});

describe("warnings", () => {
  it("keeps an article with an impossible header date, with a warning, and falls back to its dateline", () => {
    const { articles, problems } = loadArticles(folderWith({
      "bad-date.txt": "date 2025-13-45\nIslamabad, February 25, 2025: The envoy spoke.",
      "no-fallback.txt": "date 2025-02-30 The envoy spoke.",
    }), NO_OUTLETS);
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({ date: "2025-02-25", dateSource: "dateline", warnings: ['header date "2025-13-45" is not a valid date; ignored'] });
    expect(articles[1]).toMatchObject({ date: null, warnings: ['header date "2025-02-30" is not a valid date; ignored', "no date found (no header, metadata or dateline)"] });
  });

  it("warns when text was not UTF-8 and was read as Windows-1252", () => {
    // "Café costs £5." in Latin-1
    const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x6f, 0x73, 0x74, 0x73, 0x20, 0xa3, 0x35, 0x2e]);
    const { articles } = loadArticles(folderWith({ "latin1.txt": latin1 }), NO_OUTLETS);
    expect(articles[0].text).toBe("Café costs £5.");
    expect(articles[0].warnings).toContain("not valid UTF-8: decoded as Windows-1252");
  });

  it("reads UTF-16 files with a byte-order mark and UTF-8 with one", () => {
    const { articles, problems } = loadArticles(folderWith({
      "le.txt": Buffer.from("\uFEFFdate 2025-02-25 Café in Islamabad.", "utf16le"),
      "be.txt": Buffer.from("\uFEFFCafé in Islamabad.", "utf16le").swap16(),
      "bom.txt": Buffer.from("\uFEFFdate 2025-02-25 Café.", "utf8"),
    }), NO_OUTLETS);
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.text, a.date])).toEqual([
      ["be", "Café in Islamabad.", null],
      ["bom", "Café.", "2025-02-25"],
      ["le", "Café in Islamabad.", "2025-02-25"],
    ]);
  });
});

describe("nothing lost: each problem case", () => {
  const one = (files: Record<string, string | Uint8Array>, options = {}) => loadArticles(folderWith(files), { ...NO_OUTLETS, ...options });

  it("names empty, whitespace-only and binary files", () => {
    const { articles, problems } = one({ "empty.txt": "", "blank.md": "  \n\t\r\n", "nul.txt": Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]) });
    expect(articles).toEqual([]);
    expect(problems).toEqual([
      { file: "blank.md", reason: "whitespace only" },
      { file: "empty.txt", reason: "empty file" },
      { file: "nul.txt", reason: "binary file (contains NUL bytes)" },
    ]);
  });

  it("lists an unsupported extension and a file without one as skipped", () => {
    expect(one({ "scan.pdf": "x", "README": "x" }).problems.map((p) => p.reason)).toEqual([
      'unsupported extension "(none)" (skipped; the loader reads .txt .md .markdown .html .htm .json .jsonl .ndjson .csv .tsv)',
      'unsupported extension ".pdf" (skipped; the loader reads .txt .md .markdown .html .htm .json .jsonl .ndjson .csv .tsv)',
    ]);
  });

  it("skips a file larger than maxBytes (default 20 MB) with the limit in the reason", () => {
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
    const r = one({ "big.txt": "x".repeat(101), "ok.txt": "y".repeat(100) }, { maxBytes: 100 });
    expect(r.problems).toEqual([{ file: "big.txt", reason: "larger than the 100 bytes limit (101 bytes; skipped)" }]);
    expect(r.articles.map((a) => a.id)).toEqual(["ok"]);
    expect(() => loadArticles("data/articles", { maxBytes: -1 })).toThrow("maxBytes must be a positive number of bytes, got -1");
  });

  it("lists hidden files and folders instead of skipping them silently", () => {
    const r = one({ ".DS_Store": "x", ".git/HEAD": "ref", "a.txt": "Text." });
    expect(r.problems).toEqual([
      { file: ".DS_Store", reason: "hidden file (skipped)" },
      { file: ".git", reason: "hidden folder (skipped)" },
    ]);
  });

  it("gives two files with the same name in different folders distinct ids, with a warning on the second", () => {
    const r = one({ "dawn/report.txt": "First.", "news/report.txt": "Second." });
    expect(r.articles.map((a) => [a.id, a.file])).toEqual([["report", "dawn/report.txt"], ["report-2", "news/report.txt"]]);
    expect(r.articles[1].warnings).toContain('id "report" is also used by dawn/report.txt; this article is "report-2"');
  });

  it("walks a folder named like a file (foo.txt/) as a folder", () => {
    const r = one({ "foo.txt/inner.txt": "Inner text." });
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => a.file)).toEqual(["foo.txt/inner.txt"]);
  });

  it("ends symlink loops and lists links to folders and files already read, broken links and self-links", () => {
    const dir = folderWith({ "real.txt": "Real text.", "sub/inner.txt": "Inner text." });
    fs.symlinkSync(".", path.join(dir, "loop"));
    fs.symlinkSync("..", path.join(dir, "sub", "up"));
    fs.symlinkSync("real.txt", path.join(dir, "alias.txt"));
    fs.symlinkSync("missing.txt", path.join(dir, "broken.txt"));
    fs.symlinkSync("self.txt", path.join(dir, "self.txt"));
    const r = loadArticles(dir, NO_OUTLETS);
    expect(r.articles.map((a) => a.file)).toEqual(["real.txt", "sub/inner.txt"]);
    expect(r.problems).toEqual([
      { file: "alias.txt", reason: "same file as real.txt (a link; skipped)" },
      { file: "broken.txt", reason: "broken link (its target does not exist)" },
      { file: "loop", reason: "link to a folder already read (.); skipped so the walk ends" },
      { file: "self.txt", reason: "unreadable (too many levels of symbolic links)" },
      { file: "sub/up", reason: "link to a folder already read (.); skipped so the walk ends" },
    ]);
  });

  it("names files the same however the folder is written (the prefix cut agrees with path.relative)", () => {
    const dir = folderWith({ "a.txt": "A.", "sub/b.txt": "B.", "sub/deeper/c.txt": "C." });
    fs.symlinkSync("sub", path.join(dir, "link"));
    const names = (root: string) => corpusFiles(root).files.map((f) => f.rel);
    const expected = ["a.txt", "sub/b.txt", "sub/deeper/c.txt"];
    for (const root of [dir, `${dir}/`, `${dir}//`, path.join(dir, "sub", ".."), path.relative(process.cwd(), dir), `./${path.relative(process.cwd(), dir)}`]) {
      expect(names(root), root).toEqual(expected);
    }
    expect(names(path.join(dir, "sub"))).toEqual(["b.txt", "deeper/c.txt"]);
    expect(names(path.join(dir, "link"))).toEqual(["b.txt", "deeper/c.txt"]);
    expect(names(path.join(dir, "sub", "b.txt"))).toEqual(["b.txt"]);
    expect(names(`${dir}/./sub//b.txt`)).toEqual(["b.txt"]);
  });

  it("lists a named pipe as not a regular file (and does not block reading it)", () => {
    const dir = folderWith({ "a.txt": "Text." });
    execFileSync("mkfifo", [path.join(dir, "pipe.txt")]);
    expect(loadArticles(dir, NO_OUTLETS).problems).toEqual([{ file: "pipe.txt", reason: "not a regular file (skipped)" }]);
  });

  it("names an unreadable file (chmod 000; run as the unprivileged user 'nobody' when the tests run as root)", () => {
    const dir = folderWith({ "locked.txt": "Secret.", "open.txt": "Open." });
    fs.chmodSync(path.join(dir, "locked.txt"), 0o000);
    let result: LoadResult;
    if (!isRoot) {
      result = loadArticles(dir, NO_OUTLETS);
    } else {
      // Root reads any file whatever its mode, so load through the built loader as uid 65534 (nobody).
      const dist = path.resolve("dist/corpus.js");
      if (!fs.existsSync(dist)) execFileSync("npm", ["run", "build"], { stdio: "ignore" });
      const script = `import(${JSON.stringify(dist)}).then((m) => process.stdout.write(JSON.stringify(m.loadArticles(${JSON.stringify(dir)}, { outletsFile: "/nonexistent" }))))`;
      const run = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", script], { encoding: "utf8" });
      if (run.error) throw new Error(`running as nobody needs setpriv (util-linux): ${run.error.message}`);
      expect(run.stderr).toBe("");
      result = JSON.parse(run.stdout) as LoadResult;
    }
    expect(result.problems).toEqual([{ file: "locked.txt", reason: "unreadable (permission denied)" }]);
    expect(result.articles.map((a) => a.id)).toEqual(["open"]);
  });

  it("lists a missing path and a broken outlets file as problems, not crashes", () => {
    expect(loadArticles("/nonexistent/articles", NO_OUTLETS)).toEqual({ articles: [], problems: [{ file: "/nonexistent/articles", reason: "no such file or folder" }] });
    const dir = folderWith({ "a.txt": "F.P. Report\n\nText.", "outlets/bad.yml": "The Frontier Post: [\"F.P. Report\"\n  - broken: [" });
    const r = loadArticles(path.join(dir, "a.txt"), { outletsFile: path.join(dir, "outlets/bad.yml") });
    expect(r.articles.map((a) => [a.id, a.outlet])).toEqual([["a", null]]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].file).toBe(path.join(dir, "outlets/bad.yml"));
    expect(r.problems[0].reason).toMatch(/^outlet aliases not used: .+/);
    expect(r.problems[0].reason).not.toContain("\n");
  });

  it("reads a single file given by path, its file relative to its folder", () => {
    const r = loadArticles("data/articles/002_4d11a3e92975a630.txt");
    expect(r.articles.map((a) => [a.id, a.file])).toEqual([["002_4d11a3e92975a630", "002_4d11a3e92975a630.txt"]]);
  });

  it("loadFile never throws on a file that vanished", () => {
    expect(loadFile("/nonexistent/gone.txt", "gone.txt")).toEqual({ articles: [], problems: [{ file: "gone.txt", reason: "unreadable (no such file)" }] });
  });
});

describe("a folder holding every case at once", () => {
  it("accounts for every file written: each is an article (or records) or a problem", () => {
    const files: Record<string, string | Uint8Array> = {
      "seed-like.txt": " date 2025-09-23 ISLAMABAD, (UrduPoint / Pakistan Point News - 23rd Sep, 2025) The envoy spoke.",
      "dateline.txt": "Islamabad, February 25, 2025: The envoy spoke.",
      "bad-date.txt": "date 2025-13-45 The envoy spoke.",
      "front.md": "---\ntitle: T\ndate: 2025-02-25\n---\nBody.",
      "page.html": "<html><head><meta property='og:title' content='P'></head><body><p>Page text.</p></body></html>",
      "one.json": '{"text": "Object."}',
      "list.json": '[{"text": "A."}, {"title": "no text"}]',
      "broken.json": "{",
      "feed.jsonl": '{"text": "L1."}\nnot json\n',
      "sheet.csv": 'text,title\n"Row one",R\n"unclosed,R2\n',
      "nocol.csv": "title\nA\n",
      "latin1.txt": Buffer.from([0x43, 0x61, 0x66, 0xe9]),
      "utf16.txt": Buffer.from("\uFEFFUTF-16 text.", "utf16le"),
      "empty.txt": "",
      "blank.txt": " \n ",
      "binary.txt": Buffer.from([1, 0, 2, 0, 3]),
      "image.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      "noext": "text",
      ".hidden": "x",
      "big.md": "z".repeat(5000),
      "dup/dateline.txt": "Again, another file with the same stem.",
      "folder.txt/nested.md": "Nested.",
    };
    const dir = folderWith(files);
    fs.symlinkSync(".", path.join(dir, "loop"));
    const r = loadArticles(dir, { ...NO_OUTLETS, maxBytes: 4096 });
    const written = [...Object.keys(files), "loop"];
    expect([...accountedFiles(r)].sort()).toEqual(written.sort());
    // Files that are neither records nor problems give exactly one article; nothing is counted twice.
    const perFile = new Map<string, number>();
    for (const f of [...r.articles.map((a) => a.file.replace(/#\d+$/, "")), ...r.problems.map((p) => p.file)]) perFile.set(f, (perFile.get(f) ?? 0) + 1);
    expect([...perFile].filter(([, n]) => n > 1).map(([f]) => f).sort()).toEqual(["feed.jsonl", "list.json", "sheet.csv"]);
    expect(new Set(r.articles.map((a) => a.id)).size).toBe(r.articles.length);
    expect(r.articles).toHaveLength(13);
    expect(r.problems).toHaveLength(13);
  });
});

describe("countWords and titleFrom read only what they need", () => {
  // countWords scans code units; its definition is the regex below, which it must agree with everywhere.
  const byRegex = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

  it("countWords agrees with its regex on the seeds, edge cases and random text", () => {
    for (const f of fs.readdirSync("data/articles")) {
      const text = fs.readFileSync(path.join("data/articles", f), "utf8");
      expect(countWords(text)).toBe(byRegex(text));
    }
    for (const text of ["a-b -a a- 1.2.3 .5 5. x,y ,", "e\u0301t\u00e9 Ⅻ ½", "can’t rock'n'roll ''x", "𝐀𝐁-c 😀 d", "-", "a"]) expect(countWords(text)).toBe(byRegex(text));
    const alphabet = fc.constantFrom(..."aé\u03011½'’.,-– \n\"".split(""), "𝐀");
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 30 }).map((a) => a.join("")), (text) => {
      expect(countWords(text)).toBe(byRegex(text));
    }), { seed: 20250225, numRuns: 2000 });
  });

  it("titleFrom takes the first line of four words or more, else the first line that is not blank", () => {
    expect(titleFrom("\n  \nF.P. Report\r\nEnvoy lauds neutrality of Pakistan\nISLAMABAD: The envoy spoke.")).toBe("Envoy lauds neutrality of Pakistan");
    expect(titleFrom("  Short byline \n\n")).toBe("Short byline");
    expect(titleFrom("")).toBe("");
  });
});

describe("article text is kept exactly", () => {
  it("keeps every character of the body, lone surrogates and astral letters included", () => {
    const body = "Envoy’s line: “no ceasefire” — 𝐀 é \ud800 end";
    const dir = folderWith({ "a.json": JSON.stringify({ title: "t", date: "2025-02-25", text: body }), "b.txt": "date 2025-02-25\nEnvoy’s line: “no ceasefire” — é end\n" });
    const { articles } = loadArticles(dir);
    expect(articles.map((a) => a.text)).toEqual([body, "Envoy’s line: “no ceasefire” — é end"]);
  });
});
