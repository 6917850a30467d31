import type { Prisma } from "../../src/generated/prisma/client";

// The seed builds every row in memory first, then writes each table in one pass of batched inserts
// that skip rows already there: fast, and running it twice changes nothing.

export type SeedRows = {
  adminUnits: Prisma.AdminUnitCreateManyInput[];
  adminSuccessions: Prisma.AdminSuccessionCreateManyInput[];
  organizations: Prisma.OrganizationCreateManyInput[];
  organizationSuccessions: Prisma.OrganizationSuccessionCreateManyInput[];
  plans: Prisma.PlanCreateManyInput[];
  planCitations: Prisma.PlanCitationCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  taskAssignments: Prisma.TaskAssignmentCreateManyInput[];
  indicators: Prisma.IndicatorCreateManyInput[];
  indicatorTargets: Prisma.IndicatorTargetCreateManyInput[];
  indicatorActuals: Prisma.IndicatorActualCreateManyInput[];
  taskProgress: Prisma.TaskProgressCreateManyInput[];
  reports: Prisma.ReportCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
};

export function emptyRows(): SeedRows {
  return {
    adminUnits: [],
    adminSuccessions: [],
    organizations: [],
    organizationSuccessions: [],
    plans: [],
    planCitations: [],
    tasks: [],
    taskAssignments: [],
    indicators: [],
    indicatorTargets: [],
    indicatorActuals: [],
    taskProgress: [],
    reports: [],
    users: [],
    memberships: [],
  };
}

const BATCH = 2000;

async function insert<T>(rows: T[], write: (batch: T[]) => Promise<{ count: number }>): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += BATCH) count += (await write(rows.slice(i, i + BATCH))).count;
  return count;
}

/** Writes all rows in foreign-key order; returns how many were new. */
export async function writeRows(tx: Prisma.TransactionClient, rows: SeedRows): Promise<number> {
  let added = 0;
  // Self-referencing tables: parents first (rows are pushed parent-first by the builders).
  added += await insert(rows.adminUnits, (data) => tx.adminUnit.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.adminSuccessions, (data) => tx.adminSuccession.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.organizations, (data) => tx.organization.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.organizationSuccessions, (data) =>
    tx.organizationSuccession.createMany({ data, skipDuplicates: true }),
  );
  added += await insert(rows.plans, (data) => tx.plan.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.planCitations, (data) => tx.planCitation.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.tasks, (data) => tx.task.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.taskAssignments, (data) => tx.taskAssignment.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.indicators, (data) => tx.indicator.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.indicatorTargets, (data) => tx.indicatorTarget.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.users, (data) => tx.user.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.memberships, (data) => tx.membership.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.indicatorActuals, (data) => tx.indicatorActual.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.taskProgress, (data) => tx.taskProgress.createMany({ data, skipDuplicates: true }));
  added += await insert(rows.reports, (data) => tx.report.createMany({ data, skipDuplicates: true }));
  return added;
}
