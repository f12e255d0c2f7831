// `talkingpoints shift` through the built CLI: the seeds as JSON and as tables, and each user error as one line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, cli, expectOneLineError } from "./cli-run.js";
import { folderWith, removeTempDirs, tempDir } from "./tmpdir.js";

afterAll(removeTempDirs);
beforeAll(() => buildCli("dist/commands/shift.js"));

interface ShiftJson {
  periods: Array<{ label: string; from: string; to: string; events: string[] }>;
  unit: string;
  keyness: Array<{ term: string; g2: number; logRatio: number; p: number; countA: number; countB: number }>;
  themes: Array<{ theme: string; rateA: number; rateB: number; change: number }>;
  figures: { appeared: unknown[]; disappeared: unknown[]; repeated: unknown[] };
  quotes: Array<{ quote: string; status: string }>;
}

describe("talkingpoints shift", () => {
  it("prints the seeds' shift as JSON with the documented fields", () => {
    const r = cli("shift", "data/articles", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as ShiftJson;
    expect(out.periods.map((p) => p.label)).toEqual(["2025-02", "2025-09"]);
    expect(out.unit).toBe("event");
    expect(Object.keys(out.keyness[0])).toEqual(["term", "g2", "logRatio", "p", "countA", "countB"]);
    expect(out.keyness.find((k) => k.term === "ceasefire")).toMatchObject({ countA: 1, countB: 5 });
    const change = (t: string) => out.themes.find((x) => x.theme === t)!.change;
    expect(change("ceasefire-truce")).toBeGreaterThan(0);
    expect(change("humanitarian-exchanges")).toBeGreaterThan(0);
    expect(change("territorial-control")).toBeLessThan(0);
    expect(Object.keys(out.figures)).toEqual(["appeared", "disappeared", "repeated"]);
    expect(out.quotes.length).toBeGreaterThan(10);
  });

  it("counts articles with --unit article and takes named periods", () => {
    const out = JSON.parse(cli("shift", "--unit", "article", "--periods", "2025-01..2025-03,2025-09", "--json").stdout) as ShiftJson;
    expect(out.unit).toBe("article");
    expect(out.periods.map((p) => [p.from, p.to])).toEqual([["2025-01-01", "2025-03-31"], ["2025-09-01", "2025-09-30"]]);
    expect(out.keyness.find((k) => k.term === "ceasefire")).toMatchObject({ countA: 1, countB: 8 });
  });

  it("prints readable tables by default", () => {
    const r = cli("shift", "--top", "3");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A = 2025-02 \(2025-02-01 to 2025-02-28\), B = 2025-09/);
    expect(r.stdout).toContain("More in B (2025-09)");
    expect(r.stdout).toContain("humanitarian-exchanges");
    expect(r.stdout).toContain("Quotations (");
  });

  it("names an empty period and the months that have events, in one line", () => {
    expectOneLineError(cli("shift", "--periods", "2025-03,2025-09"), 2,
      /^talkingpoints shift: period 2025-03 holds no events; months with events: 2025-02 \(1\), 2025-09 \(1\)$/);
    expectOneLineError(cli("shift", "--from", "2025-06"), 2, /only one month holds dated events/);
  });

  it("rejects bad options in one line", () => {
    expectOneLineError(cli("shift", "--unit", "outlet"), 2, /^talkingpoints shift: --unit must be event or article, not "outlet"$/);
    expectOneLineError(cli("shift", "--periods", "2025-02,2025-09", "--from", "2025-01"), 2, /give --periods or --from\/--to, not both/);
    expectOneLineError(cli("shift", "--top", "x"), 2, /--top must be a whole number/);
    expectOneLineError(cli("shift", "no/such/dir"), 2, /no such file or folder: no\/such\/dir/);
  });

  it("exits 1 on a folder with no articles", () => {
    expectOneLineError(cli("shift", tempDir()), 1, /^talkingpoints shift: no articles found in /);
    const one = folderWith({ "a.txt": "Islamabad, February 25, 2025: The envoy spoke about the ceasefire." });
    expectOneLineError(cli("shift", one), 2, /only one month holds dated events, so there is nothing to compare \(months with events: 2025-02 \(1\)\)$/);
  });
});
