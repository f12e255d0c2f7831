// `talkingpoints coverage` through the built CLI on the seeds: JSON, CSV, the table, --event, and user errors as one line.
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, cli, expectOneLineError } from "./cli-run.js";

beforeAll(() => buildCli("dist/commands/coverage.js"));

describe("talkingpoints coverage", () => {
  it("gives the seeds' two events of several reports as JSON", () => {
    const r = cli("coverage", "data/articles", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { events: Array<{ event: string; reports: Array<{ article: string }>; cells: unknown[]; passages: unknown[] }> };
    expect(out.events.map((e) => e.reports.length)).toEqual([3, 2]);
    for (const e of out.events) expect(e.cells).toHaveLength(e.passages.length * e.reports.length);
  });

  it("keeps one event with --event and writes one CSV row per report × passage", () => {
    const ids = (JSON.parse(cli("coverage", "--json").stdout) as { events: Array<{ event: string; passages: unknown[] }> }).events;
    const r = cli("coverage", "--event", ids[1].event, "--csv");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("event,passage,text,article,outlet,status,copy,similarity,sentence");
    expect(lines.filter((l) => l.startsWith(ids[1].event + ","))).toHaveLength(ids[1].passages.length * 2);
  });

  it("prints a table per event", () => {
    const r = cli("coverage");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/passages, 3 reports/);
    expect(r.stdout).toMatch(/carried\s+paraphrased\s+left out/);
  });

  it("names a bad event and conflicting formats in one line", () => {
    expectOneLineError(cli("coverage", "--event", "ev-nope"), 2, /no event "ev-nope"; events of several reports: ev-2025-02-25-/);
    expectOneLineError(cli("coverage", "--json", "--csv"), 2, "talkingpoints coverage: choose one of --json and --csv");
    expectOneLineError(cli("coverage", "/nonexistent-folder"), 2, "talkingpoints coverage: no such file or folder: /nonexistent-folder");
  });
});
