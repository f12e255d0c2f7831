// Article text is untrusted (issue 6, point 4): a corpus full of markup is rendered through every notebook and
// each page is opened in Chromium with the network blocked. Nothing in it may run, and it must show as text:
// in tables, notes, KWIC lines and quotes, chart labels and tooltips.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../lib/escape.js";
import { tableHtml, toCsv } from "../lib/table.js";
import { downloadCsvs, hoverTexts, launchChromium, openFile, plotIds, scriptHeads, unguard, type Chromium } from "./chromium.js";
import { notebookNames, renderReports, reportFile, tempDir, withoutBundle } from "./reports.js";
import { AWKWARD } from "./awkward.js";

// Page code runs in the browser (no DOM types in this project's tsconfig).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(e: unknown): { display: string; visibility: string };

// Tags plotly reads in labels and tooltips: if "bold?" shows without its <b>, article markup was read as markup.
const MARKED = ["<b>bold?</b>", "<b>Evilcorp</b>", "<i>Qzx Co</i>"];
// Markup read as tags shows its inner text without its opening tag. (Its closing tag is not required: a chart
// label cut short with "…" can end inside the markup, "<i>Qzx Co…", and is still shown as text.)
function swallowed(text: string): string[] {
  return MARKED.filter((m) => {
    const open = /^<\w>/.exec(m)![0];
    const inner = m.replace(/<\/?\w>/g, "");
    return text.includes(inner) && !text.includes(open + inner);
  });
}

// Each payload, if it ever ran, would set window.__pwned and open a dialog.
const PAYLOADS = [
  `<script>window.__pwned="script";alert("script")</script>`,
  `<img src=x onerror="window.__pwned='img';alert('img')">`,
  `<svg onload="window.__pwned='svg';alert('svg')"></svg>`,
  `</script><script>window.__pwned="breakout";alert("breakout")</script>`,
  `<a href="javascript:window.__pwned='href';alert('href')">click me</a>`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  `<style>body{display:none}</style>`,
  `<b>bold?</b> <!-- an unclosed comment {{ 7*7 }} \${7*7}`,
];
const TITLE = `Envoy <b>bold?</b> ${PAYLOADS[0]} & ${PAYLOADS[3]} "quoted" 'single' <!--`;
const OUTLET = `<b>Evilcorp</b> & <i>Qzx Co</i> ${PAYLOADS[1]}`;
const HEADLINE = `${PAYLOADS[2]} Envoy says ceasefire {{ 7*7 }} talks`;

const BODY = (n: number) => `ISLAMABAD: Russian Ambassador to Pakistan Albert P. Khorev said NATO expansion ${PAYLOADS[n % PAYLOADS.length]} threatens Russia's security.

“We are ready for negotiations ${PAYLOADS[(n + 1) % PAYLOADS.length]} without preconditions, and a ceasefire along the front line,” Khorev said.

He said Western military aid ${PAYLOADS[(n + 2) % PAYLOADS.length]} worth $${10 + n} billion prolongs the conflict, and that 78 bodies and ${1000 + n} prisoners were exchanged ${PAYLOADS[(n + 3) % PAYLOADS.length]}.

Khorev praised Pakistan's neutrality ${PAYLOADS[(n + 4) % PAYLOADS.length]} and said trade grew by 25 percent. ${PAYLOADS.slice(5).join(" ")} The ambassador said, “Pakistan ${PAYLOADS[(n + 5) % PAYLOADS.length]} is a friend.”
`;

let tmp: string;
let outDir: string;
let rendered: { code: number; log: string };
let browser: Chromium;

beforeAll(async () => {
  tmp = tempDir("hostile");
  const data = path.join(tmp, "articles");
  fs.mkdirSync(data);
  fs.writeFileSync(path.join(data, "a-briefing.md"), `---\ntitle: ${JSON.stringify(TITLE)}\ndate: 2025-02-25\noutlet: ${JSON.stringify(OUTLET)}\nurl: ${JSON.stringify("javascript:alert('url')")}\n---\n${BODY(0)}`);
  fs.writeFileSync(path.join(data, "b-headline.txt"), `date 2025-06-10\n${HEADLINE}\n\n${BODY(3)}`);
  // A file name full of markup becomes an article id shown in tables and tooltips.
  fs.writeFileSync(path.join(data, "c<img src=x onerror=alert(1)>.txt"), `date 2025-09-24\n${BODY(6)}`);
  outDir = path.join(tmp, "reports");
  rendered = await renderReports([data, "--out", outDir]);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Everything that would show a payload ran, or that markup became elements. */
async function pageFindings(page: any) {
  return page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll(".main-svg text")).map((t: any) => String(t.textContent));
    return {
      pwned: window.__pwned ?? null,
      parentPwned: window.parent.__pwned ?? null,
      elements: Array.from(document.querySelectorAll("img, iframe, object, embed, form, [onerror], [onload]")).map((e: any) => e.outerHTML.slice(0, 80)),
      jsLinks: Array.from(document.querySelectorAll("a")).map((a: any) => String(a.getAttribute("href") ?? a.getAttribute("xlink:href") ?? ""))
        .filter((h: string) => /^\s*javascript:/i.test(h)),
      bodyShown: getComputedStyle(document.body).display !== "none" && document.body.offsetHeight > 0,
      text: String(document.body.innerText),
      labels,
    };
  });
}

