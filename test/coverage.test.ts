// Coverage of a briefing: which passages each report carried (near-copy), paraphrased or left out. Checked on a
// briefing written for the test (test/coverage-corpus.ts: each expectation names the sentence it rests on), on
// word-level edits of one sentence, and on the seeds, whole, cut to their openings and reordered. The seeds'
// expectations were checked by reading 003 and 004 side by side.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { assignEvents } from "../lib/events.js";
import { coverage, coverageCellRows, coverageMatrixRows, coverageReportRows, copyShare, type CoverageStatus, type EventCoverage } from "../lib/coverage.js";
import { tokensOf } from "../lib/tokens.js";
import { article, COPY, eventRow, PARAPHRASE, STATEMENT, writtenBriefing } from "./coverage-corpus.js";

/** The status of `report` for the one passage whose text contains `words`. */
function statusOf(c: EventCoverage, words: string, report: string): CoverageStatus {
  const ps = c.passages.filter((p) => p.text.toLowerCase().includes(words.toLowerCase()));
  expect(ps.map((p) => p.text), `one passage holding "${words}"`).toHaveLength(1);
  return c.cells.find((x) => x.passage === ps[0].passage && x.article === report)!.status;
}

const bigrams = (s: string) => {
  const w = tokensOf({ text: s }).map((t) => t.lower);
  return new Set(w.slice(1).map((x, i) => w[i] + " " + x));
};

describe("copyShare (the carried test)", () => {
  const p = "She warned that a strike by pilots would cost the national economy about 30 million euros a week, and asked both sides to return to talks.";
  const share = (s: string[]) => copyShare(bigrams(p), s.map(bigrams)).share;
  it("keeps most bigrams under light edits, half under a cut, few under a paraphrase", () => {
    expect(share([p])).toBe(1);
    // "said that" inserted and a tense changed: two edits, each costing at most two bigrams.
    expect(share(["She said that a strike by pilots could cost the national economy about 30 million euros a week, and asked both sides to return to talks."])).toBeGreaterThan(0.8);
    // Three words replaced.
    expect(share(["She warned that a walkout by pilots would cost the national economy some 30 million euros every week, and asked both sides to return to talks."])).toBeGreaterThanOrEqual(0.6);
    // Cut after its first clause: about half of the wording.
    expect(share(["She warned that a strike by pilots would cost the national economy about 30 million euros a week."])).toBeGreaterThanOrEqual(0.5);
    // Split in two sentences: the pieces pool.
    expect(share(["She warned that a strike by pilots would cost the national economy about 30 million euros a week.", "She asked both sides to return to talks."])).toBeGreaterThan(0.8);
    // A paraphrase of the same claim keeps little wording.
    expect(share(["A pilots' walkout would drain some 30 million euros weekly from the economy, the minister cautioned."])).toBeLessThan(0.3);
    // A sentence sharing only stock phrases ("she warned that", "the economy") is no piece of it.
    expect(share(["She warned that the economy would slow if interest rates rose again."])).toBeLessThan(0.3);
  });
});

