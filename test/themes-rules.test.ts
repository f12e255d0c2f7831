// Context rules in theme patterns, and the retuned data/themes.yml, on passages written for these tests (not
// coverage of any briefing): each rule kind and each phrasing the dictionary was retuned for, with a passage it
// must catch and one it must leave alone. Errors: every kind of mistake names the line of the mistake.
import { describe, expect, it } from "vitest";
import { countWords } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { countThemes, loadThemes, parseThemes, ThemeFileError, type Theme } from "../lib/themes.js";

function article(text: string, id = "a"): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date: null, dateSource: null, text, words: countWords(text), warnings: [] };
}
function match(patterns: string[], text: string) {
  const [row] = countThemes([article(text)], [{ id: "t", label: "t", patterns }]);
  return row.matches.map((m) => `${m.form}×${m.count}`);
}

describe("context rules", () => {
  it("with: one of the words in the same sentence, not the next one", () => {
    const p = ["anniversar* | with victory, Nazi*, war"];
    expect(match(p, "We will mark the anniversary of the Victory together.")).toEqual(["anniversary×1"]);
    expect(match(p, "Nazism was defeated; this year is the 80th anniversary.")).toEqual(["anniversary×1"]);
    expect(match(p, "The firm marked its tenth anniversary. Victory was not mentioned.")).toEqual([]);
  });

  it("within N: at most N words before or after, inside the sentence", () => {
    const p = ["control of | within 3 region*, territor*"];
    expect(match(p, "Troops took control of the entire region last week.")).toEqual(["control of×1"]);
    expect(match(p, "Most of the region is under their control of course.")).toEqual([]); // "region" is the 4th word before
    expect(match(p, "Troops took control of the entire southern coastal region.")).toEqual([]); // the 5th word after
    expect(match(p, "Regions matter. They took control of the budget.")).toEqual([]); // another sentence
    expect(match(["control of | within 5 region*"], "Troops took control of the entire southern coastal region.")).toEqual(["control of×1"]);
    expect(match(["control of | within 4 region*"], "The region is under their control of course.")).toEqual(["control of×1"]);
  });

  it("not FORM: a match inside a longer excluded form does not count, the bare word does", () => {
    const p = ["sponsor* | not co-sponsor*"];
    expect(match(p, "The conference was co-sponsored by two universities.")).toEqual([]);
    expect(match(p, "The conference was cosponsored by two universities.")).toEqual([]);
    expect(match(p, "Its sponsors pay for the war.")).toEqual(["sponsors×1"]);
  });

  it("not with / not within N: a word nearby removes the match", () => {
    expect(match(["weapon* | not within 2 Russian, our"], "Our new weapons work. Russian weapons too. Foreign weapons arrived.")).toEqual(["weapons×1"]);
    expect(match(["peace | not with treaty"], "Peace came with the treaty. Peace is near.")).toEqual(["peace×1"]);
  });

  it("several rules must all hold", () => {
    const p = ["weapon* | with supply, deliver* | with Ukrain*, Kiev"];
    expect(match(p, "The West keeps supplying weapons to Kiev.")).toEqual(["weapons×1"]);
    expect(match(p, "The West keeps supplying weapons to its allies.")).toEqual([]);
    expect(match(p, "Weapons were displayed at a parade in Kiev.")).toEqual([]);
  });

  it("keeps the plain syntax: stems, * endings, lone *, hyphens, curly quotes, phrases within a sentence", () => {
    expect(match(["received * bodies | with exchang*"], "In the exchange Russia received 78 bodies.")).toEqual(["received 78 bodies×1"]);
    expect(match(["cease-fire | with Gaza"], "A ceasefire in Gaza held.")).toEqual(["ceasefire×1"]);
    expect(match(["Kiev’s allies | with weapon*"], "Kiev's allies sent weapons.")).toEqual(["kiev's allies×1"]);
    expect(match(["negotiation | within 2 direct"], "Direct negotiations began. Talks and negotiations went on without any direct contact.")).toEqual(["negotiations×1"]);
  });
});

