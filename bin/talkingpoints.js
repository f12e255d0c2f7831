#!/usr/bin/env node
// The CLI runs the compiled kit in dist/ (built by `npm install` through the prepare script, or `npm run build`).
import { existsSync } from "node:fs";
const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("talkingpoints: the kit is not built yet; run `npm run build` in the project folder.");
  process.exit(2);
}
// `talkingpoints figures | head` closes the pipe early: stop quietly instead of a stack trace.
process.stdout.on("error", (e) => { if (e.code === "EPIPE") process.exit(0); throw e; });
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
