// Golden files for charts (Observable Plot's habit): a plot builder's JSON is compared with
// test/golden/<name>.json; a mismatch writes <name>.changed.json beside it to diff and, if right, rename.
// Goldens are never written under CI: a missing golden there is a failure.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";

const dir = path.join(process.cwd(), "test", "golden");

export function expectGolden(name: string, value: unknown): void {
  const file = path.join(dir, `${name}.json`);
  const changed = path.join(dir, `${name}.changed.json`);
  const actual = JSON.stringify(value, null, 2) + "\n";
  if (!fs.existsSync(file)) {
    if (process.env.CI) throw new Error(`missing golden file test/golden/${name}.json (goldens are not written in CI)`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  const expected = fs.readFileSync(file, "utf8");
  if (actual !== expected) fs.writeFileSync(changed, actual);
  else if (fs.existsSync(changed)) fs.unlinkSync(changed);
  expect(actual, `chart ${name} differs from test/golden/${name}.json; see ${name}.changed.json`).toBe(expected);
}
