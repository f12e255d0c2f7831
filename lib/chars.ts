// What kind of character a UTF-16 code unit is, as the Unicode property escapes \p{L}, \p{M} and \p{N} say,
// from a table filled in as units are first seen. The word scanners (tokenize, countWords) read text a code unit
// at a time with it instead of running a Unicode regex, which allocated a match per word.
// A text with surrogates (astral letters, emoji) is left to the regexes: a pair is one code point to them.

export const OTHER = 0;
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 3;
const UNKNOWN = 255;

const classes = new Uint8Array(65536).fill(UNKNOWN);

/** OTHER, LETTER, MARK or NUMBER for one code unit (a surrogate is OTHER: see hasSurrogates). */
export function charClass(c: number): number {
  const k = classes[c];
  if (k !== UNKNOWN) return k;
  const ch = String.fromCharCode(c);
  return (classes[c] = /\p{L}/u.test(ch) ? LETTER : /\p{M}/u.test(ch) ? MARK : /\p{N}/u.test(ch) ? NUMBER : OTHER);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Does the text hold surrogates (so the code-unit scanners must not read it)? */
export function hasSurrogates(text: string): boolean {
  return SURROGATE.test(text);
}
