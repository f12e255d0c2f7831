// The figure ledger on the five seeds, article by article, against the figures read off the texts by hand; then
// one short passage per normalisation rule, qualifier and exclusion; then inputs built to make a careless
// reader backtrack, which must finish.
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { extractFigures, figureLedger, figureRows, figuresInText, formatValue, QUANTITY_KINDS, type FigureMention } from "../lib/figures.js";
import type { Article } from "../lib/types.js";

const { articles } = loadArticles("data/articles");
const seed = (prefix: string): Article => articles.find((a) => a.id.startsWith(prefix))!;

type Want = [kind: string, value: number, unit: string, text: string, qualifier: string, what: string, high?: number];
const quantities = (a: Article) => extractFigures(a).filter((f) => QUANTITY_KINDS.includes(f.kind));
const asWant = (f: FigureMention): Want => {
  const w: Want = [f.kind, f.value, f.unit, f.text, f.qualifier, f.what];
  if (f.high !== undefined) w.push(f.high);
  return w;
};
const ofKind = (a: Article, kind: string) => extractFigures(a).filter((f) => f.kind === kind).map((f) => f.text);

// Every percentage, money amount, count and duration in each seed, in reading order, read off the text by hand.
// A spelled number after "the" with a plural noun is a count (issue 17): "the two countries" (000, 002), "the two
// leaders" (001). Not listed, on purpose: "the above two tracks" (002), which points back at a list just given,
// and "one of the world's most renowned leaders" (004).
describe("the seeds, article by article", () => {
  it("000 (25 Feb briefing): the two countries and the three territorial percentages", () => {
    expect(quantities(seed("000")).map(asWant)).toEqual([
      ["count", 2, "", "two", "", "countries"],
      ["percent", 75, "%", "75%", "", "Donetsk, Zaporozhye, and Kherson regions"],
      ["percent", 99, "%", "99%", "", "Luhansk People’s Republic"],
      ["percent", 63, "%", "63%", "", "Kursk region"],
    ]);
    expect(ofKind(seed("000"), "date")).toEqual(["February 25, 2025", "2014", "June 2024"]);
  });

  it("001: percentages, casualties, Western aid and the anniversaries", () => {
    expect(quantities(seed("001")).map(asWant)).toEqual([
      ["percent", 75, "%", "75%", "", "Donetsk, Zaporozhye, and Kherson regions"],
      ["percent", 99, "%", "99%", "", "Luhansk region"],
      ["percent", 63, "%", "63%", "", "Kursk region"],
      ["count", 22, "", "22", "", "civilians"],
      ["count", 11, "", "11", "", "women"],
      ["money", 350e9, "USD", "$350 billion", "exceeding", "financial and military aid"],
      ["count", 2, "", "two", "", "leaders"],
      ["count", 2, "", "two", "", "significant anniversaries"],
    ]);
    expect(ofKind(seed("001"), "date")).toEqual(["2014", "February 24, 2022", "August 2024", "June 2024"]);
    expect(ofKind(seed("001"), "ordinal")).toEqual(["80th"]);
  });

  it("002 (the embassy's statement): the same figures, hedged, and aid as 'its total amount'", () => {
    expect(quantities(seed("002")).map(asWant)).toEqual([
      ["percent", 75, "%", "75%", "", "territory of the Donetsk People’s Republic, Zaporozhye and Kherson regions"],
      ["percent", 99, "%", "99%", "", "Luhansk People’s Republic"],
      ["percent", 63, "%", "63%", "about", "territory of the Kursk region"],
      ["count", 22, "", "22", "at least", "people"],
      ["count", 11, "", "11", "", "women"],
      // "its total amount": the aid the sentence before names
      ["money", 350e9, "USD", "$350 billion", "exceeded", "Western financial and military aid"],
      ["count", 2, "", "two", "", "countries"],
      ["count", 2, "", "two", "", "important anniversaries"],
    ]);
    expect(ofKind(seed("002"), "date")).toEqual([
      "2014", "2014", "three years ago", "February 24, 2022", "December 2024", "June 2024", "August 2024", "February 2008",
      "February 12", "February 15", "February 18", "1941-1945",
    ]);
    expect(ofKind(seed("002"), "ordinal")).toEqual(["first", "first", "80th", "80th"]);
  });

  it("003 (23 Sep briefing): negotiations, European aid, prisoners, bodies and children", () => {
    expect(quantities(seed("003")).map(asWant)).toEqual([
      ["count", 3, "", "Three", "", "rounds of negotiations"],
      ["count", 3, "", "three", "", "opportunities"],
      ["duration", 30, "day", "30 days", "", "ceasing strikes on energy infrastructure"],
      ["money", 70.2e9, "USD", "USD70.2 billion", "approximately", "European military and financial aid"],
      ["count", 1000, "", "1,000", "over", "prisoners of war"],
      ["count", 6060, "", "6,060", "", "Ukrainian soldiers"],
      ["count", 78, "", "78", "", "bodies"],
      ["count", 339, "", "339", "", "children"],
      ["count", 19000, "", "19,000", "", "Ukrainian children"],
    ]);
    expect(ofKind(seed("003"), "date")).toEqual(["May 2025", "April 19 to 21", "May 9 to 11", "2015", "May 2025"]);
    // "First," and "Third," open a list: not ordinals of anything
    expect(ofKind(seed("003"), "ordinal")).toEqual(["80th"]);
  });

  it("004: the same briefing in other words, '19 thousand', spelled numbers and the truce violations", () => {
    expect(quantities(seed("004")).map(asWant)).toEqual([
      ["count", 7, "", "seven", "", "civilian lives"],
      ["count", 122, "", "122", "", "others injured"],
      ["count", 1000, "", "1,000", "over", "prisoners of war"],
      ["count", 6060, "", "6,060", "", "Ukrainian soldiers"],
      ["count", 78, "", "78", "", "bodies"],
      ["count", 339, "", "339", "", "children"],
      ["count", 19000, "", "19 thousand", "", "Ukrainian children"],
      ["count", 119, "", "119", "", "countries"],
      ["count", 53, "", "Fifty-three", "", "delegations"],
      ["count", 3, "", "three", "", "rounds of negotiations"],
      ["count", 3, "", "three", "", "opportunities"],
      ["duration", 30, "day", "30 days", "", "ceasing strikes on energy infrastructure"],
      // "Kiev repeatedly violated the ceasefire, doing so a total of 4,900 times"
      ["count", 4900, "", "4,900", "", "ceasefire violations"],
      ["money", 70.2e9, "USD", "$70.2 billion", "approximately", "allies military and financial aid"],
    ]);
    expect(ofKind(seed("004"), "date")).toEqual([
      "23rd Sep, 2025", "May 31", "June 1", "May 2025", "2024", "2022", "May 2025", "April 2022", "April 19 to 21", "May 9 to 11", "May 2024",
    ]);
  });

  it("reports no year, date or day of the month as a quantity", () => {
    const months = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Sep)\b/;
    for (const a of articles) {
      for (const f of quantities(a)) {
        expect(f.text, `${a.id}: ${f.text}`).not.toMatch(/^\d{4}$/);
        const around = a.text.slice(Math.max(0, f.start - 12), f.end + 12);
        expect(around, `${a.id}: ${f.text} sits next to a month`).not.toMatch(months);
      }
    }
  });

  it("gives each date its year, or its day and the range end", () => {
    const dates = extractFigures(seed("003")).filter((f) => f.kind === "date");
    expect(dates.map((f) => [f.value, f.high ?? null, f.unit])).toEqual([[2025, null, "year"], [19, 21, "day"], [9, 11, "day"], [2015, null, "year"], [2025, null, "year"]]);
    const range = extractFigures(seed("002")).find((f) => f.text === "1941-1945")!;
    expect([range.kind, range.value, range.high]).toEqual(["date", 1941, 1945]);
  });

  it("keeps offsets: text.slice(start, end) is the figure, and its sentence holds it", () => {
    const all = figureLedger(articles);
    expect(all.length).toBeGreaterThan(70);
    for (const f of all) {
      const a = articles.find((x) => x.id === f.article)!;
      expect(a.text.slice(f.start, f.end)).toBe(f.text);
      expect(f.sentence.replace(/\s+/g, " ")).toContain(f.text.replace(/\s+/g, " "));
    }
    const prisoners = extractFigures(seed("004")).find((f) => f.value === 1000)!;
    expect(prisoners.sentence).toBe("Russian Ambassador said that since May 2025, over 1,000 prisoners of war from both sides have been exchanged and the remaining of 6,060 Ukrainian soldiers have been transferred to Ukraine for burial and Russia received 78 bodies.");
  });
});

