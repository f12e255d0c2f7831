// Outlets and wires (lib/outlets.ts, data/outlets.yml) on passages written here (issue 13, item 3 and test e).
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hostOf, loadOutlets, outletFromText, outletFromUrl, outletOf } from "../lib/outlets.js";
import { removeTempDirs, tempDir } from "./tmpdir.js";

afterAll(removeTempDirs);

const list = loadOutlets("data/outlets.yml");
const none = { outlets: [] };

describe("wire tags in datelines (test e)", () => {
  const cases: Array<[string, string]> = [
    ["ISLAMABAD, Dec 26 (APP): The envoy said", "APP"],
    ["ISLAMABAD, SEPT 23 (SABAH): The envoy said", "SABAH"],
    ["ISLAMABAD, Sep 23 /DNA/ - The spokesperson said", "DNA"],
    ["LAHORE, Sept. 23rd, 2025 (WNP): The governor", "WNP"],
    ["MOSCOW, March 3 (Reuters) - Russia said", "Reuters"],
    ["PARIS, Jan. 9 (AFP) - France said", "AFP"],
    ["WASHINGTON, Jan 9 (AP) — The White House said", "AP"],
    ["NEW DELHI, 5 Oct (PTI) - The ministry", "PTI"],
    ["New Delhi, Oct 5 (IANS) The ministry said", "IANS"],
    ["ISLAMABAD (APP) - The envoy said", "APP"],
    ["Envoy meets minister\n\nISLAMABAD, Dec 26 [APP]: The envoy said", "APP"],
  ];
  for (const [text, wire] of cases) {
    it(`reads ${wire} from ${JSON.stringify(text.slice(0, 40))}`, () => {
      // No site known: the outlet is the wire.
      expect(outletOf(text, null, null, list)).toEqual({ outlet: wire, wire });
    });
  }

  it("keeps the publishing site as the outlet and the tag as the wire", () => {
    expect(outletOf("ISLAMABAD, Dec 26 (APP): The envoy said", "Dawn", null, list)).toEqual({ outlet: "Dawn", wire: "APP" });
    expect(outletOf("ISLAMABAD, Dec 26 (APP): The envoy said", null, "https://www.dawn.com/news/1900000", list)).toEqual({ outlet: "Dawn", wire: "APP" });
    expect(outletOf("F.P. Report\n\nISLAMABAD, Dec 26 (APP): The envoy said", null, null, list)).toEqual({ outlet: "The Frontier Post", wire: "APP" });
  });

  it("reads an unlisted tag as a wire as written, and a tag only in a dateline", () => {
    expect(outletOf("QUETTA, Nov 2 (NNI): The chief minister said", null, null, list)).toEqual({ outlet: "NNI", wire: "NNI" });
    // "(AP)" in running text, "APP" in a sentence: no dateline, no wire.
    expect(outletOf("The photo (AP) shows the envoy. APP reported the talks.", null, null, list)).toEqual({ outlet: null, wire: null });
    expect(outletOf("ISLAMABAD: The Russian Ambassador said", null, null, list)).toEqual({ outlet: null, wire: null });
  });

  it("takes no name in brackets for a wire outside a dateline, nor a wire named in running text (BBC forms)", () => {
    expect(outletOf("Shortlist announced\n\nMargaret Atwood (Canada) Saul Bellow (Canada) Gunter Grass (Germany)", null, null, list)).toEqual({ outlet: null, wire: null });
    expect(outletOf("Squad named\n\nCoyne (Burnley), Jones (Wolves), Roberts (Wrexham), Collins (Sunderland).", null, null, list)).toEqual({ outlet: null, wire: null });
    expect(outletOf("Envoy speaks\n\nThe minister told the Associated Press news agency that talks would resume.", null, null, list)).toEqual({ outlet: null, wire: null });
    expect(outletOf("Envoy speaks\nBy Associated Press\n\nThe minister said talks would resume.", null, null, list)).toEqual({ outlet: "AP", wire: "AP" });
    expect(outletOf("KARACHI (Staff Report): The consul said", null, null, list)).toEqual({ outlet: null, wire: null });
    expect(outletOf("MOSCOW, March 3 (Interfax) - Russia said", null, null, list)).toEqual({ outlet: "Interfax", wire: "Interfax" });
  });

  it("reads a staff byline as no outlet", () => {
    expect(outletOf("By Our Correspondent\n\nKARACHI: The consul said", null, null, list)).toEqual({ outlet: null, wire: null });
    expect(outletOf("By Our Correspondent\n\nKARACHI: The consul said", null, "https://www.thenews.com.pk/print/1", list)).toEqual({ outlet: "The News International", wire: null });
  });
});

