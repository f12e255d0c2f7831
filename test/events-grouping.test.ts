// assignEvents skips candidate pairs already joined through others, checks a bucket's copies (identical shingle
// sets) together and finds best matches in the same pass; its groups must be those of checking every pair
// candidatePairs lists, one by one: first the absolute rule (joinReason), then each undated article's best match by
// pairScore (BEST_FLOOR without speakers). This file does that plainly and compares on random corpora of shared
// sentences, copies and dates.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countWords, loadArticles } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { assignEvents, BEST_FLOOR, candidatePairs, dateEvidence, days, eventInput, joinReason, pairEvidence, pairScore, rareFigureLists, type EventOptions } from "../lib/events.js";

function article(id: string, text: string, date: string | null): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date, dateSource: date ? "header" : null, text, words: countWords(text), warnings: [] };
}

/** The groups (sorted member ids, sorted) from checking every candidate pair. */
function referenceGroups(articles: Article[], o: Required<Omit<EventOptions, "shingle">>): string[][] {
  const own = articles.map((a) => dateEvidence(a).best);
  const order = own.map((d) => (d ? days(d) : Number.MAX_SAFE_INTEGER));
  const inputs = articles.map((a) => eventInput(a, { hashes: o.hashes }));
  const sets = inputs.map((x) => x.shingles);
  const measure = pairEvidence(articles, inputs);
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const best = articles.map(() => ({ score: -1, j: -1 }));
  for (const [i, j] of candidatePairs(sets, o.hashes, o.maxBucket, order, undefined, rareFigureLists(inputs.map((x) => x.content)))) {
    const gap = own[i] && own[j] ? Math.abs(order[i] - order[j]) : null;
    const p = measure(i, j);
    if (joinReason(p, gap, o)) parent[find(i)] = find(j);
    // Best matches: pairs with an undated side, copies (identical sets) left to the rule above.
    if (gap !== null || sets[i].join() === sets[j].join()) continue;
    const score = pairScore(p, gap);
    for (const [x, y] of [[i, j], [j, i]]) if (score > best[x].score || (score === best[x].score && articles[y].id < articles[best[x].j].id)) best[x] = { score, j: y };
  }
  best.forEach((b, i) => {
    if (b.j >= 0 && b.score >= BEST_FLOOR) parent[find(i)] = find(b.j);
  });
  const groups = new Map<number, string[]>();
  articles.forEach((a, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), a.id]));
  return Array.from(groups.values(), (g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const seedSentences = loadArticles("data/articles").articles.flatMap((a) => a.text.split(/(?<=\.)\s+/).filter((s) => s.split(" ").length > 6));
const DATES = [null, "2025-03-01", "2025-03-03", "2025-03-09", "2025-04-20"];

describe("assignEvents groups", () => {
  it("are those of checking every candidate pair, on random corpora with copies", () => {
    const text = fc.uniqueArray(fc.integer({ min: 0, max: seedSentences.length - 1 }), { minLength: 1, maxLength: 6 });
    const doc = fc.record({ text, copies: fc.array(fc.constantFrom(...DATES), { minLength: 1, maxLength: 4 }) });
    const options = fc.record({
      hashes: fc.constantFrom(8, 16, 128),
      maxBucket: fc.constantFrom(2, 3, 50),
      near: fc.constantFrom(0.15, 0.3, 0.6),
      copy: fc.constantFrom(0.3, 0.5, 0.9),
      windowDays: fc.constantFrom(0, 7),
    });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 12 }), options, (docs, o) => {
        const articles = docs.flatMap((d, i) => d.copies.map((date, k) => article(`a${String(i).padStart(2, "0")}-${k}`, d.text.map((s) => seedSentences[s]).join(" "), date)));
        const got = assignEvents(articles, o).events.map((e) => e.articles.slice().sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
        expect(got).toEqual(referenceGroups(articles, o));
      }),
      { numRuns: 150 },
    );
    // 150 corpora, each grouped twice: on a loaded 2-core machine this has taken over the default 60 s.
  }, 300_000);
});
