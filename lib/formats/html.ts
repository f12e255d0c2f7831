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

/**
 * Readability's cost grows with the number of nodes times their depth (a page of 60,000 elements
 * 300 deep takes a minute): above this sum of node depths, or this depth, the whole page text is used.
 */
const READABILITY_MAX_DEPTH_SUM = 1_000_000;
const READABILITY_MAX_DEPTH = 400;

export const html: FormatModule = {
  extensions: [".html", ".htm"],
  parse(text) {
    const nesting = tagDepth(text);
    if (nesting > PARSE_MAX_DEPTH) return [flatPage(text, nesting)];
    // linkedom builds an empty document from markup without an <html> element (or with one only inside a
    // comment): give such fragments one.
    const wrapped = `<!DOCTYPE html><html><head></head><body>${text}</body></html>`;
    let source = /<html[\s>]/i.test(text.replace(/<!--[\s\S]*?(?:-->|$)/g, "")) ? text : wrapped;
    let page = parseHTML(source).document as unknown as DomDocument;
    if (page.documentElement?.nodeName.toLowerCase() !== "html") page = parseHTML((source = wrapped)).document as unknown as DomDocument;
    const meta = pageMeta(page, text);
    const warnings: string[] = [];
    let body = "";
    let article: ReturnType<Readability<unknown>["parse"]> = null;
    const shape = treeShape(page.documentElement);
    if (shape.depthSum > READABILITY_MAX_DEPTH_SUM || shape.maxDepth > READABILITY_MAX_DEPTH) {
      warnings.push(`page too large or deeply nested for Readability (${shape.nodes} nodes, ${shape.maxDepth} deep): used the whole page text`);
    } else {
      try {
        // Readability rearranges the document it reads: give it its own copy.
        article = new Readability(parseHTML(source).document as never, { charThreshold: 100, serializer: (n: unknown) => n }).parse();
        if (article?.content) body = blockText(article.content as unknown as DomNode);
      } catch (e) {
        warnings.push(`Readability failed (${String((e as Error).message ?? e).split("\n")[0].slice(0, 80)}): used the whole page text`);
      }
      if (!body.trim() && !warnings.length) warnings.push("no main article block found: used the whole page text");
    }
    if (!body.trim()) {
      // A short page, or one Readability could not read: the body text without page furniture.
      body = blockText(page.body ?? page.documentElement, true);
      if (!body.trim()) warnings.length = 0;
    }
    const rec: ParsedRecord = {
      text: body,
      title: meta.title ?? (article?.title?.trim() || null) ?? meta.docTitle,
      outlet: meta.outlet ?? (article?.siteName?.trim() || null),
      url: meta.url,
      date: meta.date ?? (article?.publishedTime?.trim() || null),
      dateSource: "meta",
      warnings,
    };
    return [rec];
  },
};

/**
 * linkedom's parser slows with the square of nesting depth (100,000 nested <div>s take ten seconds); real
 * pages nest a few dozen deep. Deeper markup is read without a DOM tree by flatPage.
 */
const PARSE_MAX_DEPTH = 1000;
const VOID_OR_AUTOCLOSED = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option"]);

/** The deepest tag nesting in markup, from a scan of its tags (void and self-closing tags do not nest). */
export function tagDepth(text: string): number {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (VOID_OR_AUTOCLOSED.has(m[2].toLowerCase()) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** A page too deeply nested for a DOM: metadata from its <head>, text with tags stripped and entities decoded. */
function flatPage(text: string, nesting: number): ParsedRecord {
  const headEnd = text.search(/<\/head\s*>|<body[\s>]/i);
  const head = headEnd > 0 && headEnd < 65536 ? text.slice(0, headEnd) : "";
  const meta = head && tagDepth(head) <= PARSE_MAX_DEPTH ? pageMeta(parseHTML(`<html>${head}</head><body></body></html>`).document as unknown as DomDocument, text) : null;
  const stripped = text
    .slice(Math.max(0, headEnd))
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<\/?(?:p|div|section|article|h[1-6]|li|ul|ol|blockquote|pre|table|tr|header|footer|main|figure|figcaption|dl|dt|dd|hr)\b[^>]*>/gi, "\n\n")
    .replace(/<br\b[^>]*>/gi, "\n")
    .replace(/<[/!?]?[a-zA-Z][^<>]*>/g, "");
  // Entities (&amp; &#8217; …) are decoded by parsing the tag-free text once, with "<" escaped so it stays text.
  const decoded: string = parseHTML(`<html><body><pre>${stripped.replace(/</g, "&lt;")}</pre></body></html>`).document.querySelector("pre")?.textContent ?? stripped;
  const body = paragraphs(decoded);
  return {
    text: body,
    title: meta?.title ?? meta?.docTitle ?? null,
    outlet: meta?.outlet ?? null,
    url: meta?.url ?? null,
    date: meta?.date ?? null,
    dateSource: "meta",
    warnings: body ? [`markup nested ${nesting} deep: read with the tags stripped`] : [],
  };
}

/** Node count (elements and text), deepest nesting and the sum of all nodes' depths, by one walk with its own stack. */
function treeShape(root: DomNode | null): { nodes: number; maxDepth: number; depthSum: number } {
  let nodes = 0;
  let maxDepth = 0;
  let depthSum = 0;
  const stack: Array<[DomNode, number]> = root ? [[root, 1]] : [];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    nodes++;
    depthSum += depth;
    if (depth > maxDepth) maxDepth = depth;
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) stack.push([kids[i], depth + 1]);
  }
  return { nodes, maxDepth, depthSum };
}

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
  return paragraphs(parts.join(""));
}

/** Text with "\n\n" between blocks and "\n" for line breaks → trimmed paragraphs, spaces collapsed. */
function paragraphs(raw: string): string {
  return raw
    .replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, "\n")
    .split(/\n{2,}/)
    .map((para) => para.split("\n").map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim()).filter(Boolean).join("\n"))
    .filter(Boolean)
    .join("\n\n");
}
