// Outlets: who published an article and whose wire copy it carries. The list is data (data/outlets.yml) users extend.
//
// Decisions:
// - `outlet` is the publishing site when anything names it: the file's metadata (front matter, og:site_name, a
//   record's outlet/source field), else the url's host (mapped through `hosts`, else the bare host name:
//   "dawn.com"), else a byline naming the outlet ("F.P. Report" → The Frontier Post), else the bracketed dateline
//   "(UrduPoint / Pakistan Point News - 23rd Sep, 2025)". `wire` is the agency named by a tag in the dateline
//   ("(APP)", "/DNA/", "(Reuters)"): the copy the outlet carried. With no site known, `outlet` is the wire too, so
//   a text pasted from a wire story still counts under someone; `wire` says which it was either way.
// - Tags are read only in the dateline (lib/datelines.ts: "ISLAMABAD, Dec 26 (APP):"), where a bracketed code can
//   only be a source; short all-capital aliases ("AP", "APP", "DNA") match only there, since "AP" or "DNA" in
//   running text is something else. Longer aliases ("F.P. Report") match as whole words in the opening lines.
//   An unknown tag in a dateline is taken as a wire as written ("(XYZ)" → wire "XYZ").
// - A metadata outlet that is an alias or host of a listed outlet ("APP", "app.com.pk") takes the listed name,
//   so one outlet is one name in the tables.
// - Staff bylines ("By Our Correspondent", "Staff Report", "News Desk") name no outlet and no wire: they are not
//   read as either (the outlet is then the site, or unknown).
import fs from "node:fs";
import { parse as parseYaml } from "yaml";
import { datelineTags, OPENING_LINES } from "./datelines.js";

export interface OutletEntry {
  name: string;
  aliases: string[];
  hosts: string[];
  wire: boolean;
}

/** The outlets of data/outlets.yml: plain data, so it can be posted to worker threads. */
export interface OutletList {
  outlets: OutletEntry[];
}

/** The loaded outlet list (the name loading code has always used). */
export type OutletAliases = OutletList;

/**
 * Read data/outlets.yml: `Outlet name: {aliases: [...], hosts: [...], wire: true}`, or the short form
 * `Outlet name: [alias, …]`. A missing file means no outlets; a malformed one throws with the file and reason.
 */
export function loadOutlets(file = "data/outlets.yml"): OutletList {
  if (!fs.existsSync(file)) return { outlets: [] };
  const doc = parseYaml(fs.readFileSync(file, "utf8")) as Record<string, unknown> | null;
  if (doc !== null && (typeof doc !== "object" || Array.isArray(doc))) throw new Error(`${file}: expected "Outlet name: {aliases, hosts, wire}" entries`);
  const outlets: OutletEntry[] = [];
  for (const [name, v] of Object.entries(doc ?? {})) {
    const strings = (x: unknown, what: string): string[] => {
      if (x === undefined || x === null) return [];
      const list = Array.isArray(x) ? x : [x];
      if (list.some((s) => typeof s !== "string")) throw new Error(`${file}: ${name}: ${what} must be text or a list of text`);
      return (list as string[]).map((s) => s.trim()).filter(Boolean);
    };
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) if (!["aliases", "hosts", "wire"].includes(k)) throw new Error(`${file}: ${name}: unknown field "${k}" (fields: aliases, hosts, wire)`);
      if (o.wire !== undefined && typeof o.wire !== "boolean") throw new Error(`${file}: ${name}: wire must be true or false`);
      outlets.push({ name, aliases: strings(o.aliases, "aliases"), hosts: strings(o.hosts, "hosts").map((h) => h.toLowerCase().replace(/^www\./, "")), wire: o.wire === true });
    } else outlets.push({ name, aliases: strings(v, "aliases"), hosts: [], wire: false });
  }
  return { outlets };
}

/** A short code in capitals ("AP", "APP", "DNA", "IANS"): matched only as a dateline tag. */
function isCode(alias: string): boolean {
  return alias.length <= 5 && /^[A-Z]+$/.test(alias);
}

// Compared without case, spacing or surrounding brackets: an old-style alias "(UrduPoint / Pakistan Point News" still matches.
const lower = (s: string) => s.toLowerCase().replace(/\s+/g, " ").replace(/^[\s([/]+|[\s)\]/]+$/g, "").trim();
// Staff bylines in a tag name no outlet: "(Staff Report)", "(Our Correspondent)", "(Monitoring Desk)".
const STAFF = /^(?:by\s+)?(?:our\s+)?(?:staff|correspondent|reporter|news desk|web desk|monitoring desk|desk|special correspondent|staff reporter|staff report|agencies|news agencies)\b/i;

