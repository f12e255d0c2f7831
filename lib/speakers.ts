// Speakers: the person whose statements an article reports. The aliases are data (data/speakers.yml) users extend.
//
// Decisions:
// - The main speaker is the person with the most attributed statements: "X said", "X told reporters", "X, while
//   addressing …, said", "said X" after a quotation, "according to X", and "he added" / "the ambassador said"
//   resolved to a person named earlier. A quotation from someone else inside the speaker's report counts for that
//   other person, once or twice, and loses to the speaker's many. A tie goes to the person attributed first (the lede).
// - A pronoun ("he", "she") is the last person attributed a statement, else the last person named: "Khorev said
//   Putin wanted peace. He added …" is Khorev, not Putin, as a reader takes it. A role ("the ambassador", "the
//   Ukrainian envoy") is the last person whose name came with those words ("Ukrainian Ambassador Ivan Petrenko"),
//   else, for a bare role, the last speaker; a role with a nationality no one has is left unresolved rather than
//   given to the wrong person.
// - Names are runs of capitalised words and initials ("Albert P. Khorev", "Albert P Khorev"), with titles, places
//   and nationalities (the `titles` list) taken off the front ("Russian Ambassador to Pakistan Albert P. Khorev"); a
//   run holding an organisation word ("White House", "Foreign Office") is not a person. A single word is a person
//   only as an alias, as the surname of a name already seen, or after a title ("Ambassador Petrenko").
// - The result is the canonical name of data/speakers.yml when an alias matches, else the longest form of the name
//   in the text, else null (no attributed statement).
// - Cost: four regex passes over the text and work per attribution, no tokenizer.
import fs from "node:fs";
import { parse as parseYaml } from "yaml";

export interface SpeakerEntry {
  name: string;
  aliases: string[];
}

/** data/speakers.yml: the speakers with their aliases, and the words that are never part of a person's name. */
export interface SpeakerList {
  speakers: SpeakerEntry[];
  /** Titles, places, nationalities: taken off the front of a name ("Ambassador", "Russian", "Pakistan"). */
  titles: string[];
  /** Organisation words: a run holding one is not a person ("Office", "Ministry", "House"). */
  organisations: string[];
}

/** Read data/speakers.yml (`speakers: {Name: [alias, …]}`, `titles: […]`, `organisations: […]`); a missing file means an empty list. */
export function loadSpeakers(file = "data/speakers.yml"): SpeakerList {
  const empty: SpeakerList = { speakers: [], titles: [], organisations: [] };
  if (!fs.existsSync(file)) return empty;
  const doc = parseYaml(fs.readFileSync(file, "utf8")) as Record<string, unknown> | null;
  if (doc === null) return empty;
  if (typeof doc !== "object" || Array.isArray(doc)) throw new Error(`${file}: expected the keys speakers, titles and organisations`);
  for (const k of Object.keys(doc)) if (!["speakers", "titles", "organisations"].includes(k)) throw new Error(`${file}: unknown key "${k}" (keys: speakers, titles, organisations)`);
  const list = (x: unknown, what: string): string[] => {
    if (x === undefined || x === null) return [];
    const l = Array.isArray(x) ? x : [x];
    if (l.some((s) => typeof s !== "string")) throw new Error(`${file}: ${what} must be text or a list of text`);
    return (l as string[]).map((s) => s.trim()).filter(Boolean);
  };
  const sp = doc.speakers ?? {};
  if (typeof sp !== "object" || Array.isArray(sp)) throw new Error(`${file}: speakers must be "Canonical name: [alias, …]" entries`);
  const speakers = Object.entries(sp as Record<string, unknown>).map(([name, v]) => ({ name, aliases: list(v, `speakers: ${name}`) }));
  return { speakers, titles: list(doc.titles, "titles"), organisations: list(doc.organisations, "organisations") };
}

