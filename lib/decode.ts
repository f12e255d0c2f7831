// Bytes → text. Articles arrive saved by browsers, editors and scrapers in several encodings;
// a wrong guess must become a warning or a problem, never mojibake passed on silently.

export type Decoded = { text: string; warnings: string[] } | { problem: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const cp1252 = new TextDecoder("windows-1252");

/** Decode a file's bytes: UTF-8 (BOM optional), UTF-16 LE/BE with BOM, else Windows-1252 with a warning. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), warnings: [] };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), warnings: [] };
  if (bytes.includes(0)) return { problem: "binary file (contains NUL bytes)" };
  try {
    return { text: utf8.decode(bytes), warnings: [] };
  } catch {
    const text = cp1252.decode(bytes);
    // Control characters other than whitespace mean this was never text in any 8-bit encoding.
    const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
    if (controls > Math.max(8, text.length / 100)) return { problem: "binary file (not valid text in UTF-8 or Windows-1252)" };
    return { text, warnings: ["not valid UTF-8: decoded as Windows-1252"] };
  }
}
