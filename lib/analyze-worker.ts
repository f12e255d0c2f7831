// A worker thread of `talkingpoints analyze`: reads and analyses the batches of files it is sent (analyzeFiles)
// and posts the results back; on "end" it reports the seconds it spent per stage.
import { parentPort, workerData } from "node:worker_threads";
import { analyzeFiles, stageSeconds, type FileJob, type WorkerSetup } from "./analyze.js";

const setup = workerData as WorkerSetup;
const port = parentPort!;
port.on("message", (msg: { type: "files"; jobs: FileJob[] } | { type: "end" }) => {
  if (msg.type === "end") {
    port.postMessage({ type: "end", seconds: stageSeconds });
    port.close();
    return;
  }
  const results = analyzeFiles(msg.jobs, setup);
  // Hand the hash arrays over rather than copying them.
  const transfer: ArrayBuffer[] = [];
  for (const f of results) for (const a of f.articles) transfer.push(a.event.shingles.buffer as ArrayBuffer, a.event.signature.buffer as ArrayBuffer);
  port.postMessage({ type: "files", results }, transfer);
});
