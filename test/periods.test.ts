// Periods: which two spans of time a shift compares, and the messages when a chosen span holds nothing.
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { assignEvents, type EventRow } from "../lib/events.js";
import { choosePeriods, monthsWithEvents, parseSpan, PeriodError, periodsOrNote } from "../lib/periods.js";

const { events } = assignEvents(loadArticles("data/articles").articles);
const ev = (event: string, date: string | null, words = 1000): EventRow => ({ event, date, dateFrom: "", articles: [event], outlets: [], title: event, words, speaker: null, evidence: "" });

describe("choosePeriods", () => {
  it("compares the earliest and latest months with events by default: February and September 2025 on the seeds", () => {
    const [a, b] = choosePeriods(events);
    expect([a.label, a.from, a.to, a.events]).toEqual(["2025-02", "2025-02-01", "2025-02-28", [events[0].event]]);
    expect([b.label, b.from, b.to, b.events]).toEqual(["2025-09", "2025-09-01", "2025-09-30", [events[1].event]]);
    // Both hold well over 500 words (000+001+002: 2,621; 003+004: 1,479), so neither is skipped.
    expect([a.words, b.words]).toEqual([2621, 1479]);
    expect(b.why).toBe("the latest month with at least 500 words of reports: 2025-09 (1 event, 1,479 words)");
  });

  it("takes named periods as months, years, days or FROM..TO ranges", () => {
    expect(choosePeriods(events, { periods: "2025-02,2025-09" }).map((p) => p.events.length)).toEqual([1, 1]);
    const [a, b] = choosePeriods(events, { periods: ["2025-01..2025-03", "2025-07..2025-12"] });
    expect([a.from, a.to, b.from, b.to]).toEqual(["2025-01-01", "2025-03-31", "2025-07-01", "2025-12-31"]);
    const [d] = choosePeriods(events, { periods: "2025-02-25,2025-09-23" });
    expect(d.events).toEqual([events[0].event]);
  });

  it("names an empty period and the months that do hold events", () => {
    expect(() => choosePeriods(events, { periods: "2025-03,2025-09" })).toThrow(
      new PeriodError("period 2025-03 holds no events; months with events: 2025-02 (1), 2025-09 (1)"));
  });

  it("narrows the window with from/to before choosing, and says when one month is left", () => {
    expect(() => choosePeriods(events, { from: "2025-03" })).toThrow(
      /only one month holds dated events between 2025-03 and the end, so there is nothing to compare \(months with events between 2025-03 and the end: 2025-09 \(1\)\)/);
    const many = [ev("e1", "2024-11-02"), ev("e2", "2025-01-15"), ev("e3", "2025-01-20"), ev("e4", "2025-06-01"), ev("e5", "2025-10-09")];
    const [a, b] = choosePeriods(many, { from: "2025-01", to: "2025-06-30" });
    expect([a.label, a.events, b.label, b.events]).toEqual(["2025-01", ["e2", "e3"], "2025-06", ["e4"]]);
  });

  it("skips a latest (or earliest) month with fewer than 500 words of reports, and says so", () => {
    // The case that asked for this: a briefing, another, then one 241-word article.
    const three = [ev("jan", "2025-01-14", 900), ev("mar", "2025-03-11", 620), ev("apr", "2025-04-02", 241)];
    const [a, b] = choosePeriods(three);
    expect([a.label, b.label]).toEqual(["2025-01", "2025-03"]);
    expect(a.why).toBe("the earliest month with at least 500 words of reports: 2025-01 (1 event, 900 words)");
    expect(b.why).toBe("the latest month with at least 500 words of reports: 2025-03 (1 event, 620 words); left out as shorter than 500 words: 2025-04 (1 event, 241 words)");
    expect(b.words).toBe(620);
    // Two short events in one month are enough together.
    const pooled = choosePeriods([...three, ev("apr2", "2025-04-20", 300)]);
    expect(pooled[1].label).toBe("2025-04");
    expect(pooled[1].events).toEqual(["apr", "apr2"]);
  });

  it("pools months from each end when no two single months have enough, and compares short months only when that is all there is", () => {
    const short = [ev("a", "2025-01-05", 300), ev("b", "2025-02-05", 300), ev("c", "2025-03-05", 300), ev("d", "2025-04-05", 300)];
    const [a, b] = choosePeriods(short);
    expect([a.label, b.label]).toEqual(["2025-01..2025-02", "2025-03..2025-04"]);
    expect([a.words, b.words]).toEqual([600, 600]);
    expect(a.why).toMatch(/^the earliest months pooled until they hold 500 words/);
    const tiny = choosePeriods([ev("a", "2025-01-05", 120), ev("b", "2025-05-05", 200)]);
    expect(tiny.map((p) => p.label)).toEqual(["2025-01", "2025-05"]);
    expect(tiny[0].why).toContain("though short");
    // Named periods are named.
    expect(choosePeriods(short, { periods: "2025-01,2025-04" }).map((p) => p.why)).toEqual(["named", "named"]);
  });

  it("leaves undated events out of every period", () => {
    const [a, b] = choosePeriods([ev("x", null), ev("e1", "2025-01-01"), ev("e2", "2025-02-01")]);
    expect([...a.events, ...b.events]).toEqual(["e1", "e2"]);
  });

  it("rejects malformed and overlapping periods with the value named", () => {
    expect(() => choosePeriods(events, { periods: "2025-13,2025-09" })).toThrow(/period "2025-13" is not a date/);
    expect(() => choosePeriods(events, { periods: "Feb,Sep" })).toThrow(/period "Feb" is not a date/);
    expect(() => choosePeriods(events, { periods: "2025-02" })).toThrow(/give two periods, A,B/);
    expect(() => choosePeriods(events, { periods: "2025,2025-09" })).toThrow("periods 2025 and 2025-09 overlap");
    expect(() => choosePeriods(events, { from: "2025-09", to: "2025-02" })).toThrow("--from 2025-09 is after --to 2025-02");
    expect(() => choosePeriods(events, { periods: "2025-02-30,2025-09" })).toThrow(/"2025-02-30" is not a date/);
  });
});

describe("periodsOrNote", () => {
  it("gives a note instead of throwing for a corpus with one period or none", () => {
    expect(periodsOrNote([])).toEqual({ periods: null, note: "no dated events, so there is nothing to compare" });
    const one = periodsOrNote([ev("e1", "2025-02-25")]);
    expect(one.periods).toBeNull();
    expect(one.note).toContain("2025-02 (1)");
    expect(periodsOrNote(events).periods).toHaveLength(2);
  });
});

describe("parseSpan and monthsWithEvents", () => {
  it("knows month lengths and leap years", () => {
    expect(parseSpan("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(parseSpan("2025-02")).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(parseSpan("2025")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(() => parseSpan("2025-09..2025-02")).toThrow(/2025-09 is after 2025-02/);
  });

  it("counts events per month, oldest first", () => {
    expect(monthsWithEvents([ev("b", "2025-09-23"), ev("a", "2025-02-25"), ev("c", "2025-09-01"), ev("u", null)])).toEqual([
      { month: "2025-02", events: 1 },
      { month: "2025-09", events: 2 },
    ]);
  });
});
