// Excerpts and reorderings of articles for the event tests: what outlets do to a report (print its first few
// hundred words, move and drop sentences), made from the seeds by rule so no other text is needed.
import { countWords } from "../lib/corpus.js";
import { sentences, tokenize } from "../lib/tokens.js";
import type { Article } from "../lib/types.js";

/** The article cut to its first `words` words (whitespace-separated), date and outlet kept. */
export function excerpt(a: Article, words: number): Article {
  const parts = a.text.split(/(\s+)/);
  let n = 0, k = 0;
  for (; k < parts.length && n < words; k++) if (/\S/.test(parts[k])) n++;
  const text = parts.slice(0, k).join("");
  return { ...a, text, words: countWords(text), warnings: [] };
}

/** A deterministic shuffle (mulberry32 from `seed`). */
function shuffled<T>(xs: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The article with every third sentence dropped (the 3rd, 6th, …) and the rest in a shuffled order. */
export function reorderDrop(a: Article, seed: number): Article {
  const all = sentences(a.text, tokenize(a.text)).map((s) => a.text.slice(s.start, s.end));
  const kept = all.filter((_, i) => i % 3 !== 2);
  const text = shuffled(kept, seed).join(" ");
  return { ...a, text, words: countWords(text), warnings: [] };
}
