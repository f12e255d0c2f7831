import { describe, expect, it } from "vitest";
import { decodeBytes, decodeWindows1252, sniffHtmlCharset } from "../lib/decode.js";

const text = (d: ReturnType<typeof decodeBytes>) => {
  if ("problem" in d) throw new Error(`expected text, got problem: ${d.problem}`);
  return d;
};

describe("decodeBytes", () => {
  it("reads UTF-8 without a BOM, with no warning", () => {
    const d = text(decodeBytes(Buffer.from("Café costs £5", "utf8")));
    expect(d.text).toBe("Café costs £5");
    expect(d.warnings).toEqual([]);
  });

  it("drops a UTF-8 byte-order mark", () => {
    const d = text(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x48, 0x69])));
    expect(d.text).toBe("Hi");
    expect(d.warnings).toEqual([]);
  });

  it("reads UTF-16 LE and BE with a byte-order mark", () => {
    const le = Buffer.from("\uFEFFCafé £5 — Исламабад", "utf16le");
    expect(text(decodeBytes(le)).text).toBe("Café £5 — Исламабад");
    const be = Buffer.from(le).swap16();
    expect(be[0]).toBe(0xfe);
    expect(text(decodeBytes(be)).text).toBe("Café £5 — Исламабад");
  });

  it("reads UTF-16 saved without a byte-order mark, with a warning", () => {
    const d = text(decodeBytes(Buffer.from("Islamabad, February 25, 2025", "utf16le")));
    expect(d.text).toBe("Islamabad, February 25, 2025");
    expect(d.warnings).toEqual(["no byte-order mark: decoded as UTF-16LE"]);
    const be = text(decodeBytes(Buffer.from("Islamabad", "utf16le").swap16()));
    expect(be.text).toBe("Islamabad");
  });

  it("falls back to Windows-1252 with a warning: Latin-1 é (0xE9) and £ (0xA3) read correctly", () => {
    // "Café costs £5" in Latin-1: C a f 0xE9 ␠ c o s t s ␠ 0xA3 5
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x6f, 0x73, 0x74, 0x73, 0x20, 0xa3, 0x35]);
    const d = text(decodeBytes(bytes));
    expect(d.text).toBe("Café costs £5");
    expect(d.warnings).toEqual(["not valid UTF-8: decoded as Windows-1252"]);
  });

  it("reads Windows-1252 curly quotes (0x93, 0x94), which Latin-1 would turn into control characters", () => {
    const d = text(decodeBytes(Buffer.from([0x93, 0x48, 0x69, 0x94])));
    expect(d.text).toBe("“Hi”");
  });

  it("makes NUL bytes a binary-file problem", () => {
    expect(decodeBytes(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]))).toEqual({ problem: "binary file (contains NUL bytes)" });
  });

  it("makes bytes full of control characters a problem, not Windows-1252 text", () => {
    const bytes = Buffer.alloc(200);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 ? 0x01 : 0xff; // no NUL, not UTF-8
    expect(decodeBytes(bytes)).toEqual({ problem: "binary file (not valid text in UTF-8 or Windows-1252)" });
  });

  it("uses a charset the page declares when the bytes are not UTF-8", () => {
    // "Привет" in Windows-1251
    const bytes = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    expect(text(decodeBytes(bytes, { declared: "windows-1251" }))).toEqual({ text: "Привет", warnings: [] });
    // A declared charset the decoder does not know falls back to Windows-1252 with its warning.
    expect(text(decodeBytes(bytes, { declared: "no-such-charset" })).warnings).toEqual(["not valid UTF-8: decoded as Windows-1252"]);
  });
});

describe("sniffHtmlCharset", () => {
  it("finds <meta charset> and the http-equiv form", () => {
    expect(sniffHtmlCharset(Buffer.from('<html><head><meta charset="Windows-1251">'))).toBe("windows-1251");
    expect(sniffHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'))).toBe("iso-8859-1");
    expect(sniffHtmlCharset(Buffer.from("<html><body>charset talk</body>"))).toBeNull();
  });
});

describe("decodeWindows1252", () => {
  it("maps 0x80–0x9F by the Windows-1252 table (€, curly quotes, dashes) and the rest as Latin-1", () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85, 0xe9, 0xa3, 0x41]))).toBe("€‘’“”–—…é£A");
  });
  it("is also used for pages that declare iso-8859-1 (which the web reads as Windows-1252)", () => {
    const d = decodeBytes(Buffer.from([0x93, 0x4f, 0x4b, 0x94, 0xe9]), { declared: "iso-8859-1" });
    expect(d).toEqual({ text: "“OK”é", warnings: [] });
  });
});
