// The formats the loader reads, by extension. Adding a format = one module + one line here.
import type { FormatModule } from "./format.js";
import { txt } from "./txt.js";
import { md } from "./md.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { jsonl } from "./jsonl.js";
import { csv } from "./csv.js";

export const FORMATS: FormatModule[] = [txt, md, html, json, jsonl, csv];

export function formatFor(ext: string): FormatModule | undefined {
  return FORMATS.find((f) => f.extensions.includes(ext.toLowerCase()));
}

/** Every extension the loader reads, for messages and the README: ".txt, .md, …". */
export function supportedExtensions(): string[] {
  return FORMATS.flatMap((f) => f.extensions);
}
