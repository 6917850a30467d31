import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditUserForm } from "@/features/accounts/edit-user-form";
import { getUserForEdit, managedOrganizationIds } from "@/features/accounts/queries";
import { isUuid } from "@/server/params";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";
import { Badge } from "@/ui/badge";

export const metadata: Metadata = { title: "Sửa tài khoản" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const scope = await requirePage("/admin/users/[id]");
  const data = await withScope(scope, async (db) => {
    const user = await getUserForEdit(db, id);
    if (!user) return null;
    const managed = new Set(await managedOrganizationIds(db, scope));
    return { user, manages: user.memberships.filter((m) => managed.has(m.organization.id)).length };
  });
  // An account none of whose bodies the admin manages is not theirs to see.
  if (!data || data.manages === 0) notFound();
  const { user } = data;
  const editable =
    user.id !== scope.userId &&
    (scope.isSystemAdmin || (!user.isSystemAdmin && data.manages === user.memberships.length));
  return (
    <div className="space-y-4">
      <nav aria-label="Đường dẫn" className="text-sm text-stone-600">
        <Link href="/admin/users" className="text-brand-700 hover:underline">
          Người dùng
        </Link>
        <span aria-hidden> › </span>
        <span aria-current="page">{user.username}</span>
      </nav>
      <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
        Tài khoản <span className="font-mono">{user.username}</span>
        {user.isActive ? <Badge tone="green">Đang hoạt động</Badge> : <Badge tone="red">Đã khóa</Badge>}
      </h1>
      {editable ? (
        <EditUserForm
          userId={user.id}
          version={user.version}
          displayName={user.displayName}
          email={user.email}
          memberships={user.memberships.map((m) => ({
            organizationId: m.organization.id,
            label: `${m.organization.name} — ${m.organization.place}`,
            role: m.role,
          }))}
        />
      ) : (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {user.id === scope.userId
            ? "Đây là tài khoản của bạn: đơn vị và vai trò do quản trị của đơn vị cấp trên thay đổi."
            : "Tài khoản này còn thuộc đơn vị bạn không quản lý; hãy nhờ quản trị của đơn vị cấp trên."}
        </p>
      )}
    </div>
  );
}
