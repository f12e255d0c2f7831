// .html / .htm pages saved from a browser: the main text through @mozilla/readability over linkedom's DOM;
// title, date, outlet and url from the page's metadata (Open Graph, article:*, JSON-LD, <time>, canonical link).
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import type { FormatModule, ParsedRecord } from "./format.js";

// A DOM node as far as this module uses it (linkedom's types are loose).
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}
interface DomDocument {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  body: DomNode | null;
  documentElement: DomNode | null;
}

export const html: FormatModule = {
  extensions: [".html", ".htm"],
  parse(text) {
    const meta = pageMeta(parseHTML(text).document as unknown as DomDocument, text);
    let body = "";
    let readTitle: string | null = null;
    // Readability rearranges the document it reads: give it its own copy.
    const doc = parseHTML(text).document;
    const article = new Readability(doc as never, { charThreshold: 100, serializer: (n: unknown) => n }).parse();
    if (article?.content) {
      body = blockText(article.content as unknown as DomNode);
      readTitle = article.title?.trim() || null;
    }
    const warnings: string[] = [];
    if (!body.trim()) {
      // Too little text for Readability to pick a main block (a short page): take the body without page furniture.
      const fresh = parseHTML(text).document as unknown as DomDocument;
      body = blockText(fresh.body ?? fresh.documentElement, true);
      if (body.trim()) warnings.push("no main article block found: used the whole page text");
    }
    const rec: ParsedRecord = {
      text: body,
      title: meta.title ?? readTitle ?? meta.docTitle,
      outlet: meta.outlet ?? (article?.siteName?.trim() || null),
      url: meta.url,
      date: meta.date ?? (article?.publishedTime?.trim() || null),
      dateSource: "meta",
      warnings,
    };
    return [rec];
  },
};

interface PageMeta {
  title: string | null;
  docTitle: string | null;
  date: string | null;
  outlet: string | null;
  url: string | null;
}

/** Title, date, outlet and url from meta tags, JSON-LD, <time datetime>, the canonical link and the "saved from" comment. */
export function pageMeta(document: DomDocument, source: string): PageMeta {
  const metas = new Map<string, string>();
  for (const m of Array.from(document.querySelectorAll("meta"))) {
    const key = (m.getAttribute("property") ?? m.getAttribute("name") ?? m.getAttribute("itemprop") ?? "").trim().toLowerCase();
    const content = m.getAttribute("content")?.trim();
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const first = (...keys: string[]) => {
    for (const k of keys) if (metas.get(k)) return metas.get(k)!;
    return null;
  };
  const ld = jsonLd(document);
  const time = Array.from(document.querySelectorAll("time[datetime]"))[0]?.getAttribute("datetime")?.trim() || null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() || null;
  // Browsers' "Save page as" writes <!-- saved from url=(0042)https://… --> at the top.
  const saved = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(source.slice(0, 4096))?.[1] ?? null;
  const docTitle = document.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim() || null;
  const urls = [canonical, first("og:url"), ld.url, saved].filter((u): u is string => !!u);
  return {
    title: first("og:title", "twitter:title", "dc.title") ?? ld.headline,
    docTitle,
    date: first("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "parsely-pub-date", "sailthru.date") ?? ld.datePublished ?? time,
    outlet: first("og:site_name", "application-name") ?? ld.publisher,
    url: urls.find((u) => /^https?:\/\//i.test(u)) ?? urls[0] ?? null,
  };
}

/** datePublished, headline, publisher name and url from the page's JSON-LD blocks (NewsArticle and friends). */
function jsonLd(document: DomDocument): { datePublished: string | null; headline: string | null; publisher: string | null; url: string | null } {
  const out = { datePublished: null as string | null, headline: null as string | null, publisher: null as string | null, url: null as string | null };
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let doc: unknown;
    try {
      doc = JSON.parse(s.textContent ?? "");
    } catch {
      continue;
    }
    const queue: unknown[] = [doc];
    for (let n = 0; queue.length && n < 200; n++) {
      const o = queue.shift();
      if (Array.isArray(o)) queue.push(...o);
      else if (o && typeof o === "object") {
        const r = o as Record<string, unknown>;
        if (Array.isArray(r["@graph"])) queue.push(...(r["@graph"] as unknown[]));
        const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
        out.datePublished ??= str(r.datePublished);
        out.headline ??= str(r.headline);
        out.url ??= r.datePublished ? str(r.url) : null;
        const pub = r.publisher as Record<string, unknown> | undefined;
        out.publisher ??= pub && typeof pub === "object" ? str(pub.name) : str(pub);
      }
    }
  }
  return out;
}

const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2",
  "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
]);
const NEVER_TEXT = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "head", "title", "button", "select"]);
// Menus are never article text; page headers, footers and sidebars are left out only when reading a whole page.
const MENUS = new Set(["nav", "menu"]);
const FURNITURE = new Set(["header", "footer", "aside", "form"]);

/**
 * The text of a DOM subtree with a blank line between blocks (paragraphs, headings, list items) and a line break
 * for <br>. Walks with its own stack, so deeply nested markup cannot overflow the call stack.
 * Menus are left out; with `skipFurniture`, page headers, footers, asides and forms too.
 */
export function blockText(root: DomNode | null, skipFurniture = false): string {
  if (!root) return "";
  const parts: string[] = [];
  const stack: Array<DomNode | string> = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === "string") {
      parts.push(n);
      continue;
    }
    if (n.nodeType === 3) {
      // Line breaks in the source are spaces on the page.
      parts.push((n.textContent ?? "").replace(/[ \t\n\r\f]+/g, " "));
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const name = n.nodeName.toLowerCase();
    if (NEVER_TEXT.has(name) || MENUS.has(name) || (skipFurniture && FURNITURE.has(name))) continue;
    if (name === "br") {
      parts.push("\n");
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) stack.push("\n\n");
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    if (block) stack.push("\n\n");
  }
  return parts
    .join("")
    .replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, "\n")
    .split(/\n{2,}/)
    .map((para) => para.split("\n").map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim()).filter(Boolean).join("\n"))
    .filter(Boolean)
    .join("\n\n");
}
