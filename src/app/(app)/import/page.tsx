import type { Metadata } from "next";
import { ImportWorkbench } from "@/features/import/import-workbench";
import { parentOptions } from "@/features/import/queries";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";

export const metadata: Metadata = { title: "Nhập văn bản" };

export default async function ImportPage() {
  const scope = await requirePage("/import");
  const parents = await withScope(scope, (db) => parentOptions(db, scope));
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Nhập kế hoạch từ văn bản</h1>
        <p className="max-w-3xl text-sm text-stone-700">
          Tải lên tệp Word (.docx), Markdown (.md) hoặc văn bản (.txt) của kế hoạch, hoặc dán nội dung. Hệ thống đọc số,
          ngày, trích yếu, các văn bản được thực hiện, nhiệm vụ cùng cơ quan chủ trì, phối hợp và thời gian, các chỉ
          tiêu và mục tiêu; bạn kiểm tra, sửa rồi xác nhận. Kết quả được lưu thành <strong>dự thảo</strong> của{" "}
          {scope.organizationName ?? "đơn vị bạn"}.
        </p>
      </div>
      <ImportWorkbench parents={parents} />
    </div>
  );
}
