import { describe, expect, it } from "vitest";
import { mutant, OPERATIONS } from "./fuzz/mutate";
import { loadSeeds } from "./fuzz/seeds";
import { readDocument } from "./read-document";
import { readInWorker } from "./read-in-worker";

// A small, deterministic sample of the importer's fuzzing (the full run of 1,000 documents is
// `npm run fuzz:import`, recorded in docs/performance.md): documents mutated from the seeds end in a
// draft or a message, never an exception. Outcomes are asserted, not times.

const RUN_SEED = 12;
const SAMPLE = 48;

describe("the importer on mutated documents", () => {
  it(`reads ${SAMPLE} mutants of the seeds into a draft or a message`, { timeout: 180_000 }, async () => {
    const seeds = await loadSeeds();
    expect(seeds.some((s) => s.name.endsWith(".docx"))).toBe(true);
    const operations = new Set<string>();
    for (let n = 0; n < SAMPLE; n++) {
      const doc = await mutant(seeds, RUN_SEED, n);
      operations.add(doc.operation);
      const outcome = await readDocument({ kind: "file", name: doc.name, bytes: doc.bytes, key: `fuzz-${n}` });
      if (outcome.status === "error") {
        expect(outcome.message.length, `${doc.name} (${doc.operation})`).toBeGreaterThan(20);
        // An exception turned into the generic message would be a defect to look at.
        expect(outcome.detail, `${doc.name} (${doc.operation})`).toBeUndefined();
      } else expect(outcome.extraction.document, `${doc.name} (${doc.operation})`).toBeDefined();
    }
    // The sample reaches most kinds of mutation.
    expect(operations.size).toBeGreaterThan(OPERATIONS.length / 2);
  });

  it("the same documents through the worker thread give the same outcomes", { timeout: 120_000 }, async () => {
    const seeds = await loadSeeds();
    for (let n = 0; n < 6; n++) {
      const doc = await mutant(seeds, RUN_SEED, n);
      const job = { kind: "file" as const, name: doc.name, bytes: doc.bytes, key: `fuzz-${n}` };
      const [direct, threaded] = [await readDocument(job), await readInWorker(job)];
      expect(threaded.status, `${doc.name} (${doc.operation})`).toBe(direct.status);
    }
  });
});
