import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { documentKindLabel } from "@/domain/document-number";
import { ImplementForm } from "@/features/plans/implement-form";
import { canImplement } from "@/features/plans/plan-actions";
import { getPlanDetail } from "@/features/plans/queries";
import { day } from "@/ui/format";
import { planPage } from "@/server/pages";

export const metadata: Metadata = { title: "Tạo kế hoạch thực hiện" };

export default async function ImplementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { data } = await planPage("/plans/[id]/implement", id, async (db, scope) => {
    if (!(await canImplement(db, scope, id))) return null;
    const parent = await getPlanDetail(db, scope, id);
    const own = await db.organization.findUniqueOrThrow({
      where: { id: scope.organizationId! },
      include: { adminUnit: true },
    });
    return { parent, place: own.adminUnit.fullName };
  });
  if (!data) notFound();
  const { parent } = data;
  const kind = documentKindLabel(parent.kind);
  // "Thị xã Mộc Châu" reads "trên địa bàn thị xã Mộc Châu" inside a sentence.
  const place = data.place.charAt(0).toLowerCase() + data.place.slice(1);
  const dated = parent.issuedOn ? ` ngày ${day(parent.issuedOn)}` : "";
  const suggested = `Thực hiện ${kind} số ${parent.number}${dated} của ${parent.issuer.name} trên địa bàn ${place}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        Tạo kế hoạch thực hiện {kind.toLowerCase()} {parent.number}
      </h1>
      <ImplementForm
        parentId={parent.id}
        suggestedTitle={suggested}
        counts={{
          tasks: parent.tasks.filter((t) => t.inheritance !== "DROPPED").length,
          indicators: parent.indicators.filter((i) => !i.isGroup && i.inheritance !== "DROPPED").length,
        }}
      />
    </div>
  );
}