/** The single figure of a kind in a passage. */
function one(text: string, kind?: string): FigureMention {
  const fs = figuresInText(text).filter((f) => !kind || f.kind === kind);
  expect(fs, `${text}: ${JSON.stringify(fs.map((f) => f.text))}`).toHaveLength(1);
  return fs[0];
}

describe("normalising values", () => {
  it.each([
    ["Over 1,000 troops were moved.", 1000, "1,000"],
    ["They took 19 thousand children.", 19000, "19 thousand"],
    ["Some 12,34,567 voters were registered.", 1234567, "12,34,567"],
    ["The camp held 40 000 people.", 40000, "40 000"],
    ["Nearly 1.5 million refugees left.", 1.5e6, "1.5 million"],
    ["Half a million people marched.", 500000, "Half a million"],
    ["Seven civilian lives were lost.", 7, "Seven"],
    ["Fifty-three delegations opposed it.", 53, "Fifty-three"],
    ["There were three rounds of talks.", 3, "three"],
    ["Two hundred and six villages were hit.", 206, "Two hundred and six"],
    ["A dozen drones were downed.", 12, "A dozen"],
    ["The fund holds 3 lakh tonnes of grain.", 300000, "3 lakh"],
    ["They counted 10k votes.", 10000, "10k"],
  ])("%s → %d", (text, value, written) => {
    const f = one(text, "count");
    expect([f.value, f.text]).toEqual([value, written]);
  });

  it.each([
    ["Aid exceeded $350 billion.", 350e9, "USD", "$350 billion"],
    ["It amounted to USD70.2 billion.", 70.2e9, "USD", "USD70.2 billion"],
    ["The budget is Rs 5bn.", 5e9, "PKR", "Rs 5bn"],
    ["A loan of Rs. 500 million was approved.", 500e6, "PKR", "Rs. 500 million"],
    ["Trade reached PKR 12 billion.", 12e9, "PKR", "PKR 12 billion"],
    ["The fine was £3m.", 3e6, "GBP", "£3m"],
    ["The EU pledged €2.5 mln.", 2.5e6, "EUR", "€2.5 mln"],
    ["Exports earned 200 billion roubles.", 200e9, "RUB", "200 billion roubles"],
    ["He paid 1.5 million dollars.", 1.5e6, "USD", "1.5 million dollars"],
    ["They raised 40 billion euros.", 40e9, "EUR", "40 billion euros"],
    ["The loan was US$ 2 bn.", 2e9, "USD", "US$ 2 bn"],
    ["A ticket cost 50 cents.", 50, "cent", "50 cents"],
  ])("%s → %d %s", (text, value, unit, written) => {
    const f = one(text, "money");
    expect([f.value, f.unit, f.text]).toEqual([value, unit, written]);
  });

  it.each([
    ["about 63 per cent of the land", 63, "about", "63 per cent"],
    ["Turnout was 54.5%.", 54.5, "", "54.5%"],
    ["Growth fell by 3.5 percentage points.", 3.5, "", "3.5 percentage points"],
    ["Prices rose twenty percent.", 20, "", "twenty percent"],
    ["The index fell minus five percent.", -5, "", "minus five percent"],
  ])("%s → %d%%", (text, value, qualifier, written) => {
    const f = one(text, "percent");
    expect([f.value, f.qualifier, f.text]).toEqual([value, qualifier, written]);
  });

  it("reads percentage points with their own unit", () => {
    expect(one("Growth fell by 3.5 percentage points.").unit).toBe("pp");
    expect(one("Turnout was 54.5%.").unit).toBe("%");
  });

  it("reads ranges as value and high", () => {
    const r = one("Prices rose 15-20 percent this year.", "percent");
    expect([r.value, r.high, r.text]).toEqual([15, 20, "15-20 percent"]);
    const b = one("between 15 and 20 percent of voters", "percent");
    expect([b.value, b.high, b.qualifier, b.text]).toEqual([15, 20, "between", "15 and 20 percent"]);
    const m = one("The deal is worth $5-10 million.", "money");
    expect([m.value, m.high, m.unit]).toEqual([5e6, 10e6, "USD"]);
    const c = one("Some 10,000-15,000 troops were deployed.", "count");
    expect([c.value, c.high, c.what]).toEqual([10000, 15000, "troops"]);
    // a change is two figures, not a range
    expect(figuresInText("Inflation rose from 5% to 7%.").map((f) => f.value)).toEqual([5, 7]);
  });

  it("reads durations with their unit, and 'ago' as a date", () => {
    expect([one("They ceased strikes for 30 days.").value, one("They ceased strikes for 30 days.").unit]).toEqual([30, "day"]);
    const plan = one("A 10-year plan was adopted.");
    expect([plan.kind, plan.value, plan.unit, plan.text]).toEqual(["duration", 10, "year", "10-year"]);
    expect(one("Talks lasted two weeks.").unit).toBe("week");
    expect(one("It began three years ago.").kind).toBe("date");
  });
});

