import type { DocumentIndicator, DocumentTask, PlanDocument } from "@/features/plans/plan-document";
import type { Extraction, SourceRange } from "./parse-document";

// What the review screen edits: the extracted document with a stable id per task and indicator
// (its path in the extraction), so that the source lines, the "unclear" marks and the errors the
// server returns stay attached to the right item while the user removes items.

export type TaskModel = {
  uid: string;
  numbering: string;
  title: string;
  body: string;
  /** Agencies as the user edits them: names separated by ";". */
  lead: string;
  coordinating: string;
  directing: string;
  advising: string;
  timeframe: string;
  excluded: boolean;
  children: TaskModel[];
};

export type IndicatorModel = {
  uid: string;
  code: string;
  name: string;
  unit: string;
  targets: Record<string, string>;
  fromParent: boolean;
  isGroup: boolean;
  excluded: boolean;
  /** Read from doubtful text (a mark on the item or one of its targets, doubt.ts): shown as to be checked. */
  doubtful: boolean;
  /** Fields the screen does not edit, kept as extracted. */
  kept: Pick<DocumentIndicator, "baseline" | "direction" | "sourceText">;
  children: IndicatorModel[];
};

export type HeaderModel = Omit<
  PlanDocument,
  "tasks" | "indicators" | "issuerHeader" | "recipients" | "issuedOn" | "place"
> & {
  issuedOn: string;
  place: string;
  issuerHeader: string;
  recipients: string;
};

export type ReviewModel = { header: HeaderModel; tasks: TaskModel[]; indicators: IndicatorModel[] };

const ITEM_PATH = /^((?:tasks|indicators)\.\d+(?:\.children\.\d+)*)(?:\.(.+))?$/;

/** "tasks.3.children.0.timeframe" → { item: "tasks.3.children.0", field: "timeframe" }; header fields → { item: "", field }. */
export function splitPath(path: string): { item: string; field: string } {
  const m = ITEM_PATH.exec(path);
  return m ? { item: m[1]!, field: m[2] ?? "" } : { item: "", field: path };
}

function taskModel(task: DocumentTask, uid: string): TaskModel {
  return {
    uid,
    numbering: task.numbering,
    title: task.title ?? "",
    body: task.body,
    lead: (task.lead ?? []).join("; "),
    coordinating: (task.coordinating ?? []).join("; "),
    directing: (task.directing ?? []).join("; "),
    advising: (task.advising ?? []).join("; "),
    timeframe: task.timeframe ?? "",
    excluded: false,
    children: (task.children ?? []).map((child, i) => taskModel(child, `${uid}.children.${i}`)),
  };
}

function marked(unclear: Record<string, string>, uid: string): boolean {
  return Object.keys(unclear).some((k) => k === uid || (k.startsWith(`${uid}.`) && !k.startsWith(`${uid}.children.`)));
}

function indicatorModel(indicator: DocumentIndicator, uid: string, unclear: Record<string, string>): IndicatorModel {
  return {
    uid,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit ?? "",
    targets: { ...(indicator.targets ?? {}) },
    fromParent: indicator.fromParent ?? false,
    isGroup: indicator.isGroup ?? false,
    excluded: false,
    doubtful: marked(unclear, uid),
    kept: { baseline: indicator.baseline, direction: indicator.direction, sourceText: indicator.sourceText },
    children: (indicator.children ?? []).map((child, i) => indicatorModel(child, `${uid}.children.${i}`, unclear)),
  };
}

/** The review model of a document; `unclear` (the extraction's marks) says which indicators are doubtful. */
export function toModel(document: PlanDocument, unclear: Record<string, string> = {}): ReviewModel {
  const { tasks, indicators, issuerHeader, recipients, issuedOn, place, ...rest } = document;
  return {
    header: {
      ...rest,
      issuedOn: issuedOn ?? "",
      place: place ?? "",
      issuerHeader: issuerHeader.join("\n"),
      recipients: recipients.join("\n"),
    },
    tasks: tasks.map((t, i) => taskModel(t, `tasks.${i}`)),
    indicators: indicators.map((x, i) => indicatorModel(x, `indicators.${i}`, unclear)),
  };
}

