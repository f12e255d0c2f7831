// Article dates: an explicit header or metadata field first, else a dateline in the opening lines.
import * as chrono from "chrono-node";

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

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** How far into the text a dateline may sit: the first couple of lines of a wire story. */
const DATELINE_CHARS = 240;

/**
 * Find a dateline ("Islamabad, February 25, 2025:", "(UrduPoint - 23rd Sep, 2025)") in the opening of a text.
 * Only dates with year, month and day all written count: "last August" is not a dateline.
 */
export function datelineDate(text: string): string | null {
  const head = text.slice(0, DATELINE_CHARS);
  for (const r of chrono.parse(head, new Date(Date.UTC(2000, 0, 1)))) {
    const s = r.start;
    // chrono marks relative dates ("next week", "yesterday") as certain too, computed from the reference:
    // a dateline must write its year out.
    if (!/\b\d{4}\b|'\d{2}\b/.test(r.text)) continue;
    // "Saturday, 26 February / 1400 GMT" is a kick-off time, not the year 1400: a news dateline is modern.
    const year = s.get("year")!;
    if (year < 1900 || year > 2100) continue;
    if (s.isCertain("year") && s.isCertain("month") && s.isCertain("day")) return ymd(year, s.get("month")!, s.get("day")!);
  }
  return null;
}
