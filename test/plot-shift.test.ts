// The keyness chart and significance: terms with p ≥ 0.05 are not evidence of a difference, so they are drawn
// grey in a group of their own (or left out) and the chart says so. p-values here are given, not computed: the
// statistics are tested in keyness.test.ts.
import { describe, expect, it } from "vitest";
import type { KeynessRow } from "../lib/keyness.js";
import { keynessPlot } from "../lib/plot-shift.js";

const row = (term: string, g2: number, p: number): KeynessRow => ({ term, stem: term, g2, logRatio: g2 / 3, p, countA: g2 < 0 ? 9 : 1, countB: g2 > 0 ? 9 : 1, unitsA: 1, unitsB: 1 });
// Two strong terms a side, and one weak on each side (|G²| < 3.84 is p > 0.05).
const rows = [row("west", -10.7, 0.001), row("visit", -8.6, 0.003), row("kiev", -1.2, 0.27), row("children", 9.7, 0.002), row("ceasefire", 7.4, 0.0065), row("talks", 2.1, 0.15)];
type Bar = { name: string; y: string[]; marker: { color: string }; text: string[] };
const title = (fig: { layout: Record<string, unknown> }) => (fig.layout.title as { text: string }).text;

describe("keynessPlot significance", () => {
  it("draws the terms with p ≥ 0.05 grey, in a legend entry of their own, and says how many", () => {
    const fig = keynessPlot(rows, ["2025-02", "2025-09"]);
    const [a, b, weak] = fig.data as unknown as Bar[];
    expect(fig.data).toHaveLength(3);
    expect(a.y).toEqual(["west", "visit"]);
    expect(b.y).toEqual(["children", "ceasefire"]);
    expect(weak.name).toBe("not significant (p ≥ 0.05)");
    expect(weak.y).toEqual(["kiev", "talks"]);
    expect(weak.marker.color).toBe("#bbbbbb");
    expect(weak.text[0]).toContain("(not significant)");
    expect(title(fig)).toBe("Distinctive terms: 2025-02 (left) vs 2025-09 (right)<br><sub>grey: not significant (p ≥ 0.05), 2 of the 6 terms drawn</sub>");
    // The weak terms keep their place by G² on the axis: A's weakest next to the middle.
    expect((fig.layout.yaxis as { categoryarray: string[] }).categoryarray).toEqual(["west", "visit", "kiev", "talks", "ceasefire", "children"]);
  });

  it("leaves them out on request and says so", () => {
    const fig = keynessPlot(rows, ["A", "B"], { significance: "omit" });
    expect(fig.data).toHaveLength(2);
    expect((fig.data as unknown as Bar[]).flatMap((t) => t.y)).toEqual(["west", "visit", "children", "ceasefire"]);
    expect(title(fig)).toContain("2 terms with p ≥ 0.05 left out (not significant)");
  });

  it("adds nothing when every term drawn is significant, and takes another alpha", () => {
    const strong = rows.filter((r) => r.p < 0.05);
    const fig = keynessPlot(strong, ["A", "B"]);
    expect(fig.data).toHaveLength(2);
    expect(title(fig)).toBe("Distinctive terms: A (left) vs B (right)");
    const strict = keynessPlot(strong, ["A", "B"], { alpha: 0.005 });
    expect((strict.data[2] as unknown as Bar).y).toEqual(["ceasefire"]); // p 0.0065; visit (0.003) stays
    expect(() => keynessPlot(rows, ["A", "B"], { significance: "hide" as "omit" })).toThrow('significance must be mark or omit, not "hide"');
  });

  it("stays bounded by `top` whatever the number of terms", () => {
    const many = Array.from({ length: 20000 }, (_, i) => row(`t${i}`, (i % 2 ? 1 : -1) * (1 + (i % 97)), i % 3 ? 0.01 : 0.2));
    const fig = keynessPlot(many, ["A", "B"]);
    expect((fig.data as unknown as Bar[]).reduce((n, t) => n + t.y.length, 0)).toBe(24);
    expect(JSON.stringify(fig).length).toBeLessThan(20_000);
  });
});
