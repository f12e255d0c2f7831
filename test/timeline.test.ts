// The timeline on an archive the tests write (four months, three outlets, an empty March, one undated article)
// with every count worked by hand in test/timeline-corpus.ts, and on the seeds (the February and September 2025
// briefings), where its rates must equal the shift's.
import { afterAll, describe, expect, it } from "vitest";
import { countWords, loadArticles } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { shift } from "../lib/shift.js";
import { timeline, timelineEventRows, timelineFigureRows, timelineNotes, timelineRows, type TimelineResult } from "../lib/timeline.js";
import { removeTempDirs } from "./tmpdir.js";
import { THEMES, writeCorpus } from "./timeline-corpus.js";

afterAll(removeTempDirs);

const { dir } = writeCorpus();
const { articles } = loadArticles(dir);
const byMonth = timeline(articles, { themes: THEMES });
const byQuarter = timeline(articles, { by: "quarter", themes: THEMES });
const byEvent = timeline(articles, { by: "event", themes: THEMES });

const row = (r: TimelineResult, period: string) => r.rows.find((x) => x.period === period)!;
const rate = (r: TimelineResult, period: string, theme: string) => row(r, period).themes.find((t) => t.theme === theme)!.rate;

describe("timeline by month on a written archive", () => {
  it("has one row per month from January to April, March a gap", () => {
    expect(byMonth.rows.map((r) => [r.period, r.from, r.to, r.gap])).toEqual([
      ["2025-01", "2025-01-01", "2025-01-31", false],
      ["2025-02", "2025-02-01", "2025-02-28", false],
      ["2025-03", "2025-03-01", "2025-03-31", true],
      ["2025-04", "2025-04-01", "2025-04-30", false],
    ]);
  });

  it("counts articles, events, outlets and words per month", () => {
    expect(byMonth.rows.map((r) => [r.articles, r.events, r.outlets, r.words])).toEqual([
      [2, 1, ["Dawn", "Express Tribune"], 41],
      [1, 1, ["The News"], 33],
      [0, 0, [], 0],
      [3, 2, ["Dawn", "Express Tribune", "The News"], 50],
    ]);
    expect(row(byMonth, "2025-04").articleIds.sort()).toEqual(["apr-dawn", "apr-news", "apr-tribune"]);
    expect(row(byMonth, "2025-01").spec).toBe("2025-01");
  });

  it("rates each theme per 1,000 words of the briefings' texts, each copied sentence once", () => {
    // January: ceasefire (J1) and truce (J4) in 41 words; "military aid" (J2); no grain.
    expect(rate(byMonth, "2025-01", "ceasefire")).toBeCloseTo(2000 / 41, 10);
    expect(rate(byMonth, "2025-01", "aid")).toBeCloseTo(1000 / 41, 10);
    expect(rate(byMonth, "2025-01", "grain")).toBe(0);
    // February: weapons ×2, grain ×2 in 33 words; no ceasefire.
    expect(rate(byMonth, "2025-02", "aid")).toBeCloseTo(2000 / 33, 10);
    expect(rate(byMonth, "2025-02", "grain")).toBeCloseTo(2000 / 33, 10);
    expect(rate(byMonth, "2025-02", "ceasefire")).toBe(0);
    // April: truce (A1, reported twice, counted once) and ceasefire (A3), grain (B1), in 32 + 18 words.
    expect(rate(byMonth, "2025-04", "ceasefire")).toBeCloseTo(40, 10);
    expect(rate(byMonth, "2025-04", "grain")).toBeCloseTo(20, 10);
    expect(rate(byMonth, "2025-04", "aid")).toBe(0);
    expect(row(byMonth, "2025-04").themes.map((t) => t.hits)).toEqual([2, 0, 1]);
  });

  it("gives the empty month null rates and hits, never 0", () => {
    const march = row(byMonth, "2025-03");
    expect(march.themes.map((t) => [t.theme, t.rate, t.hits])).toEqual([["ceasefire", null, null], ["aid", null, null], ["grain", null, null]]);
    expect(march.spec).toBeNull();
    const flat = timelineRows(byMonth);
    expect(flat[2]).toMatchObject({ period: "2025-03", gap: true, articles: 0, "rate:ceasefire": null, "rate:aid": null, "rate:grain": null });
    expect(flat[0]["rate:ceasefire"]).toBe(48.78); // 2000/41 = 48.780…
    expect(flat[1]["rate:ceasefire"]).toBe(0);
  });

  it("places each quantity at its first dated mention and lists the months that repeated it", () => {
    const figs = byMonth.figures.map((f) => ({ kind: f.kind, value: f.value, unit: f.unit, first: f.first, period: f.period, repeatedIn: f.repeatedIn, articles: f.articles.slice().sort() }));
    expect(figs).toEqual([
      // "75% of the Donetsk region": Dawn in January, repeated by Dawn in April.
      { kind: "percent", value: 75, unit: "%", first: "2025-01-14", period: "2025-01", repeatedIn: ["2025-04"], articles: ["apr-dawn", "jan-dawn"] },
      { kind: "money", value: 350e9, unit: "USD", first: "2025-02-10", period: "2025-02", repeatedIn: [], articles: ["feb-news"] },
      // "over 1,000 prisoners of war": both reports of the 8 April briefing.
      { kind: "count", value: 1000, unit: "", first: "2025-04-08", period: "2025-04", repeatedIn: [], articles: ["apr-dawn", "apr-news"] },
    ]);
    expect(byMonth.rows.map((r) => r.figures.map((f) => f.value))).toEqual([[75], [350e9], [], [1000]]);
    expect(timelineFigureRows(byMonth)[0]).toMatchObject({ first: "2025-01-14", period: "2025-01", repeatedIn: ["2025-04"], periods: 2 });
  });

  it("keeps the article with no date out of every period and says so", () => {
    expect(byMonth.undated).toEqual({ articles: ["undated"], events: [byMonth.events[4].event], figures: 1 });
    expect(byMonth.rows.reduce((n, r) => n + r.articles, 0)).toBe(6);
    const notes = timelineNotes(byMonth);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain("(2025-03)");
    expect(notes[1]).toMatch(/^1 article has no date.*: undated\. 1 figure is stated only there\.$/);
  });

  it("says a single empty month by name", () => {
    expect(timelineNotes(byMonth)[0]).toBe("1 month has no articles (2025-03): shown as a gap, with no rate, not as zero.");
  });

  it("merges a run of empty months into one gap row on request", () => {
    const merged = timeline(articles, { themes: THEMES, gaps: "merge" });
    expect(merged.rows.map((r) => r.period)).toEqual(["2025-01", "2025-02", "2025-03", "2025-04"]);
  });
});

