// Tables as CSV, escaped HTML and a download link whose CSV decodes back to the rows.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText, columnsOf, csvField, csvLinkHtml, tableHtml, toCsv, toTextTable } from "../lib/table.js";
import { AWKWARD, csvOfLink } from "./awkward.js";

describe("toCsv", () => {
  it("quotes what needs quoting, so a CSV reader gets every cell back", () => {
    const csv = toCsv(AWKWARD);
    const back = parse(csv, { columns: true }) as Record<string, string>[];
    expect(back).toEqual([
      { id: "a1", title: 'Khorev said, "we are ready"', outlet: "The Frontier Post", words: "364" },
      { id: "a2", title: "two\nlines and a\r\nCRLF", outlet: "", words: "1496" },
      { id: "a3", title: "Хорев — «цитата», café, 日本語, 🎉", outlet: "Dawn", words: "0.123" },
      // A cell starting with "=" would run as a formula in a spreadsheet: it gets a leading quote; "-5" is a number and does not.
      { id: "a4", title: "<script>alert(1)</script> & </td></tr>", outlet: "'=HYPERLINK(\"http://x\")", words: "-5" },
    ]);
  });
  it("writes the header from the first-seen columns, and blanks for missing cells", () => {
    expect(columnsOf([{ a: 1 }, { b: 2, a: 3 }])).toEqual(["a", "b"]);
    expect(toCsv([{ a: 1 }, { b: 2 }])).toBe("a,b\n1,\n,2\n");
  });
  it("joins arrays with '; ' and writes objects as JSON", () => {
    expect(cellText(["x", "y"])).toBe("x; y");
    expect(cellText({ k: 1 })).toBe('{"k":1}');
  });
});

describe("csvField", () => {
  // analyze builds its CSV lines from csvField: each cell must be exactly what toCsv writes.
  const viaToCsv = (v: unknown) => toCsv([{ v }], ["v"]).slice(2, -1);
  it("writes a cell as toCsv does, fast paths included", () => {
    const tricky: unknown[] = [
      "", "plain", "a,b", 'say "hi"', "two\nlines", "cr\r", "=SUM(A1)", "+1", "-5", "-x", "- 5", "@me", "\tx", "\rx", "'=x",
      "Хорев — «цитата»", "🎉", 0, -0, 5, -5, 1.23456, -0.0004, 1e21, -1e21, 1e-7, NaN, Infinity, -Infinity,
      null, undefined, true, false, [], ["a", "=b"], ["x,y", 2], { k: "v" }, ...AWKWARD.flatMap((r) => Object.values(r)),
    ];
    for (const v of tricky) expect(csvField(v), String(v)).toBe(viaToCsv(v));
  });
  it("agrees with toCsv on any string or number", () => {
    const ch = fc.constantFrom(..."a1=+-@\t\r\n,\"' .é€".split(""), "𝐀");
    const text = fc.array(ch, { maxLength: 8 }).map((a) => a.join(""));
    fc.assert(fc.property(fc.oneof(text, fc.double(), fc.integer()), (v) => csvField(v) === viaToCsv(v)), { numRuns: 2000 });
  });
});

describe("tableHtml", () => {
  it("escapes every header, caption and cell", () => {
    const html = tableHtml([{ "<th>": "<img src=x onerror=alert(1)>" }], { caption: "</caption><script>x</script>" });
    expect(html).not.toMatch(/<img|<script|<\/caption><script/);
    expect(html).toContain("<th>&lt;th&gt;</th>");
    expect(html).toContain("<td>&lt;img src=x onerror=alert(1)&gt;</td>");
    expect(html).toContain("<caption>&lt;/caption&gt;&lt;script&gt;x&lt;/script&gt;</caption>");
  });
  it("shows at most maxRows rows and says how many more the CSV holds", () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ n: i }));
    const html = tableHtml(rows, { maxRows: 5, csv: "n.csv" });
    expect(html.match(/<tr><td>/g)).toHaveLength(5);
    expect(html).toContain("2 more rows in the CSV.");
    expect(parse(csvOfLink(html), { columns: true })).toHaveLength(7);
  });
  it("offers a CSV download whose text decodes to every row", () => {
    const html = tableHtml(AWKWARD, { caption: "awkward", csv: "awk<ward>.csv" });
    expect(html).toContain('download="awk&lt;ward&gt;.csv"');
    expect(html).toContain("(4 rows)");
    expect(csvOfLink(html)).toBe(toCsv(AWKWARD));
    const back = parse(csvOfLink(html), { columns: true }) as Record<string, string>[];
    expect(back.map((r) => r.title)).toEqual(AWKWARD.map((r) => r.title));
  });
  it("keeps the CSV script closed however hostile the cells are", () => {
    const html = csvLinkHtml(toCsv(AWKWARD), "x.csv", 4);
    // Exactly one script element, ended by its own closing tag.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.trimEnd().endsWith("</script>")).toBe(true);
  });
  it("numbers links in order, so two renders give the same ids", () => {
    const a = Number(/id="tp-csv-(\d+)"/.exec(csvLinkHtml("a\n", "a.csv", 0))![1]);
    const b = Number(/id="tp-csv-(\d+)"/.exec(csvLinkHtml("a\n", "a.csv", 0))![1]);
    expect(b).toBe(a + 1);
  });
  it("without a csv option has no link", () => {
    expect(tableHtml([{ a: 1 }])).not.toContain("tp-csv");
  });
});

describe("toTextTable", () => {
  it("pads columns and cuts long cells with an ellipsis", () => {
    const out = toTextTable([{ id: "a", title: "x".repeat(60) }], undefined, 10);
    expect(out.split("\n")[0]).toBe("id  title");
    expect(out.split("\n")[2]).toBe(`a   ${"x".repeat(9)}…`);
  });
});
