// Events: which articles report one briefing, and the date of that briefing. The seed expectations come from
// reading the five articles (000, 001, 002 report the 25 Feb 2025 press conference; 003 and 004 the one on
// Tuesday 23 Sep 2025); the passages below are written for the cases the seeds do not cover.
import { describe, expect, it } from "vitest";
import { countWords, loadArticles } from "../lib/corpus.js";
import type { Article, DateSource } from "../lib/types.js";
import { assignEvents, candidatePairs, containment, eventDocuments, eventKeys, shingleHashes, statementDate } from "../lib/events.js";
import { countThemes, loadThemes, themeReach } from "../lib/themes.js";
import { countTerms } from "../lib/keyness.js";

const { articles: seeds } = loadArticles("data/articles");
const seedEvents = assignEvents(seeds);
const seed = (n: string) => seedEvents.articles.find((a) => a.id.startsWith(n))!;

function article(id: string, text: string, date: string | null = null, dateSource: DateSource = date ? "header" : null): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date, dateSource, text, words: countWords(text), warnings: [] };
}

// A report of a (made-up) briefing, a paraphrase of it by another outlet, an unrelated story the same day,
// and a later briefing that repeats one talking point of the first word for word.
const BRIEFING = `The foreign minister told reporters in Ankara that grain shipments through the Black Sea corridor would resume next week.
He said inspections of cargo vessels at the Bosphorus had been delayed by a dispute over insurance guarantees for ship owners.
The minister added that fertiliser exports from Odesa ports were part of the same package and that a joint coordination centre in Istanbul would monitor every convoy.
"Our priority is food security for Africa and the Middle East," he said, warning that wheat prices had risen by a fifth since the corridor closed.`;
const PARAPHRASE = `Grain convoys will sail again through the Black Sea corridor next week, the foreign minister said in Ankara on Monday.
According to the minister, cargo vessel inspections at the Bosphorus were held up by an insurance guarantees dispute with ship owners.
Fertiliser exports from Odesa ports form part of the package, and the joint coordination centre in Istanbul will monitor each convoy, he told reporters.`;
const UNRELATED = `The national cricket team beat the visitors by six wickets in Lahore after a century from the opening batsman.
Fast bowlers took four wickets in the first session, and spinners kept the run rate low on a dry pitch.
The series moves to Karachi on Friday, where the selectors are expected to rest two senior players.`;
const LATER = `The foreign minister opened a trade fair in Izmir and spoke about new textile and automotive contracts with European buyers.
Exports of cars and machinery rose sharply this year, he said, and the government will offer cheaper credit to small manufacturers.
He also signed an agreement on a new container terminal and a rail link to the port, which should open within two years.
The minister added that fertiliser exports from Odesa ports were part of the same package and that a joint coordination centre in Istanbul would monitor every convoy.
Officials expect the fair to draw more than four hundred companies from thirty countries.`;

describe("events on the seeds", () => {
  it("groups 000, 001, 002 and 003, 004 into two events", () => {
    expect(seedEvents.events.map((e) => e.articles.map((id) => id.slice(0, 3)))).toEqual([["000", "001", "002"], ["003", "004"]]);
    for (const a of seedEvents.articles) expect(a.event).toBe(seedEvents.events.find((e) => e.articles.includes(a.id))!.event);
  });

  it("dates the February event from 000's dateline, not 001's 2025-01-01 header", () => {
    const feb = seedEvents.events[0];
    expect(feb.date).toBe("2025-02-25");
    expect(feb.dateFrom).toBe("dateline: 000_49771bd131fda3f2");
    expect(feb.event).toMatch(/^ev-2025-02-25-[0-9a-f]{6}$/);
  });

  it("dates the September event from 'on Tuesday' in 003 (dated Wednesday 24th) and 004 (dated Tuesday 23rd)", () => {
    expect(seed("003").statementDate).toBe("2025-09-23");
    expect(seed("004").statementDate).toBe("2025-09-23");
    const sep = seedEvents.events[1];
    expect(sep.date).toBe("2025-09-23");
    expect(sep.dateFrom).toContain('statement ("on Tuesday"): 003_4c3568a573a8b66a, 004_c9d4eb58757d2b79');
    expect(sep.dateFrom).toContain("dateline: 004_c9d4eb58757d2b79");
    expect(sep.dateFrom).toContain("header: 004_c9d4eb58757d2b79");
    // 003 keeps its own date: one day from its event is no reason to warn.
    expect(seed("003").date).toBe("2025-09-24");
    expect(seed("003").warnings).toEqual([]);
  });

  it("gives 002, which has no date, its event's date with dateSource 'event'", () => {
    expect(seed("002").date).toBe("2025-02-25");
    expect(seed("002").dateSource).toBe("event");
  });

  it("keeps 001's header date and warns with both dates", () => {
    const a = seed("001");
    expect(a.date).toBe("2025-01-01");
    expect(a.dateSource).toBe("header");
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]).toContain("2025-01-01");
    expect(a.warnings[0]).toContain("2025-02-25");
    expect(seed("000").warnings).toEqual([]);
  });

  it("lists each event's outlets and leaves the input articles untouched", () => {
    expect(seedEvents.events[1].outlets).toEqual(["UrduPoint"]);
    expect(seeds.find((a) => a.id.startsWith("002"))!.date).toBeNull();
    expect(seeds.every((a) => a.event === undefined)).toBe(true);
  });

  it("gives the same ids whatever the order of the articles", () => {
    const reversed = assignEvents(seeds.slice().reverse());
    expect(reversed.events.map((e) => e.event)).toEqual(seedEvents.events.map((e) => e.event));
    expect(assignEvents(seeds).events).toEqual(seedEvents.events);
  });
});

