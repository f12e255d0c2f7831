import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOutlets, outletFromText } from "../lib/outlets.js";
import { removeTempDirs, tempDir } from "./tmpdir.js";

afterAll(removeTempDirs);

describe("outlets", () => {
  it("names an outlet from a byline alias in data/outlets.yml", () => {
    const aliases = loadOutlets("data/outlets.yml");
    expect(outletFromText("F.P. Report\n\nISLAMABAD: Russian Ambassador…", aliases)).toBe("The Frontier Post");
  });

  it("reads a parenthesised wire dateline without an alias", () => {
    expect(outletFromText("KARACHI, (APP - 3rd Mar, 2025) The minister said", [])).toBe("APP");
    expect(outletFromText("ISLAMABAD: The Russian Ambassador said", [])).toBeNull();
  });

  it("reads a user's alias file, one outlet to many aliases", () => {
    const dir = tempDir();
    const file = path.join(dir, "outlets.yml");
    fs.writeFileSync(file, "Dawn: [\"DAWN.COM\", \"Dawn Report\"]\nThe News: The News International\n");
    const aliases = loadOutlets(file);
    expect(aliases).toEqual([
      { outlet: "Dawn", alias: "DAWN.COM" },
      { outlet: "Dawn", alias: "Dawn Report" },
      { outlet: "The News", alias: "The News International" },
    ]);
    expect(outletFromText("Dawn Report\nLAHORE: text", aliases)).toBe("Dawn");
    expect(loadOutlets(path.join(dir, "missing.yml"))).toEqual([]);
  });
});
