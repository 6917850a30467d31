import type { MatrixCase } from "./types";

// Notifications are a user's own, not a body's: every role marks its own read, whatever the target
// (markAllRead takes no target), and nobody marks another user's, whichever body that user belongs to
// (the notification is "not found"). The acting user's own notification is covered in
// tests/integration/notifications.test.ts.
const load = () => import("../../../src/features/notifications/notification-actions");
const everyone = {
  own: ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
  parent: ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
  child: ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
  sibling: ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
  otherProvince: ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
} satisfies MatrixCase["expected"];
const nobody = { own: [], parent: [], child: [], sibling: [], otherProvince: [] } satisfies MatrixCase["expected"];

export const cases: Record<string, MatrixCase> = {
  "notifications.markRead": {
    load,
    expected: nobody,
    fromSuccessor: [],
    input: async (fx, target) => {
      const notification = await fx.db.adminDb.notification.create({
        data: {
          userId: fx.users[target],
          kind: "REPORT_DUE",
          title: "Báo cáo năm 2026 đến hạn",
          body: "Thông báo của người khác",
          dedupeKey: `matrix:${target}:${Math.random().toString(36).slice(2)}`,
        },
      });
      return { notificationId: notification.id };
    },
  },
  "notifications.markAllRead": {
    load,
    expected: everyone,
    fromSuccessor: ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
    input: () => ({}),
  },
};
