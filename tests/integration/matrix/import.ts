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

export const cases: Record<string, MatrixCase> = {
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
