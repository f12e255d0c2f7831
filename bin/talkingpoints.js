#!/usr/bin/env node
// The CLI runs the compiled kit in dist/ (built by `npm install` through the prepare script, or `npm run build`).
import { existsSync } from "node:fs";
const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("talkingpoints: the kit is not built yet; run `npm run build` in the project folder.");
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
