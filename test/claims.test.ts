// Claims: the agreement rule on hand-worked intervals, claims and drift on passages written for this test (an
// invented archive of one speaker's briefings months apart; none of it is real coverage), and the seeds.
import { describe, expect, it } from "vitest";
import { figureClaims, mentionInterval, parseClaimWords, claimRows } from "../lib/claims.js";
import { loadArticles } from "../lib/corpus.js";
import { figureLedger } from "../lib/figures.js";
import { figureChange } from "../lib/shift.js";
import type { Article } from "../lib/types.js";

const art = (id: string, date: string | null, text: string, outlet: string | null = null, event: string | null = null): Article => ({
  id, file: `${id}.txt`, title: id, outlet, url: null, date, dateSource: date ? "header" : null, text, words: text.split(/\s+/).length, warnings: [], event,
});
const claimsOf = (articles: Article[]) => figureClaims(figureLedger(articles), articles);

describe("the agreement rule", () => {
  it("gives each hedge and precision its interval (worked by hand)", () => {
    const iv = (value: number, qualifier = "", high?: number) => mentionInterval({ value, qualifier, ...(high !== undefined ? { high } : {}) });
    expect(iv(70.2e9)).toEqual([70.15e9, 70.25e9]); // half of 0.1 bn
    expect(iv(70e9)).toEqual([66.5e9, 73.5e9]); // half of 10 bn, capped at 5%
    expect(iv(339)).toEqual([338.5, 339.5]);
    expect(iv(70e9, "over")).toEqual([70e9, 87.5e9]);
    expect(iv(100, "nearly")).toEqual([80, 100]);
    expect(iv(100, "about")).toEqual([90, 110]);
    expect(iv(15, "", 20)).toEqual([15, 20]);
  });
});

describe("claims on written passages", () => {
  const aid = [
    art("a1", "2025-03-01", "Khorev said European support, which he estimated at over $70 billion, only prolongs the war.", "Daily One", "e1"),
    art("a2", "2025-03-01", "The envoy said European aid had reached about $70 billion.", "Wire Two", "e1"),
    art("a3", "2025-06-10", "European military and financial aid has amounted to approximately USD70.2 billion, the diplomat said.", "Daily One", "e2"),
    art("a4", "2025-09-20", "He noted that European aid exceeding $70 billion had not changed the situation.", "Paper Three", "e3"),
    art("a5", "2025-12-01", "European military and financial aid now stands at $95 billion, the envoy said.", "Daily One", "e4"),
  ];
  const { claims, drift } = claimsOf(aid);

  it("makes the hedged and rounded forms of one value one claim, with every form", () => {
    const c = claims.find((x) => x.articles.includes("a3"))!;
    expect(c.articles.sort()).toEqual(["a1", "a2", "a3", "a4"]);
    expect(c.forms.sort()).toEqual(["about $70 billion", "approximately USD70.2 billion", "exceeding $70 billion", "over $70 billion"]);
    expect(c.value).toBe(70.2e9); // the most precise form anchors the claim
    expect(c.events).toEqual(["e1", "e2", "e3"]);
    expect([c.first, c.last, c.firstEvent, c.lastEvent]).toEqual(["2025-03-01", "2025-09-20", "e1", "e3"]);
    expect(c.outlets.sort()).toEqual(["Daily One", "Paper Three", "Wire Two"]);
    expect(c.overTime.map((r) => r.date)).toEqual(["2025-03-01", "2025-06-10", "2025-09-20"]);
  });

  it("keeps a value that really changed apart, as drift side by side", () => {
    const later = claims.find((x) => x.articles.includes("a5"))!;
    expect(later.articles).toEqual(["a5"]);
    expect(later.status).toBe("drifted");
    expect(drift).toHaveLength(1);
    expect(drift[0].claims.map((c) => c.value)).toEqual([70.2e9, 95e9]);
  });

  it("does not chain neighbours: 'over 70' and 'about 80' stay apart when 70.2 anchors the first", () => {
    const { claims: cs } = claimsOf([
      art("b1", "2025-01-01", "Aid reached $70.2 billion."),
      art("b2", "2025-02-01", "Aid reached over $70 billion."),
      art("b3", "2025-03-01", "Aid reached about $80 billion."),
    ]);
    expect(cs.map((c) => c.articles.sort().join(",")).sort()).toEqual(["b1,b2", "b3"]);
  });

  it("keeps equal values about different things apart", () => {
    const { claims: cs } = claimsOf([
      art("d1", "2025-01-01", "Three rounds of negotiations produced an exchange."),
      art("d2", "2025-05-01", "Ukrainians had three opportunities to show goodwill."),
    ]);
    expect(cs).toHaveLength(2);
  });
});

describe("the same claim across briefings, judged on the sentence", () => {
  const archive = [
    art("s1", "2025-09-23", "He said that Russian negotiators received a list of 339 children said to have been taken from the war zone.", null, "sep"),
    art("s2", "2025-12-15", "Of the 339 names on the list handed over in Istanbul, most were traced to relatives, the ambassador said.", null, "dec"),
    art("s3", "2026-02-10", "Moscow has returned 339 young people to their families, he said.", null, "feb"),
    art("s4", "2026-02-10", "The hospital treated 339 patients in the winter.", null, "feb"),
  ];
  const { claims } = claimsOf(archive);

  it("finds a repeat months later in other words", () => {
    const c = claims.find((x) => x.articles.includes("s1"))!;
    expect(c.articles.sort()).toEqual(["s1", "s2", "s3"]);
    expect(c.status).toBe("held");
    expect(c.events).toEqual(["sep", "dec", "feb"]);
  });

  it("leaves the same number about something else out", () => {
    expect(claims.find((x) => x.articles.includes("s4"))!.articles).toEqual(["s4"]);
  });

  it("lists it as repeated in the shift, not as gone and new", () => {
    const ch = figureChange(archive.slice(0, 1), archive.slice(1, 3));
    expect(ch.repeated.map((r) => r.value)).toEqual([339]);
    expect(ch.appeared.filter((r) => r.value === 339)).toEqual([]);
    expect(ch.disappeared.filter((r) => r.value === 339)).toEqual([]);
  });

  it("reads the related-words file: one group a line, comments skipped", () => {
    const words = parseClaimWords("# comment\nchildren, young people, minors\n\naid, assistance\n");
    expect(words.get("young peopl")).toBe(words.get("children"));
    expect(words.get("assist")).toBe(words.get("aid"));
    expect(words.has("comment")).toBe(false);
  });
});

describe("claims on the seeds", () => {
  const { articles } = loadArticles("data/articles");
  const { claims, drift } = claimsOf(articles);
  const short = (id: string) => id.slice(0, 3);

  it("keeps 19,000 and 19 thousand one claim", () => {
    const c = claims.find((x) => x.value === 19000)!;
    expect(c.mentions.map((m) => `${short(m.article)}:${m.text}`).sort()).toEqual(["003:19,000", "004:19 thousand"]);
  });

  it("keeps the $350 billion / $70.2 billion drift", () => {
    expect(drift.map((d) => d.claims.map((c) => c.value))).toEqual([[350e9, 70.2e9]]);
    expect(drift[0].claims.map((c) => c.articles.map(short).sort().join(","))).toEqual(["001,002", "003,004"]);
  });

  it("gives every money and count claim a what", () => {
    for (const c of claims) if (c.kind === "money" || c.kind === "count") expect(c.what, c.claim).not.toBe("");
    expect(claimRows(claims).every((r) => typeof r.overTime === "string")).toBe(true);
  });
});
