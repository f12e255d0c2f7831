// What a figure counts, construction by construction, on passages written for this test (none is coverage of a
// real briefing): each construction with different nouns, verbs and word orders, and the near-misses it must not take.
import { describe, expect, it } from "vitest";
import { figuresInText } from "../lib/figures.js";

/** The `what` of the one figure of `kind` in a passage. */
function whatOf(text: string, kind: string): string {
  const fs = figuresInText(text).filter((f) => f.kind === kind);
  expect(fs, `${text}: ${JSON.stringify(fs.map((f) => f.text))}`).toHaveLength(1);
  return fs[0].what;
}

describe("the subject before the number, through a clause", () => {
  it.each([
    ["Kyiv counted on support that he said had reached $70.2 billion.", "support"],
    ["Ukraine got support, which he estimated at over $70 billion, from its allies.", "support"],
    ["They listed European military and financial aid, which officials put at about €50 billion.", "European military and financial aid"],
    ["The reconstruction fund that she claimed now stands at $12 billion is empty.", "reconstruction fund"],
    ["Budget support, which the ministry says totalled Rs 40 billion, arrived late.", ""],
    ["Loans amounting to $3 billion were signed.", "Loans"],
    ["A package worth $5 billion was approved.", "package"],
    ["Arms deliveries estimated at $9 billion went ahead.", "Arms deliveries"],
    ["Grants totalling £400 million were promised.", "Grants"],
  ])("%s", (text, want) => {
    expect(whatOf(text, "money")).toBe(want);
  });

  it("does not take the subject of a reporting verb outside a clause", () => {
    expect(whatOf("The ministry said $5 billion would be spent next year.", "money")).toBe("");
  });

  it("reads 'its total amount' as the thing the sentence before names", () => {
    expect(whatOf("The war is fought with Western weapons and loans to Kiev. So far, their total value has passed $200 billion.", "money"))
      .toBe("Western weapons and loans");
    expect(whatOf("Most of it is humanitarian assistance to refugees. Its total amount is close to $8 billion.", "money"))
      .toBe("humanitarian assistance");
  });
});

describe("the subject after the number", () => {
  it.each([
    ["Europe sent $70 billion in military and financial support.", "military and financial support"],
    ["The bank lent €2 billion in emergency loans to the utilities.", "emergency loans"],
    ["Washington approved $61 billion in new aid for Kyiv.", "new aid"],
  ])("%s", (text, want) => {
    expect(whatOf(text, "money")).toBe(want);
  });

  it("leaves a place or a time after 'in' out", () => {
    expect(whatOf("They invested $5 billion in Ukraine.", "money")).toBe("");
    expect(whatOf("The firm earned $5 billion in the first quarter.", "money")).toBe("");
  });
});

describe("durations", () => {
  it.each([
    ["The five-hour talks ended without a statement.", "talks"],
    ["Both sides agreed a 30-day moratorium on strikes.", "moratorium"],
    ["A two-week ceasefire began on Monday.", "ceasefire"],
    ["They announced a 90 day review of the sanctions.", "review of the sanctions"],
    ["The briefing lasted two hours and journalists asked questions.", "briefing"],
    ["Consultations lasting three days were held in Geneva.", "Consultations"],
    ["The hearing took four hours.", "hearing"],
    ["They offered to halt attacks on power plants for 30 days.", "halting attacks on power plants"],
    ["Months of fighting: 30 days of shelling preceded the truce.", "shelling"],
  ])("%s", (text, want) => {
    expect(whatOf(text, "duration")).toBe(want);
  });
});

describe("'times': what happened that many times", () => {
  it.each([
    ["Kiev violated the ceasefire 4,900 times.", "ceasefire violations"],
    ["Kiev repeatedly violated the ceasefire, doing so a total of 4,900 times.", "ceasefire violations"],
    ["The truce was violated 130 times during the holiday.", "truce violations"],
    ["Drones attacked Belgorod 12 times last week.", "Belgorod attacks"],
    ["Delegations met five times in Istanbul.", "meetings"],
    ["The vote has been postponed three times.", "postponements"],
    ["Aircraft bombed the bridge four times.", "bridge bombings"],
    ["The central bank raised interest rates five times.", "raises of interest rates"],
    ["Russia said Kiev had violated the Minsk agreements 12 times.", "violations of Minsk agreements"],
  ])("%s", (text, want) => {
    expect(whatOf(text, "count")).toBe(want);
  });

  it("leaves a ratio as it is: 'three times more', 'four times as many'", () => {
    expect(whatOf("Prices rose three times more than wages.", "count")).toBe("times");
    expect(whatOf("They fired four times as many shells.", "count")).toBe("times");
  });
});

describe("counts: 'others' after a verb, the whole noun phrase", () => {
  it("names the others by the verb", () => {
    expect(figuresInText("The strike killed two soldiers and wounded 14 others.").map((f) => f.what)).toEqual(["soldiers", "others wounded"]);
  });
  it("keeps the whole noun phrase with its adjectives and conjunctions", () => {
    expect(whatOf("He cited European military and financial aid of $70 billion.", "money")).toBe("European military and financial aid");
    expect(whatOf("Over 1,000 prisoners of war from both sides were exchanged.", "count")).toBe("prisoners of war");
  });
});

describe("spelled numbers after 'the'", () => {
  it.each([
    ["The three rounds of talks produced an exchange.", 3, "rounds of talks"],
    ["The two sides signed a memorandum.", 2, "sides"],
    ["He thanked the two countries.", 2, "countries"],
    ["The five permanent members disagreed.", 5, "permanent members"],
  ])("%s", (text, value, what) => {
    const fs = figuresInText(text).filter((f) => f.kind === "count");
    expect(fs.map((f) => [f.value, f.what])).toEqual([[value, what]]);
  });

  it.each([
    "He was the one who spoke first.",
    "The two agreed to meet again.",
    "The two of them left early.",
    "She is the one.",
    "These two are enough.",
  ])("reads no count in %s", (text) => {
    expect(figuresInText(text).filter((f) => f.kind === "count")).toEqual([]);
  });

  it("keeps 'the first' an ordinal", () => {
    expect(figuresInText("The first round failed.").map((f) => f.kind)).toEqual(["ordinal"]);
  });
});

describe("words that are names of Object's own properties", () => {
  it("reads 'constructor', 'toString' as words, not the lexicon object's functions", () => {
    expect(figuresInText("The constructor built it 3 times.").map((f) => f.what)).toEqual(["times"]);
    expect(figuresInText("The hasOwnProperty valueOf constructor rose 5 times.").map((f) => f.value)).toEqual([5]);
  });
});
