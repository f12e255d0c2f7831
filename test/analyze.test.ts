// `talkingpoints analyze` through the built CLI: its tables equal what the articles, themes, figures and shift
// commands print on the seeds; worker threads and this thread give the same tables on a written archive; a corpus
// with one month of events still writes every table. No timings here: they belong in BENCHMARKS.md.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article, Problem } from "../lib/types.js";
import { loadThemes } from "../lib/themes.js";
import { buildCli, cli, expectOneLineError } from "./cli-run.js";
import { folderWith, removeTempDirs, tempDir } from "./tmpdir.js";

beforeAll(() => buildCli("dist/analyze-worker.js"));
afterAll(removeTempDirs);

const readJson = (dir: string, name: string) => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8"));
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const TABLES = ["articles", "problems", "themes", "figures", "recurring", "drift", "events", "keyness", "themes-shift"];

describe("analyze on the seeds", () => {
  let out: string;
  let run: ReturnType<typeof cli>;
  beforeAll(() => {
    out = path.join(tempDir(), "tables", "seeds");
    run = cli("analyze", "data/articles", "--out", out);
  });

  it("creates --out and writes every table as CSV and JSON, and nothing on stderr when piped", () => {
    expect(run.code).toBe(0);
    // stderr is a pipe here: no progress bar, no problems, no note.
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^5 articles \(0 problems\), 2 events, \d+ figures; shift 2025-02 → 2025-09/);
    for (const t of TABLES) for (const ext of ["csv", "json"]) expect(fs.existsSync(path.join(out, `${t}.${ext}`)), `${t}.${ext}`).toBe(true);
  });

  it("lists the articles as `articles --json` does, field by field (text left out)", () => {
    const expected = JSON.parse(cli("articles", "data/articles", "--json").stdout) as { articles: Article[]; problems: Problem[] };
    const rows = readJson(out, "articles") as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(5);
    expected.articles.forEach((a, i) => {
      const fields = Object.keys(a).filter((k) => k !== "text");
      expect(Object.keys(rows[i]).sort()).toEqual(fields.sort());
      for (const k of fields) expect(rows[i][k], `${a.id}.${k}`).toEqual((a as unknown as Record<string, unknown>)[k]);
    });
    expect(readJson(out, "problems")).toEqual(expected.problems);
    // 002 has no date of its own; the event of the 25 February briefing dates it.
    expect(rows[2]).toMatchObject({ date: "2025-02-25", dateSource: "event" });
    expect(rows[0].event).toBe(rows[2].event);
  });

  it("counts the themes as `themes --json` and `themes --csv` do", () => {
    const expected = JSON.parse(cli("themes", "data/articles", "--json").stdout) as { counts: unknown[] };
    const counts = readJson(out, "themes") as Array<{ hits: number }>;
    expect(counts).toEqual(expected.counts);
    // Every article × every theme of the shipped dictionary, zeros included.
    expect(counts.length).toBe(5 * loadThemes().length);
    expect(counts.some((c) => c.hits > 0)).toBe(true);
    expect(fs.readFileSync(path.join(out, "themes.csv"), "utf8")).toBe(cli("themes", "data/articles", "--csv").stdout);
  });

  it("lists the figures, recurring figures and drift as `figures --json` and `figures --csv` do", () => {
    const expected = JSON.parse(cli("figures", "data/articles", "--json").stdout) as { figures: unknown[]; recurring: unknown[]; drift: unknown[] };
    expect(readJson(out, "figures")).toEqual(expected.figures);
    expect(readJson(out, "recurring")).toEqual(expected.recurring);
    expect(readJson(out, "drift")).toEqual(expected.drift);
    expect(expected.figures.length).toBeGreaterThan(20);
    expect(fs.readFileSync(path.join(out, "figures.csv"), "utf8")).toBe(cli("figures", "data/articles", "--csv").stdout);
  });

  it("scores keyness and theme rates between the periods as `shift --json` does", () => {
    const shift = JSON.parse(cli("shift", "data/articles", "--json").stdout) as {
      periods: unknown[]; events: unknown[];
      keyness: Array<Record<string, unknown>>; themes: Array<Record<string, unknown>>;
    };
    const summary = readJson(out, "summary") as { periods: unknown[]; note: string | null; unit: string };
    expect(summary.periods).toEqual(shift.periods);
    expect(summary).toMatchObject({ note: null, unit: "event" });
    expect(readJson(out, "events")).toEqual(shift.events);
    const keyness = readJson(out, "keyness") as Array<{ term: string; g2: number; logRatio: number; p: number; countA: number; countB: number }>;
    expect(keyness.length).toBe(shift.keyness.length);
    expect(keyness.length).toBeGreaterThan(10);
    expect(keyness.map((k) => ({ term: k.term, g2: round(k.g2), logRatio: round(k.logRatio), p: k.p, countA: k.countA, countB: k.countB }))).toEqual(shift.keyness);
    const themes = readJson(out, "themes-shift") as Array<{ theme: string; label: string; rateA: number; rateB: number; change: number }>;
    expect(themes.map((t) => ({ theme: t.theme, label: t.label, rateA: round(t.rateA), rateB: round(t.rateB), change: round(t.change) }))).toEqual(shift.themes);
  });

  it("writes CSV a spreadsheet reads: a header, then one line per row", () => {
    const csv = fs.readFileSync(path.join(out, "articles.csv"), "utf8").trimEnd().split("\n");
    expect(csv[0]).toBe("id,file,title,outlet,url,date,dateSource,words,warnings,event,statementDate");
    expect(csv).toHaveLength(6);
    const empty = fs.readFileSync(path.join(out, "problems.csv"), "utf8");
    expect(empty).toBe("file,reason,line\n");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A written archive: January, February and March 2025. Five briefings, each reported by several outlets that
// copy its sentences and add one of their own; fourteen articles on other subjects; a .jsonl file of three
// records, the same file name in two folders, an empty file and an unsupported one.

const md = (date: string, outlet: string, title: string, text: string) => `---\ndate: ${date}\noutlet: ${outlet}\ntitle: ${title}\n---\n${text}\n`;

const BRIEFINGS = [
  {
    date: "2025-01-14",
    core: "The ambassador called for a ceasefire along the whole line of contact. Western military aid worth $350 billion only prolongs the war, he told journalists in Islamabad. Grain shipments through the Black Sea must resume before the spring sowing.",
    extra: ["He took questions for an hour.", "The embassy later posted a transcript.", "Diplomats from six countries attended.", "It was his first briefing this year."],
  },
  {
    date: "2025-01-28",
    core: "Pakistan will buy 500,000 tonnes of Russian wheat this season, the trade counsellor announced. Payments will be settled in national currencies rather than dollars. A second grain corridor through Iran is under study.",
    extra: ["Traders in Karachi welcomed the news.", "Flour mills expect lower prices.", "The first ship is due in March."],
  },
  {
    date: "2025-02-11",
    core: "Over 1,000 prisoners of war were exchanged under the truce, the ambassador said at the embassy. Both sides handed over the bodies of 78 soldiers. Mediators from the Gulf arranged the exchange at the border.",
    extra: ["Families waited at the crossing.", "The Red Cross observed the handover.", "Another exchange is planned.", "Lists of names were checked twice."],
  },
  {
    date: "2025-03-05",
    core: "NATO expansion eastward remains the root cause of the conflict, the ambassador said on Wednesday. Any peace settlement must rule out NATO membership for Ukraine. Security guarantees should cover Russia as well as NATO's European members.",
    extra: ["He repeated the point three times.", "Reporters asked about sanctions.", "The briefing ran late.", "Tea was served afterwards."],
  },
  {
    date: "2025-03-20",
    core: "The ceasefire on energy infrastructure has been respected by Moscow for 30 days, the envoy claimed. Kyiv violated the truce at least 12 times, he said. Talks on a maritime ceasefire will resume in Riyadh.",
    extra: ["He showed a map of the strikes.", "Ukrainian officials deny the charge.", "Observers could not verify the claims."],
  },
];
const OUTLETS = ["Dawn", "The News", "Express Tribune", "Business Recorder"];
const OTHER = [
  ["2025-01-05", "Cricket fans gathered near the stadium gates before sunset. Ticket prices rose to 500 rupees."],
  ["2025-01-09", "Heavy fog delayed 40 flights at Lahore airport on Thursday morning."],
  ["2025-01-19", "The provincial cabinet approved a budget for new schools in rural districts."],
  ["2025-01-23", "A mango festival opened in Multan with growers from across Punjab."],
  ["2025-02-02", "Petrol prices fell by 3 percent after the monthly review."],
  ["2025-02-07", "The museum reopened its Gandhara gallery after two years of repairs."],
  ["2025-02-16", "Students protested against higher hostel fees at the university."],
  ["2025-02-21", "A new bus line links the old city with the railway station."],
  ["2025-02-26", "Wheat farmers asked for cheaper fertiliser ahead of the harvest."],
  ["2025-03-01", "The national hockey team won its opening match 4-1."],
  ["2025-03-10", "Doctors warned of a dengue outbreak after the early rains."],
  ["2025-03-14", "A book fair drew 20,000 visitors over the weekend."],
  ["2025-03-25", "The city council banned plastic bags in markets from April."],
  ["2025-03-29", "Textile exports rose to $1.6 billion in the last quarter."],
];

function archive(): Record<string, string> {
  const files: Record<string, string> = {};
  BRIEFINGS.forEach((b, bi) => {
    b.extra.forEach((extra, k) => {
      const outlet = OUTLETS[k];
      const day = String(Number(b.date.slice(8)) + (k > 1 ? 1 : 0)).padStart(2, "0");
      const name = `${b.date.slice(0, 7)}/${outlet.toLowerCase().replace(/\s+/g, "-")}-${bi + 1}.md`;
      files[name] = md(`${b.date.slice(0, 8)}${day}`, outlet, `Briefing ${bi + 1}`, `${b.core} ${extra}`);
    });
  });
  // Eleven of the other articles as Markdown, three as records of one .jsonl file.
  OTHER.slice(0, 11).forEach(([date, text], k) => {
    files[`${date.slice(0, 7)}/local-${k + 1}.md`] = md(date, "APP", text.split(" ").slice(0, 5).join(" "), text);
  });
  files["wire.jsonl"] = OTHER.slice(11).map(([date, text]) => JSON.stringify({ date, source: "Wire", text })).join("\n") + "\n";
  // The same file name in two folders: the second becomes "note-2".
  files["2025-01/note.txt"] = "date 2025-01-30\nThe weather office forecast rain for the weekend in Islamabad.\n";
  files["2025-03/note.txt"] = "date 2025-03-30\nThe weather office forecast a hot and dry April for Sindh.\n";
  files["2025-02/empty.txt"] = "";
  files["2025-02/scan.pdf"] = "%PDF-1.4";
  return files;
}

describe("analyze on a written archive", () => {
  let dir: string;
  const out: Record<string, string> = {};
  const runs: Record<string, ReturnType<typeof cli>> = {};
  beforeAll(() => {
    dir = folderWith(archive());
    for (const w of ["0", "2", "3"]) {
      out[w] = path.join(tempDir(), `workers-${w}`);
      runs[w] = cli("analyze", dir, "--out", out[w], "--workers", w);
    }
  });

  it("reads every file: 18 briefing reports, 14 other articles, 2 notes; the empty and the PDF file are problems", () => {
    expect(runs["2"].code).toBe(0);
    const articles = readJson(out["2"], "articles") as Array<{ id: string; file: string; warnings: string[] }>;
    expect(articles).toHaveLength(18 + 14 + 2);
    expect(articles.filter((a) => a.file.startsWith("wire.jsonl#")).map((a) => a.file)).toEqual(["wire.jsonl#1", "wire.jsonl#2", "wire.jsonl#3"]);
    const notes = articles.filter((a) => a.file.endsWith("note.txt"));
    expect(notes.map((a) => [a.file, a.id])).toEqual([["2025-01/note.txt", "note"], ["2025-03/note.txt", "note-2"]]);
    expect(notes[1].warnings).toContain('id "note" is also used by 2025-01/note.txt; this article is "note-2"');
    const problems = readJson(out["2"], "problems") as Problem[];
    expect(problems.map((p) => p.file)).toEqual(["2025-02/empty.txt", "2025-02/scan.pdf"]);
    // The problems are listed on stderr too.
    expect(runs["2"].stderr).toMatch(/^problem: 2025-02\/empty.txt: empty file\nproblem: 2025-02\/scan.pdf: unsupported extension ".pdf"/);
  });

  it("groups each briefing's reports into one event and compares January with March", () => {
    const articles = readJson(out["2"], "articles") as Array<{ file: string; event: string }>;
    BRIEFINGS.forEach((_, bi) => {
      const events = new Set(articles.filter((a) => a.file.endsWith(`-${bi + 1}.md`) && !a.file.includes("local")).map((a) => a.event));
      expect(events.size, `briefing ${bi + 1}`).toBe(1);
    });
    const summary = readJson(out["2"], "summary") as { periods: Array<{ label: string; events: string[] }> };
    expect(summary.periods.map((p) => p.label)).toEqual(["2025-01", "2025-03"]);
    // "NATO" is written only in the March briefing (three times: "NATO expansion", "NATO membership", "NATO's"), which
    // four outlets carried: counted once per event, 0 in January and 3 in March.
    const nato = (readJson(out["2"], "keyness") as Array<{ term: string; countA: number; countB: number; g2: number }>).find((k) => k.term === "NATO");
    expect(nato).toMatchObject({ countA: 0, countB: 3 });
    expect(nato!.g2).toBeGreaterThan(0);
  });

  it("gives the same tables, byte for byte, with 0, 2 or 3 worker threads (CSV, JSON and Parquet)", () => {
    for (const w of ["0", "3"]) expect(runs[w].code).toBe(0);
    const names = fs.readdirSync(out["0"]).sort();
    expect(names).toEqual([...TABLES.flatMap((t) => [`${t}.csv`, `${t}.json`, `${t}.parquet`]), "summary.json"].sort());
    for (const w of ["2", "3"]) {
      expect(fs.readdirSync(out[w]).sort()).toEqual(names);
      for (const f of names) expect(fs.readFileSync(path.join(out[w], f)).equals(fs.readFileSync(path.join(out["0"], f))), `${f} with ${w} workers`).toBe(true);
    }
  });

  it("prints its phases and peak memory as the last JSON line on stderr with --stats", () => {
    const r = cli("analyze", dir, "--out", path.join(tempDir(), "stats"), "--stats");
    expect(r.code).toBe(0);
    const last = r.stderr.trimEnd().split("\n").filter((l) => l.startsWith("{")).pop()!;
    const stats = JSON.parse(last) as { articles: number; maxRSSkB: number; phases: Record<string, number> };
    expect(stats.articles).toBe(34);
    expect(stats.maxRSSkB).toBeGreaterThan(0);
    expect(Object.keys(stats.phases)).toEqual(expect.arrayContaining(["read+analyse", "events", "recurring", "shift", "write"]));
  });
});

describe("analyze on a corpus with one month of events", () => {
  it("writes every table, the shift tables empty, and says why on stderr", () => {
    const dir = folderWith({
      "a.md": md("2025-05-06", "Dawn", "Envoy on grain", "The envoy said grain shipments must resume. Prices rose 5 percent."),
      "b.md": md("2025-05-20", "The News", "Cricket", "The national team won the final by 30 runs."),
    });
    const out = path.join(tempDir(), "one-month");
    const r = cli("analyze", dir, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^talkingpoints analyze: the shift tables are empty: only one month holds dated events, so there is nothing to compare \(months with events: 2025-05 \(2\)\)\n$/);
    for (const t of TABLES) expect(fs.existsSync(path.join(out, `${t}.json`)), t).toBe(true);
    expect(readJson(out, "keyness")).toEqual([]);
    expect(readJson(out, "themes-shift")).toEqual([]);
    expect(fs.readFileSync(path.join(out, "keyness.csv"), "utf8")).toBe("term,stem,g2,logRatio,p,countA,countB,unitsA,unitsB\n");
    expect(readJson(out, "articles")).toHaveLength(2);
    expect(readJson(out, "summary")).toMatchObject({ periods: null, note: expect.stringMatching(/^only one month/) });
  });
});

describe("analyze's errors", () => {
  it("needs --out", () => expectOneLineError(cli("analyze", "data/articles"), 2, /^talkingpoints analyze: --out OUTDIR is required/));
  it("names a bad --workers value", () => expectOneLineError(cli("analyze", "data/articles", "--out", tempDir(), "--workers", "two"), 2, /--workers must be a whole number ≥ 0, not "two"/));
  it("names a broken theme file and its line", () => {
    const themes = path.join(folderWith({ "themes.yml": "grain:\n  label: Grain\n  patterns: grain\n" }), "themes.yml");
    expectOneLineError(cli("analyze", "data/articles", "--out", tempDir(), "--themes", themes), 2, /^talkingpoints analyze: .*themes\.yml:3: theme "grain": patterns must be a list/);
  });
  it("names a missing folder", () => expectOneLineError(cli("analyze", "no-such-folder", "--out", tempDir()), 2, /no such file or folder: no-such-folder/));
  it("exits 1 when the folder holds no articles, after writing the empty tables", () => {
    const out = path.join(tempDir(), "empty");
    const r = cli("analyze", folderWith({ "empty.txt": "" }), "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no articles found/);
    expect(readJson(out, "articles")).toEqual([]);
  });
});

describe("analyze reads the texts of the shift's events again", () => {
  it("lists a file that changed while it was analysed as a problem and leaves its text out of the shift", async () => {
    const { analyze } = await import("../lib/analyze.js");
    const dir = tempDir();
    for (const f of fs.readdirSync("data/articles")) fs.copyFileSync(path.join("data/articles", f), path.join(dir, f));
    const changed = fs.readdirSync(dir).find((f) => f.startsWith("004"))!;
    const whole = await analyze(dir, { workers: 0 });
    // The September briefing is a period of the shift: 004's text is read again when the periods are compared.
    const edited = await analyze(dir, {
      workers: 0,
      onPhase: (phase) => {
        if (phase.startsWith("comparing")) fs.appendFileSync(path.join(dir, changed), "\nA sentence added later about ceasefire talks.\n");
      },
    });
    expect(whole.problems).toEqual([]);
    expect(edited.problems).toEqual([{ file: changed, reason: "changed while it was analysed; its text is left out of the shift" }]);
    const rateB = (r: typeof whole) => r.themeShift.find((t) => t.theme === "ceasefire-truce")!.hitsB;
    // 004's ceasefire hits no longer count in September; 003's still do.
    expect(rateB(edited)).toBeGreaterThan(0);
    expect(rateB(edited)).toBeLessThan(rateB(whole));
  });
});

describe("event inputs packed for the trip between threads", () => {
  it("come back as they went, each article's arrays its own length", async () => {
    const { packInputs, unpackInputs } = await import("../lib/analyze.js");
    const { eventInput } = await import("../lib/events.js");
    const { loadArticles } = await import("../lib/corpus.js");
    const { articles } = loadArticles("data/articles");
    const inputs = [...articles, { ...articles[0], text: "" }].map((a) => eventInput(a));
    expect(inputs.at(-1)!.shingles.length).toBe(0);
    const back = unpackInputs(structuredClone(packInputs(inputs)));
    expect(back.map((x) => [x.evidence, Array.from(x.shingles), Array.from(x.signature)]))
      .toEqual(inputs.map((x) => [x.evidence, Array.from(x.shingles), Array.from(x.signature)]));
    expect(unpackInputs(packInputs([]))).toEqual([]);
  });
});