describe("timeline by quarter and by event on a written archive", () => {
  it("sums January and February into 2025-Q1", () => {
    expect(byQuarter.rows.map((r) => [r.period, r.from, r.to, r.gap, r.articles, r.events, r.words, r.spec])).toEqual([
      ["2025-Q1", "2025-01-01", "2025-03-31", false, 3, 2, 74, "2025-01..2025-03"],
      ["2025-Q2", "2025-04-01", "2025-06-30", false, 3, 2, 50, "2025-04..2025-06"],
    ]);
    expect(rate(byQuarter, "2025-Q1", "aid")).toBeCloseTo(3000 / 74, 10);
    expect(rate(byQuarter, "2025-Q1", "ceasefire")).toBeCloseTo(2000 / 74, 10);
    expect(byQuarter.rows[0].outlets).toEqual(["Dawn", "Express Tribune", "The News"]);
  });

  it("has one row per dated briefing, in date order, and no gaps", () => {
    expect(byEvent.rows.map((r) => [r.from, r.articles, r.words, r.gap, r.period === r.eventIds[0]])).toEqual([
      ["2025-01-14", 2, 41, false, true],
      ["2025-02-10", 1, 33, false, true],
      ["2025-04-08", 2, 32, false, true],
      ["2025-04-28", 1, 18, false, true],
    ]);
    expect(byEvent.rows.map((r) => r.period.slice(0, 13))).toEqual(["ev-2025-01-14", "ev-2025-02-10", "ev-2025-04-08", "ev-2025-04-28"]);
    expect(byEvent.rows[3].title).toBe("Grain exports to double");
    expect(rate(byEvent, byEvent.rows[3].period, "grain")).toBeCloseTo(1000 / 18, 10);
    expect(timelineEventRows(byEvent).map((e) => e.period)).toEqual(byEvent.rows.map((r) => r.period));
  });

  it("marks a gap quarter between far-apart briefings", () => {
    const far = articles.filter((a) => a.id.startsWith("jan-") || a.id === "apr-tribune").map((a) => (a.id === "apr-tribune" ? { ...a, date: "2025-10-02" } : a));
    const r = timeline(far, { by: "quarter", themes: THEMES });
    expect(r.rows.map((x) => [x.period, x.gap, x.themes[0].rate === null])).toEqual([
      ["2025-Q1", false, false], ["2025-Q2", true, true], ["2025-Q3", true, true], ["2025-Q4", false, false],
    ]);
    expect(timeline(far, { by: "quarter", themes: THEMES, gaps: "merge" }).rows.map((x) => [x.period, x.from, x.to])).toEqual([
      ["2025-Q1", "2025-01-01", "2025-03-31"], ["2025-Q2..2025-Q3", "2025-04-01", "2025-09-30"], ["2025-Q4", "2025-10-01", "2025-12-31"],
    ]);
  });

  it("gives a run of empty months one table row and one place in the note", () => {
    // January 2019 and April 2025: 74 empty months between them.
    const far = articles.filter((a) => a.id === "feb-news" || a.id === "apr-tribune").map((a) => (a.id === "feb-news" ? { ...a, date: "2019-01-20" } : a));
    const r = timeline(far, { themes: THEMES });
    expect(r.rows).toHaveLength(76);
    const flat = timelineRows(r);
    expect(flat.map((x) => [x.period, x.from, x.to, x.gap, x.articles, x["rate:grain"]])).toEqual([
      ["2019-01", "2019-01-01", "2019-01-31", false, 1, flat[0]["rate:grain"]],
      ["2019-02..2025-03", "2019-02-01", "2025-03-31", true, 0, null],
      ["2025-04", "2025-04-01", "2025-04-30", false, 1, flat[2]["rate:grain"]],
    ]);
    expect(flat[0]["rate:grain"]).toBeGreaterThan(0);
    // "list" keeps a row per month (the CLI's --gaps list).
    expect(timelineRows(r, { gaps: "list" })).toHaveLength(76);
    expect(() => timelineRows(r, { gaps: "hide" as "list" })).toThrow('timelineRows: gaps must be list or merge, not "hide"');
    expect(timelineNotes(r)[0]).toBe("74 months have no articles, in 1 gap: 2019-02 … 2025-03 (74 months). Each run is one gap in the tables and charts, with no rate, not a zero.");
    // The same note from rows merged already.
    expect(timelineNotes(timeline(far, { themes: THEMES, gaps: "merge" }))[0]).toBe(timelineNotes(r)[0]);
  });

  // Words of letters only, different for every i, so no two articles share wording and each is its own event.
  const word = (n: number) => Array.from({ length: 4 }, (_, k) => String.fromCharCode(97 + ((n * 7 + k * 11) % 26))).join("") + String.fromCharCode(97 + (n % 26)) + String.fromCharCode(97 + Math.floor(n / 26));
  const unique = (i: number) => `${word(i)} ${word(i + 100)} ${word(i + 200)} ${word(i + 300)} ${word(i + 400)} grain.`;

  it("lists at most 20 gaps in the note, the longest, in time order", () => {
    // One article every other month for 4 years, and one five years later: 24 one-month gaps and one long one.
    const base = articles.find((a) => a.id === "feb-news")!;
    const spread = Array.from({ length: 25 }, (_, i) => {
      const m = 2 * i;
      return { ...base, id: `s${i}`, date: `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-10`, text: unique(i) };
    });
    const last = { ...base, id: "late", date: "2024-06-10", text: unique(99) };
    const r = timeline([...spread, last], { themes: THEMES });
    const note = timelineNotes(r)[0];
    expect(note).toMatch(/^\d+ months have no articles, in 25 gaps: 2015-02, /);
    expect(note).toContain("2019-02 … 2024-05 (64 months)");
    expect(note).toContain("and 5 shorter gaps.");
    expect(note.split(", ").length).toBeLessThan(25);
  });

  it("crosses a year boundary month by month", () => {
    const two = articles.filter((a) => a.id === "feb-news" || a.id === "apr-tribune").map((a) => (a.id === "feb-news" ? { ...a, date: "2024-11-20" } : a));
    expect(timeline(two, { themes: THEMES }).rows.map((r) => `${r.period}${r.gap ? " gap" : ""}`)).toEqual(["2024-11", "2024-12 gap", "2025-01 gap", "2025-02 gap", "2025-03 gap", "2025-04"]);
  });
});

