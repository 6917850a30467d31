import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">Không tìm thấy</h1>
      <p className="text-stone-600">Trang hoặc văn bản này không tồn tại, hoặc đơn vị của bạn không được xem.</p>
      <Link href="/plans" className="text-brand-700 underline">
        Về danh sách kế hoạch
      </Link>
    </div>
  );
}