describe("qualifiers", () => {
  it.each([
    ["over 1,000 prisoners", "over"],
    ["at least 22 people", "at least"],
    ["about 63 people", "about"],
    ["nearly 400 homes", "nearly"],
    ["approximately 70 villages", "approximately"],
    ["more than 120 drones", "more than"],
    ["exceeding 350 tanks", "exceeding"],
    ["up to 700 workers", "up to"],
    ["almost 90 schools", "almost"],
    ["some 5,000 troops", "some"],
    ["roughly 300 families", "roughly"],
    ["fewer than 10 observers", "fewer than"],
    ["as many as 40 ships", "as many as"],
    ["an estimated 2 million people", "an estimated"],
    ["no fewer than 12 envoys", "no fewer than"],
    ["200 soldiers", ""],
  ])("%s → %j", (text, qualifier) => {
    expect(one(text, "count").qualifier).toBe(qualifier);
  });
});

describe("what the figure measures", () => {
  it("takes the phrase after a count, after 'of' for a percentage, before an amount", () => {
    expect(one("Over 1,000 prisoners of war from both sides were exchanged.").what).toBe("prisoners of war");
    expect(one("Troops hold 63% of the territory of the Kursk region, he said.").what).toBe("territory of the Kursk region");
    expect(one("He criticised financial and military aid exceeding $350 billion.").what).toBe("financial and military aid");
    expect(one("European aid, which has amounted to approximately USD70.2 billion since then.").what).toBe("European aid");
    expect(one("They took 19,000 Ukrainian children.").what).toBe("Ukrainian children");
    expect(one("The company signed a $300 million contract.").what).toBe("contract");
  });

  it("stops at verbs, clauses and line ends", () => {
    expect(one("339 children suspected of having been evacuated").what).toBe("children");
    expect(one("Seven civilian lives and injured others").what).toBe("civilian lives");
    expect(one("He listed 12 towns\nThe next line").what).toBe("towns");
  });
});