describe("coverage on a written briefing", () => {
  const { articles, events } = writtenBriefing();
  const [c] = coverage(articles, events);

  it("lists the reports fullest first and every report × passage once", () => {
    expect(c.reports.map((r) => r.article)).toEqual(["statement", "copy", "paraphrase"]);
    expect(c.cells).toHaveLength(c.passages.length * 3);
    for (const r of c.reports) expect(r.carried + r.paraphrased + r.leftOut).toBe(c.passages.length);
    // The passages follow the statement's order first.
    expect(c.passages[0].text).toContain("4.2 million tonnes of grain");
    expect(c.passages[1].text).toContain("new northern terminal");
  });

  it("finds what the copying report carried, however lightly edited or split", () => {
    for (const words of ["port of Vell handled", "new northern terminal", "dredging contract", "Freight rates on the Baltic", "strike by pilots would cost", "Talks with the pilots"])
      expect(statusOf(c, words, "copy"), words).toBe("carried");
  });

  it("finds what it left out", () => {
    for (const words of ["publish every bid", "European Commission for 120", "fishing quotas", "ferry accident"]) expect(statusOf(c, words, "copy"), words).toBe("left out");
  });

  it("finds the paraphrases, with and without shared figures", () => {
    expect(statusOf(c, "port of Vell handled", "paraphrase")).toBe("paraphrased"); // B1: 4.2 million tonnes, Vell
    expect(statusOf(c, "new northern terminal", "paraphrase")).toBe("paraphrased"); // B2
    expect(statusOf(c, "dredging contract", "paraphrase")).toBe("paraphrased"); // B3: no figure
    expect(statusOf(c, "European Commission for 120", "paraphrase")).toBe("paraphrased"); // B4: 120 million euros
  });

  it("does not take another claim on the same topic for a paraphrase", () => {
    expect(statusOf(c, "fishing quotas", "paraphrase")).toBe("left out"); // B5: fishing boats, not quotas
    expect(statusOf(c, "Freight rates on the Baltic", "paraphrase")).toBe("left out"); // B6: freight growth next year
    expect(statusOf(c, "strike by pilots would cost", "paraphrase")).toBe("left out"); // B7: no strike dates
    expect(statusOf(c, "publish every bid", "paraphrase")).toBe("left out");
    expect(statusOf(c, "ferry accident", "paraphrase")).toBe("left out");
  });

  it("credits the statement with its own passages and the reports' additions it does not hold as left out", () => {
    for (const p of c.passages.filter((p) => p.from === "statement")) expect(statusOf(c, p.text, "statement")).toBe("carried");
    expect(statusOf(c, "fishing boats", "statement")).toBe("left out");
    expect(statusOf(c, "not announced any dates", "statement")).toBe("left out");
  });

  it("gives the matched sentence for carried and paraphrased cells, none for left out", () => {
    const cells = c.cells.filter((x) => x.article === "paraphrase");
    for (const x of cells) expect(x.sentence === null).toBe(x.status === "left out");
    const p = c.passages.find((p) => p.text.includes("dredging contract"))!;
    expect(cells.find((x) => x.passage === p.passage)!.sentence).toBe(PARAPHRASE[2]);
  });

  it("changes no cell when a report's sentences are reordered", () => {
    const reversed = article("copy", COPY.slice().reverse().join("\n\n"));
    const [d] = coverage([articles[0], reversed, articles[2]], events);
    const byText = (e: EventCoverage) => new Map(e.cells.map((x) => [`${e.passages[x.passage - 1].text}|${x.article}`, x.status]));
    expect(byText(d)).toEqual(byText(c));
  });

  it("skips events of one report and validates its options", () => {
    const one = article("alone", STATEMENT.join(" "), "ev-one");
    expect(coverage([one], [eventRow(["alone"], "ev-one")])).toEqual([]);
    expect(() => coverage(articles, events, { copy: 0 })).toThrow(/copy must be a share between 0 and 1, not 0/);
    expect(() => coverage(articles, events, { paraphrase: 1.5 })).toThrow(/paraphrase/);
  });

  it("gives table rows: a column per report, one row per report, long rows per cell", () => {
    const m = coverageMatrixRows(c);
    expect(m).toHaveLength(c.passages.length);
    expect(Object.keys(m[0])).toEqual(["passage", "text", "statement", "copy", "paraphrase"]);
    const r = coverageReportRows([c]);
    expect(r.map((x) => x.article)).toEqual(["statement", "copy", "paraphrase"]);
    expect(coverageCellRows([c])).toHaveLength(c.cells.length);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The seeds

const seeds = loadArticles(path.join(process.cwd(), "data", "articles")).articles;
const seed = (prefix: string) => seeds.find((a) => a.id.startsWith(prefix))!;
const firstWords = (text: string, n: number) => {
  const m = [...text.matchAll(/\S+/g)];
  return m.length <= n ? text : text.slice(0, m[n].index);
};

describe("coverage on the seeds", () => {
  const grouped = assignEvents(seeds);
  const all = coverage(grouped.articles, grouped.events);

  it("covers the two events of several reports", () => {
    expect(all.map((c) => c.reports.map((r) => r.article.slice(0, 3)).sort())).toEqual([["000", "001", "002"], ["003", "004"]]);
  });

  const sep = all.find((c) => c.reports.some((r) => r.article.startsWith("003")))!;
  const [id3, id4] = [seed("003").id, seed("004").id];

  it("003 carries what it shares with 004 and leaves out what only 004 says", () => {
    // Both relay the resumption of talks in May 2025 in nearly the same words.
    expect(statusOf(sep, "President Vladimir Putin initiated the resumption", id3)).toBe("carried");
    expect(statusOf(sep, "Since March, Ukrainians have had three opportunities", id3)).toBe("carried");
    // Only 004 reports the bridge explosions' toll and the UN vote.
    expect(statusOf(sep, "seven civilian lives and injured 122", id3)).toBe("left out");
    expect(statusOf(sep, "119 countries, including Pakistan", id3)).toBe("left out");
    // Only 003 has the Minsk agreements.
    expect(statusOf(sep, "The 2015 Minsk agreements", id4)).toBe("left out");
  });

  it("000 paraphrases 002's figures on the front line", () => {
    const feb = all.find((c) => c.reports.some((r) => r.article.startsWith("000")))!;
    // 002: "liberated about 63% of the territory of the Kursk region"; 000: "reclaimed 63% of the Kursk region".
    expect(statusOf(feb, "liberated about 63% of the territory of the Kursk", seed("000").id)).not.toBe("left out");
    expect(statusOf(feb, "Traces of torture and rape", seed("000").id)).toBe("left out");
  });

  it("a seed cut to its first 150 words carries only the passages of its opening", () => {
    const cut = article("004-cut", firstWords(seed("004").text, 150), "ev-sep");
    const s3 = { ...seed("003"), event: "ev-sep" }, s4 = { ...seed("004"), event: "ev-sep" };
    const [c] = coverage([s3, s4, cut], [eventRow([s3.id, s4.id, cut.id], "ev-sep")]);
    // Where in 004 each passage is (the sentences of 004 that carry it), against where the cut ends.
    const flat = (t: string) => t.replace(/\s+/g, " ");
    const whole = flat(s4.text), end = flat(cut.text).trimEnd().length;
    let before = 0, after = 0;
    for (const p of c.passages) {
      const full = c.cells.find((x) => x.passage === p.passage && x.article === s4.id)!;
      if (full.status !== "carried") continue;
      const pieces = full.sentence!.split(" … ");
      const from = whole.indexOf(pieces[0]), to = whole.indexOf(pieces[pieces.length - 1]) + pieces[pieces.length - 1].length;
      expect(from, pieces[0]).toBeGreaterThanOrEqual(0);
      const status = statusOf(c, p.text, cut.id);
      if (to <= end) { before++; expect(status, p.text).toBe("carried"); }
      else if (from >= end) { after++; expect(status, p.text).toBe("left out"); }
    }
    expect(before).toBeGreaterThanOrEqual(3);
    expect(after).toBeGreaterThan(15);
  });

  it("the seeds' openings of 120 and 300 words carry no more than the whole", () => {
    const s0 = { ...seed("000"), event: "ev-feb" }, s2 = { ...seed("002"), event: "ev-feb" };
    for (const n of [120, 300]) {
      const cut = article(`002-${n}`, firstWords(s2.text, n), "ev-feb");
      const [c] = coverage([s0, s2, cut], [eventRow([s0.id, s2.id, cut.id], "ev-feb")]);
      const count = (id: string) => c.reports.find((r) => r.article === id)!;
      expect(count(cut.id).carried).toBeLessThan(count(s2.id).carried);
      // Words carried grow with the cut: 300 words hold more passages than 120.
      if (n === 300) expect(count(cut.id).carried).toBeGreaterThan(5);
    }
  });

  it("reordering a seed's sentences changes no cell", () => {
    const s3 = { ...seed("003"), event: "ev-sep" }, s4 = { ...seed("004"), event: "ev-sep" };
    const paras = s3.text.split(/\n\s*\n/);
    const shuffled = { ...s3, text: paras.filter((_, i) => i % 2 === 1).concat(paras.filter((_, i) => i % 2 === 0)).join("\n\n") };
    const ev = [eventRow([s3.id, s4.id], "ev-sep")];
    const key = (e: EventCoverage) => new Map(e.cells.map((x) => [`${e.passages[x.passage - 1].text}|${x.article}`, x.status]));
    expect(key(coverage([shuffled, s4], ev)[0])).toEqual(key(coverage([s3, s4], ev)[0]));
  });
});