describe("the retuned dictionary on written passages", () => {
  const themes = loadThemes("data/themes.yml");
  const hitsOf = (text: string) => {
    const rows = countThemes([article(text)], themes).filter((c) => c.hits > 0);
    return Object.fromEntries(rows.map((c) => [c.theme, c.matches.map((m) => m.form)]));
  };
  const has = (text: string, theme: string) => Object.keys(hitsOf(text)).includes(theme);

  it("a wildcard no longer reaches an unrelated word on the same stem (co-sponsored)", () => {
    expect(has("The embassy co-sponsored a cricket festival in Lahore.", "western-aid")).toBe(false);
    expect(has("The film week was co-sponsored by the embassy and the Kiev film school.", "western-aid")).toBe(false);
    expect(has("Kiev and its Western sponsors want the war to go on.", "western-aid")).toBe(true);
    expect(has("The sponsors of the event thanked the guests.", "western-aid")).toBe(false);
  });

  it("an anniversary is the Victory only with victory, Nazism or the war", () => {
    expect(has("The university celebrated the 75th anniversary of its founding.", "nazism-history")).toBe(false);
    expect(has("Diplomats marked the anniversary of relations between the two countries.", "nazism-history")).toBe(false);
    expect(has("Veterans gathered for the anniversary of the victory over fascism.", "nazism-history")).toBe(true);
    expect(has("He recalled the anniversary of the end of the war.", "nazism-history")).toBe(true);
  });

  it("humanitarian and children belong to exchanges only with exchange, prisoners or return", () => {
    expect(has("Children in the flooded villages need schools, and humanitarian aid must reach them.", "humanitarian-exchanges")).toBe(false);
    expect(has("In another war far away, humanitarian corridors opened for children and the elderly.", "humanitarian-exchanges")).toBe(false);
    expect(has("Both sides agreed on the return of children to their families.", "humanitarian-exchanges")).toBe(true);
    expect(has("The humanitarian track covers the exchange of the wounded.", "humanitarian-exchanges")).toBe(true);
  });

  it("weapons are Western aid only as supplies to Ukraine, not the speaker's own side", () => {
    expect(has("Western countries keep supplying weapons to Kiev.", "western-aid")).toBe(true);
    expect(has("Foreign weapons delivered to Ukraine prolong the conflict.", "western-aid")).toBe(true);
    expect(has("Russian weapons hit the depot in Ukraine where supplies were stored.", "western-aid")).toBe(false);
    expect(has("Our weapons are superior, he said of the fighting in Ukraine, where supplies run short.", "western-aid")).toBe(false);
    expect(has("Pakistan buys weapons for its own army.", "western-aid")).toBe(false);
  });

  it("control of is territorial only with territory, regions or a share of land", () => {
    expect(has("The government lost control of inflation.", "territorial-control")).toBe(false);
    expect(has("They seek control of the narrative.", "territorial-control")).toBe(false);
    expect(has("Forces now hold control of 80 percent of the region.", "territorial-control")).toBe(true);
    expect(has("They took control of three villages near the river.", "territorial-control")).toBe(true);
  });

  it("a historical treaty of peace is not peace talks", () => {
    expect(has("The peace treaty of 1856 ended that war.", "peace-negotiations")).toBe(false);
    expect(has("He cited the Treaty of Peace and Friendship signed decades ago.", "peace-negotiations")).toBe(false);
    expect(has("Moscow wants lasting peace in the region.", "peace-negotiations")).toBe(true);
    expect(has("Any peace treaty with Ukraine must address the root causes.", "peace-negotiations")).toBe(true);
  });

  it("NATO membership as joining or aspirations", () => {
    expect(hitsOf("Ukraine will never join NATO, he said.")["nato-expansion"]).toEqual(["join"]);
    expect(has("Kiev keeps its NATO aspirations alive.", "nato-expansion")).toBe(true);
    expect(has("Georgia's aspirations to join the North Atlantic alliance were discussed.", "nato-expansion")).toBe(true);
    expect(has("Students joined the club. Her aspirations are high.", "nato-expansion")).toBe(false);
    expect(has("The joint exercise took place far from any alliance.", "nato-expansion")).toBe(false);
  });

  it("Western aid as support or assistance to Ukraine from the West", () => {
    expect(has("Western support for Ukraine is fading.", "western-aid")).toBe(true);
    expect(has("Washington approved new assistance to Kiev.", "western-aid")).toBe(true);
    expect(has("Europe keeps supporting the Kiev regime.", "western-aid")).toBe(true);
    expect(has("Pakistan offered support for peace efforts.", "western-aid")).toBe(false);
    expect(has("Students in Ukraine get support from their families.", "western-aid")).toBe(false);
  });

  it("ties with Pakistan as bilateral trade or an independent stance", () => {
    expect(has("Bilateral trade grew by a third last year.", "pakistan-relations")).toBe(true);
    expect(has("Islamabad has kept an independent stance on the conflict.", "pakistan-relations")).toBe(true);
    expect(has("Trade between Pakistan and Russia has doubled.", "pakistan-relations")).toBe(true);
    expect(has("Trade between Pakistan and China has doubled.", "pakistan-relations")).toBe(false);
    expect(has("An independent candidate won the vote.", "pakistan-relations")).toBe(false);
  });

  it("the new talking points: corruption in Ukraine, frozen assets, foreign laboratories, the information war", () => {
    expect(has("Corruption in Kiev swallows the aid.", "corruption-ukraine")).toBe(true);
    expect(has("Corruption cases rose in the province's cricket board.", "corruption-ukraine")).toBe(false);
    expect(has("The EU wants to confiscate frozen Russian assets.", "frozen-assets")).toBe(true);
    expect(has("Seizing the assets held in Belgium would be theft.", "frozen-assets")).toBe(true);
    expect(has("The company listed its assets and reserves in the report.", "frozen-assets")).toBe(false);
    expect(has("Pentagon-funded biological laboratories worked near the border.", "foreign-biolabs")).toBe(true);
    expect(has("He spoke of US biolabs in Ukraine.", "foreign-biolabs")).toBe(true);
    expect(has("The school laboratory got new microscopes.", "foreign-biolabs")).toBe(false);
    expect(has("The West is waging an information war against Russia.", "information-war")).toBe(true);
    expect(has("Western media spread lies about the strike.", "information-war")).toBe(true);
    expect(has("Western media covered the match.", "information-war")).toBe(false);
  });
});

