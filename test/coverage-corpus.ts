// A briefing written for the coverage tests (no real coverage): a statement of ten sentences and two reports of
// it — one that copies with light edits and leaves four sentences out, one that paraphrases some sentences and
// adds claims of its own on the same topics as others (which must not count as paraphrases of them).
import type { Article } from "../lib/types.js";
import type { EventRow } from "../lib/events.js";
import { countWords } from "../lib/corpus.js";

export const STATEMENT = [
  "The Minister of Maritime Affairs, Dana Orlov, told reporters in Tallinn on Monday that the port of Vell handled 4.2 million tonnes of grain in the first quarter.",
  "She said the new northern terminal would open in October and double the port's capacity for container ships.",
  "Orlov rejected claims that the dredging contract had been awarded without a tender, calling them a deliberate smear by the opposition.",
  "The ministry will publish every bid submitted for the contract on its website by the end of the month.",
  "Freight rates on the Baltic route fell by 18 percent after the customs checks were moved inland to Rakvere.",
  "She warned that a strike by pilots would cost the economy about 30 million euros a week.",
  "Talks with the pilots' union will resume on Thursday under a mediator appointed by the labour court.",
  "The government has also asked the European Commission for 120 million euros to rebuild the rail link to the harbour.",
  "Orlov said fishing quotas were a matter for the agriculture ministry and declined to comment on them.",
  "Asked about the ferry accident in March, she said the investigation report would be made public in full.",
];

/** Copies S1–S3, S5–S7 with light edits (S7 split in two), leaves out S4, S8, S9, S10. */
export const COPY = [
  "Maritime Affairs Minister Dana Orlov said on Monday that the port of Vell had handled 4.2 million tonnes of grain in the first quarter.",
  "She said that the new northern terminal will open in October and double the port's capacity for container ships.",
  "Orlov rejected claims that the dredging contract had been awarded without a tender, calling them a deliberate smear by the opposition.",
  "According to the minister, freight rates on the Baltic route fell by 18 percent after the customs checks were moved inland to Rakvere.",
  "She warned that a strike by pilots could cost the economy about 30 million euros every week.",
  "Talks with the pilots' union will resume on Thursday.",
  "They will be held under a mediator appointed by the labour court, she added.",
];

/** Paraphrases S1, S2, S3 and S8; B5–B7 are new claims on the topics of S9, S5 and S6/S7. */
export const PARAPHRASE = [
  "Grain shipments through Vell reached 4.2 million tonnes between January and March, Orlov told journalists.",
  "A northern terminal due to open in October will let twice as many container ships use the port, the minister said.",
  "The minister dismissed as an opposition smear the allegation that the dredging deal skipped a tender.",
  "Rebuilding the rail link to the harbour needs 120 million euros, and the European Commission has been asked to pay.",
  "Orlov spoke about the fishing boats in the harbour, saying the fleet had grown.",
  "The ministry expects freight on the Baltic route to grow next year.",
  "Pilots have not announced any dates for a strike.",
];

export function article(id: string, text: string, event = "ev-test"): Article & { event: string } {
  return { id, file: `${id}.txt`, title: id, outlet: `outlet-${id}`, url: null, date: "2025-05-05", dateSource: "header", text, words: countWords(text), warnings: [], event };
}

export function eventRow(ids: string[], event = "ev-test"): EventRow {
  return { event, date: "2025-05-05", dateFrom: "header", articles: ids, outlets: ids.map((id) => `outlet-${id}`), title: ids[0], words: 0, speaker: null, evidence: "" };
}

export function writtenBriefing(): { articles: Array<Article & { event: string }>; events: EventRow[] } {
  const articles = [article("statement", STATEMENT.join(" ")), article("copy", COPY.join(" ")), article("paraphrase", PARAPHRASE.join("\n\n"))];
  return { articles, events: [eventRow(articles.map((a) => a.id))] };
}
