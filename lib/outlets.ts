// Outlets named in bylines and datelines. The alias list is data (data/outlets.yml) users extend.
import fs from "node:fs";
import { parse as parseYaml } from "yaml";

export type OutletAliases = Array<{ outlet: string; alias: string }>;

/** Read data/outlets.yml (`Outlet name: [alias, …]`); a missing file means no aliases. */
export function loadOutlets(file = "data/outlets.yml"): OutletAliases {
  if (!fs.existsSync(file)) return [];
  const doc = parseYaml(fs.readFileSync(file, "utf8")) as Record<string, unknown> | null;
  const out: OutletAliases = [];
  for (const [outlet, aliases] of Object.entries(doc ?? {})) {
    for (const a of Array.isArray(aliases) ? aliases : [aliases]) if (typeof a === "string" && a) out.push({ outlet, alias: a });
  }
  return out;
}

// "(UrduPoint / Pakistan Point News - 23rd Sep, 2025)": wire datelines put the outlet before the date.
const PAREN_DATELINE = /\(([^()\n]{2,80}?)\s+[-–—]\s+[^()\n]{0,40}\d{4}\)/;

/** Guess the outlet from the opening of a text: a known alias first, then a parenthesised dateline. */
export function outletFromText(text: string, aliases: OutletAliases): string | null {
  const head = text.slice(0, 300);
  for (const { outlet, alias } of aliases) if (head.includes(alias)) return outlet;
  const m = PAREN_DATELINE.exec(head);
  return m ? m[1].trim() : null;
}
