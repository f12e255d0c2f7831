// A worker thread of `talkingpoints analyze`: reads and analyses the batches of files it is sent (analyzeFiles)
// and posts the results back; on "done" it reports the seconds it spent per stage, and one thread is then asked to
// group the corpus into events ("events") while the main thread groups figures and writes tables; "end" closes it.
import { parentPort, workerData } from "node:worker_threads";
import { analyzeFiles, hashBuffers, stageSeconds, type FileJob, type WorkerSetup } from "./analyze.js";
import { assignEvents, type EventInput } from "./events.js";
import type { Article } from "./types.js";

type Message = { type: "files"; jobs: FileJob[] } | { type: "done" } | { type: "events"; articles: Article[]; inputs: EventInput[] } | { type: "end" };

const setup = workerData as WorkerSetup;
const port = parentPort!;
port.on("message", (msg: Message) => {
  if (msg.type === "done") {
    port.postMessage({ type: "done", seconds: stageSeconds });
    return;
  }
  if (msg.type === "end") {
    port.close();
    return;
  }
  if (msg.type === "events") {
    port.postMessage({ type: "events", result: assignEvents(msg.articles, {}, msg.inputs) });
    return;
  }
  const results = analyzeFiles(msg.jobs, setup);
  // Hand the hash arrays over rather than copying them.
  port.postMessage({ type: "files", results }, hashBuffers(results.flatMap((f) => f.articles.map((a) => a.event))));
});
