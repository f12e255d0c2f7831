// Main speakers (lib/speakers.ts, data/speakers.yml) on passages written here (issue 13, item 4, detection) and on
// the seeds. The ambassadors, officials and briefings below are invented, except the seeds' ambassador's name.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { attributions, loadSpeakers, mainSpeaker, type SpeakerList } from "../lib/speakers.js";
import { loadArticles } from "../lib/corpus.js";
import { removeTempDirs, tempDir } from "./tmpdir.js";

afterAll(removeTempDirs);

const list = loadSpeakers("data/speakers.yml");
const bare: SpeakerList = { speakers: [], titles: list.titles, organisations: list.organisations };
const counts = (text: string, l: SpeakerList = list) => {
  const c: Record<string, number> = {};
  for (const a of attributions(text, l)) c[a.speaker] = (c[a.speaker] ?? 0) + 1;
  return c;
};

// Two ambassadors of different countries, one week.
const RUSSIAN = `ISLAMABAD, Sept 23 (APP): Russian Ambassador to Pakistan Albert P Khorev on Tuesday said that Moscow was open to talks.
Addressing a press conference at the embassy, the Russian envoy said the negotiations had produced results. He added that prisoner exchanges would continue.
Ambassador Khorev told reporters that Western weapons prolonged the conflict. He also stressed that Russia valued Pakistan's neutral position.`;
const UKRAINIAN = `ISLAMABAD, Sept 26: Ukrainian Ambassador to Pakistan Ivan Petrenko said on Friday that Kyiv wanted a just peace.
Speaking at a seminar in Islamabad, Petrenko thanked Pakistan for its humanitarian aid. He noted that thousands of children had been deported.
"We will never accept the occupation," the ambassador said. According to Petrenko, more than 400 schools had been destroyed.`;

