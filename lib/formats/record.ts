// Field names shared by the record formats (.json, .jsonl, .csv): one object → one article record.
import type { ParsedRecord, RecordProblem } from "./format.js";

/** Accepted field names, first match wins; matched case-insensitively. */
export const FIELDS = {
  text: ["text", "body", "content"],
  title: ["title", "headline"],
  date: ["date", "published", "publishedAt", "published_at", "datePublished"],
  outlet: ["outlet", "source", "publisher", "site"],
  url: ["url", "link"],
  id: ["id"],
} as const;

type Field = keyof typeof FIELDS;

/**
 * Map one parsed object to a record: text from text|body|content, metadata from the other FIELDS.
 * @return the record, or a problem when there is no text field or it is not text.
 */
export function recordFrom(obj: unknown, line?: number): ParsedRecord | RecordProblem {
  const at = line !== undefined ? `line ${line}: ` : "";
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return { problem: `${at}not an article object (found ${kindOf(obj)})`, line };
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = k.trim().toLowerCase();
    if (!lower.has(key)) lower.set(key, v);
  }
  const pick = (f: Field): unknown => {
    for (const name of FIELDS[f]) {
      const v = lower.get(name.toLowerCase());
      if (v !== undefined && v !== null && v !== "") return v;
    }
    return undefined;
  };
  const text = pick("text");
  if (text === undefined) return { problem: `${at}no article text (no ${FIELDS.text.join(", ")} field, or it is empty)`, line };
  if (typeof text !== "string") return { problem: `${at}the text field holds ${kindOf(text)}, not text`, line };
  const date = scalar(pick("date"));
  return {
    text,
    title: scalar(pick("title")),
    outlet: scalar(named(pick("outlet"))),
    url: scalar(pick("url")),
    date,
    dateSource: date ? "field" : null,
    id: scalar(pick("id"))?.trim() || null,
    line,
  };
}

/** NewsAPI-style `source: {name: "…"}` and JSON-LD `publisher: {name: "…"}`. */
function named(v: unknown): unknown {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>).name : v;
}

/** A string or number as text; anything else (objects, arrays, booleans) is ignored. */
function scalar(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return "a string";
  return `a ${typeof v}`;
}