describe("dates are labelled as dates, never as quantities", () => {
  it.each([
    ["It began on February 24, 2022.", "February 24, 2022"],
    ["the Great Patriotic War of 1941-1945", "1941-1945"],
    ["the Easter truce from April 19 to 21", "April 19 to 21"],
    ["This happened in 2014.", "2014"],
    ["ISLAMABAD (23rd Sep, 2025) The envoy spoke.", "23rd Sep, 2025"],
    ["Since May 2025, talks resumed.", "May 2025"],
    ["a proposal of June 2024", "June 2024"],
    ["the 2015 Minsk agreements", "2015"],
    ["by mid-2024 the front moved", "2024"],
    ["prices in the 1990s", "1990s"],
    ["on 24 February 2022", "24 February 2022"],
    ["Any time on 5/17/2018?", "5/17/2018"],
    ["filed on 2025-01-01", "2025-01-01"],
    ["the 2013-14 season", "2013-14"],
    ["the meeting at 10:30", "10:30"],
    ["a rise on its 2003 performance", "2003"],
  ])("%s → %s", (text, written) => {
    const fs = figuresInText(text);
    expect(fs.filter((f) => QUANTITY_KINDS.includes(f.kind)), text).toEqual([]);
    expect(fs.filter((f) => f.kind === "date").map((f) => f.text)).toEqual([written]);
  });

  it("labels both days in 'May 31 and June 1'", () => {
    const fs = figuresInText("explosions on railway bridges on May 31 and June 1.");
    expect(fs.map((f) => [f.kind, f.text, f.value])).toEqual([["date", "May 31", 31], ["date", "June 1", 1]]);
  });

  it("reads a four-digit number as a count when a plural noun or a hedge comes with it", () => {
    expect([one("2000 people were evacuated.").kind, one("2000 people were evacuated.").what]).toEqual(["count", "people"]);
    expect(one("about 1500 soldiers").kind).toBe("count");
    expect(one("in 2014 elections were held").kind).toBe("date");
    expect(figuresInText("It must restate 2000 and 2003 results.").map((f) => [f.kind, f.text])).toEqual([["date", "2000"], ["date", "2003"]]);
    expect([one("Some 1m people fled.").kind, one("Some 1m people fled.").value]).toEqual(["count", 1e6]);
  });
});