describe("the site", () => {
  it("takes metadata first, mapping a listed alias or host to its name", () => {
    expect(outletOf("text", "The Daily", "https://www.dawn.com/x", list).outlet).toBe("The Daily");
    expect(outletOf("text", "app.com.pk", null, list)).toEqual({ outlet: "APP", wire: null });
    expect(outletOf("text", "Associated Press of Pakistan", null, list).outlet).toBe("APP");
  });

  it("maps url hosts, subdomains included, else keeps the bare host name", () => {
    expect(outletFromUrl("https://www.app.com.pk/national/2025/09/23/x/", list)).toBe("APP");
    expect(outletFromUrl("https://epaper.dawn.com/DetailNews.php?x=1", list)).toBe("Dawn");
    expect(outletFromUrl("https://www.urdupoint.com/en/pakistan/x.html", list)).toBe("UrduPoint");
    expect(outletFromUrl("https://m.example-news.pk/story/1", list)).toBe("example-news.pk");
    expect(outletFromUrl("http://192.168.0.1/x", list)).toBeNull();
    expect(outletFromUrl("not a url", list)).toBeNull();
    expect(hostOf("HTTPS://User@WWW.Dawn.COM:443/path")).toBe("dawn.com");
  });

  it("names an outlet from a byline alias, and reads the bracketed wire dateline without an entry", () => {
    expect(outletFromText("F.P. Report\n\nISLAMABAD: Russian Ambassador…", list)).toBe("The Frontier Post");
    expect(outletFromText("ISLAMABAD, (UrduPoint / Pakistan Point News - 23rd Sep, 2025) Ambassador", list)).toBe("UrduPoint");
    expect(outletFromText("KARACHI, (APP - 3rd Mar, 2025) The minister said", none)).toBe("APP");
    expect(outletFromText("KARACHI, (Daily Lahore Times / LT News - 3rd Mar, 2025) The minister said", none)).toBe("Daily Lahore Times");
    // A longer alias wins where two start at one place ("Associated Press of Pakistan" over "Associated Press").
    expect(outletOf("Associated Press of Pakistan\n\nISLAMABAD: text", null, null, list)).toEqual({ outlet: "APP", wire: "APP" });
  });
});

describe("data/outlets.yml", () => {
  it("lists each wire of issue 13 as a wire", () => {
    for (const w of ["APP", "SABAH", "DNA", "WNP", "Reuters", "AFP", "AP", "PTI", "IANS"]) expect(list.outlets.find((o) => o.name === w)?.wire, w).toBe(true);
    expect(list.outlets.find((o) => o.name === "The Frontier Post")?.wire).toBe(false);
  });

  it("reads a user's file in both forms, and says what is wrong in a broken one", () => {
    const dir = tempDir();
    const file = path.join(dir, "outlets.yml");
    fs.writeFileSync(file, 'Dawn: ["DAWN.COM", "Dawn Report"]\nThe News: The News International\nKhyber Wire:\n  aliases: [KW]\n  hosts: [www.khyberwire.pk]\n  wire: true\n');
    const mine = loadOutlets(file);
    expect(mine.outlets).toEqual([
      { name: "Dawn", aliases: ["DAWN.COM", "Dawn Report"], hosts: [], wire: false },
      { name: "The News", aliases: ["The News International"], hosts: [], wire: false },
      { name: "Khyber Wire", aliases: ["KW"], hosts: ["khyberwire.pk"], wire: true },
    ]);
    expect(outletFromText("Dawn Report\nLAHORE: text", mine)).toBe("Dawn");
    expect(outletOf("PESHAWAR, Jan 3 (KW): text", "The News International", null, mine)).toEqual({ outlet: "The News", wire: "Khyber Wire" });
    expect(loadOutlets(path.join(dir, "missing.yml"))).toEqual({ outlets: [] });
    fs.writeFileSync(file, "Dawn:\n  alias: [x]\n");
    expect(() => loadOutlets(file)).toThrow(/Dawn: unknown field "alias" \(fields: aliases, hosts, wire\)/);
    fs.writeFileSync(file, "Dawn:\n  wire: yes please\n");
    expect(() => loadOutlets(file)).toThrow(/Dawn: wire must be true or false/);
  });
});
