// Article dates (lib/dates.ts) and datelines/bylines by form and place (lib/datelines.ts), on passages written
// here (issue 13, test e), and on the 2,225 BBC articles of ../shared/bench (issue 13, test d).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleDate, bodyDate, datelineDate, datelineEvidence, resolveYear, urlDate, validDate } from "../lib/dates.js";
import { bylineDate, findDateline, parseDate } from "../lib/datelines.js";
import { dateEvidence, statementDate } from "../lib/event-dates.js";
import { loadArticles } from "../lib/corpus.js";
import { assignEvents } from "../lib/events.js";
import { timeline } from "../lib/timeline.js";
import { removeTempDirs, tempDir } from "./tmpdir.js";

afterAll(removeTempDirs);

const TODAY = "2026-12-04";
const date = (text: string, header: string | null = null, url: string | null = null) => articleDate(text, header, header ? "header" : null, url, TODAY);

describe("datelines by form (test e)", () => {
  const cases: Array<[string, { year: number | null; month: number; day: number; tags: string[] }]> = [
    ["ISLAMABAD, Dec 26 (APP): The envoy said", { year: null, month: 12, day: 26, tags: ["APP"] }],
    ["ISLAMABAD, Dec. 26 (APP): The envoy said", { year: null, month: 12, day: 26, tags: ["APP"] }],
    ["ISLAMABAD, SEPT 23: The envoy said", { year: null, month: 9, day: 23, tags: [] }],
    ["ISLAMABAD, SEPT. 23RD: The envoy said", { year: null, month: 9, day: 23, tags: [] }],
    ["Islamabad, February 25, 2025: Russian Ambassador", { year: 2025, month: 2, day: 25, tags: [] }],
    ["Islamabad, 25 February 2025: Russian Ambassador", { year: 2025, month: 2, day: 25, tags: [] }],
    ["ISLAMABAD, (UrduPoint / Pakistan Point News - 23rd Sep, 2025) Ambassador", { year: 2025, month: 9, day: 23, tags: ["UrduPoint / Pakistan Point News"] }],
    ["(APP - 3rd Mar, 2025) The minister said", { year: 2025, month: 3, day: 3, tags: ["APP"] }],
    ["MOSCOW, March 3 (Reuters) - Russia said", { year: null, month: 3, day: 3, tags: ["Reuters"] }],
    ["MOSCOW, 3 March (Reuters) – Russia said", { year: null, month: 3, day: 3, tags: ["Reuters"] }],
    ["LONDON, 3 March 2024 (Reuters) - The minister said", { year: 2024, month: 3, day: 3, tags: ["Reuters"] }],
    ["ISLAMABAD, Sep 23 /DNA/ - The spokesperson said", { year: null, month: 9, day: 23, tags: ["DNA"] }],
    ["LAHORE, Sept. 23rd, 2025 (WNP): The governor", { year: 2025, month: 9, day: 23, tags: ["WNP"] }],
    ["RAWALPINDI, Oct 2 (SABAH): The army", { year: null, month: 10, day: 2, tags: ["SABAH"] }],
    ["NEW DELHI, 5 Oct (PTI) - The ministry", { year: null, month: 10, day: 5, tags: ["PTI"] }],
    ["New Delhi, Oct 5 (IANS) The ministry said", { year: null, month: 10, day: 5, tags: ["IANS"] }],
    ["PARIS, Jan. 9 (AFP) - France said", { year: null, month: 1, day: 9, tags: ["AFP"] }],
    ["WASHINGTON, Jan 9 (AP) — The White House", { year: null, month: 1, day: 9, tags: ["AP"] }],
    ["KARACHI, Tuesday, Sept. 23, 2025: The port", { year: 2025, month: 9, day: 23, tags: [] }],
    ["Karachi, Tue 23 September: The port", { year: null, month: 9, day: 23, tags: [] }],
    ["Peshawar, 1st of May, 2025 - The province", { year: 2025, month: 5, day: 1, tags: [] }],
  ];
  for (const [text, want] of cases) {
    it(`reads ${JSON.stringify(text.slice(0, 48))}`, () => {
      expect(findDateline(text)).toMatchObject({ kind: "dateline", ...want });
    });
  }

  it("reads a dateline opening one of the first lines, after a headline and a byline", () => {
    const text = "Pakistan and Russia agree on rail link\n\nBy Our Correspondent\n\nISLAMABAD, Dec 26 (APP): The two sides agreed…";
    expect(findDateline(text)).toMatchObject({ kind: "dateline", month: 12, day: 26, tags: ["APP"] });
  });

  it("reads byline dates: a line of its own, with its year, a time, 'Published', 'By …'", () => {
    expect(findDateline("Envoy briefs media\nMay 28, 2025\nKARACHI: The consul said")).toMatchObject({ kind: "byline", year: 2025, month: 5, day: 28 });
    expect(findDateline("Envoy briefs media\nPublished May 28, 2025 08:15pm\n\nKARACHI: The consul")).toMatchObject({ kind: "byline", year: 2025, month: 5, day: 28 });
    expect(bylineDate("Updated: 29 May 2025, 10:40 AM PKT")).toMatchObject({ year: 2025, month: 5, day: 29, updated: true });
    expect(bylineDate("By Our Correspondent | Wednesday, May 28, 2025")).toMatchObject({ year: 2025, month: 5, day: 28 });
    expect(bylineDate("Posted on 2025-05-28")).toMatchObject({ year: 2025, month: 5, day: 28 });
    // "Published" wins over "Updated", whichever comes first.
    expect(findDateline("Headline of the story\nUpdated May 30, 2025\nPublished May 28, 2025\nKARACHI: text")).toMatchObject({ kind: "byline", day: 28 });
    // A sentence holding a date is not a byline.
    expect(bylineDate("The talks were held on May 28, 2025 in Moscow.")).toBeNull();
    // Without a year a line is not a byline (a fixture listing: "Tuesday, 1 March").
    expect(bylineDate("Tuesday, 1 March")).toBeNull();
  });

  it("never takes a fixture listing, a kick-off time or a lede's date for a dateline (the BBC traps)", () => {
    expect(findDateline("Brentford v Southampton\n\nGriffin Park\n\nTuesday, 1 March\n\n1945 GMT\n\nBarry Knight (Kent)\n\nhome to Manchester United")).toBeNull();
    expect(findDateline("Worcester v Sale (Fri)\n\nSixways\n\nFriday, 25 February\n\n2000 GMT\n\nThey make just one change")).toBeNull();
    expect(findDateline("Saturday, 26 February\n1400 GMT\nBBC Sport website")).toBeNull();
    expect(findDateline("Mobiles rack up 20 years of use\n\nBritain's first mobile phone call was made across the network on 1 January 1985 by a comedian.")).toBeNull();
    expect(findDateline("Ten-year tragedy\n\nThe guitarist vanished 10 years ago, on 1 February 1995.")).toBeNull();
    expect(findDateline("Islamabad : Ambassador of Russia to Pakistan says")).toBeNull();
    expect(findDateline("Margaret Atwood (Canada) Saul Bellow (Canada) in 2005")).toBeNull();
    expect(findDateline("ISLAMABAD: The Russian Ambassador said")).toBeNull();
  });

  it("only looks at the opening lines", () => {
    expect(findDateline("x ".repeat(700) + "\nIslamabad, February 25, 2025: text")).toBeNull();
    expect(findDateline("a\nb\nc\nd\ne\nf\ng\nh\nIslamabad, February 25, 2025: text")).toBeNull();
  });

  it("parses dates in either order, abbreviated with or without dots, any case, ordinals, weekdays; rejects impossible ones", () => {
    expect(parseDate("23rd Sep, 2025")).toEqual({ year: 2025, month: 9, day: 23 });
    expect(parseDate("SEPT. 23RD")).toEqual({ year: null, month: 9, day: 23 });
    expect(parseDate("sept 23")).toEqual({ year: null, month: 9, day: 23 });
    expect(parseDate("Wednesday, 24 September 2025")).toEqual({ year: 2025, month: 9, day: 24 });
    expect(parseDate("Wed., Sep. 24, 2025")).toEqual({ year: 2025, month: 9, day: 24 });
    expect(parseDate("2025-09-24")).toEqual({ year: 2025, month: 9, day: 24 });
    expect(parseDate("Feb 30")).toBeNull();
    expect(parseDate("29 Feb 2025")).toBeNull();
    expect(parseDate("29 Feb 2024")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate("Mayor 3")).toBeNull();
  });
});

