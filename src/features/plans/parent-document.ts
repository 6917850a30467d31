import "server-only";
import type { ScopedDb } from "@/server/db/scoped";
import type { LoadedIndicator, LoadedTask } from "./document-rows";
import type { DocumentIndicator, DocumentTask, PlanDocument } from "./plan-document";
import { parseTarget, type Target } from "@/domain/target-notation";

// A new implementing plan starts as a copy of its parent: the task groups and tasks, the indicators
// with the parent's targets as starting values, and the narrative sections as editable text. Each
// copied item remembers the item it came from.

type ParentTask = {
  id: string;
  parentTaskId: string | null;
  position: number;
  numbering: string;
  title: string | null;
  body: string;
  timeframeText: string | null;
};
type ParentIndicator = {
  id: string;
  parentIndicatorId: string | null;
  position: number;
  code: string;
  name: string;
  unit: string | null;
  isGroup: boolean;
  direction: string;
  aggregation: "NONE" | "SUM" | "WEIGHTED_AVERAGE";
  aggregationWeightId: string | null;
  targets: { year: number; text: string }[];
};

/** The parent plan with its tasks and indicators (dropped ones left out), as document items and as loaded rows. */
export async function parentItems(db: ScopedDb, parentId: string) {
  const parent = await db.plan.findUniqueOrThrow({
    where: { id: parentId },
    include: {
      tasks: { orderBy: { position: "asc" }, where: { inheritance: { not: "DROPPED" } } },
      indicators: {
        orderBy: { position: "asc" },
        where: { inheritance: { not: "DROPPED" } },
        include: { targets: { orderBy: { year: "asc" } } },
      },
    },
  });

  const taskChildren = (parentTaskId: string | null): { doc: DocumentTask; loaded: LoadedTask }[] =>
    (parent.tasks as ParentTask[])
      .filter((t) => t.parentTaskId === parentTaskId)
      .map((t) => {
        const children = taskChildren(t.id);
        const doc: DocumentTask = {
          numbering: t.numbering,
          title: t.title ?? undefined,
          body: t.body,
          timeframe: t.timeframeText,
          children: children.map((c) => c.doc),
        };
        return { doc, loaded: { id: t.id, source: doc, children: children.map((c) => c.loaded) } };
      });

  // A weighted average names its weight by code in the document (resolved again in the copy).
  const codeOf = new Map((parent.indicators as ParentIndicator[]).map((i) => [i.id, i.code]));
  const indicatorChildren = (parentIndicatorId: string | null): { doc: DocumentIndicator; loaded: LoadedIndicator }[] =>
    (parent.indicators as ParentIndicator[])
      .filter((i) => i.parentIndicatorId === parentIndicatorId)
      .map((i) => {
        const children = indicatorChildren(i.id);
        const targets = Object.fromEntries(i.targets.map((t) => [String(t.year), t.text]));
        const parsed = new Map<number, Target>();
        for (const t of i.targets) {
          const result = parseTarget(t.text);
          if (result.ok) parsed.set(t.year, result.target);
        }
        const doc: DocumentIndicator = {
          code: i.code,
          name: i.name,
          unit: i.unit,
          isGroup: i.isGroup,
          targets,
          fromParent: !i.isGroup,
          direction: i.direction as DocumentIndicator["direction"],
          ...(i.aggregation === "NONE" ? {} : { aggregation: i.aggregation }),
          ...(i.aggregation === "WEIGHTED_AVERAGE" && i.aggregationWeightId && codeOf.has(i.aggregationWeightId)
            ? { aggregationWeight: codeOf.get(i.aggregationWeightId) }
            : {}),
          children: children.map((c) => c.doc),
        };
        return {
          doc,
          loaded: {
            id: i.id,
            source: doc,
            direction: i.direction,
            targets: parsed,
            children: children.map((c) => c.loaded),
          },
        };
      });

  return { parent, tasks: taskChildren(null), indicators: indicatorChildren(null) };
}

export async function parentAsDocument(
  db: ScopedDb,
  parentId: string,
  draft: { key: string; number: string; title: string; track: "PARTY" | "STATE"; place: string | null },
) {
  const { parent, tasks, indicators } = await parentItems(db, parentId);
  const document: PlanDocument = {
    key: draft.key,
    kind: "PLAN",
    track: draft.track,
    number: draft.number,
    issuedOn: null,
    place: draft.place,
    title: draft.title,
    issuerHeader: [],
    parentKey: null,
    citedKeys: [],
    signer: { name: null, title: null, signingForm: null },
    sections: {
      preamble: null,
      purpose: parent.purpose,
      requirements: parent.requirements,
      generalObjective: parent.generalObjective,
      vision: parent.vision,
      funding: parent.funding,
      implementation: parent.implementation,
    },
    childDeadlines: { plans: null, reports: null },
    recipients: [],
    tasks: tasks.map((t) => t.doc),
    indicators: indicators.map((i) => i.doc),
  };
  return {
    parent,
    document,
    derivedFrom: { tasks: tasks.map((t) => t.loaded), indicators: indicators.map((i) => i.loaded) },
  };
}
