// A small archive the timeline tests write: four months (January, February, an empty March, April 2025), three
// outlets, two reports of one briefing in January and in April, a second April briefing, and one article with no
// date at all. Every count the tests check is worked out by hand in the comments below.
import { parseThemes } from "../lib/themes.js";
import { folderWith } from "./tmpdir.js";

const md = (date: string | null, outlet: string, title: string, text: string) =>
  `---\n${date ? `date: ${date}\n` : ""}outlet: ${outlet}\ntitle: ${title}\n---\n${text}\n`;

// Word counts (runs of letters/digits; "75%" is one word, "1,000" one, "$350" one):
//   J1 "The ambassador called for a ceasefire along the whole line of contact." 12
//   J2 "He said Western military aid only prolongs the war." 9
//   J3 "Russian forces control 75% of the Donetsk region, he claimed." 10
//   J4 "A truce would need verification by neutral monitors, he added." 10
//   F1 "Grain shipments through the Black Sea must resume, the envoy told journalists." 12
//   F2 "Western states have sent weapons worth $350 billion to Kyiv, he said." 12
//   F3 "No grain deal is possible while weapons keep arriving." 9
//   A1 "Over 1,000 prisoners of war were exchanged under the truce, the ambassador said." 13
//   A2 "Russian forces control 75% of the Donetsk region, he repeated." 10
//   A3 "The ceasefire on energy infrastructure was respected by Moscow." 9
//   B1 "Grain exports to Pakistan will double next season, the trade attaché said." 12
//   B2 "Farmers in Punjab welcome cheaper wheat." 6
// The January briefing's text is J1–J4 (J1, J2 reported twice, counted once): 41 words; February F1–F3: 33;
// the 8 April briefing A1–A3 (A1 twice, once): 32; the 28 April briefing B1–B2: 18; April in all 50.
export const CORPUS = {
  "jan-dawn.md": md("2025-01-14", "Dawn", "Envoy calls for a ceasefire",
    "The ambassador called for a ceasefire along the whole line of contact. He said Western military aid only prolongs the war. Russian forces control 75% of the Donetsk region, he claimed."),
  "jan-tribune.md": md("2025-01-15", "Express Tribune", "Truce needs monitors, says envoy",
    "The ambassador called for a ceasefire along the whole line of contact. He said Western military aid only prolongs the war. A truce would need verification by neutral monitors, he added."),
  "feb-news.md": md("2025-02-10", "The News", "Grain deal blocked by arms, envoy says",
    "Grain shipments through the Black Sea must resume, the envoy told journalists. Western states have sent weapons worth $350 billion to Kyiv, he said. No grain deal is possible while weapons keep arriving."),
  "apr-dawn.md": md("2025-04-08", "Dawn", "Prisoners exchanged under truce",
    "Over 1,000 prisoners of war were exchanged under the truce, the ambassador said. Russian forces control 75% of the Donetsk region, he repeated."),
  "apr-news.md": md("2025-04-09", "The News", "Energy ceasefire respected, envoy says",
    "Over 1,000 prisoners of war were exchanged under the truce, the ambassador said. The ceasefire on energy infrastructure was respected by Moscow."),
  "apr-tribune.md": md("2025-04-28", "Express Tribune", "Grain exports to double",
    "Grain exports to Pakistan will double next season, the trade attaché said. Farmers in Punjab welcome cheaper wheat."),
  // No front matter, no dateline, and nothing in common with the rest, so no event can date it.
  "undated.txt": "Cricket fans gathered near the stadium gates before sunset. Ticket prices rose to 500 rupees.\n",
};

// Hits: ceasefire J1 ceasefire, J4 truce; A1 truce, A3 ceasefire. aid: J2 "military aid"; F2, F3 "weapons".
// grain: F1, F3; B1.
export const THEMES_YML = `ceasefire:
  label: Ceasefire and truce
  patterns: [ceasefire, truce]
aid:
  label: Military aid
  patterns: ["military aid", "weapon*"]
grain:
  label: Grain trade
  patterns: [grain]
`;

export const THEMES = parseThemes(THEMES_YML, "timeline-themes.yml");

/** The archive in a temp folder, and the theme file in another (so the archive folder holds articles only). */
export function writeCorpus(): { dir: string; themesFile: string } {
  const root = folderWith({ "themes.yml": THEMES_YML });
  const dir = folderWith(CORPUS);
  return { dir, themesFile: `${root}/themes.yml` };
}