describe("timeline on the seeds", () => {
  const { articles: seeds } = loadArticles("data/articles");
  const months = timeline(seeds);

  it("has the February and September 2025 briefings, the months between as gaps", () => {
    expect(months.rows.map((r) => r.period)).toEqual(["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"]);
    expect(months.rows.filter((r) => !r.gap).map((r) => [r.period, r.articleIds.map((id) => id.slice(0, 3)), r.events])).toEqual([
      ["2025-02", ["000", "001", "002"], 1],
      ["2025-09", ["003", "004"], 1],
    ]);
    expect(months.rows.slice(1, 7).every((r) => r.gap && r.themes.every((t) => t.rate === null))).toBe(true);
    expect(months.undated.articles).toEqual([]);
    // 001's header says 2025-01-01, but it reports the 25 February briefing: no January row.
    expect(months.rows[0].from).toBe("2025-02-01");
  });

  it("has two rows by event, dated 25 February and 23 September", () => {
    const events = timeline(seeds, { by: "event" });
    expect(events.rows.map((r) => [r.from, r.articles, r.outlets])).toEqual([
      ["2025-02-25", 3, ["The Frontier Post"]],
      ["2025-09-23", 2, ["UrduPoint"]],
    ]);
    expect(events.rows.map((r) => r.spec)).toEqual(["2025-02-25", "2025-09-23"]);
  });

  it("gives the same theme rates as the shift for the two months", () => {
    const s = shift(seeds);
    const [feb, sep] = [months.rows[0], months.rows[7]];
    for (const t of s.themes) {
      expect(feb.themes.find((x) => x.theme === t.theme)!.rate).toBe(t.rateA);
      expect(sep.themes.find((x) => x.theme === t.theme)!.rate).toBe(t.rateB);
    }
    expect([feb.words, sep.words]).toEqual([s.wordsA, s.wordsB]);
  });

  it("first states 75% of Donetsk in February and 1,000 prisoners of war in September", () => {
    const find = (kind: string, value: number) => months.figures.find((f) => f.kind === kind && f.value === value)!;
    expect(find("percent", 75)).toMatchObject({ first: "2025-02-25", period: "2025-02", repeatedIn: [] });
    expect(find("count", 1000)).toMatchObject({ first: "2025-09-23", period: "2025-09", repeatedIn: [] });
    expect(find("money", 350e9)).toMatchObject({ period: "2025-02" });
    expect(months.figures.every((f) => ["percent", "money", "count", "duration"].includes(f.kind))).toBe(true);
    // Every February figure comes before every September one.
    const periods = months.figures.map((f) => f.period);
    expect(periods.lastIndexOf("2025-02")).toBeLessThan(periods.indexOf("2025-09"));
  });
});