describe("events on written passages", () => {
  it("joins a paraphrase of one briefing the same day and keeps an unrelated story apart", () => {
    const r = assignEvents([
      article("a", BRIEFING, "2025-03-10"),
      article("b", PARAPHRASE, "2025-03-10"),
      article("c", UNRELATED, "2025-03-10"),
    ]);
    expect(r.events.map((e) => e.articles)).toEqual([["a", "b"], ["c"]]);
  });

  it("joins a copy re-published weeks later to the original's event, keeping its date with a warning", () => {
    // Decision: the same text far apart in time is a re-publication of the same briefing. Joining it means keyness
    // counts that briefing once; its own date stays and the warning says how far off it is.
    const r = assignEvents([article("orig", BRIEFING, "2025-03-10"), article("copy", BRIEFING, "2025-04-21")]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].date).toBe("2025-03-10");
    const copy = r.articles.find((a) => a.id === "copy")!;
    expect(copy.date).toBe("2025-04-21");
    expect(copy.warnings[0]).toMatch(/2025-04-21.*42 days from 2025-03-10/);
  });

  it("keeps a later briefing apart when it repeats one talking point, but joins the same texts a day apart", () => {
    const shared = containment(shingleHashes({ text: BRIEFING }), shingleHashes({ text: LATER }));
    // One shared paragraph: above the same-week threshold (0.15), below the copy threshold (0.5).
    expect(shared).toBeGreaterThan(0.15);
    expect(shared).toBeLessThan(0.5);
    const far = assignEvents([article("feb", BRIEFING, "2025-02-10"), article("jun", LATER, "2025-06-02")]);
    expect(far.events.map((e) => e.articles)).toEqual([["feb"], ["jun"]]);
    const near = assignEvents([article("feb", BRIEFING, "2025-02-10"), article("feb2", LATER, "2025-02-11")]);
    expect(near.events).toHaveLength(1);
  });

  it("gives undated articles of an undated event an ev-undated id and no date", () => {
    const r = assignEvents([article("x", BRIEFING), article("y", PARAPHRASE)]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].event).toMatch(/^ev-undated-[0-9a-f]{6}$/);
    expect(r.events[0].date).toBeNull();
    expect(r.articles.map((a) => a.dateSource)).toEqual([null, null]);
  });

  it("takes the date most members agree on, the earliest on a tie", () => {
    const r = assignEvents([
      article("a", `Islamabad, March 3, 2025: ${BRIEFING}`, "2025-03-03", "dateline"),
      article("b", `Islamabad, March 4, 2025: ${BRIEFING}`, "2025-03-04", "dateline"),
      article("c", `Ankara, March 4, 2025: ${BRIEFING}`, "2025-03-04", "dateline"),
    ]);
    expect(r.events[0].date).toBe("2025-03-04");
    expect(r.events[0].dateFrom).toBe("dateline: b, c");
    const tie = assignEvents([article("a", `Islamabad, March 3, 2025: ${BRIEFING}`, "2025-03-03", "dateline"), article("b", `Islamabad, March 4, 2025: ${BRIEFING}`, "2025-03-04", "dateline")]);
    expect(tie.events[0].date).toBe("2025-03-03");
  });

  it("puts the day the words were spoken before the day of a dateline", () => {
    // PARAPHRASE says "the foreign minister said in Ankara on Monday"; dated Tuesday 4 March, that is 3 March.
    const r = assignEvents([
      article("b", `Islamabad, March 4, 2025: ${PARAPHRASE}`, "2025-03-04", "dateline"),
      article("c", `Ankara, March 4, 2025: ${BRIEFING}`, "2025-03-04", "dateline"),
    ]);
    expect(r.articles[0].statementDate).toBe("2025-03-03");
    expect(r.events[0].date).toBe("2025-03-03");
    expect(r.events[0].dateFrom).toBe('statement ("on Monday"): b');
  });

  it("still joins sixty copies of one wire story when every LSH bucket is over maxBucket", () => {
    const copies = Array.from({ length: 60 }, (_, i) => article(`w${String(i).padStart(2, "0")}`, BRIEFING, "2025-03-10"));
    const r = assignEvents(copies, { maxBucket: 50 });
    expect(r.events).toHaveLength(1);
    expect(r.events[0].articles).toHaveLength(60);
    // An oversized bucket pairs each member with its next three only: at most 3 × 60 pairs, not 60 × 59 / 2.
    const sets = copies.map((a) => shingleHashes(a));
    expect(candidatePairs(sets, 128, 50).length).toBeLessThanOrEqual(3 * 60);
    expect(candidatePairs(sets, 128, 100).length).toBe((60 * 59) / 2);
  });

  it("rejects options out of range with the name and value", () => {
    expect(() => assignEvents([], { near: 0 })).toThrow(/near must be a containment between 0 and 1, not 0/);
    expect(() => assignEvents([], { hashes: 1.5 })).toThrow(/hashes must be a whole number/);
    expect(assignEvents([])).toEqual({ articles: [], events: [] });
  });
});

