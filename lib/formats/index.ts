// The formats the loader reads, by extension. Adding a format = one module + one line here.
import type { FormatModule } from "./format.js";
import { txt } from "./txt.js";
import { md } from "./md.js";

export const FORMATS: FormatModule[] = [txt, md];

export function formatFor(ext: string): FormatModule | undefined {
  return FORMATS.find((f) => f.extensions.includes(ext.toLowerCase()));
}
