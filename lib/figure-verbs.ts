// What a duration or a "times" count is about, read from the verb around it rather than a noun next to it.
//
// Decisions:
// - A duration says what lasted: "30 days of fighting" (of-phrase), "five-hour talks" / "a 30-day moratorium" /
//   "a 30 day moratorium" (the unit written singular after a number that is not one makes the figure a modifier of
//   the noun after it), "the briefing lasted two hours" / "talks lasting five hours" (the subject of last, take,
//   span), "cease strikes on energy infrastructure for 30 days" (the verb phrase before "for", at most 8 words).
// - "N times" counts what happened N times: the verb before it, made a noun through the lexicon ("violated" →
//   violation, "attacked" → attack, "met" → meeting), with its object: "violated the ceasefire 4,900 times" and
//   "the ceasefire was violated 4,900 times" → "ceasefire violations"; "doing so 4,900 times" reads the verb
//   "doing so" stands for. "three times more", "four times as many" are ratios, left with what "times".
//   An object of one or two words with a singular head goes before the noun ("ceasefire violations"); a plural or
//   longer one after "of" ("raises of interest rates").
import { type Ctx, wordAt } from "./figure-context.js";
import { lexiconTags, npAfter, npBeforeSpan, ofPhrase, tagOf } from "./figure-what.js";
import { prevSolid, skipGap, type Token } from "./numbers.js";

const LAST_VERBS = new Set(["lasted", "lasting", "lasts", "last", "took", "taking", "takes", "spanned", "spanning", "spans", "ran", "running", "continued", "went", "lasted"]);
const TIME_UNIT_SINGULAR = /^(?:second|minute|hour|day|week|month|year|decade|century)$/;

/** What a duration measures; `i0`/`end` are its first token and the token after it, `q0` the start of its hedge. */
export function durationWhat(ctx: Ctx, i0: number, end: number, q0: number, value: number): string {
  const { toks } = ctx;
  const of = ofPhrase(ctx, end) || gerundOf(ctx, end);
  if (of) return of;
  const unitTok = toks[end - 1];
  // "five-hour talks", "a 30 day moratorium": the unit written singular after a plural number
  if (unitTok && unitTok.type === "word" && TIME_UNIT_SINGULAR.test(unitTok.lower) && value !== 1) {
    const after = npAfter(ctx, end, false);
    if (after) return after;
  }
  // "the briefing lasted two hours", "talks lasting five hours"
  const p = prevSolid(toks, q0);
  if (p >= 0 && toks[p].type === "word" && LAST_VERBS.has(toks[p].lower)) {
    const span = npBeforeSpan(ctx, p, true, AUX);
    if (span) return span.what;
  }
  // "cease strikes on energy infrastructure for 30 days"
  if (p >= 0 && toks[p].lower === "for") return verbPhraseBefore(ctx, p);
  return "";
}

/** "30 days of shelling", "ten days of fighting in Kursk": the gerund after "of", with its object. */
function gerundOf(ctx: Ctx, k: number): string {
  const { toks } = ctx;
  const p = skipGap(toks, k);
  if (p === k || wordAt(toks, p) !== "of") return "";
  const g = skipGap(toks, p + 1);
  const t = toks[g];
  if (g === p + 1 || !t || t.type !== "word" || !/ing$/.test(t.lower) || !lexiconTags(t.lower).includes("VBG")) return "";
  const obj = npAfter(ctx, g + 1, false);
  return obj ? `${t.text} ${obj}` : t.text;
}

