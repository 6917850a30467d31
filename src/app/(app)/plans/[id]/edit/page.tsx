import type { Metadata } from "next";
import Link from "next/link";
import { HeaderFormInBrowser as HeaderForm } from "@/features/plans/editor/header-form-loader";
import { NewIndicatorForm } from "@/features/plans/editor/indicator-editor";
import {
  IndicatorEditorInBrowser as IndicatorEditor,
  TaskEditorInBrowser as TaskEditor,
} from "@/features/plans/editor/row-loaders";
import { AmendForm, IssueForm, ParentChangesPanel } from "@/features/plans/editor/plan-status-forms";
import { NewTaskForm } from "@/features/plans/editor/task-editor";
import { EditorContents } from "@/features/plans/editor/contents";
import { EditorChangesProvider, SaveChangesBar } from "@/features/plans/editor/editor-changes";
import { loadEditor } from "@/features/plans/editor-data";
import { Badge } from "@/ui/badge";
import { day } from "@/ui/format";
import { planStatusLabels } from "@/ui/labels";
import { planPage } from "@/server/pages";

export const metadata: Metadata = { title: "Soạn kế hoạch" };

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { data } = await planPage("/plans/[id]/edit", id, (db, scope) => loadEditor(db, scope, id));
  const { plan } = data;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">Soạn kế hoạch {plan.number}</h1>
        <Badge tone={plan.status === "ISSUED" ? "green" : "blue"}>{planStatusLabels[plan.status]}</Badge>
        <Link href={`/plans/${plan.id}`} className="text-sm underline">
          Xem kế hoạch
        </Link>
        <Link href={`/plans/${plan.id}/history`} className="text-sm underline">
          Lịch sử
        </Link>
      </div>
      {plan.status === "ISSUED" ? (
        <>
          <p className="text-sm text-stone-700">
            Kế hoạch đã ban hành ngày {day(plan.issuedOn)}. Để thay đổi, hãy mở một bản sửa đổi, bổ sung: bản đã ban
            hành được giữ nguyên trong lịch sử.
          </p>
          <AmendForm key={plan.version} planId={plan.id} version={plan.version} />
        </>
      ) : (
        <EditorChangesProvider planId={plan.id}>
          <div className="gap-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
            <EditorContents
              general
              issue={data.canIssue}
              indicators={data.indicators
                .filter((i) => i.isGroup && i.depth === 0 && i.inheritance !== "DROPPED")
                .map((i) => ({ id: i.id, label: `${i.code} ${i.name}` }))}
              tasks={data.tasks
                .filter((t) => t.depth === 0 && t.inheritance !== "DROPPED")
                .map((t) => ({ id: t.id, label: `${t.numbering} ${t.title ?? t.body.slice(0, 60)}` }))}
            />
            <div className="min-w-0 space-y-6">
              {/* Issuing is the approver's step: first on the page, and in the contents, not after 329 rows. */}
              {data.canIssue ? (
                <section aria-labelledby="issue" className="scroll-mt-4 space-y-2">
                  <h2 id="issue" className="text-lg font-semibold">
                    Ban hành
                  </h2>
                  <IssueForm
                    key={plan.version}
                    planId={plan.id}
                    version={plan.version}
                    signingForm={plan.track === "PARTY" ? "T/M BAN THƯỜNG VỤ" : "TM. ỦY BAN NHÂN DÂN"}
                    missing={data.missingBeforeIssue}
                  />
                </section>
              ) : (
                <p className="text-sm text-stone-600">
                  Lãnh đạo đơn vị (vai trò “Lãnh đạo duyệt”) ban hành kế hoạch khi dự thảo đã hoàn chỉnh.
                </p>
              )}
              <ParentChangesPanel planId={plan.id} changes={data.changes} />
              <section id="general" aria-label="Thông tin chung" className="scroll-mt-4">
                <HeaderForm
                  key={plan.version}
                  planId={plan.id}
                  version={plan.version}
                  initial={{
                    title: plan.title,
                    purpose: plan.purpose ?? "",
                    requirements: plan.requirements ?? "",
                    generalObjective: plan.generalObjective ?? "",
                    vision: plan.vision ?? "",
                    funding: plan.funding ?? "",
                    implementation: plan.implementation ?? "",
                  }}
                />
              </section>
              <section aria-labelledby="edit-indicators" className="space-y-2">
                <h2 id="edit-indicators" className="scroll-mt-4 text-lg font-semibold">
                  Chỉ tiêu ({data.indicators.filter((i) => !i.isGroup && i.inheritance !== "DROPPED").length})
                </h2>
                <p className="text-sm text-stone-600">
                  Nhập chỉ tiêu theo cách viết quen thuộc: “dưới 1,2%”, “2-2,5”, “≥1”, “tối thiểu 95%”, “Giải quyết cơ
                  bản”. Hệ thống đọc lại ngay bên dưới ô và cảnh báo khi chỉ tiêu thấp hơn yêu cầu của cấp trên. Sửa bao
                  nhiêu dòng cũng được, rồi bấm “Lưu các thay đổi” ở cuối màn hình một lần.
                </p>
                <ul className="space-y-2">
                  {data.indicators.map((indicator) => (
                    <IndicatorEditor
                      key={`${indicator.id}:${indicator.inheritance}`}
                      planId={plan.id}
                      indicator={indicator}
                    />
                  ))}
                </ul>
                <NewIndicatorForm
                  planId={plan.id}
                  groups={data.indicators
                    .filter((i) => i.isGroup && i.inheritance !== "DROPPED")
                    .map((i) => ({ id: i.id, label: `${i.code} ${i.name}` }))}
                />
              </section>
              <section aria-labelledby="edit-tasks" className="space-y-2">
                <h2 id="edit-tasks" className="scroll-mt-4 text-lg font-semibold">
                  Nhiệm vụ, giải pháp
                </h2>
                <ul className="space-y-2">
                  {data.tasks.map((task) => (
                    <TaskEditor
                      key={`${task.id}:${task.inheritance}`}
                      planId={plan.id}
                      task={task}
                      directory={data.directory}
                    />
                  ))}
                </ul>
                <NewTaskForm
                  planId={plan.id}
                  parents={data.tasks
                    .filter((t) => t.depth === 0 && t.inheritance !== "DROPPED")
                    .map((t) => ({ id: t.id, label: `${t.numbering} ${t.title ?? t.body.slice(0, 60)}` }))}
                  directory={data.directory}
                />
              </section>
              <SaveChangesBar issueAnchor={data.canIssue ? "#issue" : null} />
            </div>
          </div>
        </EditorChangesProvider>
      )}
    </div>
  );
}
