// Build dist/ once before any test file runs: the CLI tests spawn the built CLI, and several files
// building at once would race on the same output files.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  process.env.TALKINGPOINTS_BUILT = "1";
}