describe("the article's date: tiers", () => {
  it("takes a dateline's left-out year from the header, the url, then the nearest past date (never a future one)", () => {
    expect(date("ISLAMABAD, Dec 26 (APP): text", "2026-01-02")).toMatchObject({ date: "2026-01-02", dateSource: "header", dateline: "2025-12-26", warnings: [] });
    expect(date("ISLAMABAD, Dec 26 (APP): text", null, "https://www.app.com.pk/national/2024/12/26/envoy-briefs/")).toMatchObject({ date: "2024-12-26", dateSource: "dateline", warnings: [] });
    expect(date("ISLAMABAD, Dec 26 (APP): text", null, "https://example.pk/story-2023-12-27-envoy")).toMatchObject({ date: "2023-12-26", dateSource: "dateline" });
    // Nothing else: the latest Dec 26 up to today (2026-12-04) is 2025-12-26, with a warning; Sept 23 is 2026-09-23.
    const guess = date("ISLAMABAD, Dec 26 (APP): text");
    expect(guess).toMatchObject({ date: "2025-12-26", dateSource: "dateline" });
    expect(guess.warnings[0]).toMatch(/no year .* taken as 2025-12-26/);
    expect(date("ISLAMABAD, SEPT 23: text").date).toBe("2026-09-23");
    // A year from a date the body ties to the report.
    expect(date("ISLAMABAD, Feb 22 (APP): The envoy, who said on 21 Feb 2024 that talks were near, added…").date).toBe("2024-02-22");
    expect(resolveYear(12, 31, "2026-01-01")).toBe("2025-12-31");
    // Two days' grace for time zones: a dateline of 1 January under a header of 31 December is the next day.
    expect(resolveYear(1, 1, "2025-12-31", 2)).toBe("2026-01-01");
    expect(resolveYear(1, 1, "2025-12-31", 0)).toBe("2025-01-01");
    expect(resolveYear(1, 2, "2025-12-31", 2)).toBe("2026-01-02");
    expect(resolveYear(2, 29, "2026-03-01")).toBe("2024-02-29");
  });

  it("dates by a byline, then the url, then a date the body ties to the report", () => {
    expect(date("Envoy briefs media\nPublished May 28, 2025 08:15pm\nKARACHI: The consul said")).toMatchObject({ date: "2025-05-28", dateSource: "byline", warnings: [] });
    expect(date("KARACHI: The consul said", null, "https://news.example/2025/05/28/consul")).toMatchObject({ date: "2025-05-28", dateSource: "url", warnings: [] });
    const body = date("KARACHI: The consul told reporters on 21 Feb 2024 that trade had doubled.");
    expect(body).toMatchObject({ date: "2024-02-21", dateSource: "body" });
    expect(body.warnings[0]).toMatch(/^dated 2024-02-21 from the text \("on 21 Feb 2024"\)/);
    expect(date("KARACHI: On February 21, 2024, the consul said trade had doubled.").date).toBe("2024-02-21");
    expect(date("KARACHI: The consul spoke to traders.\n\nPhoto: the consul at the chamber of commerce, 21 February 2024 (APP)").date).toBe("2024-02-21");
  });

  it("never takes history in the body for the article's date", () => {
    // As in seed 002: "decided three years ago to launch a special military operation in Ukraine on February 24, 2022."
    expect(date("KARACHI: The leadership decided three years ago to launch an operation on February 24, 2022.")).toMatchObject({ date: null, warnings: ["no date found (no header, metadata or dateline)"] });
    expect(bodyDate("Britain's first mobile phone call was made across the network on 1 January 1985 by a comedian.")).toBeNull();
    expect(bodyDate("he said, justifying the decision to launch a “special military operation” on February 24, 2022.")).toBeNull();
  });

  it("keeps the header over a text date more than a week away, with a warning, and uses a close one as evidence", () => {
    const far = date("Islamabad, February 25, 2024: The ambassador said", "2025-02-26");
    expect(far).toMatchObject({ date: "2025-02-26", dateSource: "header", dateline: null });
    expect(far.warnings).toEqual(['the dateline "Islamabad, February 25, 2024:" gives 2024-02-25, 367 days from the header date 2025-02-26; the header date is kept']);
    expect(date("Islamabad, February 25, 2025: The ambassador said", "2025-02-26")).toMatchObject({ date: "2025-02-26", dateline: "2025-02-25", warnings: [] });
    expect(datelineEvidence("Islamabad, February 25, 2024: text", "2025-02-26", "header")).toBeNull();
    expect(datelineEvidence("Islamabad, February 25, 2025: text", "2025-02-26", "header")).toBe("2025-02-25");
    expect(datelineEvidence("ISLAMABAD, Feb 25 (APP): text", "2025-02-26", "header")).toBe("2025-02-25");
  });

  it("reads dates in urls", () => {
    expect(urlDate("https://www.app.com.pk/national/2025/09/23/envoy/")).toEqual({ date: "2025-09-23", year: 2025 });
    expect(urlDate("https://x.pk/2025-09-23-envoy-briefs")).toEqual({ date: "2025-09-23", year: 2025 });
    expect(urlDate("https://x.pk/news/20250923/envoy")).toEqual({ date: "2025-09-23", year: 2025 });
    expect(urlDate("https://x.pk/2025/09/envoy")).toEqual({ date: null, year: 2025 });
    expect(urlDate("https://x.pk/story/1234567890")).toEqual({ date: null, year: null });
    expect(urlDate(null)).toEqual({ date: null, year: null });
  });

  it("datelineDate keeps its old meaning: only a date with its year", () => {
    expect(datelineDate("Islamabad, February 25, 2025: Russian Ambassador to Pakistan")).toBe("2025-02-25");
    expect(datelineDate("ISLAMABAD, Dec 26 (APP): text")).toBeNull();
    expect(datelineDate("Talks would resume next week, the envoy said.")).toBeNull();
  });
});

