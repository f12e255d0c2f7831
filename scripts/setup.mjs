#!/usr/bin/env node
// What the README's two commands need from Debian, checked (and as root, installed) before they run.
//   node scripts/setup.mjs report   before `npm run report`: Jupyter is needed (the report command stops without
//                                   it); Chromium is installed too as root, so that `npm test` can run next.
//   node scripts/setup.mjs test     before `npm test`: Jupyter and Chromium; without them the tests would fail
//                                   one by one, so this stops at once with the one install command to run.
// Everything comes from Debian's packages (apt-get); nothing is downloaded by npm or by a test tool.
import { ensureRequirements, REQUIREMENTS } from "../dist/jupyter.js";

const mode = process.argv[2];
if (mode !== "report" && mode !== "test") {
  console.error("usage: node scripts/setup.mjs report|test");
  process.exit(2);
}
const { missing, command } = ensureRequirements(REQUIREMENTS, (s) => console.error(s));
if (missing.length > 0) {
  const what = missing.join(" and ");
  if (mode === "test") {
    console.error(`npm test needs ${what}, which ${missing.length > 1 ? "are" : "is"} not installed. Run:\n  ${command}`);
    process.exit(3);
  }
  // `report` itself needs only Jupyter and says so in its own words; Chromium is for the tests.
  if (!missing.includes("Jupyter")) console.error(`note: npm test will also need ${what}. Run: ${command}`);
}
