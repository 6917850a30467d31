import "server-only";
import { formatVietnameseNumber } from "@/domain/decimal";
import { asTree } from "@/domain/tree";
import { planNumber } from "@/domain/document-number";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import type { Scope } from "@/server/db/scope";
import { NotFoundError } from "@/server/errors";
import { may, organizationRef, organizationRefSelect } from "@/server/plan-access";
import { previewInput, statusInputFromRows, statusIsChosen, type StatusInput } from "./status";
import { leadAgencies } from "@/domain/task-agencies";
import type { TaskStatus } from "@/ui/statuses";
import { planContent } from "./plan-content";
import { actualState, type ActualState } from "./actual-state";

// What the results page shows for one plan and year: every indicator with its targets beside this
// year's actual, and every task without sub-tasks with its progress (per lead agency where there are several).

export type GridIndicator = {
  kind: "indicator";
  id: string;
  code: string;
  name: string;
  unit: string | null;
  depth: number;
  direction: StatusInput["direction"];
  target2025: string;
  target2030: string;
  /** The user chooses the status (qualitative indicators and those without a target). */
  chosen: boolean;
  /** Everything the status depends on except this year's actual, for the preview while typing. */
  statusInput: StatusInput;
  /** Shown beside the input, to compare with: last year's actual as written, and the baseline. */
  previous: { year: number; text: string } | null;
  baseline: { year: number | null; text: string } | null;
  actual: ActualState | null;
};
export type GridGroup = { kind: "group"; id: string; code: string; name: string; depth: number };
export type GridRow = GridIndicator | GridGroup;

export type ProgressRow = {
  taskId: string;
  /** null: the task's overall progress; set: one lead agency's own update. */
  organizationId: string | null;
  organizationName: string | null;
  status: TaskStatus | null;
  summary: string;
  version: number | null;
  isIllustrative: boolean;
};

export type ProgressTask = {
  id: string;
  numbering: string;
  title: string | null;
  body: string;
  depth: number;
  isLeaf: boolean;
  leads: string[];
  rows: ProgressRow[];
};

/** Last year's actual as it was written, if there is one. */
function previousOf(actuals: { year: number; text: string }[], year: number) {
  const last = actuals.find((a) => a.year === year - 1 && a.text.trim() !== "");
  return last ? { year: last.year, text: last.text } : null;
}

/** The baseline as written, or its value with a decimal comma. */
function baselineOf(item: {
  baselineText: string | null;
  baselineValue: { toString(): string } | null;
  baselineYear: number | null;
}) {
  const text =
    item.baselineText?.trim() ||
    (item.baselineValue !== null ? formatVietnameseNumber(Number(item.baselineValue.toString())) : "");
  return text ? { year: item.baselineYear, text } : null;
}

export async function getResultsPage(db: ScopedDb, scope: Scope, planId: string, year: number) {
  const found = await db.plan.findFirst({
    where: { AND: [{ id: planId }, visiblePlans(scope)] },
    select: {
      id: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      title: true,
      kind: true,
      isIllustrative: true,
      issuedOn: true,
      issuer: { select: { ...organizationRefSelect, name: true } },
    },
  });
  // The plan's content is read only once the plan is known to be visible to this scope.
  const plan = found ? { ...found, ...(await planContent(db, planId, year)) } : null;
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
  const owner = organizationRef(plan.issuer);

  const rows: GridRow[] = asTree(plan.indicators, (i) => i.parentIndicatorId).map(({ item, depth }) => {
    if (item.isGroup) return { kind: "group", id: item.id, code: item.code, name: item.name, depth };
    const full = statusInputFromRows({ ...item, direction: item.direction, actuals: item.actuals });
    const current = item.actuals.find((a) => a.year === year) ?? null;
    return {
      kind: "indicator",
      id: item.id,
      code: item.code,
      name: item.name,
      unit: item.unit,
      depth,
      direction: item.direction,
      target2025: item.targets.find((t) => t.year === 2025)?.text ?? "",
      target2030: item.targets.find((t) => t.year === 2030)?.text ?? "",
      chosen: statusIsChosen(full, year),
      statusInput: previewInput(full, year),
      previous: previousOf(item.actuals, year),
      baseline: baselineOf(item),
      actual: current ? actualState(current) : null,
    };
  });

  const parents = new Set(plan.tasks.map((t) => t.parentTaskId).filter(Boolean));
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  // A sub-task without agencies of its own is led by those of the task it belongs to.
  const leadsOf = (task: (typeof plan.tasks)[number], hops = 0): { id: string; name: string }[] => {
    const own = leadAgencies(task.assignments);
    const parent = task.parentTaskId ? byId.get(task.parentTaskId) : undefined;
    return own.length || !parent || hops > 10 ? own : leadsOf(parent, hops + 1);
  };
  const tasks: ProgressTask[] = asTree(plan.tasks, (t) => t.parentTaskId).map(({ item, depth }) => {
    const leads = leadsOf(item);
    const isLeaf = !parents.has(item.id);
    const row = (organizationId: string | null, organizationName: string | null): ProgressRow => {
      const found = item.progress.find((p) => p.organizationId === organizationId);
      return {
        taskId: item.id,
        organizationId,
        organizationName,
        status: found?.status ?? null,
        summary: found?.summary ?? "",
        version: found?.version ?? null,
        isIllustrative: found?.isIllustrative ?? false,
      };
    };
    const rows = !isLeaf ? [] : [row(null, null), ...(leads.length > 1 ? leads.map((l) => row(l.id, l.name)) : [])];
    return {
      id: item.id,
      numbering: item.numbering,
      title: item.title,
      body: item.body,
      depth,
      isLeaf,
      leads: leads.map((l) => l.name),
      rows,
    };
  });

  return {
    plan: {
      id: plan.id,
      number: planNumber(plan),
      title: plan.title,
      kind: plan.kind,
      isIllustrative: plan.isIllustrative,
      issuerName: plan.issuer.name,
      issuedOn: plan.issuedOn,
    },
    canEdit: may(scope, "results.edit", owner),
    rows,
    tasks,
  };
}

export type ResultsPage = Awaited<ReturnType<typeof getResultsPage>>;
