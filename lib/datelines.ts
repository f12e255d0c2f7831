// Datelines and bylines by their form and place: what a newsroom writes at the top of a story.
//
// Decisions:
// - A dateline is a dateline by its form and its place, never because a date happens to sit near the top: it
//   opens one of the first lines (PLACE, then a date and/or a wire tag, then ":" or a dash), or it is the
//   bracketed wire form "(Outlet - 23rd Sep, 2025)". A byline date is a line of its own among the first lines,
//   holding a date with its year and nothing else but words such as "Published", a time and "By …". On the BBC
//   corpus the old rule (the first full date chrono found in the first 240 characters) took a fixture listing
//   ("Tuesday, 1 March" / "1945 GMT", 4 articles) and ledes ("made … on 1 January 1985", 3 articles) for datelines;
//   neither has this form.
// - Dates are read here by a small parser of month names (full, abbreviated, with or without a dot, any case),
//   days with or without ordinals, either order, an optional weekday and an optional year, instead of chrono:
//   the year may be missing ("ISLAMABAD, Dec 26 (APP):"), and the form around the date decides whether it counts.
//   A year followed by GMT/BST/UTC/PKT or "hrs" is a time, not a year.
// - Only the opening is read: the first 8 lines and at most 1,200 characters (a headline, a byline or two, the
//   first paragraph's start). Cost: a few short regexes per article; no chrono.

export interface DateParts {
  year: number | null;
  month: number;
  day: number;
}

export interface Dateline extends DateParts {
  kind: "dateline" | "byline";
  /** The dateline or byline as written. */
  text: string;
  /** Wire or outlet tags written in the dateline: "APP" from "(APP)", "DNA" from "/DNA/", the outlet of "(UrduPoint - 23rd Sep, 2025)". */
  tags: string[];
  /** "Updated …" bylines are weaker than "Published …" ones. */
  updated: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
// Regexes here are case-sensitive (a place must start with a capital, and /iu would let \p{Lu} match any letter):
// month and weekday words are spelled out in the three cases newsrooms write them (Sept, SEPT, sept).
const cases = (words: string[]) =>
  words.sort((a, b) => b.length - a.length).flatMap((w) => [w[0].toUpperCase() + w.slice(1), w.toUpperCase(), w]).join("|");
const MONTH = `(?:${cases(Object.keys(MONTHS))})\\.?(?![A-Za-z])`;
const WEEKDAY = `(?:${cases(["monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed", "thursday", "thurs", "thur", "thu", "friday", "fri", "saturday", "sat", "sunday", "sun"])})\\.?(?![A-Za-z])`;
const DAY = "(?:[0-3]?\\d)(?:st|nd|rd|th|ST|ND|RD|TH)?";
const YEAR = "(?:19|20)\\d{2}(?!\\d|\\s*(?:GMT|BST|UTC|PKT|PST|IST|CET|hrs\\b|h\\b))";
/** One date as newsrooms write it; groups: month-day (1 month, 2 day, 3 year), day-month (4 day, 5 month, 6 year), ISO (7, 8, 9). */
export const DATE_SOURCE = `(?:${WEEKDAY},?\\s+)?(?:(${MONTH})\\s+(${DAY})\\b(?:,?\\s+(${YEAR}))?|(${DAY})(?:\\s+of)?\\s+(${MONTH})(?:,?\\s+(${YEAR}))?|(\\d{4})-(\\d{2})-(\\d{2})\\b)`;
const DATE = new RegExp(DATE_SOURCE);

/** Month, day and (when written) year of a date match of DATE_SOURCE; null for an impossible date ("Feb 30"). */
export function dateParts(m: RegExpExecArray | RegExpMatchArray, at = 1): DateParts | null {
  let year: number | null, month: number, day: number;
  if (m[at + 6]) [year, month, day] = [Number(m[at + 6]), Number(m[at + 7]), Number(m[at + 8])];
  else if (m[at]) [month, day, year] = [monthNumber(m[at]), parseInt(m[at + 1], 10), m[at + 2] ? Number(m[at + 2]) : null];
  else [day, month, year] = [parseInt(m[at + 3], 10), monthNumber(m[at + 4]), m[at + 5] ? Number(m[at + 5]) : null];
  if (!(month >= 1 && month <= 12) || !(day >= 1 && day <= daysIn(year ?? 2024, month))) return null;
  return { year, month, day };
}

function monthNumber(s: string): number {
  return MONTHS[s.toLowerCase().replace(/\.$/, "")] ?? 0;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Read one date written on its own ("Dec 26", "23rd Sep, 2025", "Tuesday, Sept. 23, 2025", "2025-09-23"). */
export function parseDate(s: string): DateParts | null {
  const m = new RegExp(`^\\s*${DATE_SOURCE}\\s*$`).exec(s);
  return m ? dateParts(m) : null;
}

// PLACE: one to four words, each capitalised or all capitals ("ISLAMABAD", "New Delhi", "Dera Ismail Khan").
const PLACE = "\\p{Lu}[\\p{L}.'’-]*(?:[ -]\\p{Lu}[\\p{L}.'’-]*){0,3}";
const TAG = "\\(([^()\\n]{2,40})\\)|/([A-Za-z][A-Za-z .&-]{0,30}[A-Za-z])/|\\[([^\\[\\]\\n]{2,40})\\]";
// PLACE[,] [weekday,] DATE [TAG] TERMINATOR, or PLACE [,] TAG [,] [DATE] TERMINATOR.
const DATELINE = new RegExp(
  `^(${PLACE})\\s*(?:,\\s*|\\s+)(?:(?:${TAG})\\s*,?\\s*)?(?:${DATE_SOURCE.replace(/\((?!\?)/g, "(?:")})?\\s*(?:${TAG})?\\s*(?::|[-–—]+(?=\\s)|(?=\\s*\\p{Lu}))`,
  "u",
);
// "(UrduPoint / Pakistan Point News - 23rd Sep, 2025)", "(APP - 3rd Mar, 2025)": the bracketed wire form.
const PAREN_DATELINE = new RegExp(`\\(([^()\\n]{2,80}?)\\s+[-–—]\\s+(${DATE_SOURCE.replace(/\((?!\?)/g, "(?:")})\\s*\\)`);
const PLACE_ONLY = new RegExp(`^${PLACE}\\s*,?\\s*$`, "u");
const BYLINE_WORDS = /^(?:(?:published|updated|last updated|posted|first published|date|dated|on|at|by|\||-|–|—|,|:|pkt|gmt|utc|am|pm|a\.m\.|p\.m\.)\s*)*$/i;
const TIME = /\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\b(?:\s*(?:PKT|GMT|UTC|PST|IST|BST))?|\b\d{1,2}\s*[ap]\.?m\.?\b/gi;

/** How far into the text datelines and bylines are looked for. */
export const OPENING_LINES = 8;
export const OPENING_CHARS = 1200;

/**
 * The dateline or byline date in the opening of a text, by form and place (see the top of this file).
 * A dateline wins over a byline; among bylines, a "Published" one over an "Updated" one.
 * @return the dateline with its date parts (year null when not written) and tags, or null.
 */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, OPENING_CHARS);
  const lines = head.split("\n");
  let byline: Dateline | null = null;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < OPENING_LINES; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    seen++;
    const d = datelineAt(line);
    if (d) return d;
    const b = bylineDate(line);
    if (b && (!byline || (byline.updated && !b.updated))) byline = b;
  }
  return byline;
}

