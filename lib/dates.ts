// Article dates: which of the dates a file gives is the article's own.
//
// Decisions (the tiers, strongest first; each is used only when every tier above it gives nothing):
// 1. header / front matter / page metadata / record field: what the file says about itself.
// 2. a dateline or a byline date in the opening lines, by its form and place (lib/datelines.ts): "ISLAMABAD,
//    Dec 26 (APP):", "Published May 28, 2025 08:15pm". A dateline wins over a byline.
// 3. a date in the `url` ("/2025/09/23/", "2025-09-23").
// 4. a date in the body, where the text ties it to the report: after a speech or briefing word ("said on
//    21 Feb 2024", "at a press conference on 21 Feb 2024"), "On 21 Feb 2024, … said", or on a photo caption's
//    line. The first such date counts. Any other date in the body is what the story is about (on the seeds, "the
//    special military operation … on February 24, 2022"), never the article's.
// A dateline or byline without a year takes it from tier 1, else tier 3, else a tier-4 date, else today: the
// nearest date with that month and day that is not after the reference (a report is filed before it is published;
// two days' grace for time zones), never a future one. A year taken from today is said in a warning.
//
// A date in the text that disagrees with the header by more than a week (HISTORY_DAYS) is history or a slip, never
// the article's date: the header wins, the article gets a warning naming both, and the text's date is not used as
// evidence for the event either. Closer than that, the dateline is the better evidence of when the briefing was
// (lib/event-dates.ts ranks it above the header). On the BBC corpus (header dates spread over 2025) this keeps
// the 7 events the old rule dated 1945–2004 at their header dates.
import * as chrono from "chrono-node";
import type { DateSource } from "./types.js";
import { DATE_SOURCE, dateParts, findDateline, type DateParts } from "./datelines.js";

/** Days a text's dateline may be from the header before it is history and the header wins (with a warning). */
export const HISTORY_DAYS = 7;

/** Check a metadata date; returns YYYY-MM-DD, or null when it is not a real calendar date. */
export function validDate(raw: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])/.exec(raw.trim());
  if (!m) {
    // Metadata sometimes says "February 25, 2025" or an RFC date: let chrono read it, but only when fully specified.
    const r = chrono.parse(raw)[0];
    if (!r || !r.start.isCertain("year") || !r.start.isCertain("month") || !r.start.isCertain("day")) return null;
    return ymd(r.start.get("year")!, r.start.get("month")!, r.start.get("day")!);
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return ymd(y, mo, d);
}

export function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The year of a month and day written without one: the latest such date not after `ref` plus `graceDays`.
 * @return YYYY-MM-DD (29 February goes to the latest leap year).
 */
export function resolveYear(month: number, day: number, ref: string, graceDays = 2): string {
  const limit = dayNumber(ref) + graceDays;
  const y0 = Number(ref.slice(0, 4)) + 1;
  for (let y = y0; y > y0 - 9; y--) {
    const d = ymd(y, month, day);
    if (validDate(d) && dayNumber(d) <= limit) return d;
  }
  return ymd(y0 - 1, month, day);
}