describe("statement dates", () => {
  it("resolve against the article date, never after it", () => {
    // 2025-09-24 is a Wednesday: "on Tuesday" is the day before; in a Tuesday's paper, the same day.
    expect(statementDate("The ambassador said on Tuesday that talks would go on.", "2025-09-24")?.date).toBe("2025-09-23");
    expect(statementDate("The ambassador said on Tuesday that talks would go on.", "2025-09-23")?.date).toBe("2025-09-23");
    // 2025-12-30 is a Tuesday: "on Friday" is the Friday before, not 2026-01-02.
    expect(statementDate("Her agent said she was due an operation on Friday.", "2025-12-30")?.date).toBe("2025-12-26");
  });

  it("a dateline far from the header is no evidence for the event", () => {
    const a = { id: "a", file: "a.txt", title: "", outlet: null, url: null, date: "2025-04-09", dateSource: "header" as const, words: 9, warnings: [], text: "Islamabad, February 25, 2000: The envoy spoke." };
    expect(dateEvidence(a)).toMatchObject({ dateline: null, best: "2025-04-09", dates: ["2025-04-09"] });
  });
});

describe("validDate", () => {
  it("accepts real calendar dates and rejects impossible ones", () => {
    expect(validDate("2025-09-24")).toBe("2025-09-24");
    expect(validDate("2025-9-4")).toBe("2025-09-04");
    expect(validDate("2025-13-45")).toBeNull();
    expect(validDate("2025-02-29")).toBeNull();
    expect(validDate("2024-02-29")).toBe("2024-02-29");
    expect(validDate("2025-02-25T10:00:00Z")).toBe("2025-02-25");
    expect(validDate("February 25, 2025")).toBe("2025-02-25");
    expect(validDate("soon")).toBeNull();
  });
});

