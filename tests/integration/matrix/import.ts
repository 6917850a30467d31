import type { MatrixCase } from "./types";

// Importing creates a draft of the user's own body; the target is the plan chosen as its parent,
// which must be one the user can see.
const emptyDocument = {
  key: "import-matrix",
  kind: "PLAN",
  track: "PARTY",
  number: "-KH/ThU",
  issuedOn: null,
  place: null,
  title: "Kế hoạch nhập thử",
  issuerHeader: [],
  parentKey: null,
  citedKeys: [],
  signer: { name: null, title: null, signingForm: null },
  sections: {
    preamble: null,
    purpose: null,
    requirements: null,
    generalObjective: null,
    vision: null,
    funding: null,
    implementation: null,
  },
  childDeadlines: { plans: null, reports: null },
  recipients: [],
  tasks: [],
  indicators: [],
};

// A scan to read by OCR is always the user's own body's (whatever the target), and a job is its
// uploader's alone: cancelling another user's job finds nothing, whichever body that user is in.
const scanJobs = () => import("../../../src/features/import/scan-jobs");
const bytes = new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF\n"));

export const cases: Record<string, MatrixCase> = {
  "import.scan.create": {
    load: scanJobs,
    expected: {
      own: ["EDITOR", "APPROVER"],
      parent: ["EDITOR", "APPROVER"],
      child: ["EDITOR", "APPROVER"],
      sibling: ["EDITOR", "APPROVER"],
      otherProvince: ["EDITOR", "APPROVER"],
    },
    // Not strings: the upload action passes the file's bytes and its page count.
    input: () => ({ fileName: "quet.pdf", kind: "PDF", pagesTotal: 1, bytes }) as unknown as Record<string, string>,
    // A user may have only a few jobs waiting: each allowed run's job is removed.
    reset: async (fx) => {
      await fx.db.adminDb.importJob.deleteMany({});
    },
  },
  "import.scan.cancel": {
    load: scanJobs,
    expected: { own: [], parent: [], child: [], sibling: [], otherProvince: [] },
    fromSuccessor: [],
    input: async (fx, target) => {
      const owner = await fx.db.adminDb.membership.findFirstOrThrow({ where: { userId: fx.users[target] } });
      const job = await fx.db.adminDb.importJob.create({
        data: {
          userId: fx.users[target],
          organizationId: owner.organizationId,
          fileName: "cua-nguoi-khac.pdf",
          kind: "PDF",
          file: bytes,
          pagesTotal: 1,
        },
      });
      return { id: job.id };
    },
  },
  "import.confirm": {
    load: () => import("../../../src/features/import/import-actions"),
    expected: {
      own: ["EDITOR", "APPROVER"],
      parent: ["EDITOR", "APPROVER"],
      child: ["EDITOR", "APPROVER"],
      sibling: [],
      otherProvince: [],
    },
    input: (fx, target) => ({ parentId: fx.plans[target], document: JSON.stringify(emptyDocument) }),
  },
};