const AUX = new Set(["has", "have", "had", "is", "was", "were", "are", "been", "be", "being", "will", "would", "which", "that", "had", "only", "just", "about", "nearly", "almost", "over", "some", "around"]);
const VERB_TAGS = /^VB[DNPZ]?$/;
const SKIP_AS_VERB = new Set(["is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "do", "does", "did", "doing", "done", "said", "says", "will", "would"]);

/** The words from the nearest verb before token k to k: "cease strikes on energy infrastructure". "" when none within 8 words. */
function verbPhraseBefore(ctx: Ctx, k: number): string {
  const { toks, text } = ctx;
  let words = 0;
  for (let j = k - 1; j >= 0 && words < 9; j--) {
    const t = toks[j];
    if (t.type === "space") { if (/[\n\r]/.test(t.text)) break; continue; }
    if (t.type !== "word") { if (t.type === "punct" && (t.text === "'" || t.text === "’" || t.text === "-")) continue; break; }
    words++;
    // "to halt attacks": a word after the infinitive "to" is a verb when the lexicon allows it ("halt" is a noun first)
    const inf = toks[j - 2]?.lower === "to" && toks[j - 1]?.type === "space" && lexiconTags(t.lower).includes("VB");
    if ((inf || VERB_TAGS.test(tagOf(t))) && !SKIP_AS_VERB.has(t.lower) && j < k - 1) {
      // "cease strikes" → "ceasing strikes", "fought the blockade" → "fight the blockade": a phrase a duration is "of"
      const rest = text.slice(toks[j + 1].start, toks[prevSolid(toks, k)].end).replace(/\s+/g, " ").trim();
      const tag = inf ? "VB" : tagOf(t);
      const head = tag === "VB" || tag === "VBP" ? gerund(t.lower) : nominal(t) || t.lower;
      return `${head} ${rest}`.trim();
    }
  }
  const span = npBeforeSpan(ctx, k, false);
  return span ? span.what : "";
}

/** "cease" → "ceasing", "hold" → "holding", "stop" → "stopping" (one short vowel before a final consonant doubles it). */
export function gerund(w: string): string {
  if (/ie$/.test(w)) return w.slice(0, -2) + "ying";
  if (/[^aeiou]e$/.test(w) && w !== "be") return w.slice(0, -1) + "ing";
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(w)) return w + w[w.length - 1] + "ing";
  return w + "ing";
}

/** "injured 122 others": the others the verb before the count names ("others injured"); "" when no verb is there. */
export function othersWhat(ctx: Ctx, q0: number): string {
  const { toks } = ctx;
  const v = prevSolid(toks, q0);
  if (v < 0 || toks[v].type !== "word" || SKIP_AS_VERB.has(toks[v].lower) || !/^VB[DN]$/.test(tagOf(toks[v]))) return "";
  return `others ${toks[v].lower}`;
}

const RATIO_AFTER = new Set(["more", "less", "fewer", "higher", "lower", "larger", "smaller", "bigger", "greater", "as", "the", "over", "faster", "slower", "cheaper", "longer"]);
const FILLERS = new Set(["a", "total", "of", "some", "more", "than", "over", "about", "nearly", "almost", "around", "approximately", "at", "least", "no", "fewer", "less", "up", "to", "as", "many", "already", "repeatedly", "another"]);

/** What a count of "times" counts ("violated the ceasefire 4,900 times" → "ceasefire violations"), or "" when the sentence does not say. */
export function timesWhat(ctx: Ctx, i0: number, timesTok: number): string {
  const { toks } = ctx;
  const after = skipGap(toks, timesTok + 1);
  if (after > timesTok + 1 && RATIO_AFTER.has(wordAt(toks, after) ?? "")) return "";
  // back over the hedge and fillers ("doing so a total of 4,900 times")
  let j = prevSolid(toks, i0);
  while (j >= 0 && toks[j].type === "word" && FILLERS.has(toks[j].lower)) j = prevSolid(toks, j);
  // "doing so", "did so", "done this": the verb before stands in for an earlier one in the sentence
  if (j >= 0 && (toks[j].lower === "so" || toks[j].lower === "this" || toks[j].lower === "it")) {
    const v = prevSolid(toks, j);
    if (v >= 0 && /^(?:do|does|did|doing|done)$/.test(toks[v].lower)) {
      for (let m = prevSolid(toks, v); m >= 0 && v - m < 40; m--) {
        const t = toks[m];
        if (t.type === "punct" && (t.text === "." || t.text === "!" || t.text === "?")) break;
        if (t.type === "word" && VERB_TAGS.test(tagOf(t)) && !SKIP_AS_VERB.has(t.lower)) {
          const r = verbWithObject(ctx, m);
          if (r) return r;
        }
      }
      return "";
    }
  }
  if (j < 0 || toks[j].type !== "word") return "";
  // "violated the ceasefire 4,900 times": verb, object, count
  const obj = npBeforeSpan(ctx, j + 1, false);
  if (obj) {
    let v = prevSolid(toks, obj.first);
    if (v >= 0 && /^(?:the|a|an|its|their|his|her|our|this|that)$/.test(toks[v].lower)) v = prevSolid(toks, v);
    if (v >= 0 && toks[v].type === "word" && VERB_TAGS.test(tagOf(toks[v]))) {
      const noun = nominal(toks[v]);
      if (noun) return withObject(noun, obj.what);
    }
  }
  // "the ceasefire was violated 4,900 times", "they met five times"
  if (VERB_TAGS.test(tagOf(toks[j])) && !SKIP_AS_VERB.has(toks[j].lower)) return verbWithObject(ctx, j);
  return "";
}

/** The event a verb at token v names, with its object after it or its subject before a passive: "ceasefire violations". */
function verbWithObject(ctx: Ctx, v: number): string {
  const { toks } = ctx;
  const noun = nominal(toks[v]);
  if (!noun) return "";
  const obj = npAfter(ctx, v + 1, false);
  if (obj) return withObject(noun, obj);
  const aux = prevSolid(toks, v);
  if (aux >= 0 && /^(?:was|were|been|is|are|be|being)$/.test(toks[aux].lower)) {
    const subj = npBeforeSpan(ctx, aux, false);
    if (subj) return withObject(noun, subj.what);
  }
  return plural(noun);
}

// "ceasefire violations", "Belgorod attacks"; a plural or long object goes after "of": "raises of interest rates"
const withObject = (noun: string, obj: string) => {
  const words = obj.split(" ");
  const compound = words.length <= 2 && (!/s$/.test(words[words.length - 1]) || /ss$/.test(words[words.length - 1]));
  return compound ? `${obj} ${plural(noun)}` : `${plural(noun)} of ${obj}`;
};
const plural = (w: string) => (/(?:s|sh|ch|x)$/.test(w) ? w + "es" : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + "ies" : w + "s");

const IRREGULAR = new Map<string, string>(Object.entries({ met: "meet", held: "hold", struck: "strike", fought: "fight", shot: "shoot", hit: "hit", broke: "break", broken: "break", spoke: "speak", spoken: "speak", ran: "run", flew: "fly", flown: "fly", made: "make", took: "take", taken: "take", went: "go", gave: "give", given: "give", rose: "rise", fell: "fall" }));
const IRREGULAR_NOUNS = new Map<string, string>(Object.entries({ meet: "meeting", hold: "", strike: "strike", fight: "fight", shoot: "shooting", hit: "hit", break: "breach", speak: "speech", run: "run", fly: "flight", make: "", take: "", go: "", give: "", rise: "rise", fall: "fall" }));

/** The noun for what a verb names, from the lexicon ("violated" → "violation", "attacked" → "attack"); "" when none is found. */
export function nominal(t: Token): string {
  let n = nominals.get(t.lower);
  if (n === undefined) {
    if (nominals.size >= 50_000) nominals.clear();
    n = lookUpNominal(t.lower);
    nominals.set(t.lower, n);
  }
  return n;
}
const nominals = new Map<string, string>();

function lookUpNominal(w: string): string {
  const bases: string[] = [];
  const irregular = IRREGULAR.get(w);
  if (irregular) bases.push(irregular);
  if (/ied$/.test(w)) bases.push(w.slice(0, -3) + "y");
  if (/ed$/.test(w)) bases.push(w.slice(0, -1), w.slice(0, -2));
  if (/([bcdfgklmnprstvz])\1ed$/.test(w)) bases.push(w.slice(0, -3));
  if (/s$/.test(w) && !/ss$/.test(w)) bases.push(w.slice(0, -1));
  if (/ing$/.test(w)) bases.push(w.slice(0, -3), w.slice(0, -3) + "e");
  bases.push(w);
  for (const b of bases) {
    const noun = IRREGULAR_NOUNS.get(b);
    if (noun !== undefined) return noun;
    const stem = b.replace(/e$/, "");
    for (const c of [stem + "ion", stem + "ation", b + "ment", stem + "al"]) {
      if (c !== w && isNoun(c, true)) return c;
    }
    // "shelling" is a verb form first and a noun second in the lexicon; "attacking" only a verb form
    if (b !== w && (isNoun(b + "ing", true) || (isNoun(b + "ing", false) && !isNoun(b, true)))) return b + "ing";
    if (b !== w && isNoun(b, false) && lexiconTags(b).some((tag) => tag.startsWith("VB"))) return b;
  }
  return "";
}

/** Is the word a noun in the lexicon: its first tag (`first`) or any of its tags? */
function isNoun(w: string, first: boolean): boolean {
  const tags = lexiconTags(w);
  return first ? tags.length > 0 && (tags[0] === "NN" || tags[0] === "NNS") : tags.some((t) => t === "NN");
}
