// Article text is untrusted: what the escapers do with markup, script breakouts and JSON line separators.
import { describe, expect, it } from "vitest";
import { escapeHtml, escapePlotText, jsonForScript } from "../lib/escape.js";

const HOSTILE = [
  `<script>alert(1)</script>`,
  `<img src=x onerror="alert('x')">`,
  `</script><script>window.__pwned=1</script>`,
  `<!-- <script>`,
  `a & b "quoted" 'single'`,
  `line\u2028separator\u2029paragraph`,
  `{{ 7*7 }} \${1+1}`,
  `javascript:alert(1)`,
  `Хорев — «цитата» 🎉`,
];

describe("escapeHtml", () => {
  it("replaces the five characters that matter in element content and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
  it("leaves other text alone and turns null and undefined into empty text", () => {
    expect(escapeHtml("Хорев said {{ 7*7 }} javascript:x")).toBe("Хорев said {{ 7*7 }} javascript:x");
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(undefined)).toBe("");
    expect(escapeHtml(42)).toBe("42");
  });
  it("never leaves a raw < > \" or ' in its output", () => {
    for (const s of HOSTILE) expect(escapeHtml(s)).not.toMatch(/[<>"']/);
  });
});

describe("jsonForScript", () => {
  it("parses back to the same value", () => {
    const value = { strings: HOSTILE, nested: { n: 1.5, ok: true, none: null } };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
  it("holds nothing that can end or confuse a <script> element", () => {
    const out = jsonForScript(HOSTILE);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out.toLowerCase()).not.toContain("</script");
    expect(out).not.toContain("<!--");
    expect(out).toContain("\\u003c/script\\u003e");
  });
  it("is a JavaScript expression with the same value (line separators escaped for old engines)", () => {
    const out = jsonForScript("a\u2028b</script>");
    expect(new Function(`return ${out};`)()).toBe("a\u2028b</script>");
    expect(out).toBe('"a\\u2028b\\u003c/script\\u003e"');
  });
});

describe("escapePlotText", () => {
  it("escapes < and >, so plotly's pseudo-HTML shows as typed", () => {
    expect(escapePlotText(`<b>bold</b> & <a href="javascript:x">link</a>`)).toBe(`&lt;b&gt;bold&lt;/b&gt; & &lt;a href="javascript:x"&gt;link&lt;/a&gt;`);
  });
  it("leaves text a builder escaped already as it was, so escaping twice does no harm", () => {
    const once = escapePlotText(`<script>alert(1)</script> &amp; &lt;b&gt;`);
    expect(once).toBe(`&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;`);
    expect(escapePlotText(once)).toBe(once);
  });
  it("leaves quotes alone: plotly would show &quot; literally", () => {
    expect(escapePlotText(`"quoted" 'single'`)).toBe(`"quoted" 'single'`);
  });
});
