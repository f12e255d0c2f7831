// A worker thread of `talkingpoints analyze`: reads and analyses the batches of files it is sent (analyzeFiles)
// and posts the results back; on "done" it reports the seconds it spent per stage, and one thread is then asked to
// group the corpus into events ("events") while the main thread groups figures and writes tables. The main thread
// ends the threads (Worker.terminate) when it is done with them.
import { parentPort, workerData } from "node:worker_threads";
import { analyzeFiles, groupEvents, packedBuffers, packInputs, stageSeconds, unpackInputs, type EventsGiven, type FileJob, type PackedInputs, type WireFileAnalysis, type WorkerSetup } from "./analyze.js";

type Message = { type: "files"; jobs: FileJob[] } | { type: "done" } | { type: "events"; given: EventsGiven; packed: PackedInputs };

const setup = workerData as WorkerSetup;
const port = parentPort!;
port.on("message", (msg: Message) => {
  if (msg.type === "done") {
    port.postMessage({ type: "done", seconds: stageSeconds });
    return;
  }
  if (msg.type === "events") {
    port.postMessage({ type: "events", ...groupEvents(msg.given, unpackInputs(msg.packed)) });
    return;
  }
  const results = analyzeFiles(msg.jobs, setup);
  // The event inputs' hash arrays travel packed, handed over rather than copied.
  const packed = packInputs(results.flatMap((f) => f.articles.map((a) => a.event)));
  const wire: WireFileAnalysis[] = results.map((f) => ({ ...f, articles: f.articles.map(({ event: _event, ...rest }) => rest) }));
  port.postMessage({ type: "files", results: wire, packed }, packedBuffers(packed));
});
