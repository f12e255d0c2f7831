// Markdown with optional YAML front matter (title, date, outlet, url).
import { parse as parseYaml } from "yaml";
import type { FormatModule } from "./format.js";

const FRONT = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function str(v: unknown): string | null {
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return String(v);
}

export const md: FormatModule = {
  extensions: [".md", ".markdown"],
  parse(text) {
    const m = FRONT.exec(text);
    if (!m) return [{ text }];
    let meta: unknown;
    try {
      meta = parseYaml(m[1]);
    } catch (e) {
      const body = text.slice(m[0].length);
      return [{ text: body, warnings: [`front matter is not valid YAML (${(e as Error).message.split("\n")[0]}); ignored`] }];
    }
    const o = (meta && typeof meta === "object" ? meta : {}) as Record<string, unknown>;
    return [{
      text: text.slice(m[0].length),
      title: str(o.title),
      outlet: str(o.outlet ?? o.source ?? o.publisher),
      url: str(o.url ?? o.link),
      date: str(o.date),
      dateSource: "front-matter",
    }];
  },
};