describe("numbers that are not figures", () => {
  it.each([
    "The G20 met in Rome.",
    "COVID-19 spread.",
    "Under Article 370 the region had autonomy.",
    "They released version 2 of the app.",
    "The two of them left early.",
    "The two agreed to meet again.",
    "He was the one who spoke first.",
    "She is the one.",
    "He met one of the leaders.",
    "The server at 192.168.1.2 failed.",
    "Call +1-222-2222-2222 now.",
    "See https://example.com/2024/75%25/report for details.",
    "Write to press2024@example.com today.",
    "First, the talks resumed.",
    "Operators are building 5G networks.",
    "She won the 1500m final.",
    "A hunger strike near 10 Downing Street.",
    "Viktor Makarov, 50, said he was betrayed.",
    "the two-time champion",
  ])("%s", (text) => {
    expect(figuresInText(text).filter((f) => f.kind !== "date")).toEqual([]);
  });

  it("labels ordinals as ordinals, after a determiner", () => {
    const f = one("the 80th anniversary of the Victory");
    expect([f.kind, f.value, f.what]).toEqual(["ordinal", 80, "anniversary of the Victory"]);
    expect(one("for the first time").kind).toBe("ordinal");
  });
});

describe("output helpers", () => {
  it("formats values for a reader", () => {
    expect(formatValue("money", 350e9, "USD")).toBe("$350 billion");
    expect(formatValue("money", 70.2e9, "USD")).toBe("$70.2 billion");
    expect(formatValue("money", 5e9, "PKR")).toBe("PKR 5 billion");
    expect(formatValue("percent", 15, "%", 20)).toBe("15–20%");
    expect(formatValue("count", 19000, "")).toBe("19,000");
    expect(formatValue("duration", 30, "day")).toBe("30 days");
  });

  it("makes one ledger row per figure", () => {
    const rows = figureRows(extractFigures(seed("003")));
    expect(rows).toHaveLength(extractFigures(seed("003")).length);
    expect(Object.keys(rows[0])).toEqual(["article", "kind", "value", "high", "unit", "qualifier", "what", "text", "start", "end", "sentence"]);
  });

  it("handles an empty text and a text with no figures", () => {
    expect(figuresInText("")).toEqual([]);
    expect(figuresInText("No numbers here at all.")).toEqual([]);
  });
});

describe("linear time on hostile input", () => {
  const MB = 1 << 20;
  it.each([
    ["1,1,1,…", "1,".repeat(MB / 2)],
    ["one long digit run", "7".repeat(MB)],
    ["digit groups with spaces", "123 ".repeat(MB / 4)],
    ["currency signs", "$".repeat(MB)],
    ["currency signs with spaces", "$ ".repeat(MB / 2)],
    ["dotted digits", "1.".repeat(MB / 2)],
    ["hyphenated digits", "1-".repeat(MB / 2)],
    ["percent after percent", "5% ".repeat(MB / 3)],
    ["number words", "twenty one hundred and ".repeat(MB / 23)],
    ["e-mail signs", "a@".repeat(MB / 2)],
    ["a long run-on sentence", "over 1,000 prisoners of war and $5 billion in aid, ".repeat(MB / 52)],
  ])("%s (1 MB) finishes", (_name, text) => {
    const t0 = Date.now();
    const fs = figuresInText(text);
    expect(Date.now() - t0).toBeLessThan(10_000); // a very generous bound: a quadratic reader takes hours here
    for (const f of fs.slice(0, 50)) expect(text.slice(f.start, f.end)).toBe(f.text);
  }, 60_000);
});