/** The listed outlet a name, alias or host stands for (case-insensitive), or null. */
export function listedOutlet(name: string, list: OutletList): OutletEntry | null {
  const n = lower(name).replace(/^www\./, "");
  for (const o of list.outlets) if (lower(o.name) === n || o.aliases.some((a) => lower(a) === n) || o.hosts.includes(n)) return o;
  return null;
}

/** The host of a url without "www.", lower-case; null when it has none. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/^www\d?\./, "").replace(/\.$/, "") || null : null;
}

/** The outlet a url's host belongs to: a listed host (subdomains too), else the bare host name. */
export function outletFromUrl(url: string | null | undefined, list: OutletList): string | null {
  const host = hostOf(url);
  if (!host || !/\./.test(host) || /^\d+(?:\.\d+){3}$/.test(host)) return null;
  for (const o of list.outlets) if (o.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return o.name;
  return host.replace(/^(?:m|amp|mobile|edition|english)\./, "");
}

export interface OutletResult {
  outlet: string | null;
  wire: string | null;
}

/**
 * The outlet and wire of one article (rules at the top of this file).
 * @param given the outlet its metadata names (front matter, og:site_name, a record field), or null.
 */
export function outletOf(text: string, given: string | null | undefined, url: string | null | undefined, list: OutletList): OutletResult {
  const tags = datelineTags(text);
  let wire: string | null = null;
  let tagOutlet: string | null = null;
  for (const tag of tags) {
    // "(UrduPoint / Pakistan Point News - 23rd Sep, 2025)" names an outlet; "(APP)", "(APP/SABAH)" name wires.
    const parts = tag.split(/\s*\/\s*/);
    const listed = listedOutlet(tag, list) ?? parts.map((p) => listedOutlet(p, list)).find((o) => o) ?? null;
    if (listed) {
      if (listed.wire) wire ??= listed.name;
      else tagOutlet ??= listed.name;
    } else if (STAFF.test(tag)) continue;
    else if (/^[A-Z]{2,6}$/.test(tag) || /^\p{Lu}[\p{Ll}]+$/u.test(tag)) wire ??= tag;
    else if (/^\p{Lu}[\p{L}&.' -]{0,40}$/u.test(tag) && tag.split(/\s+/).length <= 5) tagOutlet ??= tag;
    else if (tag.includes("/")) tagOutlet ??= parts[0];
  }
  const byline = bylineOutlet(text, list);
  if (byline?.wire) wire ??= byline.name;
  const site = (given?.trim() ? listedOutlet(given, list)?.name ?? given.trim() : null) ?? outletFromUrl(url, list) ?? (byline && !byline.wire ? byline.name : null) ?? tagOutlet;
  return { outlet: site ?? wire, wire };
}

/**
 * A listed outlet named by a (non-code) alias, as whole words, on a byline: a short line of the opening ("F.P.
 * Report", "By Associated Press | Islamabad"). In running text ("told the Associated Press") it names no outlet.
 */
function bylineOutlet(text: string, list: OutletList): OutletEntry | null {
  const lines = openingLines(text).split("\n");
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.length > BYLINE_CHARS) continue;
    let best: { o: OutletEntry; at: number; len: number } | null = null;
    for (const o of list.outlets) {
      for (const a of o.aliases) {
        if (isCode(a)) continue;
        let at = line.indexOf(a);
        while (at >= 0 && !(wordEdge(line, at - 1) && wordEdge(line, at + a.length))) at = line.indexOf(a, at + 1);
        if (at >= 0 && (!best || at < best.at || (at === best.at && a.length > best.len))) best = { o, at, len: a.length };
      }
    }
    if (best) return best.o;
  }
  return null;
}

/** The longest line read as a byline. */
const BYLINE_CHARS = 60;

function wordEdge(s: string, i: number): boolean {
  return i < 0 || i >= s.length || !/[\p{L}\p{N}]/u.test(s[i]);
}

function openingLines(text: string): string {
  let end = 0;
  for (let n = 0; n < OPENING_LINES && end >= 0 && end < 600; n++) end = text.indexOf("\n", end + 1);
  return text.slice(0, end < 0 || end > 600 ? 600 : end);
}

/** The outlet named in the opening of a text (a byline alias or a dateline tag), or null: outletOf without metadata. */
export function outletFromText(text: string, list: OutletList): string | null {
  return outletOf(text, null, null, list).outlet;
}
