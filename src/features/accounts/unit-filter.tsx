"use client";

import { RemotePicker } from "@/ui/remote-picker";

/** The user list's unit filter: type-ahead over the managed bodies; cleared, it shows every unit. */
export function UnitFilter({ initial }: { initial: { id: string; label: string } | null }) {
  return (
    <RemotePicker
      name="org"
      label="Đơn vị"
      endpoint="/api/admin/units"
      initial={initial}
      allowEmpty
      sendLabel={false}
      placeholder="Tất cả đơn vị (gõ để chọn)"
    />
  );
}
