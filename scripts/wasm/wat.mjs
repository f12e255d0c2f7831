// Assemble a WebAssembly text module of lib/event-hashing.ts with wabt (npm "wabt", the reference toolkit's
// assembler compiled to JavaScript) and print the binary as base64 on stdout (what the matching *_WASM constant
// holds), "valid true SIZE" on stderr. Run: node scripts/wasm/wat.mjs scripts/wasm/minhash.wat
import fs from "node:fs";
import path from "node:path";
import wabtInit from "wabt";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node scripts/wasm/wat.mjs FILE.wat\n");
  process.exit(2);
}
const wabt = await wabtInit();
const mod = wabt.parseWat(path.basename(file), fs.readFileSync(file, "utf8"), { simd: true });
mod.validate();
// No names section: the binary holds the code only, so a changed comment or local name changes nothing.
const { buffer } = mod.toBinary({ write_debug_names: false });
mod.destroy();
const bytes = Uint8Array.from(buffer);
process.stderr.write(`valid ${WebAssembly.validate(bytes)} ${bytes.length}\n`);
process.stdout.write(Buffer.from(bytes).toString("base64") + "\n");
