// Plain text, as the seeds are saved: an optional first line "date YYYY-MM-DD", sometimes
// with the body (or a byline) continuing on the same line after the date. The value must start with a
// digit, so a first sentence such as "Date and venue were…" is text, not a header.
import type { FormatModule } from "./format.js";

const HEADER = /^\s*date:?[ \t]+(\d\S*)[ \t]*/i;

export const txt: FormatModule = {
  extensions: [".txt"],
  parse(text) {
    const m = HEADER.exec(text);
    if (!m) return [{ text }];
    return [{ text: text.slice(m[0].length), date: m[1], dateSource: "header" }];
  },
};
