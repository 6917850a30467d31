import type { Metadata } from "next";
import { CreateUserForm } from "@/features/accounts/create-user-form";
import { listManagedUsers, managedOrganizations } from "@/features/accounts/queries";
import { UserRowActions } from "@/features/accounts/user-row-actions";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";
import { Badge } from "@/ui/badge";
import { roleLabels } from "@/ui/labels";

export const metadata: Metadata = { title: "Người dùng" };

export default async function UsersPage() {
  const scope = await requirePage("/admin/users");
  const { organizations, users } = await withScope(scope, async (db) => {
    const organizations = await managedOrganizations(db, scope, "accounts");
    return {
      organizations,
      users: await listManagedUsers(
        db,
        organizations.map((o) => o.id),
      ),
    };
  });
  const managed = new Set(organizations.map((o) => o.id));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Người dùng</h1>
      <section className="space-y-2" aria-labelledby="new-user">
        <h2 id="new-user" className="text-lg font-semibold">
          Tạo người dùng mới
        </h2>
        <CreateUserForm organizations={organizations.map((o) => ({ id: o.id, name: o.name }))} />
      </section>
      <section aria-labelledby="user-list" className="space-y-2">
        <h2 id="user-list" className="text-lg font-semibold">
          Tài khoản của đơn vị và các đơn vị trực thuộc ({users.length})
        </h2>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-stone-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Tên đăng nhập
                </th>
                <th scope="col" className="px-3 py-2">
                  Họ tên
                </th>
                <th scope="col" className="px-3 py-2">
                  Đơn vị, vai trò
                </th>
                <th scope="col" className="px-3 py-2">
                  Trạng thái
                </th>
                <th scope="col" className="px-3 py-2">
                  Thao tác
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className="border-t border-stone-100 align-top">
                  <td className="px-3 py-2 font-mono">{user.username}</td>
                  <td className="px-3 py-2">{user.displayName}</td>
                  <td className="px-3 py-2">
                    {user.memberships
                      .filter((m) => managed.has(m.organization.id))
                      .map((m) => (
                        <span key={m.organization.id} className="block">
                          {m.organization.name} · {roleLabels[m.role]}
                        </span>
                      ))}
                  </td>
                  <td className="px-3 py-2">
                    {user.isActive ? <Badge tone="green">Đang hoạt động</Badge> : <Badge tone="red">Đã khóa</Badge>}
                  </td>
                  <td className="px-3 py-2">
                    {user.id === scope.userId ? (
                      <span className="text-stone-500">(bạn)</span>
                    ) : (
                      <UserRowActions userId={user.id} isActive={user.isActive} username={user.username} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