const SPEECH_VERBS = [
  "said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "noted", "notes", "stressed", "stresses", "emphasised", "emphasized",
  "emphasises", "emphasizes", "underlined", "underlines", "underscored", "highlighted", "highlights", "remarked", "observed", "explained", "explains",
  "maintained", "maintains", "asserted", "asserts", "claimed", "claims", "declared", "declares", "announced", "announces", "confirmed", "confirms",
  "clarified", "clarifies", "reiterated", "reiterates", "urged", "urges", "warned", "warns", "pointed out", "points out", "recalled", "recalls",
  "insisted", "insists", "argued", "argues", "commented", "praised", "praises", "lauded", "lauds", "thanked", "thanks", "accused", "accuses",
  "criticised", "criticized", "criticises", "criticizes", "described", "describes", "replied", "responded", "answered", "mentioned", "revealed",
  "disclosed", "informed", "opined", "acknowledged", "admitted", "expressed", "termed", "dismissed", "rejected", "welcomed", "welcomes",
  "appreciated", "appreciates", "condemned", "denied", "suggested", "affirmed", "assured", "vowed", "pledged", "talked", "spoke", "went on to say",
];
const VERB = new RegExp(`\\b(?:[Aa]ccording to|${SPEECH_VERBS.sort((a, b) => b.length - a.length).join("|")})\\b`, "g");
const PRONOUN = /\b(?:[Hh]e|[Ss]he|HE|SHE)\b/g;
const ROLE_NOUNS = "ambassador|envoy|diplomat|minister|spokesperson|spokesman|spokeswoman|official|president|premier|chancellor|secretary|commander|consul|counsellor|adviser|advisor";
const ROLE = new RegExp(`\\b(?:[Tt]he|THE)\\s+((?:[A-Z][a-z]+\\s+){0,2})(${ROLE_NOUNS.split("|").map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join("|")})\\b`, "g");
// Titles that make a single capitalised word a name ("Ambassador Petrenko", "Mr Straw"); "The Tories" is no person.
const REAL_TITLE = /^(?:Mr|Mrs|Ms|Dr|Sir|Lady|Lord|Ambassador|Envoy|President|Minister|Secretary|Senator|Governor|Mayor|General|Chancellor|Premier|Spokesperson|Spokesman|Professor|Prof|Judge|Justice|Director|Chairman|Commander|Colonel|Consul|Counsellor|Adviser|Advisor)\.?$/;
// A name token: a capitalised word (with inner hyphen or apostrophe), or an initial ("P." or "P" before a name).
const TOKEN = "(?:\\p{Lu}\\p{Ll}+(?:[-'’](?![sS]\\b)\\p{L}+)*|\\p{Lu}\\.(?:\\p{Lu}\\.)*|\\p{Lu}(?=\\s+\\p{Lu}\\p{Ll}))";
const RUN = new RegExp(`${TOKEN}(?:[ \\t]+${TOKEN})*`, "gu");
const ALWAYS_TITLES = ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "H.E.", "The", "His", "Her", "Excellency", "Ambassador", "Envoy", "President", "Minister"];
const FUNCTION_WORDS = new Set(["The", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "In", "On", "At", "But", "And", "As", "For", "If", "While", "When", "After", "Before", "Speaking", "Addressing", "Talking", "According", "Meanwhile", "However", "Earlier", "Later", "Also"]);

interface Person {
  key: string;
  name: string;
  canonical: boolean;
  words: Set<string>;
}

interface Mention {
  start: number;
  end: number;
  kind: "person" | "pronoun" | "role";
  person?: Person;
  /** Role words of a role mention ("ukrainian", "ambassador"). */
  role?: string[];
}

/** One attributed statement: who, and the words that attributed it. */
export interface Attribution {
  speaker: string;
  at: number;
  verb: string;
}

const nameKey = (s: string) => s.toLowerCase().replace(/\./g, "").replace(/\s+/g, " ").trim();
const aliasForm = (s: string) => s.replace(/^the\s+/i, "").trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

