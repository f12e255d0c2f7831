// `talkingpoints articles` through the built CLI: the seeds as JSON, and each user error as one line and a
// non-zero exit, never a stack trace.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article, Problem } from "../lib/types.js";
import { buildCli, cli, expectOneLineError } from "./cli-run.js";
import { folderWith, removeTempDirs, tempDir } from "./tmpdir.js";

afterAll(removeTempDirs);
beforeAll(() => buildCli("dist/commands/articles.js"));

describe("talkingpoints articles", () => {
  it("lists the five seeds as JSON with every field, text included", () => {
    const r = cli("articles", "data/articles", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { articles: Article[]; problems: Problem[] };
    expect(out.problems).toEqual([]);
    expect(out.articles.map((a) => [a.id.slice(0, 3), a.date, a.dateSource])).toEqual([
      ["000", "2025-02-25", "dateline"],
      ["001", "2025-01-01", "header"],
      expect.anything(),
      ["003", "2025-09-24", "header"],
      ["004", "2025-09-23", "header"],
    ]);
    // 002 has no date of its own (the loader's warning says so). The CLI may date it from the briefing it
    // reports (events.ts): then the source says "event" and the date is that of 000, the same 25 Feb briefing.
    const a2 = out.articles[2];
    expect(a2.warnings[0]).toBe("no date found (no header, metadata or dateline)");
    if (a2.dateSource === "event") expect(a2.date).toBe("2025-02-25");
    else expect([a2.date, a2.dateSource]).toEqual([null, null]);
    for (const a of out.articles) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(["id", "file", "title", "outlet", "url", "date", "dateSource", "text", "words", "warnings"]));
      expect(a.text.length).toBeGreaterThan(1000);
    }
  });

  it("exits 0 with problems listed on stderr, and 1 with --strict after printing", () => {
    const dir = folderWith({ "a.txt": "Islamabad, February 25, 2025: The envoy spoke.", "empty.txt": "", "feed.jsonl": '{"text": "ok"}\n{oops\n' });
    const loose = cli("articles", dir, "--json");
    expect(loose.code).toBe(0);
    expect(loose.stderr).toBe("problem: empty.txt: empty file\nproblem: feed.jsonl: line 2: not valid JSON (Expected property name or '}')\n");
    expect((JSON.parse(loose.stdout) as { articles: Article[] }).articles.map((a) => a.id)).toEqual(["a", "feed-1"]);
    const strict = cli("articles", dir, "--strict");
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("feed-1");
    expect(strict.stderr.trimEnd().split("\n").at(-1)).toBe("talkingpoints articles: 2 problems (--strict)");
    expect(cli("articles", "data/articles", "--strict").code).toBe(0);
  });

  it("rejects an unknown flag in one line", () => {
    expectOneLineError(cli("articles", "--bogus"), 2, /^talkingpoints articles: Unknown option '--bogus'$/);
  });

  it("rejects a missing folder in one line", () => {
    expectOneLineError(cli("articles", "/nonexistent/folder"), 2, "talkingpoints articles: no such file or folder: /nonexistent/folder");
  });

  it("says there are no articles in an empty folder, and exits 1", () => {
    const dir = tempDir();
    const r = cli("articles", dir);
    expectOneLineError(r, 1, `talkingpoints articles: no articles found in ${dir}`);
  });

  it("counts the unreadable files when a folder holds no articles", () => {
    const dir = folderWith({ "empty.txt": "" });
    const r = cli("articles", dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`problem: empty.txt: empty file\ntalkingpoints articles: no articles found in ${dir} (1 problem listed above)\n`);
  });

  it("rejects an unknown command in one line", () => {
    expectOneLineError(cli("artcles"), 2, /^talkingpoints: unknown command "artcles"/);
  });
});

describe("talkingpoints themes with a broken theme file", () => {
  const hasThemes = fs.existsSync(path.join("lib", "commands", "themes.ts"));
  it.skipIf(!hasThemes)("names the file in one line and exits non-zero", () => {
    const dir = folderWith({ "themes.yml": "neutrality: [\"neutral\"\n  broken: [" });
    const r = cli("themes", "data/articles", "--themes", path.join(dir, "themes.yml"));
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("themes.yml");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