/** A date in a URL: /2025/09/23/, 2025-09-23, /20250923/; or only a year and month (/2025/09/). */
export function urlDate(url: string | null | undefined): { date: string | null; year: number | null } {
  if (!url) return { date: null, year: null };
  const m = /(?:^|[/_-])((?:19|20)\d{2})([/-]?)(\d{2})\2(\d{2})(?=$|[/_.?#-])/.exec(url);
  if (m && (m[2] || /\/\d{8}(?=[/_.?#-]|$)/.test(url))) {
    const d = validDate(`${m[1]}-${m[3]}-${m[4]}`);
    if (d) return { date: d, year: Number(m[1]) };
  }
  const ym = /\/((?:19|20)\d{2})\/(\d{2})\//.exec(url);
  return { date: null, year: ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12 ? Number(ym[1]) : null };
}

const SPEECH_BEFORE = /\b(?:said|says|told|stated|declared|remarked|announced|added|noted|stressed|briefing|briefed|conference|statement|interview|remarks|speech|speaking|spoke|talking|addressing|addressed|address|media|reporters|journalists|meeting|met|session|event|ceremony)\b[^.,;:!?\n]{0,40}$/i;
const SPEECH_IN = /\b(?:said|says|told|stated|declared|remarked|announced|added|noted|stressed|briefing|briefed|conference|statement|interview|speaking|spoke|talking|addressing|addressed)\b/i;
const CAPTION = /\b(?:photo|photograph|picture|file image|image|caption)\b/i;
const ON_DATE = new RegExp(`\\b(?:[Oo]n|ON|dated)\\s+${DATE_SOURCE}`, "g");
const ANY_DATE = new RegExp(DATE_SOURCE, "g");

/**
 * A date in the body that the text ties to the report (tier 4 above): the first full date (day, month, year)
 * after a speech or briefing word in the same clause, opening a sentence with a speech verb, or on a caption line.
 * @return `{date, text}` or null.
 */
export function bodyDate(text: string): { date: string; text: string } | null {
  if (!/(?:19|20)\d{2}/.test(text)) return null;
  ON_DATE.lastIndex = 0;
  for (let m = ON_DATE.exec(text); m; m = ON_DATE.exec(text)) {
    const p = dateParts(m);
    if (!p || p.year === null) continue;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const sentenceStart = /(?:^|[.!?:]\s+|\n)$/.test(text.slice(Math.max(0, m.index - 3), m.index)) || m.index === 0;
    const sentence = text.slice(m.index, text.slice(m.index).search(/[.!?](?:\s|$)/) + m.index + 1 || text.length);
    if (SPEECH_BEFORE.test(before) || (sentenceStart && SPEECH_IN.test(sentence))) return { date: ymd(p.year, p.month, p.day), text: m[0] };
  }
  // A caption: a short line naming a photo, with a full date.
  for (const line of text.split("\n")) {
    if (line.length > 300 || !CAPTION.test(line)) continue;
    ANY_DATE.lastIndex = 0;
    for (let m = ANY_DATE.exec(line); m; m = ANY_DATE.exec(line)) {
      const p = dateParts(m);
      if (p && p.year !== null) return { date: ymd(p.year, p.month, p.day), text: m[0] };
    }
  }
  return null;
}

/** Sources of tier 1: the file's own metadata. */
const METADATA = new Set<DateSource>(["header", "front-matter", "meta", "field"]);

export interface ArticleDate {
  date: string | null;
  dateSource: DateSource;
  /** The dateline's or byline's date (year resolved) when it agrees with the article's date, for the event's evidence. */
  dateline: string | null;
  warnings: string[];
}

/**
 * Decide an article's own date from its metadata date, its text and its url (tiers at the top of this file).
 * @param raw the metadata date as written (null when none), `source` where it came from.
 * @param todayDate the reference for a year no other date gives (default: today).
 */
export function articleDate(text: string, raw: string | null | undefined, source: DateSource, url: string | null | undefined, todayDate: string = today()): ArticleDate {
  const warnings: string[] = [];
  let own: string | null = null;
  if (raw) {
    own = validDate(raw);
    if (!own) warnings.push(`${source ?? "date"} date "${raw}" is not a valid date; ignored`);
  }
  const found = findDateline(text);
  const fromUrl = urlDate(url);
  if (own) {
    const dl = found ? resolved(found, own) : null;
    if (dl && Math.abs(dayNumber(dl) - dayNumber(own)) > HISTORY_DAYS) {
      warnings.push(`the ${found!.kind} "${found!.text}" gives ${dl}, ${Math.abs(dayNumber(dl) - dayNumber(own))} days from the ${source ?? "metadata"} date ${own}; the ${source ?? "metadata"} date is kept`);
      return { date: own, dateSource: source ?? "field", dateline: null, warnings };
    }
    return { date: own, dateSource: source ?? "field", dateline: dl, warnings };
  }
  if (found) {
    let date: string;
    if (found.year !== null) date = ymd(found.year, found.month, found.day);
    else {
      const body = fromUrl.date || fromUrl.year ? null : bodyDate(text);
      const ref = fromUrl.date ?? (fromUrl.year ? `${fromUrl.year}-12-31` : null) ?? body?.date ?? null;
      date = resolveYear(found.month, found.day, ref ?? todayDate, ref ? 2 : 0);
      if (!ref) warnings.push(`the ${found.kind} "${found.text}" has no year and nothing else dates the article: taken as ${date}, the latest such date up to today (${todayDate})`);
    }
    return { date, dateSource: found.kind, dateline: date, warnings };
  }
  if (fromUrl.date) return { date: fromUrl.date, dateSource: "url", dateline: null, warnings };
  const body = bodyDate(text);
  if (body) {
    warnings.push(`dated ${body.date} from the text ("${body.text}"): no header, metadata, dateline, byline or date in the url`);
    return { date: body.date, dateSource: "body", dateline: null, warnings };
  }
  warnings.push("no date found (no header, metadata or dateline)");
  return { date: null, dateSource: null, dateline: null, warnings };
}

/** The date of a dateline or byline, its year (when left out) from `ref`. */
function resolved(d: DateParts & { kind?: string }, ref: string): string {
  return d.year !== null ? ymd(d.year, d.month, d.day) : resolveYear(d.month, d.day, ref);
}

/**
 * The dateline evidence of an article already dated: its dateline's or byline's date when that agrees with the
 * article's own date within HISTORY_DAYS (a disagreeing one was warned about at loading and is history).
 */
export function datelineEvidence(text: string, date: string | null, source: DateSource, url?: string | null): string | null {
  if (source === "dateline") return date;
  const found = findDateline(text);
  // A byline is the publication date, as metadata is: evidence of when the briefing was only through the article's date.
  if (!found || found.kind === "byline") return null;
  if (date && source && source !== "event") {
    const dl = resolved(found, date);
    return Math.abs(dayNumber(dl) - dayNumber(date)) > HISTORY_DAYS ? null : dl;
  }
  if (found.year !== null) return ymd(found.year, found.month, found.day);
  const u = urlDate(url);
  return u.date ? resolveYear(found.month, found.day, u.date) : null;
}

/**
 * Find a dateline or byline date ("Islamabad, February 25, 2025:", "(UrduPoint - 23rd Sep, 2025)") in the opening
 * of a text. Only a written year counts here: "ISLAMABAD, Dec 26:" gives null (articleDate resolves its year).
 */
export function datelineDate(text: string): string | null {
  const d = findDateline(text);
  return d && d.year !== null ? ymd(d.year, d.month, d.day) : null;
}

export { METADATA };