/** Compiled lookups for one SpeakerList, cached on the list object. */
interface Compiled {
  alias: RegExp | null;
  byAlias: Map<string, SpeakerEntry>;
  titles: Set<string>;
  organisations: Set<string>;
}
const compiledLists = new WeakMap<SpeakerList, Compiled>();
function compiled(list: SpeakerList): Compiled {
  let c = compiledLists.get(list);
  if (c) return c;
  const byAlias = new Map<string, SpeakerEntry>();
  for (const s of list.speakers) for (const a of [s.name, ...s.aliases]) byAlias.set(nameKey(aliasForm(a)), s);
  const forms = Array.from(byAlias.keys()).sort((a, b) => b.length - a.length);
  const sources = forms.map((k) => {
    const entry = byAlias.get(k)!;
    const written = [entry.name, ...entry.aliases].map(aliasForm).find((a) => nameKey(a) === k)!;
    return escapeRe(written).replace(/\\\./g, "\\.?");
  });
  c = {
    alias: sources.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join("|")})(?![\\p{L}\\p{N}])`, "giu") : null,
    byAlias,
    titles: new Set([...ALWAYS_TITLES, ...list.titles].map((t) => t.toLowerCase())),
    organisations: new Set(list.organisations.map((t) => t.toLowerCase())),
  };
  compiledLists.set(list, c);
  return c;
}

/**
 * Every attributed statement in a text, in order, with its speaker (canonical or normalised name).
 * @return one Attribution per speech verb or "according to" whose subject resolves to a person.
 */
export function attributions(text: string, list: SpeakerList): Attribution[] {
  const c = compiled(list);
  const people = new Map<string, Person>();
  const bySurname = new Map<string, Person>();
  const personFor = (name: string, canonical: boolean, words: string[]): Person => {
    const key = canonical ? `=${name}` : nameKey(name);
    let p = people.get(key);
    if (!p) {
      // "Straw" (after "Home Secretary") and a later "Jack Straw" are one person.
      const single = !canonical && !name.includes(" ") ? bySurname.get(name) : undefined;
      if (single) return single;
      people.set(key, (p = { key, name, canonical, words: new Set() }));
      if (!canonical) {
        const surname = name.slice(name.lastIndexOf(" ") + 1);
        const earlier = people.get(nameKey(surname));
        if (earlier && earlier !== p && !earlier.canonical) {
          // The surname came first: the full name takes it over.
          earlier.name = name;
          people.set(key, earlier);
          p = earlier;
        }
        bySurname.set(surname, p);
      }
    } else if (!canonical && name.length > p.name.length) p.name = name;
    for (const w of words) p.words.add(w.toLowerCase());
    return p;
  };
  const mentions: Mention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  if (c.alias) {
    c.alias.lastIndex = 0;
    for (let m = c.alias.exec(text); m; m = c.alias.exec(text)) {
      const entry = c.byAlias.get(nameKey(m[0]))!;
      if (!entry) continue;
      let start = m.index;
      const before = text.slice(Math.max(0, start - 4), start);
      if (/the\s+$/i.test(before)) start -= before.length - before.search(/the\s+$/i);
      mentions.push({ start, end: m.index + m[0].length, kind: "person", person: personFor(entry.name, true, m[0].split(/\s+/)) });
      taken.push([start, m.index + m[0].length]);
    }
  }
  // Name runs, in text order: titles off the front; surnames link to names already seen.
  RUN.lastIndex = 0;
  const runs: Mention[] = [];
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    // A lone capitalised word is a person only as a surname already seen or after a title: most runs end here.
    const single = m[0].indexOf(" ") < 0 && m[0].indexOf("\t") < 0;
    if (single && !bySurname.has(m[0])) continue;
    if (taken.length && overlaps(m.index, m.index + m[0].length)) continue;
    const tokens = single ? [m[0]] : m[0].split(/[ \t]+/);
    let i = 0;
    // The name follows the last title in the run: "Foreign Office Spokesperson Amina Qureshi", "Ukrainian
    // Ambassador Ivan Petrenko" (organisation words and nationalities before a title belong to the title).
    for (let j = 0; j < tokens.length; j++) {
      const t = tokens[j].toLowerCase();
      if (c.titles.has(t) || c.titles.has(t.replace(/\.$/, ""))) i = j + 1;
    }
    const rest = tokens.slice(i);
    if (!rest.length || rest.some((t) => c.organisations.has(t.toLowerCase()) || c.titles.has(t.toLowerCase()))) continue;
    if (i === 0 && FUNCTION_WORDS.has(rest[0])) continue;
    let person: Person | null = null;
    if (rest.length >= 2 && !/^\p{Lu}\.?$/u.test(rest[rest.length - 1])) {
      const name = rest.map((t) => (/^\p{Lu}$/u.test(t) ? `${t}.` : t)).join(" ");
      person = personFor(name, false, tokens.slice(0, i));
    } else if (rest.length === 1 && !/^\p{Lu}\.?$/u.test(rest[0])) {
      const surname = rest[0];
      const known = bySurname.get(surname);
      if (known) person = known;
      else if (i > 0 && REAL_TITLE.test(tokens[i - 1])) person = personFor(surname, false, tokens.slice(0, i));
    }
    if (!person) continue;
    // Words of the title before the name ("Ukrainian Ambassador to Pakistan, Ivan Petrenko") describe the person.
    if (i > 0 || !single) {
      const lead = text.slice(Math.max(0, m.index - 50), m.index);
      const from = Math.max(lead.lastIndexOf("."), lead.lastIndexOf("\n"), lead.lastIndexOf("!"), lead.lastIndexOf("?")) + 1;
      for (const w of lead.slice(from).toLowerCase().split(/[^\p{L}]+/u)) if (w) person.words.add(w);
    }
    runs.push({ start: m.index, end: m.index + m[0].length, kind: "person", person });
  }
  mentions.push(...runs);
  ROLE.lastIndex = 0;
  for (let m = ROLE.exec(text); m; m = ROLE.exec(text)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    const role = [...m[1].trim().split(/\s+/).filter(Boolean), m[2]].map((w) => w.toLowerCase());
    mentions.push({ start: m.index, end: m.index + m[0].length, kind: "role", role });
  }
  PRONOUN.lastIndex = 0;
  for (let m = PRONOUN.exec(text); m; m = PRONOUN.exec(text)) mentions.push({ start: m.index, end: m.index + m[0].length, kind: "pronoun" });
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);

  const found: Array<{ person: Person; at: number; verb: string }> = [];
  let lastSpeaker: Person | null = null;
  let lastPerson: Person | null = null;
  const seen: Person[] = [];
  const resolve = (m: Mention): Person | null => {
    if (m.person) return m.person;
    if (m.kind === "pronoun") return lastSpeaker ?? lastPerson;
    const role = m.role ?? [];
    for (let k = seen.length - 1; k >= 0; k--) if (role.every((w) => seen[k].words.has(w))) return seen[k];
    return role.length === 1 ? lastSpeaker ?? lastPerson : null;
  };
  let mi = 0;
  VERB.lastIndex = 0;
  for (let v = VERB.exec(text); v; v = VERB.exec(text)) {
    // Mentions before the verb update who was last named.
    let subject: Mention | null = null;
    for (; mi < mentions.length && mentions[mi].end <= v.index; mi++) {
      const m = mentions[mi];
      if (m.person) {
        lastPerson = m.person;
        if (!seen.includes(m.person)) seen.push(m.person);
        else seen.push(seen.splice(seen.indexOf(m.person), 1)[0]);
      }
    }
    const prev = mi > 0 ? mentions[mi - 1] : null;
    if (v[0].toLowerCase() !== "according to" && prev && subjectGap(text.slice(prev.end, v.index))) subject = prev;
    const inverted = v[0].toLowerCase() === "according to" || /[,”"’']\s*$/.test(text.slice(Math.max(0, v.index - 3), v.index));
    if (!subject && inverted) {
      let k = mi;
      while (k < mentions.length && mentions[k].start < v.index + v[0].length) k++;
      const next = k < mentions.length ? mentions[k] : null;
      if (next && next.start - (v.index + v[0].length) <= 45 && /^[\s\p{L}.,]*$/u.test(text.slice(v.index + v[0].length, next.start)) && !/[.!?]/.test(text.slice(v.index + v[0].length, next.start).replace(/\b\p{Lu}\./gu, ""))) subject = next;
    }
    if (!subject) continue;
    const p = resolve(subject);
    if (!p) continue;
    lastSpeaker = p;
    lastPerson = p;
    found.push({ person: p, at: v.index, verb: v[0] });
  }
  // A person's name is its longest form in the text ("Ivan Petrenko", though "Petrenko" came first).
  return found.map((f) => ({ speaker: f.person.name, at: f.at, verb: f.verb }));
}

// Between a subject and its verb: nothing, an adverb or "on Tuesday", or a parenthetical between commas.
const GAP = /^(?:\s*,[^,.;!?\n“”"]{0,140},)?\s*(?:(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|also|further|again|once again|then|later|earlier|however|\p{Ll}+ly)\s+)*$/u;
function subjectGap(gap: string): boolean {
  return gap.length <= 160 && GAP.test(gap);
}

/** The main speaker of a text (rules at the top of this file): canonical name, normalised name, or null. */
export function mainSpeaker(text: string, list: SpeakerList): string | null {
  const counts = new Map<string, { n: number; first: number }>();
  for (const a of attributions(text, list)) {
    const c = counts.get(a.speaker);
    if (c) c.n++;
    else counts.set(a.speaker, { n: 1, first: a.at });
  }
  let best: string | null = null;
  let bn = 0, bf = Infinity;
  for (const [s, c] of counts) if (c.n > bn || (c.n === bn && c.first < bf)) [best, bn, bf] = [s, c.n, c.first];
  return best;
}
