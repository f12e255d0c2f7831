// Quotations: what the seeds quote and who says it (checked by reading each article), scare quotes left out,
// and which quotations come back.
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { assignEvents } from "../lib/events.js";
import { extractQuotes, groupQuotes, mainSubject, nameRuns, quoteSpans, type Quote } from "../lib/quotes.js";

const { articles } = assignEvents(loadArticles("data/articles").articles);
const quotes = articles.flatMap((a) => extractQuotes(a));
const of = (n: string) => quotes.filter((q) => q.article.startsWith(n));
const find = (n: string, start: string) => of(n).find((q) => q.quote.startsWith(start))!;
const passage = (text: string, id = "p"): Quote[] => extractQuotes({ id, text, date: "2025-03-10", event: null });

describe("quotations in the seeds", () => {
  it("finds every direct quotation a reader finds, and no scare quotes", () => {
    expect(of("000").map((q) => q.quote.slice(0, 24))).toEqual([
      "We appreciate Pakistan’s", "the initiative on the ba", "double standards", "The West accepted Kosovo"]);
    // 001 also has “special military operation” and “collective West”: scare quotes, left out.
    expect(of("001")).toHaveLength(7);
    expect(of("001").some((q) => /collective West|special military operation/.test(q.quote))).toBe(false);
    // 002 is a statement: “Collective West”, “fait accompli”, “annexation” are scare quotes, “Group of Friends of
    // Peace in Ukraine” a name; Trump's “one of Biden’s biggest mistakes” is the one quotation.
    expect(of("002").map((q) => q.quote)).toEqual(["one of Biden’s biggest mistakes"]);
    expect(of("003")).toHaveLength(4);
    expect(of("004")).toHaveLength(3);
  });

  it("resolves “…,” he declared to the article's subject, keeping what the text says", () => {
    const q = find("001", "The initiative on the battlefield");
    expect(q.quote).toBe("The initiative on the battlefield belongs entirely to the Russian military");
    expect([q.speaker, q.speakerAsWritten]).toEqual(["Albert P. Khorev", "he"]);
  });

  it("reads the speaker before the quotation: 'Khorev insisted that', 'Khorev said, adding:'", () => {
    expect(find("000", "the initiative").speakerAsWritten).toBe("Khorev");
    expect(find("000", "the initiative").speaker).toBe("Albert P. Khorev");
    expect(find("003", "We will remember").speakerAsWritten).toBe("Khorev");
    // “double standards” is two words but attributed ("what he called"), so it stays.
    expect(find("000", "double standards").speakerAsWritten).toBe("he");
    expect(find("000", "The West accepted").speakerAsWritten).toBe("he");
  });

  it("reads a long attribution after the quotation: '… Ambassador of Russia to Pakistan, Albert P. Khorev on Tuesday said'", () => {
    expect(find("004", "We agreed").speakerAsWritten).toBe("Albert P. Khorev");
  });

  it("leaves the speaker empty where the text does not say it", () => {
    // 003's “This is no coincidence …” is a paragraph of its own; 004's "Russia's mass abduction …" is followed by
    // "has been debunked and he said that …", which attributes the next clause, not the quotation.
    expect(find("003", "This is no coincidence").speaker).toBeNull();
    expect(find("004", "Russia's mass abduction").speaker).toBeNull();
    expect(find("002", "one of Biden").speaker).toBeNull();
  });

  it("gives offsets into the article's text", () => {
    for (const q of quotes) {
      const text = articles.find((a) => a.id === q.article)!.text;
      expect(text.slice(q.start, q.end).replace(/\s+/g, " ")).toContain(q.quote);
      expect(/[“"]/.test(text[q.start - 1])).toBe(true);
    }
  });

  it("finds the subject of each seed: Albert P. Khorev, not 'Pakistan Albert P. Khorev' nor 'Albert P Khorev'", () => {
    for (const a of articles) expect(mainSubject(a.text)).toEqual({ name: "Albert P. Khorev", surname: "Khorev" });
  });
});

describe("repeated quotations", () => {
  const groups = groupQuotes(quotes);

  it("groups the battlefield quotation of 000 and 001, and the 'mass abduction' phrase of 003 and 004", () => {
    const battlefield = groups.find((g) => /initiative on the battlefield/i.test(g.quote))!;
    expect(battlefield.articles.map((id) => id.slice(0, 3))).toEqual(["000", "001"]);
    expect(battlefield.events).toHaveLength(1);
    expect(battlefield.speaker).toBe("Albert P. Khorev");
    const abduction = groups.find((g) => /mass abduction/.test(g.quote))!;
    expect(abduction.articles.map((id) => id.slice(0, 3))).toEqual(["003", "004"]);
  });

  it("keeps the two 'thank Pakistan' quotations apart: a paraphrased talking point, not the same words", () => {
    // 001: “I would like to take this opportunity to once again thank the political and military leadership of
    // Pakistan …”; 004: “I would like to thank the Government of Pakistan once again …”.
    const thanks = groups.filter((g) => g.quote.startsWith("I would like to"));
    expect(thanks).toHaveLength(2);
    expect(groups.every((g) => g.events.length === 1)).toBe(true);
  });

  it("matches a quotation another outlet cut short or lightly edited, across events", () => {
    const a = passage(`“We will never accept a temporary truce that lets the enemy rearm and regroup its army,” the minister said.`, "a");
    const b = passage(`The minister said: "We will never accept a temporary truce that lets the enemy rearm."`, "b");
    const c = passage(`“Grain exports will resume next week under the new agreement,” he said.`, "c");
    const g = groupQuotes([...a.map((q) => ({ ...q, event: "e1" })), ...b.map((q) => ({ ...q, event: "e2" })), ...c.map((q) => ({ ...q, event: "e2" }))]);
    expect(g.map((x) => x.events)).toEqual([["e1", "e2"], ["e2"]]);
    expect(g[0].quote).toBe("We will never accept a temporary truce that lets the enemy rearm and regroup its army");
  });
});

describe("quotations in written passages", () => {
  it("reads inverted attributions and roles", () => {
    expect(passage(`“Peace is closer than it looks,” said Khorev.`)[0].speakerAsWritten).toBe("Khorev");
    const role = passage(`Albert P. Khorev met reporters. Khorev spoke for an hour. “Sanctions have failed completely,” the Russian diplomat said.`);
    expect([role[0].speaker, role[0].speakerAsWritten]).toEqual(["Albert P. Khorev", "the Russian diplomat"]);
  });

  it("keeps the pronoun when the article names nobody", () => {
    expect(passage(`“The talks will continue next month,” he said.`)[0]).toMatchObject({ speaker: "he", speakerAsWritten: "he" });
  });

  it("skips unclosed quotation marks and unattributed one-to-three-word quotes", () => {
    expect(passage(`He called it “a trap for the army and never closed the mark.\nNext paragraph.`)).toEqual([]);
    expect(passage(`The so-called “peace plan” was rejected.`)).toEqual([]);
    expect(passage(`Khorev called it a “peace plan”.`)[0]).toMatchObject({ quote: "peace plan", speaker: "Khorev" });
  });

  it("pairs straight quotes within a paragraph", () => {
    expect(quoteSpans(`a "one two" b "three\nfour" c`).length).toBe(1);
  });

  it("finds person names split from titles and places", () => {
    expect(nameRuns("Statement by the Ambassador of Russia to Pakistan H.E. Mr. Albert P. Khorev on Tuesday").map((r) => r.name)).toEqual(["Albert P. Khorev"]);
    expect(nameRuns("President Vladimir Putin and Foreign Minister Sergey Lavrov met in Riyadh").map((r) => r.name)).toEqual(["Vladimir Putin", "Sergey Lavrov"]);
  });
});
