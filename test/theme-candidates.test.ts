// Candidate themes on a corpus written for this test: two briefings a month apart, each reported twice. The later
// one brings a point no theme covers (frozen assets); its speaker's name and title recur too and must be set apart.
import { describe, expect, it } from "vitest";
import { countWords } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { countThemes, parseThemes, type Theme } from "../lib/themes.js";
import { candidateRows, themeCandidates, yamlEntry } from "../lib/theme-candidates.js";

const article = (id: string, date: string, text: string): Article =>
  ({ id, file: `${id}.txt`, title: id, outlet: null, url: null, date, dateSource: null, text, words: countWords(text), warnings: [] });

const march = "Deputy Foreign Minister Ivan K. Petrov spoke about the ceasefire. He said the ceasefire must hold along the whole line. " +
  "The ceasefire was agreed after long talks. Farmers planted wheat near the river again.";
const april = "Deputy Foreign Minister Ivan K. Petrov said the frozen sovereign reserves belong to the people. " +
  "Any confiscation of the frozen sovereign reserves would be theft, he said. Confiscation would hurt trust in banks. " +
  "Confiscation is theft in daylight. Banks in Europe hold the frozen sovereign reserves. " +
  "Frozen funds and frozen bonds invite confiscation. He warned that confiscation sets a precedent, and that frozen money flees.";
const corpus = [
  article("m1", "2025-03-01", march), article("m2", "2025-03-01", `${march} More wheat grew.`),
  article("a1", "2025-04-10", april), article("a2", "2025-04-10", `Reports said: ${april}`),
];
const themes: Theme[] = [{ id: "truce", label: "Ceasefire", patterns: ["ceasefire*"] }];
// A corpus this small cannot reach p < 0.001: terms at p < 0.05 (G² ≥ 3.84).
const result = themeCandidates(corpus, themes, { minG2: 3.84 });
const april10 = result.find((e) => e.date === "2025-04-10")!;

describe("themeCandidates", () => {
  it("groups the reports into the two briefings, in date order", () => {
    expect(result.map((e) => [e.date, e.articles])).toEqual([["2025-03-01", 2], ["2025-04-10", 2]]);
  });

  it("finds the April briefing's own words and phrase, not the ceasefire a theme already covers", () => {
    expect(april10.terms.map((t) => t.term)).toEqual(expect.arrayContaining(["confiscation", "frozen"]));
    // Only maximal phrases recur (lib/phrases.ts): the reserves come inside longer ones.
    expect(april10.phrases.some((p) => p.phrase.toLowerCase().includes("frozen sovereign reserves"))).toBe(true);
    const march1 = result[0];
    expect(march1.terms.map((t) => t.term)).not.toContain("ceasefire");
    expect(march1.phrases.map((p) => p.phrase.toLowerCase()).some((p) => p.includes("ceasefire"))).toBe(false);
  });

  it("sets the speaker's name and title apart, and lists it where it was first used", () => {
    expect(result[0].names).toContain("Deputy Foreign Minister Ivan K. Petrov");
    expect(april10.names).not.toContain("Deputy Foreign Minister Ivan K. Petrov"); // not new in April
    for (const e of result) expect(e.phrases.map((p) => p.phrase)).not.toContain("Deputy Foreign Minister Ivan K. Petrov");
  });

  it("gives a candidate whose YAML entry parses and finds the April reports, not the March ones", () => {
    const c = april10.candidates.find((x) => x.terms.includes("frozen"))!;
    expect(c.phrases.length).toBeGreaterThan(0);
    const [parsed] = parseThemes(c.yaml, "candidate.yml");
    expect(parsed.id).toBe(c.id);
    const hits = countThemes(corpus, [parsed]).map((r) => [r.article, r.hits > 0]);
    expect(hits).toEqual([["m1", false], ["m2", false], ["a1", true], ["a2", true]]);
    expect(candidateRows(result).some((r) => r.candidate === c.label && r.event === april10.event)).toBe(true);
  });

  it("writes YAML that survives quotes, colons and hashes in a pattern", () => {
    const [t] = parseThemes(yamlEntry("odd", "a: b # c", ['say "no": now', "# not a comment"]));
    expect(t).toEqual({ id: "odd", label: "A: b # c", patterns: ['say "no": now', "# not a comment"] });
  });
});
