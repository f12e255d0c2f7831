// `talkingpoints timeline` through the built CLI: the seeds and the written archive as JSON, CSV and tables, and
// each user error as one line. (Notebook 05 on empty, one-article and one-briefing corpora is rendered by
// test/report-corpora.test.ts with every notebook.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "./tmpdir.js";
import { buildCli, cli, expectOneLineError } from "./cli-run.js";
import { writeCorpus } from "./timeline-corpus.js";

afterAll(removeTempDirs);

beforeAll(() => buildCli("dist/commands/timeline.js"));

interface TimelineJson {
  by: string;
  periods: Array<{ period: string; from: string; to: string; gap: boolean; spec: string | null; articles: number; events: number; outlets: string[]; words: number; themes: Array<{ theme: string; rate: number | null; hits: number | null }>; figures: string[] }>;
  figures: Array<{ label: string; first: string; period: string; repeatedIn: string[] }>;
  undated: { articles: string[]; events: string[]; figures: number };
}

const { dir, themesFile } = writeCorpus();

describe("talkingpoints timeline", () => {
  it("lists the seeds by event as two briefings", () => {
    const r = cli("timeline", "data/articles", "--by", "event", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as TimelineJson;
    expect(out.by).toBe("event");
    expect(out.periods.map((p) => [p.from, p.articles, p.gap])).toEqual([["2025-02-25", 3, false], ["2025-09-23", 2, false]]);
  });

  it("lists the seeds by month with the six months between as gaps", () => {
    const out = JSON.parse(cli("timeline", "--json").stdout) as TimelineJson;
    expect(out.by).toBe("month");
    expect(out.periods.map((p) => p.period)).toEqual(["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"]);
    expect(out.periods.filter((p) => p.gap).map((p) => p.period)).toEqual(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"]);
    for (const p of out.periods) expect(p.themes.every((t) => (t.rate === null) === p.gap)).toBe(true);
  });

  it("gives the written archive by quarter with its own themes", () => {
    const out = JSON.parse(cli("timeline", dir, "--by", "quarter", "--themes", themesFile, "--json").stdout) as TimelineJson;
    expect(out.periods.map((p) => [p.period, p.articles, p.events, p.outlets.length, p.words])).toEqual([["2025-Q1", 3, 2, 3, 74], ["2025-Q2", 3, 2, 3, 50]]);
    // aid in Q1: "military aid" once, "weapons" twice, in 41 + 33 words.
    expect(out.periods[0].themes.find((t) => t.theme === "aid")).toEqual({ theme: "aid", rate: Math.round((3000 / 74) * 1e4) / 1e4, hits: 3 });
    expect(out.undated).toMatchObject({ articles: ["undated"], figures: 1 });
  });

  it("writes CSV with empty rates for the gap month and notes on stderr", () => {
    const r = cli("timeline", dir, "--themes", themesFile, "--csv");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("period,from,to,gap,articles,events,outlets,words,rate:ceasefire,rate:aid,rate:grain,newFigures,shift");
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe("2025-03,2025-03-01,2025-03-31,true,0,0,,0,,,,,");
    expect(lines[1]).toMatch(/^2025-01,2025-01-01,2025-01-31,false,2,1,Dawn; Express Tribune,41,48\.78,24\.39,0,/);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      "note: 1 month has no articles (2025-03): shown as a gap, with no rate, not as zero.",
      "note: 1 article has no date, even from the briefing it reports, so no period holds it: undated. 1 figure is stated only there.",
    ]);
  });

  it("prints tables: periods, theme rates with a blank gap, figures in order, notes", () => {
    const r = cli("timeline", dir, "--themes", themesFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Timeline by month: 4 periods, 2025-01-01 to 2025-04-30 \(3 with articles\)/);
    expect(r.stdout).toContain("Figures in order of first appearance (3)");
    expect(r.stdout).toContain("(gap)");
    expect(r.stdout).toContain("note: 1 article has no date");
  });

  it("rejects an unknown --by with the value and the choices, on one line", () => {
    expectOneLineError(cli("timeline", "--by", "week"), 2, /^talkingpoints timeline: --by must be month, quarter or event, not "week"$/);
    expectOneLineError(cli("timeline", "--gaps", "hide"), 2, /^talkingpoints timeline: --gaps must be list or merge, not "hide"$/);
    expectOneLineError(cli("timeline", "--json", "--csv"), 2, /choose one of --json and --csv/);
    expectOneLineError(cli("timeline", "no/such/folder"), 2, /no such file or folder: no\/such\/folder/);
    expectOneLineError(cli("timeline", tempDir()), 1, /^talkingpoints timeline: no articles found in /);
  });
});
