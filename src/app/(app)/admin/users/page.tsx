import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { CreateUserForm } from "@/features/accounts/create-user-form";
import { UnitFilter } from "@/features/accounts/unit-filter";
import { listManagedUsers, managedOrganization, PAGE_SIZE } from "@/features/accounts/queries";
import { UserRowActions } from "@/features/accounts/user-row-actions";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";
import { Badge } from "@/ui/badge";
import { inputStyle } from "@/ui/input-style";
import { roleLabels } from "@/ui/labels";
import { Pager } from "@/ui/pager";

export const metadata: Metadata = { title: "Người dùng" };

// The filters live in the URL (search, unit, role, status, page), so a filtered page can be linked,
// reloaded and paged through; the database filters and pages.
const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  org: z.string().uuid().optional().catch(undefined),
  role: z.enum(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]).optional().catch(undefined),
  status: z.enum(["active", "locked"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requirePage("/admin/users");
  const filters = filtersSchema.parse(await searchParams);
  const { list, unit, own } = await withScope(scope, async (db) => {
    const unit = filters.org ? await managedOrganization(db, scope, filters.org) : null;
    // A new account is of the administrator's own body unless another is chosen.
    const own = scope.organizationId ? await managedOrganization(db, scope, scope.organizationId) : null;
    const list = await listManagedUsers(db, scope, {
      q: filters.q,
      organizationId: filters.org && unit ? filters.org : undefined,
      role: filters.role,
      status: filters.status,
      page: filters.page,
    });
    return { list, unit, own };
  });
  const params = { q: filters.q, org: unit?.id, role: filters.role, status: filters.status };
  const filtered = Object.values(params).some(Boolean);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Người dùng</h1>
      <section className="space-y-2" aria-labelledby="new-user">
        <h2 id="new-user" className="text-lg font-semibold">
          Tạo người dùng mới
        </h2>
        <CreateUserForm defaultUnit={own ? { id: own.id, label: `${own.name} — ${own.place}` } : null} />
      </section>
      <section aria-labelledby="user-list" className="space-y-3">
        <h2 id="user-list" className="text-lg font-semibold">
          Tài khoản của đơn vị và các đơn vị trực thuộc
        </h2>
        <form
          method="get"
          role="search"
          aria-label="Lọc người dùng"
          className="grid items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 md:grid-cols-[1fr_1.5fr_auto_auto_auto]"
        >
          <label className="text-sm font-semibold">
            Tìm theo tên đăng nhập, họ tên
            <input
              name="q"
              defaultValue={filters.q ?? ""}
              placeholder="ví dụ mocchau hoặc nguyen van"
              className={inputStyle.field}
            />
          </label>
          <UnitFilter initial={unit ? { id: unit.id, label: `${unit.name} — ${unit.place}` } : null} />
          <div className="text-sm">
            {/* Labelled by id, not by wrapping: a wrapping label would name the select with its options too. */}
            <label htmlFor="user-filter-role" className="block font-semibold">
              Vai trò
            </label>
            <select id="user-filter-role" name="role" defaultValue={filters.role ?? ""} className={inputStyle.field}>
              <option value="">Tất cả</option>
              {Object.entries(roleLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="text-sm">
            <label htmlFor="user-filter-status" className="block font-semibold">
              Trạng thái
            </label>
            <select
              id="user-filter-status"
              name="status"
              defaultValue={filters.status ?? ""}
              className={inputStyle.field}
            >
              <option value="">Tất cả</option>
              <option value="active">Đang hoạt động</option>
              <option value="locked">Đã khóa</option>
            </select>
          </div>
          <div className="flex items-center gap-3">
            <button className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
              Lọc
            </button>
            {filtered ? (
              <Link href="/admin/users" className="text-sm underline">
                Bỏ lọc
              </Link>
            ) : null}
          </div>
        </form>
        <Pager
          path="/admin/users"
          params={params}
          page={filters.page}
          total={list.total}
          size={PAGE_SIZE}
          noun="tài khoản"
        />
        {list.users.length ? (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">Danh sách tài khoản</caption>
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
                {list.users.map((user) => (
                  <tr key={user.id} className="border-t border-stone-100 align-top">
                    <td className="px-3 py-2 font-mono">{user.username}</td>
                    <td className="px-3 py-2">{user.displayName}</td>
                    <td className="px-3 py-2">
                      {user.memberships.map((m) => (
                        <span key={m.organization.id} className="block">
                          {m.organization.name} · {roleLabels[m.role]}
                          <span className="block text-xs text-stone-500">{m.organization.place}</span>
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
                        <div className="space-y-2">
                          <Link
                            href={`/admin/users/${user.id}`}
                            className="text-brand-700 underline"
                            aria-label={`Sửa tài khoản ${user.username}`}
                          >
                            Sửa
                          </Link>
                          <UserRowActions userId={user.id} isActive={user.isActive} username={user.username} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600">
            {filtered ? "Không có tài khoản nào khớp bộ lọc." : "Chưa có tài khoản nào."}
          </p>
        )}
      </section>
    </div>
  );
}
