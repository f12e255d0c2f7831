// Article text is untrusted: everything that reaches a report goes through these.

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * JSON that is safe inside a <script> element: "<", ">", "&" and the JS line separators are \u-escaped,
 * so "</script>" or "<!--" in an article cannot end or confuse the script.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Text for plotly labels and hover text. Plotly reads `<b>`, `<a href>`, `<br>`… in strings as markup and decodes
 * entities (`&lt;`), so `<` and `>` become `&lt;` `&gt;` and article text shows as typed. `&` is left alone: plotly
 * shows a lone `&` as is, and text a builder already escaped stays as it was (escaping twice is harmless).
 */
export function escapePlotText(s: unknown): string {
  return String(s ?? "").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