describe("a corpus full of markup", () => {
  it("renders every notebook", () => {
    expect(rendered.code, rendered.log).toBe(0);
    for (const nb of notebookNames()) expect(fs.existsSync(reportFile(outDir, nb)), `${nb} report`).toBe(true);
  });

  it("leaves no raw payload in the HTML outside escaped text", () => {
    for (const name of [...notebookNames().map((nb) => path.basename(reportFile(outDir, nb))), "index.html"]) {
      const own = withoutBundle(fs.readFileSync(path.join(outDir, name), "utf8"));
      for (const p of PAYLOADS) expect(own.includes(p), `${name} holds a raw ${p.slice(0, 12)}`).toBe(false);
      expect(own).not.toMatch(/<(img|iframe|svg|style)\b[^>]*(onerror|onload|srcdoc|display:none)/i);
    }
  });

  it.each(["index.html", ...notebookNames()])("%s runs none of it and shows it as text", async (nb) => {
    const file = nb === "index.html" ? path.join(outDir, nb) : reportFile(outDir, nb);
    const o = await openFile(browser.context, file);
    // Hover every chart's points so tooltips (which plotly builds from article text) are drawn too.
    const tips: string[] = [];
    for (const id of await plotIds(o.page)) tips.push(...(await hoverTexts(o.page, id, 10)));
    await o.page.waitForTimeout(300);
    const f = await pageFindings(o.page);
    expect(o.dialogs, "dialogs").toEqual([]);
    expect(f.pwned, "window.__pwned").toBeNull();
    expect(f.parentPwned).toBeNull();
    expect(o.requests, "network requests").toEqual([]);
    expect(o.consoleErrors, "console errors").toEqual([]);
    expect(o.pageErrors, "page errors").toEqual([]);
    expect(f.elements, "elements made from markup").toEqual([]);
    expect(f.jsLinks, "javascript: links").toEqual([]);
    expect(f.bodyShown, "the page is visible").toBe(true);
    for (const t of [...f.labels, ...tips]) expect(swallowed(t), `markup read as tags in a chart: ${t}`).toEqual([]);
    expect(swallowed(f.text), "markup read as tags on the page").toEqual([]);
    expect(o.undrawn).toEqual([]);
    for (const s of await scriptHeads(o.page)) expect(s).toMatch(/^text\/javascript\|\|(\/\*\*\n\* plotly\.js|\(function\(\)\{var (fig|a)=)/);
    // Wherever a payload reached the page as escaped text, the reader sees it as typed.
    const html = withoutBundle(fs.readFileSync(file, "utf8"));
    for (const p of [...PAYLOADS, TITLE, OUTLET, HEADLINE]) {
      if (html.includes(escapeHtml(p))) expect(f.text, `shown as text: ${p}`).toContain(p.replace(/\s+/g, " "));
    }
    if (nb === "index.html") expect(f.text).toContain(OUTLET);
    if (nb.startsWith("01-")) {
      // The articles table shows the title, outlet and headline; the timeline's tooltips show the titles.
      for (const p of [TITLE, OUTLET, HEADLINE, "c<img src=x onerror=alert(1)>"]) expect(f.text).toContain(p);
      expect(tips.some((t) => t.includes(TITLE)), `a tooltip shows the title: ${tips.join(" | ")}`).toBe(true);
      expect(tips.some((t) => t.includes(HEADLINE))).toBe(true);
      expect(tips.some((t) => t.includes(OUTLET)), "a tooltip shows the outlet").toBe(true);
      expect(f.labels, "the outlet as an axis label").toContain(OUTLET);
    }
    for (const c of await downloadCsvs(o.page)) {
      expect(c.csv[0]).toEqual(c.table[0]);
      expect(c.csv.slice(1, c.table.length).map((r) => r.map(unguard))).toEqual(c.table.slice(1));
    }
    await o.page.close();
  }, 180_000);
});

describe("a table's CSV link in Chromium", () => {
  it("downloads a file that decodes to the rows, with commas, quotes, newlines and non-ASCII intact", async () => {
    const page = path.join(tmp, "table.html");
    fs.writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${tableHtml(AWKWARD, { csv: "awkward.csv" })}</body></html>`);
    const o = await openFile(browser.context, page);
    const [c] = await downloadCsvs(o.page);
    expect(c.file).toBe("awkward.csv");
    expect(c.startsWithBom).toBe(true);
    expect(c.announced).toBe(4);
    expect(c.csv).toEqual(parse(toCsv(AWKWARD), {}));
    expect(c.csv.slice(1).map((r) => r[1])).toEqual(AWKWARD.map((r) => r.title));
    expect(o.consoleErrors).toEqual([]);
    expect(await o.page.evaluate(() => window.__pwned ?? null)).toBeNull();
    await o.page.close();
  });
});
