import type { Metadata } from "next";
import { ImportWorkbench } from "@/features/import/import-workbench";
import { ocrAvailabilityCached } from "@/features/import/ocr/engine";
import { parentOptions } from "@/features/import/queries";
import { activeScanJob, scanJobView } from "@/features/import/scan-jobs";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";

export const metadata: Metadata = { title: "Nhập văn bản" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ scan?: string | string[] }> }) {
  const scope = await requirePage("/import");
  const { scan } = await searchParams;
  const [{ parents, job }, ocr] = await Promise.all([
    withScope(scope, async (db) => ({
      parents: await parentOptions(db, scope),
      // The scan named in the address, or else one still being read: a reload takes it up again.
      job:
        typeof scan === "string" && UUID.test(scan)
          ? await scanJobView(db, scope, scan)
          : await activeScanJob(db, scope),
    })),
    ocrAvailabilityCached(),
  ]);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Nhập kế hoạch từ văn bản</h1>
        <p className="max-w-3xl text-sm text-stone-700">
          Tải lên tệp Word (.docx), PDF, bản quét (PDF hoặc ảnh), Markdown (.md) hoặc văn bản (.txt) của kế hoạch, hoặc
          dán nội dung. Hệ thống đọc số, ngày, trích yếu, các văn bản được thực hiện, nhiệm vụ cùng cơ quan chủ trì,
          phối hợp và thời gian, các chỉ tiêu và mục tiêu; bạn kiểm tra, sửa rồi xác nhận. Kết quả được lưu thành{" "}
          <strong>dự thảo</strong> của {scope.organizationName ?? "đơn vị bạn"}.
        </p>
      </div>
      <ImportWorkbench parents={parents} scan={job} ocrHint={ocr.available ? null : ocr.message} />
    </div>
  );
}
