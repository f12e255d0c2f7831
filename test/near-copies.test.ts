// The near-copy rule that eventDocuments and coverage share, on sentences written for the test.
import { describe, expect, it } from "vitest";
import { nearCopies, NEAR_COPY, wordBigrams } from "../lib/near-copies.js";

const words = (s: string) => s.toLowerCase().split(/\s+/);

describe("nearCopies", () => {
  // 0: the statement; 1: the same with "said that" and one word changed (8 of its 11 bigrams are in 0: 0.73);
  // 2: another claim on the same topic (shares "the ceasefire" only); 3: the first clause of 0 alone (all inside 0).
  const sentences = [
    "the ambassador said the ceasefire had been violated 4,900 times since march",
    "he said that the ceasefire had been violated 4,900 times since march",
    "the ceasefire talks will resume in istanbul next week",
    "the ceasefire had been violated",
  ];
  const grams = sentences.map((s) => wordBigrams(words(s)));
  const longestFirst = grams.map((_, i) => i).sort((x, y) => grams[y].size - grams[x].size || x - y);

  it("keeps the longest wording and marks copies with the kept sentence they repeat", () => {
    // 8 of sentence 1's 11 bigrams lie in sentence 0: 0.727 ≥ 0.7, a copy.
    expect([...grams[1]].filter((g) => grams[0].has(g)).length / grams[1].size).toBeGreaterThanOrEqual(NEAR_COPY);
    expect(Array.from(nearCopies(grams, longestFirst))).toEqual([-1, 0, -1, 0]);
  });

  it("keeps whichever comes first in the order it is given", () => {
    // The clause first: it is kept, and the statement (4 of its 11 bigrams in the clause) is no copy of it.
    expect(Array.from(nearCopies(grams, [3, 0, 1, 2]))).toEqual([-1, 0, -1, -1]);
  });

  it("reads a one-word sentence as its word", () => {
    expect([...wordBigrams(["yes"])]).toEqual(["yes"]);
    expect(wordBigrams([]).size).toBe(0);
  });
});
