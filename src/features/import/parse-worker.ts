import { parentPort } from "node:worker_threads";
import { readDocument, type ReadJob } from "./read-document";

// The worker thread's entry (started by read-in-worker.ts): one document in, one outcome out. It
// runs with its own heap and stack limits, so a document that exhausts them ends this thread, not
// the server.

parentPort?.on("message", async (job: ReadJob) => {
  parentPort!.postMessage(await readDocument(job));
});
