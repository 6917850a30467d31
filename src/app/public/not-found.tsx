import Link from "next/link";

export default function PublicNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">Không tìm thấy</h1>
      <p className="text-stone-600">Kế hoạch này không tồn tại hoặc chưa được công bố.</p>
      <Link href="/public" className="text-brand-700 underline">
        Về danh sách kế hoạch đã công bố
      </Link>
    </div>
  );
}