describe("mistakes in rules, each on its own line", () => {
  const bad = (pattern: string) => {
    const text = `a:\n  label: A\n  patterns:\n    - fine\n    - ${pattern}\n    - also fine\n`;
    try {
      parseThemes(text, "t.yml");
    } catch (e) {
      expect(e).toBeInstanceOf(ThemeFileError);
      return (e as Error).message;
    }
    throw new Error("no error");
  };
  it("names line 5 and what is wrong for each kind", () => {
    expect(bad("anniversar* |")).toMatch(/^t\.yml:5: theme "a": pattern "anniversar\*": nothing after "\|"/);
    expect(bad("anniversar* | victory")).toBe('t.yml:5: theme "a": pattern "anniversar*": rule "victory" should start with "with", "within N" or "not"');
    expect(bad("anniversar* | within victory, war")).toBe('t.yml:5: theme "a": pattern "anniversar*": "within" needs a whole number of words ≥ 1 before its words, not "victory,"');
    expect(bad("anniversar* | within 0 war")).toMatch(/^t\.yml:5: .*"within" needs a whole number of words ≥ 1 before its words, not "0"/);
    expect(bad("anniversar* | with")).toBe('t.yml:5: theme "a": pattern "anniversar*": "with" needs words after it (separated by commas)');
    expect(bad("anniversar* | within 3")).toBe('t.yml:5: theme "a": pattern "anniversar*": "within 3" needs words after it (separated by commas)');
    expect(bad("anniversar* | within")).toBe('t.yml:5: theme "a": pattern "anniversar*": "within" needs a whole number of words ≥ 1 before its words');
    expect(bad("anniversar* | nothing with war")).toBe('t.yml:5: theme "a": pattern "anniversar*": rule "nothing with war" should start with "with", "within N" or "not"');
    expect(bad("anniversar* | not with")).toBe('t.yml:5: theme "a": pattern "anniversar*": "not with" needs words after it (separated by commas)');
    expect(bad("anniversar* | with victory,, war")).toMatch(/^t\.yml:5: theme "a": pattern "anniversar\*": a word after "with" is empty \(two commas/);
    expect(bad("anniversar* | not with *")).toBe('t.yml:5: theme "a": pattern "anniversar*": pattern "*" (a word after "not with") needs at least one word besides *');
    expect(bad('"| with war"')).toBe('t.yml:5: theme "a": pattern "| with war" has no words before "|"');
    expect(bad("anniversar* | with victory: war")).toMatch(/^t\.yml:5: theme "a": pattern "anniversar\* \| with victory: …" has a colon and a space/);
  });
  it("puts YAML errors on the line of the mistake, not the line before", () => {
    const err = (text: string) => { try { parseThemes(text, "t.yml"); } catch (e) { return (e as Error).message; } return ""; };
    // A key indented one space too far on line 3: the parser notices at the end of line 2.
    expect(err("a:\n  label: A\n   patterns: [x]\n")).toMatch(/^t\.yml:3: not valid YAML/);
    // A quote opened on line 4 and never closed: the parser notices at the end of the file.
    expect(err('a:\n  label: A\n  patterns:\n    - "x\n    - y\nb:\n  patterns: [z]\n')).toMatch(/^t\.yml:4: not valid YAML: Missing closing/);
    // A bracket opened on line 3 and never closed.
    expect(err("a:\n  label: A\n  patterns: [x\nb:\n  patterns: [y]\n")).toMatch(/^t\.yml:3: not valid YAML/);
    // A tab as indentation on line 4.
    expect(err("a:\n  label: A\n  patterns:\n\t- x\n")).toMatch(/^t\.yml:4: not valid YAML: Tabs/);
  });
  it("accepts the shipped dictionary and every rule in it", () => {
    const themes: Theme[] = loadThemes("data/themes.yml");
    expect(themes.some((t) => t.patterns.some((p) => p.includes("|")))).toBe(true);
  });
});
