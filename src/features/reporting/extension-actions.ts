import "server-only";
import { z } from "zod";
import { effectiveDue, extensionProblem } from "@/domain/report-deadline";
import { parseVietnameseDate } from "@/domain/reporting-calendar";
import { defineAction, FieldError } from "@/server/actions";
import { ConflictError } from "@/server/errors";
import { dateColumn, isoDay } from "./calendar";
import { openReportRow, planAddressee } from "./report-actions";

// Extensions ("gia hạn", ADR 0029): the body a report is addressed to (the approvers of the issuer of
// the plan's parent) grants the locality a later due date, with a reason. The original deadline
// stays in reports."dueOn" (on-time rates count against it); the extension in force is
// reports."extendedDueOn", and every grant is a row of report_extensions (never changed).

const changedMeanwhile =
  "Báo cáo vừa được cập nhật (gửi, gia hạn hoặc sửa). Nội dung bạn nhập vẫn còn trên màn hình; hãy tải lại trang rồi thử lại.";

export const extensionInput = z.object({
  planId: z.string().uuid("Kế hoạch không hợp lệ"),
  year: z.coerce.number({ message: "Năm không hợp lệ" }).int("Năm không hợp lệ").min(2020).max(2100),
  /** The report's version as the page showed it; 0 when the locality had not opened its report yet. */
  version: z.coerce.number({ message: "Thiếu phiên bản dữ liệu; hãy tải lại trang" }).int().min(0),
  extendedTo: z
    .string()
    .trim()
    .min(1, "Hãy nhập ngày gia hạn (dd/mm/yyyy)")
    .transform((text, ctx) => {
      const iso = parseVietnameseDate(text);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: "Ngày gia hạn không hợp lệ; hãy nhập theo dạng dd/mm/yyyy" });
        return z.NEVER;
      }
      return iso;
    }),
  reason: z
    .string()
    .trim()
    .min(5, "Hãy ghi lý do gia hạn (ít nhất 5 ký tự)")
    .max(2000, "Lý do gia hạn tối đa 2.000 ký tự"),
});

export const grantExtension = defineAction({
  name: "reports.extend",
  // The reviewing body's approvers: the same people who accept or return the report.
  permission: "reports.review",
  input: extensionInput,
  subject: (db, input, scope) => planAddressee(db, scope, input.planId),
  async run({ db, scope, input, audit }) {
    // A locality that has not opened its report yet can be granted an extension all the same.
    const opened = await openReportRow(db, input.planId, input.year);
    if (opened.created) {
      if (input.version !== 0) throw new ConflictError(changedMeanwhile);
      await audit({
        action: "report.create",
        entityType: "Report",
        entityId: opened.id,
        after: { planId: input.planId, ...opened.calendar },
      });
    }
    const report = await db.report.findUniqueOrThrow({
      where: { id: opened.id },
      select: { id: true, status: true, dueOn: true, extendedDueOn: true, version: true },
    });
    if (report.status === "SUBMITTED" || report.status === "ACCEPTED")
      throw new ConflictError("Báo cáo đã được gửi nên không cần gia hạn.");
    if (!opened.created && report.version !== input.version) throw new ConflictError(changedMeanwhile);
    const original = isoDay(report.dueOn);
    const extended = report.extendedDueOn ? isoDay(report.extendedDueOn) : null;
    const current = effectiveDue({ original, extended });
    const problem = extensionProblem(current, input.extendedTo);
    if (problem) throw new FieldError("extendedTo", problem);
    const { count } = await db.report.updateMany({
      where: { id: report.id, version: report.version },
      data: { extendedDueOn: dateColumn(input.extendedTo), version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(changedMeanwhile);
    const grant = await db.reportExtension.create({
      data: {
        planId: input.planId,
        reportId: report.id,
        previousDueOn: dateColumn(current),
        extendedTo: dateColumn(input.extendedTo),
        reason: input.reason,
        grantedById: scope.userId,
      },
      select: { id: true },
    });
    await audit({
      action: "report.extend",
      entityType: "Report",
      entityId: report.id,
      before: { dueOn: original, extendedDueOn: extended },
      after: { dueOn: original, extendedDueOn: input.extendedTo, reason: input.reason, extensionId: grant.id },
    });
    return { reportId: report.id, planId: input.planId, year: input.year, extendedTo: input.extendedTo };
  },
  revalidate: ({ data }) => [`/plans/${data.planId}/reports/${data.year}`, "/reports"],
});