function agencies(text: string): string[] | undefined {
  const names = text
    .split(/\s*;\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length ? names : undefined;
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The document to send, without removed items, and which item each path of it stands for. */
export function toDocument(model: ReviewModel): { document: PlanDocument; paths: Record<string, string> } {
  const paths: Record<string, string> = {};
  const tasks = (list: TaskModel[], prefix: string): DocumentTask[] =>
    list
      .filter((t) => !t.excluded)
      .map((t, i) => {
        const path = `${prefix}.${i}`;
        paths[path] = t.uid;
        const task: DocumentTask = { numbering: t.numbering.trim(), body: t.body.trim() };
        if (t.title.trim()) task.title = t.title.trim();
        for (const role of ["lead", "coordinating", "directing", "advising"] as const) {
          const names = agencies(t[role]);
          if (names) task[role] = names;
        }
        if (t.timeframe.trim()) task.timeframe = t.timeframe.trim();
        const children = tasks(t.children, `${path}.children`);
        if (children.length) task.children = children;
        return task;
      });
  const indicators = (list: IndicatorModel[], prefix: string): DocumentIndicator[] =>
    list
      .filter((x) => !x.excluded)
      .map((x, i) => {
        const path = `${prefix}.${i}`;
        paths[path] = x.uid;
        const indicator: DocumentIndicator = { code: x.code.trim(), name: x.name.trim() };
        if (!x.isGroup) indicator.unit = orNull(x.unit);
        if (x.isGroup) indicator.isGroup = true;
        const targets = Object.fromEntries(
          Object.entries(x.targets)
            .filter(([, text]) => text.trim() !== "")
            .map(([year, text]) => [year, text.trim()]),
        );
        if (Object.keys(targets).length) indicator.targets = targets;
        if (x.fromParent) indicator.fromParent = true;
        if (x.kept.baseline) indicator.baseline = x.kept.baseline;
        if (x.kept.direction) indicator.direction = x.kept.direction;
        if (x.kept.sourceText) indicator.sourceText = x.kept.sourceText;
        const children = indicators(x.children, `${path}.children`);
        if (children.length) indicator.children = children;
        return indicator;
      });
  const { header } = model;
  const document: PlanDocument = {
    ...header,
    number: header.number.trim(),
    title: header.title.trim(),
    issuedOn: orNull(header.issuedOn),
    place: orNull(header.place),
    issuerHeader: lines(header.issuerHeader),
    recipients: lines(header.recipients),
    signer: {
      name: orNull(header.signer.name ?? ""),
      title: orNull(header.signer.title ?? ""),
      signingForm: orNull(header.signer.signingForm ?? ""),
    },
    sections: Object.fromEntries(
      Object.entries(header.sections).map(([k, v]) => [k, v ? orNull(v) : null]),
    ) as PlanDocument["sections"],
    childDeadlines: {
      plans: orNull(header.childDeadlines.plans ?? ""),
      reports: orNull(header.childDeadlines.reports ?? ""),
    },
    tasks: tasks(model.tasks, "tasks"),
    indicators: indicators(model.indicators, "indicators"),
  };
  return { document, paths };
}

/** Server errors ("document.tasks.0.children.1.timeframe") → by item id and field. */
export function errorsByItem(
  fieldErrors: Record<string, string>,
  paths: Record<string, string>,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    if (key !== "document" && !key.startsWith("document.")) {
      (out[""] ??= {})[key] = message;
      continue;
    }
    const { item, field } = splitPath(key.slice("document".length).replace(/^\./, ""));
    if (item) (out[paths[item] ?? item] ??= {})[field] = message;
    else (out[""] ??= {})[field || "_form"] = message;
  }
  return out;
}

/** Marks and sources of the extraction, by item id and field. */
export function byItem<T>(record: Record<string, T>): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const [path, value] of Object.entries(record)) {
    const { item, field } = splitPath(path);
    (out[item] ??= {})[field] = value;
  }
  return out;
}

export type ItemSources = Record<string, Record<string, SourceRange>>;

export function milestoneYears(extraction: Pick<Extraction, "document">): string[] {
  const years = new Set<string>();
  const visit = (list: DocumentIndicator[]) =>
    list.forEach((x) => {
      Object.keys(x.targets ?? {}).forEach((y) => years.add(y));
      visit(x.children ?? []);
    });
  visit(extraction.document.indicators);
  if (years.size === 0) years.add("2030");
  return [...years].sort();
}
