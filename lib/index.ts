// The public API of talkingpoints, on one page: articles → tokens → counts → keyness / figures → plots.
export * from "./types.js";
export * from "./corpus.js";
export * from "./frame.js";
export * from "./table.js";
export * from "./escape.js";
export * from "./display.js";
export * from "./plot-articles.js";
export * from "./tokens.js";
export * from "./themes.js";
export * from "./kwic.js";
export * from "./phrases.js";
export * from "./plot-themes.js";
export * from "./events.js";
export * from "./periods.js";
export * from "./keyness.js";
export * from "./quotes.js";
