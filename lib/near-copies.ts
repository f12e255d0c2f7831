// Near-copy sentences: which sentences of a set repeat the wording of another, so a sentence several outlets
// copied counts once (eventDocuments, lib/events.ts) and stands as one passage (coverage, lib/coverage.ts).
// A sentence whose word bigrams are at least 70% inside one already kept sentence is a copy of it: "said that" or a
// changed conjunction does not make a new sentence.

/** Share of a sentence's word bigrams inside a kept sentence at or above which it is a near-copy of it. */
export const NEAR_COPY = 0.7;

/**
 * Walk the sentences in `order` (indices into `grams`, longest first), keeping each one that is not a near-copy
 * of a sentence kept before it.
 * @return For each sentence, -1 when it is kept, else the index of the kept sentence it copies (the first found).
 */
export function nearCopies(grams: Array<Set<string>>, order: number[]): Int32Array {
  const copyOf = new Int32Array(grams.length).fill(-1);
  const kept: number[] = [];
  // bigram → the kept sentences (by their place in `kept`) that hold it
  const index = new Map<string, number[]>();
  for (const i of order) {
    const shared = new Map<number, number>();
    for (const g of grams[i]) for (const k of index.get(g) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    let copy = -1;
    for (const [k, n] of shared) if (n >= NEAR_COPY * grams[i].size) { copy = k; break; }
    if (copy >= 0) {
      copyOf[i] = kept[copy];
      continue;
    }
    for (const g of grams[i]) {
      const list = index.get(g);
      if (list) list.push(kept.length);
      else index.set(g, [kept.length]);
    }
    kept.push(i);
  }
  return copyOf;
}

/** A sentence's word bigrams ("said that"), as the near-copy test compares them; a one-word sentence is its word. */
export function wordBigrams(words: string[]): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) grams.add(words[i] + " " + words[i + 1]);
  if (!grams.size && words.length) grams.add(words[0]);
  return grams;
}
