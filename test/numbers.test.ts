// The number reader on its own: numerals, number words, magnitudes and ordinals, worked by hand.
import { describe, expect, it } from "vitest";
import { findNumbers, findOrdinals, parseNumber, scaleBy } from "../lib/numbers.js";

describe("parseNumber", () => {
  it.each([
    ["1,000", 1000],
    ["1,234,567", 1234567],
    ["12,34,567.89", 1234567.89],
    ["1 234 567", 1234567],
    ["4.800", 4.8],
    [".08", 0.08],
    ["-9.5", -9.5],
    ["19 thousand", 19000],
    ["1,674.5 million", 1674500000],
    ["70.2 billion", 70200000000],
    ["10k", 10000],
    ["5bn", 5e9],
    ["10 bln", 1e10],
    ["seven", 7],
    ["Fifty-three", 53],
    ["fifty - two", 52],
    ["one hundred and sixty-one", 161],
    ["two hundred and two thousand", 202000],
    ["two thousand and two hundred", 2200],
    ["twenty-one trillion three hundred", 21000000000300],
    ["4 thousand 3 hundred and 21", 4321],
    ["322 hundred", 32200],
    ["three lakh crore", 3e12],
    ["6 crore and two hundred", 60000200],
    ["a dozen", 12],
    ["three hundred and two dozens", 324],
    ["half a million", 500000],
    ["a quarter million", 250000],
    ["two hundred point zero three", 200.03],
    ["minus five point five", -5.5],
  ])("%s → %d", (s, v) => {
    expect(parseNumber(s)).toBe(v);
  });

  it("returns null for text that is not one whole number", () => {
    expect(parseNumber("seven days")).toBeNull();
    expect(parseNumber("a")).toBeNull();
    expect(parseNumber("192.168.1.2")).toBeNull();
    expect(parseNumber("")).toBeNull();
  });

  it("scales through the decimal string, so $2.01 billion is exactly 2010000000", () => {
    expect(scaleBy(2.01, 9)).toBe(2010000000);
    expect(2.01 * 1e9).not.toBe(2010000000); // plain multiplication gives 2009999999.9999998
    expect(parseNumber("2.01 billion")).toBe(2010000000);
  });
});

describe("findNumbers", () => {
  const texts = (s: string) => findNumbers(s).map((n) => [n.text, n.value]);
  it("keeps separate numbers apart", () => {
    expect(texts("3 hundred and 2 hundred are two valid numbers.")).toEqual([["3 hundred", 300], ["2 hundred", 200], ["two", 2]]);
    expect(texts("4000 3 hundred and 21")).toEqual([["4000", 4000], ["3 hundred and 21", 321]]);
    expect(texts("Exercises 22,24,26,31.")).toEqual([["22", 22], ["24", 24], ["26", 26], ["31", 31]]);
    expect(texts("192.168.1.2")).toEqual([["192", 192], ["168", 168], ["1", 1], ["2", 2]]);
  });
  it("skips numbers glued to unit letters and 'one' as a pronoun", () => {
    expect(texts("the 180ml bottle, a 29km road")).toEqual([]);
    expect(texts("The one you mentioned")).toEqual([]);
    expect(texts("Let's try one last time")).toEqual([["one", 1]]);
  });
  it("gives offsets into the text", () => {
    const s = "It costs $ 75 million today";
    for (const n of findNumbers(s)) expect(s.slice(n.start, n.end)).toBe(n.text);
  });
});

describe("findOrdinals", () => {
  it("reads numeric and spelled ordinals", () => {
    expect(findOrdinals("the 80th anniversary, the twenty-first century, her 2nd term").map((o) => [o.text, o.value]))
      .toEqual([["80th", 80], ["twenty-first", 21], ["2nd", 2]]);
    expect(findOrdinals("one hundred twenty-fifth").map((o) => o.value)).toEqual([125]);
  });
  it("does not read a fraction or a wrong suffix as an ordinal", () => {
    expect(findOrdinals("a trillionth")).toEqual([]);
    expect(findOrdinals("the 21th")).toEqual([]);
  });
});