// Test d of issue 13: the BBC corpus with a header date in 2025 on every article (../shared/bench/make-corpus.mjs).
const repoRoot = path.resolve(__dirname, "..");
const bench = [path.resolve(repoRoot, "../shared/bench"), ...(process.env.SHARED_DIR ? [path.resolve(process.env.SHARED_DIR, "bench")] : [])].find((d) => fs.existsSync(path.join(d, "make-corpus.mjs")) && fs.existsSync(path.join(d, "bbc")));

describe.skipIf(!bench)("on the 2,225 BBC articles (test d)", () => {
  it("dates no event more than a month from all of its members' header dates; the timeline spans 2025 (and the week before)", () => {
    const dir = tempDir();
    execFileSync(process.execPath, [path.join(bench!, "make-corpus.mjs"), dir, "1"], { stdio: "ignore" });
    const { articles } = loadArticles(dir, { outletsFile: path.join(repoRoot, "data/outlets.yml"), speakersFile: path.join(repoRoot, "data/speakers.yml") });
    expect(articles.length).toBe(2225);
    expect(articles.every((a) => a.dateSource === "header" && a.date!.startsWith("2025-"))).toBe(true);
    const header = new Map(articles.map((a) => [a.id, a.date!]));
    const { events } = assignEvents(articles);
    const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
    const far = events.filter((e) => e.date && e.articles.every((id) => days(e.date!, header.get(id)!) > 31));
    expect(far.map((e) => `${e.event} (${e.dateFrom})`)).toEqual([]);
    // Every event is dated within a week before its earliest report and no later than its latest (a statement date
    // is the day the words were spoken: "Time Warner said on Friday" in an article dated Wednesday 2025-01-01 is
    // 2024-12-27), so the timeline runs from the last week of 2024 to 2025-12 and holds no empty decades.
    for (const e of events.filter((e) => e.date)) {
      const hs = e.articles.map((id) => header.get(id)!).sort();
      expect(days(e.date!, hs[0]) <= 7 || e.date! >= hs[0], `${e.event} (${e.dateFrom})`).toBe(true);
      expect(e.date! <= hs[hs.length - 1], `${e.event} (${e.dateFrom})`).toBe(true);
    }
    const t = timeline(articles);
    const periods = t.rows.map((r) => r.period);
    expect(periods[0] >= "2024-12" && periods[periods.length - 1] <= "2025-12").toBe(true);
    expect(periods.filter((p) => !p.startsWith("2025")).length).toBeLessThanOrEqual(1);
  }, 300_000);
});
if (!bench) console.log("dates.test: ../shared/bench not found; the BBC test (issue 13 d) is skipped");
