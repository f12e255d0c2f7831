// Bytes → text. Articles arrive saved by browsers, editors and scrapers in several encodings;
// a wrong guess must become a warning or a problem, never mojibake passed on silently.

export type Decoded = { text: string; warnings: string[] } | { problem: string };

export interface DecodeOptions {
  /** A charset the file declares for itself (an HTML `<meta charset>`), used when the bytes are not UTF-8. */
  declared?: string | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
// Node's TextDecoder("windows-1252") decodes 0x80–0x9F as Latin-1 control characters since 20.18.3
// (nodejs/node#60888), so curly quotes and "€" would be lost: map that range by the WHATWG table here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1252 bytes → text (every byte value decodes; 0x80–0x9F by the WHATWG table). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

/**
 * Decode a file's bytes: UTF-8 (BOM optional), UTF-16 LE/BE with BOM (or without, when every other byte is NUL),
 * else the charset the file declares, else Windows-1252 with a warning.
 * @return `{text, warnings}`, or `{problem}` for bytes that are not text (NUL bytes, control characters).
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bom = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (bom) {
    const text = new TextDecoder(bom).decode(bytes.subarray(2));
    return tooManyControls(text) ? { problem: `binary file (starts like ${bom.toUpperCase()} but is not text)` } : { text, warnings: [] };
  }
  if (bytes.includes(0)) {
    const bomless = utf16WithoutBom(bytes);
    if (bomless) {
      const text = new TextDecoder(bomless).decode(bytes);
      if (!tooManyControls(text)) return { text, warnings: [`no byte-order mark: decoded as ${bomless.toUpperCase()}`] };
    }
    return { problem: "binary file (contains NUL bytes)" };
  }
  try {
    return { text: utf8.decode(bytes), warnings: [] };
  } catch {
    const declared = declaredDecoder(options.declared);
    if (declared) return { text: declared.decode(bytes), warnings: [] };
    const text = decodeWindows1252(bytes);
    if (tooManyControls(text)) return { problem: "binary file (not valid text in UTF-8 or Windows-1252)" };
    return { text, warnings: ["not valid UTF-8: decoded as Windows-1252"] };
  }
}

/** The charset an HTML page declares in its first 2 KB (`<meta charset="…">` or `content="…; charset=…"`), or null. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

// Control characters other than whitespace mean this was never text in that encoding.
function tooManyControls(text: string): boolean {
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > Math.max(8, text.length / 100);
}

function declaredDecoder(label: string | null | undefined): { decode(bytes: Uint8Array): string } | null {
  if (!label) return null;
  try {
    const d = new TextDecoder(label);
    // A page that says UTF-8 but is not: fall through to the Windows-1252 guess and its warning.
    if (d.encoding === "utf-8" || d.encoding.startsWith("utf-16")) return null;
    return d.encoding === "windows-1252" ? { decode: decodeWindows1252 } : d;
  } catch {
    return null;
  }
}

/** UTF-16 saved without a byte-order mark: ASCII-heavy text has NUL in every odd (LE) or even (BE) byte. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = bytes.length / 2;
  if (oddNul >= pairs * 0.9 && evenNul <= pairs * 0.05) return "utf-16le";
  if (evenNul >= pairs * 0.9 && oddNul <= pairs * 0.05) return "utf-16be";
  return null;
}