/** A dateline opening this line, if the line starts with one and holds a date. */
export function datelineAt(line: string): Dateline | null {
  const d = datelineForm(line);
  return d && d.parts ? { ...d.parts, kind: "dateline", text: d.text, tags: d.tags, updated: false } : null;
}

/** The dateline form opening a line, with its date parts when it holds a date ("ISLAMABAD (APP):" holds none). */
export function datelineForm(line: string): { parts: DateParts | null; text: string; tags: string[] } | null {
  const paren = PAREN_DATELINE.exec(line.slice(0, 160));
  // The bracketed form opens the line, or follows a place: "ISLAMABAD, (UrduPoint - 23rd Sep, 2025)".
  if (paren && (paren.index === 0 || PLACE_ONLY.test(line.slice(0, paren.index)))) {
    const parts = parseDate(paren[2]);
    if (parts) return { parts, text: line.slice(0, paren.index + paren[0].length), tags: [paren[1].trim()] };
  }
  const m = DATELINE.exec(line.slice(0, 200));
  if (!m) return null;
  const written = m[0];
  const tags = [m[2], m[3], m[4], m[5], m[6], m[7]].filter((t): t is string => !!t).map((t) => t.trim());
  // "Saturday, 26 February" alone on a line is a fixture listing, not a place and a date.
  if (new RegExp(`^(?:${WEEKDAY}|${MONTH})$`).test(m[1])) return null;
  const dm = DATE.exec(written.slice(m[1].length));
  const parts = dm ? dateParts(dm) : null;
  // Without ":" or a dash, only a date and a tag make it a dateline ("MOSCOW, March 3 (Reuters) Russia said"); a
  // name and a bracket ("Margaret Atwood (Canada) Saul Bellow", a team sheet's "Coyne (Burnley), Jones") is not one.
  if (!/[:\-–—]$/.test(written.trimEnd()) && !(tags.length && parts)) return null;
  return { parts, text: written.trim(), tags };
}

/** Tags (wires, outlets) written in a dateline in the opening lines: "APP" from "ISLAMABAD, Dec 26 (APP):". */
export function datelineTags(text: string): string[] {
  const lines = text.slice(0, OPENING_CHARS).split("\n");
  for (let i = 0, seen = 0; i < lines.length && seen < OPENING_LINES; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    seen++;
    const d = datelineForm(line);
    if (d && d.tags.length) return d.tags;
  }
  return [];
}

/** A byline date: a line holding a date with its year and nothing else but "Published", a time, "By …". */
export function bylineDate(line: string): Dateline | null {
  if (line.length > 90) return null;
  const m = DATE.exec(line);
  if (!m) return null;
  const parts = dateParts(m);
  if (!parts || parts.year === null) return null;
  const before = line.slice(0, m.index), after = line.slice(m.index + m[0].length);
  // "By Our Correspondent | May 28, 2025": a "By …" part names the writer; the rest must be byline words.
  const rest = (before + " " + after).replace(/\bby\s+[^|,–—]+/i, " ").replace(TIME, " ").replace(/\s+/g, " ").trim();
  if (!BYLINE_WORDS.test(rest)) return null;
  return { ...parts, kind: "byline", text: line, tags: [], updated: /\bupdated\b/i.test(before) };
}