describe("the main speaker", () => {
  it("tells two ambassadors of different countries apart, in the same week", () => {
    expect(mainSpeaker(RUSSIAN, list)).toBe("Albert P. Khorev");
    expect(mainSpeaker(UKRAINIAN, list)).toBe("Ivan Petrenko");
    // Without the alias file the Russian envoy is still one person, by his name as written.
    expect(mainSpeaker(RUSSIAN, bare)).toBe("Albert P. Khorev");
  });

  it("resolves pronoun continuations and roles to the last person named as speaking", () => {
    // "said … He added … the envoy said … told … He also stressed": five statements, all one person.
    expect(counts(RUSSIAN)).toEqual({ "Albert P. Khorev": 5 });
    expect(counts(UKRAINIAN)).toEqual({ "Ivan Petrenko": 5 });
    const text = "Foreign Office Spokesperson Amina Qureshi said the talks were useful. She added that the minister would travel. She noted the date was not fixed.";
    expect(counts(text, bare)).toEqual({ "Amina Qureshi": 3 });
    // "He" after "Khorev said Putin …" is Khorev, the speaker, not Putin, the man named last.
    expect(counts("Khorev said President Vladimir Putin wanted peace. He added that the talks would resume.")).toEqual({ "Albert P. Khorev": 2 });
  });

  it("counts a quoted third party for that party, and keeps the speaker of the article", () => {
    const text = `${RUSSIAN}
Ukrainian President Viktor Hrytsenko said last week that Kyiv would not negotiate, the ambassador recalled. "That is not serious," Khorev said.`;
    const c = counts(text);
    expect(c["Viktor Hrytsenko"]).toBe(1);
    expect(c["Albert P. Khorev"]).toBeGreaterThanOrEqual(6);
    expect(mainSpeaker(text, list)).toBe("Albert P. Khorev");
  });

  it("gives a role with a nationality to the person who holds it, even when another spoke last", () => {
    const text = `Russian Ambassador Albert P. Khorev said talks were possible. Ukrainian Ambassador Ivan Petrenko said they were not.
The Ukrainian ambassador added that the occupation must end. The Ukrainian ambassador stressed that children must return.`;
    expect(counts(text, bare)).toEqual({ "Albert P. Khorev": 1, "Ivan Petrenko": 3 });
    // A nationality nobody in the text has resolves to no one.
    expect(counts("Ivan Petrenko said so. The Chinese ambassador said otherwise.", bare)).toEqual({ "Ivan Petrenko": 1 });
  });

  it("maps alias forms to one canonical name", () => {
    for (const form of ["Albert P. Khorev said", "Albert P Khorev said", "Albert Khorev said", "Khorev said", "Ambassador Khorev said", "The Russian envoy said", "the Russian Ambassador said", "Russian Ambassador to Pakistan said", "Ambassador of Russia to Pakistan, Albert P. Khorev says", "said Russian Ambassador to Pakistan Albert P. Khorev"]) {
      const text = form.startsWith("said") ? `"Peace is near," ${form}.` : `${form} that peace was near.`;
      expect(mainSpeaker(text, list), form).toBe("Albert P. Khorev");
    }
  });

  it("reads inversions, 'according to' and a parenthetical between subject and verb", () => {
    expect(counts('"The list is ready," said Ivan Petrenko. According to Petrenko, 339 names were on it.', bare)).toEqual({ "Ivan Petrenko": 2 });
    expect(counts("Ivan Petrenko, while talking to journalists at the embassy on Friday, said the list was ready.", bare)).toEqual({ "Ivan Petrenko": 1 });
  });

  it("takes the longest form of a name, and only people: no organisations, no lone capitalised words", () => {
    expect(mainSpeaker("Ambassador Petrenko said the list was ready. Ivan Petrenko added that it was long.", bare)).toBe("Ivan Petrenko");
    expect(mainSpeaker("The White House said the talks would go on. The Foreign Office said nothing.", bare)).toBeNull();
    expect(mainSpeaker("Officials said the talks would go on. Tories said nothing.", bare)).toBeNull();
    expect(mainSpeaker("The talks ended without a statement.", list)).toBeNull();
  });

  it("gives a tie to the person attributed first", () => {
    expect(mainSpeaker("Ivan Petrenko said yes. Amina Qureshi said no.", bare)).toBe("Ivan Petrenko");
  });
});

describe("data/speakers.yml and the seeds", () => {
  it("makes the ambassador the speaker of all five seeds", () => {
    const { articles } = loadArticles("data/articles");
    expect(articles.map((a) => a.speaker)).toEqual(Array(5).fill("Albert P. Khorev"));
  });

  it("still finds him by name in the seeds without the alias file", () => {
    for (const f of fs.readdirSync("data/articles")) expect(mainSpeaker(fs.readFileSync(path.join("data/articles", f), "utf8"), bare), f).toBe("Albert P. Khorev");
  });

  it("reads a user's file, and says what is wrong in a broken one", () => {
    const dir = tempDir();
    const file = path.join(dir, "speakers.yml");
    fs.writeFileSync(file, "speakers:\n  Ivan Petrenko: [Petrenko, the Ukrainian envoy]\ntitles: [Envoy]\n");
    const mine = loadSpeakers(file);
    expect(mine.speakers).toEqual([{ name: "Ivan Petrenko", aliases: ["Petrenko", "the Ukrainian envoy"] }]);
    expect(mainSpeaker("The Ukrainian envoy said the list was ready.", mine)).toBe("Ivan Petrenko");
    expect(loadSpeakers(path.join(dir, "missing.yml"))).toEqual({ speakers: [], titles: [], organisations: [] });
    fs.writeFileSync(file, "speaker:\n  Ivan Petrenko: [Petrenko]\n");
    expect(() => loadSpeakers(file)).toThrow(/unknown key "speaker" \(keys: speakers, titles, organisations\)/);
    fs.writeFileSync(file, "speakers:\n  Ivan Petrenko: [1, 2]\n");
    expect(() => loadSpeakers(file)).toThrow(/speakers: Ivan Petrenko must be text or a list of text/);
  });
});
