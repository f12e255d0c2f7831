// `talkingpoints figures` through the built CLI: the seeds as JSON, CSV and a table, and user errors as one line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FigureMention } from "../lib/figures.js";
import type { FigureDrift, FigureGroup } from "../lib/recurring.js";
import { removeTempDirs, tempDir } from "./tmpdir.js";
import { buildCli, cli } from "./cli-run.js";

afterAll(removeTempDirs);

beforeAll(() => buildCli("dist/commands/figures.js"));

describe("talkingpoints figures", () => {
  it("prints figures, recurring figures and drift as JSON", () => {
    const r = cli("figures", "data/articles", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { figures: FigureMention[]; recurring: FigureGroup[]; drift: FigureDrift[] };
    expect(Object.keys(out)).toEqual(["figures", "recurring", "drift"]);
    const f = out.figures.find((x) => x.text === "USD70.2 billion")!;
    expect([f.kind, f.value, f.unit, f.qualifier, f.what]).toEqual(["money", 70.2e9, "USD", "approximately", "European military and financial aid"]);
    expect(out.recurring.find((g) => g.value === 19000)!.mentions.map((m) => m.text).sort()).toEqual(["19 thousand", "19,000"]);
    expect(out.drift.map((d) => d.groups.map((g) => g.value))).toEqual([[350e9, 70.2e9]]);
  });

  it("prints one CSV row per figure, dates included", () => {
    const r = cli("figures", "data/articles", "--csv");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("article,kind,value,high,unit,qualifier,what,text,start,end,sentence");
    const json = JSON.parse(cli("figures", "data/articles", "--json").stdout) as { figures: unknown[] };
    expect(lines.filter((l) => /^\d{3}_/.test(l))).toHaveLength(json.figures.length);
    expect(r.stdout).toContain("date,2022,,year,,,\"February 24, 2022\"");
  });

  it("prints the quantities, the recurring figures and the drift as tables", () => {
    const r = cli("figures");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Figures \(43 quantities in 5 articles; 42 dates and ordinals not shown/);
    expect(r.stdout).toContain("19,000 Ukrainian children");
    expect(r.stdout).toMatch(/Drift[^\n]*\n[^\n]*\n[^\n]*\naid +\$350 billion/);
  });

  it("prints the claims view: each claim with status, dates, events and forms, and the drift side by side", () => {
    const r = cli("figures", "data/articles", "--claims", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { claims: Array<{ id: string; value: number; status: string; forms: string[]; events: string[]; what: string }>; drift: Array<{ claims: string[] }> };
    const children = out.claims.find((c) => c.value === 19000)!;
    expect(children.forms.sort()).toEqual(["19 thousand", "19,000"]);
    expect(children.events).toHaveLength(1); // one briefing, two outlets
    expect(children.status).toBe("once");
    const aid = out.claims.filter((c) => c.status === "drifted").map((c) => c.value);
    expect(aid).toEqual([350e9, 70.2e9]);
    expect(out.drift.map((d) => d.claims.map((id) => out.claims.find((c) => c.id === id)!.value))).toEqual([[350e9, 70.2e9]]);
    const table = cli("figures", "data/articles", "--claims");
    expect(table.stdout).toMatch(/^Claims \(\d+ from 43 quantities in 5 articles\)/);
    expect(table.stdout).toContain("4,900 ceasefire violations");
    const csv = cli("figures", "data/articles", "--claims", "--csv").stdout.split("\n");
    expect(csv[0]).toMatch(/^id,claim,kind,status,/);
  });

  it("rejects --json with --csv and a missing folder in one line, and exits 1 on an empty folder", () => {
    const both = cli("figures", "--json", "--csv");
    expect(both.code).toBe(2);
    expect(both.stderr.trim()).toBe("talkingpoints figures: choose one of --json and --csv");
    const missing = cli("figures", "no/such/folder");
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("talkingpoints figures: no such file or folder: no/such/folder");
    const empty = cli("figures", tempDir());
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no articles found/);
  });
});