describe("statementDate", () => {
  it("resolves weekday words backwards from the article's date, only in a sentence about speaking", () => {
    // 2025-09-24 is a Wednesday.
    expect(statementDate("The minister said on Monday that talks would go on.", "2025-09-24")).toEqual({ date: "2025-09-22", text: "on Monday" });
    expect(statementDate("The minister said on Wednesday that talks would go on.", "2025-09-24")?.date).toBe("2025-09-24");
    expect(statementDate("The spokesman told reporters yesterday that the talks had stalled.", "2025-09-24")?.date).toBe("2025-09-23");
    expect(statementDate("A drone attack on Sunday hit a depot near the border.", "2025-09-24")).toBeNull();
    expect(statementDate("Talks resume in March.", "2025-09-24")).toBeNull();
  });
});

describe("eventDocuments", () => {
  it("counts a sentence three outlets copied once", () => {
    const line = "The ambassador called the ceasefire proposal a trap for the army.";
    const a = article("a", `${line}\nHe spoke in Islamabad.`, "2025-03-10");
    const b = article("b", `${line}\nReporters asked about sanctions.`, "2025-03-10");
    const c = article("c", `The ambassador called the ceasefire proposal a trap for the army, he said.`, "2025-03-10");
    const r = assignEvents([a, b, c], { near: 0.1 });
    expect(r.events).toHaveLength(1);
    const [doc] = eventDocuments(r.articles, r.events);
    expect(doc.sentences).toBe(5);
    expect(doc.duplicates).toBe(2);
    expect(countTerms([doc]).counts.terms.get("ceasefir")?.count).toBe(1);
    expect(doc.text).toContain("He spoke in Islamabad.");
    expect(doc.text).toContain("Reporters asked about sanctions.");
  });

  it("on the seeds keeps each event's text shorter than its articles together", () => {
    const docs = eventDocuments(seedEvents.articles, seedEvents.events);
    expect(docs.map((d) => d.id)).toEqual(seedEvents.events.map((e) => e.event));
    const sum = (ids: string[]) => ids.reduce((n, id) => n + seeds.find((a) => a.id === id)!.words, 0);
    for (const d of docs) {
      expect(d.words).toBeLessThan(sum(d.articles));
      expect(d.duplicates).toBeGreaterThan(0);
    }
    // 003 and 004 share the prisoner-exchange sentence; it is in the September text once.
    expect(docs[1].text.match(/over 1,000 prisoners of war/g)).toHaveLength(1);
  });
});

describe("eventKeys", () => {
  it("counts a theme's reach in events and periods, not only articles (seeds)", () => {
    const { articles } = loadArticles("data/articles");
    const themes = loadThemes("data/themes.yml");
    const grouped = assignEvents(articles);
    const reach = themeReach(countThemes(articles, themes), grouped.articles, themes, eventKeys(grouped.events));
    const row = (id: string) => reach.find((r) => r.theme === id)!;
    // Prisoners, bodies and children: only 003 and 004, two outlets on the one September briefing.
    expect([row("humanitarian-exchanges").articles, row("humanitarian-exchanges").events, row("humanitarian-exchanges").periods]).toEqual([2, 1, 1]);
    // NATO expansion: 000-003 (not 004), so both briefings and both months.
    expect([row("nato-expansion").articles, row("nato-expansion").events, row("nato-expansion").periods]).toEqual([4, 2, 2]);
  });
});