describe("timeline on small corpora", () => {
  const article = (id: string, date: string | null, text: string): Article => ({
    id, file: `${id}.txt`, title: id, outlet: null, url: null, date, dateSource: date ? "header" : null, text, words: countWords(text), warnings: [],
  });

  it("has no rows and says so for no articles", () => {
    const r = timeline([], { themes: THEMES });
    expect(r.rows).toEqual([]);
    expect(r.figures).toEqual([]);
    expect(timelineNotes(r)).toEqual(["No articles: there is no timeline to draw."]);
  });

  it("has one period for one article", () => {
    const r = timeline([article("a", "2025-03-05", "A truce was agreed. Over 200 prisoners were freed.")], { themes: THEMES });
    expect(r.rows.map((x) => [x.period, x.articles, x.words])).toEqual([["2025-03", 1, 9]]);
    expect(r.rows[0].themes[0].rate).toBeCloseTo(1000 / 9, 10);
    expect(timelineNotes(r)[0]).toContain("Only one month holds articles (2025-03)");
  });

  it("names at most 20 undated articles in the note", () => {
    const many = Array.from({ length: 30 }, (_, i) => article(`u${String(i).padStart(2, "0")}`, null, `Cricket report number ${i} from the stadium.`));
    const note = timelineNotes(timeline([article("a", "2025-03-05", "A truce was agreed."), ...many], { themes: THEMES })).find((n) => n.includes("no date"))!;
    expect(note).toMatch(/^30 articles have no date/);
    expect(note).toContain("u00, u01");
    expect(note).toContain("u19 and 10 more.");
    expect(note).not.toContain("u20");
  });

  it("puts every article in the undated note when none has a date", () => {
    const r = timeline([article("a", null, "A truce was agreed.")], { themes: THEMES });
    expect(r.rows).toEqual([]);
    expect(r.undated.articles).toEqual(["a"]);
    expect(timelineNotes(r)[0]).toMatch(/^No article has a date/);
  });

  it("rejects an unknown period unit, naming it and the choices", () => {
    expect(() => timeline([], { by: "week" as "month", themes: THEMES })).toThrow('timeline: by must be month, quarter or event, not "week"');
    expect(() => timeline([], { gaps: "hide" as "list", themes: THEMES })).toThrow('timeline: gaps must be list or merge, not "hide"');
  });
});
