import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// Notifications on a real PostgreSQL: the events the report actions emit in their own transaction,
// the reminders on a set clock and their dedupe keys, row-level security (a user reads and marks only
// their own), the one-year purge, and the daily digest sent through a real SMTP server on loopback.

const YEAR = 2026;
/** 08:00 in Vietnam on 5/12/2026: the 2026 report (due 15/12) is 10 days away. */
const CLOCK = new Date("2026-12-05T01:00:00Z");

/** The text of a message as a reader sees it: quoted-printable and encoded words decoded. */
function readable(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const words = head
    .replace(/\r?\n[ \t]+/g, " ")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=[ \t]*/gi, (_m, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
  const body = rest.join("\n\n");
  const decodedBody = /quoted-printable/i.test(head)
    ? Buffer.from(
        body
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
        "latin1",
      ).toString("utf8")
    : /base64/i.test(head)
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : body;
  return `${words}\n\n${decodedBody}`;
}

describe("notifications", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let planId: string;
  const scopes = {} as Record<"editor" | "approver" | "reviewer" | "other", Scope>;
  let reporting: typeof import("../../src/features/reporting/report-actions");
  let actions: typeof import("../../src/features/notifications/notification-actions");
  let scoped: typeof import("../../src/server/db/scoped");
  let reminders: typeof import("../../src/features/notifications/reminders");

  const notificationsOf = (userId: string) =>
    db.adminDb.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    const plan = await db.adminDb.plan.findFirstOrThrow({ where: { issuerId: ward.id } });
    planId = plan.id;
    const province = await db.adminDb.organization.findFirstOrThrow({
      where: { name: "Tỉnh ủy Sơn La", adminUnit: { level: "PROVINCE" } },
    });
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = async (username: string, organizationId: string, role: Role, email?: string) => {
      const created = await db.adminDb.user.create({
        data: {
          username,
          displayName: `Cán bộ ${username}`,
          passwordHash: "x",
          email,
          memberships: { create: { organizationId, role } },
        },
      });
      return (await scopeForUser(created.id))!;
    };
    scopes.editor = await user("ward.editor", ward.id, "EDITOR", "ward.editor@mocchau.example.vn");
    scopes.approver = await user("ward.approver", ward.id, "APPROVER");
    scopes.reviewer = await user("province.approver", province.id, "APPROVER");
    scopes.other = await user("ward.viewer", ward.id, "VIEWER");
    reporting = await import("../../src/features/reporting/report-actions");
    actions = await import("../../src/features/notifications/notification-actions");
    scoped = await import("../../src/server/db/scoped");
    reminders = await import("../../src/features/notifications/reminders");
  });
  afterAll(async () => db.drop());

  it("reminds the body's editors and approvers of the report due on a set clock, once however often it runs", async () => {
    const first = await scoped.withJobScope((tx) => reminders.runDueReminders(tx, CLOCK));
    expect(first).toBeGreaterThan(0);
    const [due] = (await notificationsOf(scopes.editor.userId)).filter((n) => n.link?.endsWith(`/reports/${YEAR}`));
    expect(due).toMatchObject({
      kind: "REPORT_DUE",
      title: "Báo cáo năm 2026 đến hạn ngày 15/12/2026 (còn 10 ngày)",
      link: `/plans/${planId}/reports/${YEAR}`,
      dedupeKey: `report:${planId}:${YEAR}:D30`,
      readAt: null,
    });
    expect(due!.body).toContain("Đảng ủy phường Mộc Châu");
    expect((await notificationsOf(scopes.approver.userId)).some((n) => n.dedupeKey === due!.dedupeKey)).toBe(true);
    // A viewer acts on nothing: not told.
    expect(await notificationsOf(scopes.other.userId)).toEqual([]);

    // Again the same hour, and on another instance at once: nothing new.
    const again = await Promise.all([
      scoped.withJobScope((tx) => reminders.runDueReminders(tx, CLOCK)),
      scoped.withJobScope((tx) => reminders.runDueReminders(tx, CLOCK)),
    ]);
    expect(again).toEqual([0, 0]);

    // Six days later the 7-day stage is a new event; the 30-day one is not repeated.
    await scoped.withJobScope((tx) => reminders.runDueReminders(tx, new Date("2026-12-09T01:00:00Z")));
    const keys = (await notificationsOf(scopes.editor.userId))
      .map((n) => n.dedupeKey)
      .filter((k) => k.includes(planId));
    expect(keys.filter((k) => k.startsWith(`report:${planId}:${YEAR}`)).sort()).toEqual([
      `report:${planId}:${YEAR}:D30`,
      `report:${planId}:${YEAR}:D7`,
    ]);
  });

  it("computes the reminders on the real clock, or on REMINDERS_TODAY for demonstrations and browser tests", async () => {
    const { remindersNow } = await import("../../src/features/notifications/jobs");
    const { todayInVietnam } = await import("../../src/domain/vietnam-time");
    expect(todayInVietnam(remindersNow("2027-12-05"))).toBe("2027-12-05");
    const before = Date.now();
    const now = remindersNow(undefined).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(5_000);
  });

  it("tells the province's approvers of a submission and the ward of the review, in the actions' transactions", async () => {
    const created = await reporting.createReport.execute(scopes.editor, { planId, year: YEAR });
    expect(created, JSON.stringify(created)).toMatchObject({ status: "ok" });
    const draft = await db.adminDb.report.findUniqueOrThrow({ where: { planId_year: { planId, year: YEAR } } });
    const submitted = await reporting.submitReport.execute(scopes.approver, {
      reportId: draft.id,
      version: String(draft.version),
    });
    expect(submitted, JSON.stringify(submitted)).toMatchObject({ status: "ok" });
    // (The province's own report is due too: its reminders are left out here.)
    const toReviewer = (await notificationsOf(scopes.reviewer.userId)).filter((n) => n.kind === "LOCALITY_SUBMITTED");
    expect(toReviewer).toEqual([
      expect.objectContaining({
        kind: "LOCALITY_SUBMITTED",
        title: `Đảng ủy phường Mộc Châu đã gửi báo cáo năm ${YEAR}`,
        link: `/plans/${planId}/reports/${YEAR}`,
      }),
    ]);

    // A refused review (no comment when returning) writes no notification either.
    const sent = await db.adminDb.report.findUniqueOrThrow({ where: { id: draft.id } });
    const refused = await reporting.reviewReport.execute(scopes.reviewer, {
      reportId: sent.id,
      version: String(sent.version),
      decision: "RETURNED",
      comment: "",
    });
    expect(refused.status).toBe("error");
    expect((await notificationsOf(scopes.editor.userId)).filter((n) => n.kind === "REPORT_RETURNED")).toEqual([]);

    const returned = await reporting.reviewReport.execute(scopes.reviewer, {
      reportId: sent.id,
      version: String(sent.version),
      decision: "RETURNED",
      comment: "Đề nghị bổ sung số liệu chỉ tiêu 2.1.",
    });
    expect(returned, JSON.stringify(returned)).toMatchObject({ status: "ok" });
    for (const scope of [scopes.editor, scopes.approver]) {
      const [back] = (await notificationsOf(scope.userId)).filter((n) => n.kind === "REPORT_RETURNED");
      expect(back).toMatchObject({ title: `Báo cáo năm ${YEAR} bị trả lại`, link: `/plans/${planId}/reports/${YEAR}` });
      expect(back!.body).toContain("Ý kiến: Đề nghị bổ sung số liệu chỉ tiêu 2.1.");
    }
    // The reviewer is not told of their own review; the viewer is not told at all.
    expect(
      (await notificationsOf(scopes.reviewer.userId)).map((n) => n.kind).filter((k) => k !== "REPORT_DUE"),
    ).toEqual(["LOCALITY_SUBMITTED"]);
    expect(await notificationsOf(scopes.other.userId)).toEqual([]);

    // A submitted report is done: the reminders add nothing for it.
    const resent = await db.adminDb.report.findUniqueOrThrow({ where: { id: draft.id } });
    expect(
      await reporting.submitReport.execute(scopes.approver, { reportId: resent.id, version: String(resent.version) }),
    ).toMatchObject({ status: "ok" });
    const before = await db.adminDb.notification.count();
    await scoped.withJobScope((tx) => reminders.runDueReminders(tx, new Date("2026-12-14T01:00:00Z")));
    const after = await db.adminDb.notification.findMany({
      where: { dedupeKey: { startsWith: `report:${planId}:${YEAR}` } },
    });
    expect(after.some((n) => n.dedupeKey.endsWith(":D1"))).toBe(false);
    expect(await db.adminDb.notification.count()).toBeGreaterThanOrEqual(before);
  });

  it("lets a user read and mark only their own notifications", async () => {
    const mine = (await notificationsOf(scopes.editor.userId)).find((n) => n.readAt === null)!;
    // Through the application's connection: row-level security admits the user's own rows only.
    const seenByOther = await scoped.withScope(scopes.reviewer, (tx) =>
      tx.notification.findMany({ where: { id: mine.id } }),
    );
    expect(seenByOther).toEqual([]);
    const othersUpdate = await scoped.withScope(scopes.reviewer, (tx) =>
      tx.notification.updateMany({ where: { id: mine.id }, data: { readAt: new Date() } }),
    );
    expect(othersUpdate.count).toBe(0);

    const auditBefore = await db.adminDb.auditLog.count();
    const refused = await actions.markNotificationRead.execute(scopes.reviewer, { notificationId: mine.id });
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/Không tìm thấy/) });
    expect(await db.adminDb.auditLog.count()).toBe(auditBefore);
    expect((await db.adminDb.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();

    const bad = await actions.markNotificationRead.execute(scopes.editor, { notificationId: "không-phải-mã" });
    expect(bad).toMatchObject({ status: "error", fieldErrors: { notificationId: "Thông báo không hợp lệ" } });

    const ok = await actions.markNotificationRead.execute(scopes.editor, { notificationId: mine.id });
    expect(ok).toMatchObject({ status: "ok" });
    expect((await db.adminDb.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    expect(await db.adminDb.auditLog.count()).toBe(auditBefore + 1);

    const { unreadCount } = await import("../../src/features/notifications/queries");
    const unreadBefore = await scoped.withScope(scopes.editor, (tx) => unreadCount(tx, scopes.editor));
    expect(unreadBefore).toBeGreaterThan(0);
    const reviewerUnread = await scoped.withScope(scopes.reviewer, (tx) => unreadCount(tx, scopes.reviewer));
    const all = await actions.markAllNotificationsRead.execute(scopes.editor, {});
    expect(all).toMatchObject({ status: "ok", data: { marked: unreadBefore } });
    expect(await scoped.withScope(scopes.editor, (tx) => unreadCount(tx, scopes.editor))).toBe(0);
    // Someone else's stay unread.
    expect(await scoped.withScope(scopes.reviewer, (tx) => unreadCount(tx, scopes.reviewer))).toBe(reviewerUnread);
  });

  it("stores the same event once per user, even when it is emitted twice", async () => {
    const { notify } = await import("../../src/features/notifications/events");
    const event = {
      kind: "PARENT_PLAN_CHANGED" as const,
      title: "Văn bản cấp trên vừa được ban hành",
      body: "Thử",
      link: null,
      dedupeKey: "test:dedupe",
    };
    const users = [scopes.editor.userId, scopes.approver.userId];
    const counts = await Promise.all([
      scoped.withScope(scopes.reviewer, (tx) => notify(tx, event, [...users, scopes.editor.userId])),
      scoped.withScope(scopes.reviewer, (tx) => notify(tx, event, users)),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await db.adminDb.notification.count({ where: { dedupeKey: "test:dedupe" } })).toBe(2);
  });

  it("tells the editors and approvers of the implementing bodies when a parent plan is issued, once per version", async () => {
    const { parentPlanChanged } = await import("../../src/features/notifications/events");
    const parentId = (await db.adminDb.plan.findUniqueOrThrow({ where: { id: planId } })).parentId!;
    const added = await scoped.withScope(scopes.reviewer, (tx) => parentPlanChanged(tx, parentId, 7));
    expect(added).toBeGreaterThan(0);
    expect(await scoped.withScope(scopes.reviewer, (tx) => parentPlanChanged(tx, parentId, 7))).toBe(0);
    const [changed] = (await notificationsOf(scopes.editor.userId)).filter((n) =>
      n.dedupeKey.startsWith("parent-issued:"),
    );
    expect(changed).toMatchObject({ link: `/plans/${parentId}`, dedupeKey: `parent-issued:${parentId}:7` });
    expect(changed!.body).toContain("Tỉnh ủy Sơn La");
    expect((await notificationsOf(scopes.other.userId)).filter((n) => n.kind === "PARENT_PLAN_CHANGED")).toEqual([]);
  });

  it("keeps a user's e-mail address, checked, with the message beside the field", async () => {
    const { createUser } = await import("../../src/features/accounts/user-actions");
    const { scopeForUser } = await import("../../src/server/auth/session");
    const ward = await db.adminDb.organization.findFirstOrThrow({ where: { name: "Đảng ủy phường Mộc Châu" } });
    const admin = await db.adminDb.user.findFirstOrThrow({ where: { username: "phuongmocchau.admin" } });
    const scope = (await scopeForUser(admin.id))!;
    const input = {
      organizationId: ward.id,
      username: "ward.mail",
      displayName: "Cán bộ có thư",
      role: "VIEWER",
      password: "MatKhau2026",
    };
    const bad = await createUser.execute(scope, { ...input, email: "nguyenvana@" });
    expect(bad).toMatchObject({
      status: "error",
      fieldErrors: { email: expect.stringContaining("Địa chỉ thư điện tử không hợp lệ") },
      values: { email: "nguyenvana@" },
    });
    const ok = await createUser.execute(scope, { ...input, email: " NguyenVanA@MocChau.example.vn " });
    expect(ok, JSON.stringify(ok)).toMatchObject({ status: "ok" });
    expect((await db.adminDb.user.findUniqueOrThrow({ where: { username: "ward.mail" } })).email).toBe(
      "nguyenvana@mocchau.example.vn",
    );
  });

  it("deletes notifications older than a year, and only those", async () => {
    const { purgeOldNotifications } = await import("../../src/features/notifications/purge");
    const old = await db.adminDb.notification.create({
      data: {
        userId: scopes.other.userId,
        kind: "REPORT_DUE",
        title: "Cũ",
        body: "Cũ",
        dedupeKey: "test:old",
        createdAt: new Date("2025-12-01T00:00:00Z"),
      },
    });
    const recent = await db.adminDb.notification.create({
      data: {
        userId: scopes.other.userId,
        kind: "REPORT_DUE",
        title: "Mới",
        body: "Mới",
        dedupeKey: "test:recent",
        createdAt: new Date("2025-12-10T00:00:00Z"),
      },
    });
    // A user's transaction deletes nothing, not even their own (only the job purges).
    const byUser = await scoped.withScope(scopes.other, (tx) => tx.notification.deleteMany({ where: { id: old.id } }));
    expect(byUser.count).toBe(0);
    const purged = await scoped.withJobScope((tx) => purgeOldNotifications(tx, CLOCK));
    expect(purged).toBe(1);
    expect(await db.adminDb.notification.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.adminDb.notification.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db.adminDb.auditLog.findFirst({ where: { action: "notifications.purge" } })).toMatchObject({
      after: { deleted: 1 },
    });
  });

  it("runs scheduled jobs in pg-boss as the application role, which may not create schemas", async () => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: db.appUrl });
    await client.connect();
    const { rows } = await client.query<{ create: boolean }>(
      "SELECT has_database_privilege(current_user, current_database(), 'CREATE') AS create",
    );
    await client.end();
    expect(rows[0]!.create).toBe(false);

    const boss = await import("../../src/server/jobs/boss");
    // Two instances installing at once: one creates the tables, the other finds them.
    await Promise.all([boss.installJobSchema(db.appUrl), boss.installJobSchema(db.appUrl)]);
    let runs = 0;
    const done = new Promise<void>((resolve) => {
      void boss.startJobs(
        [
          {
            name: "test-job",
            cron: "0 7 * * *",
            atStart: true,
            run: async () => {
              runs++;
              resolve();
            },
          },
        ],
        db.appUrl,
      );
    });
    const queue = await boss.startJobs([], db.appUrl);
    expect(await queue.getSchedules()).toEqual([
      expect.objectContaining({ name: "test-job", cron: "0 7 * * *", timezone: "Asia/Ho_Chi_Minh" }),
    ]);
    await queue.send("test-job", {});
    await done;
    await boss.stopJobs();
    expect(runs).toBe(1);
  });

  describe("the daily digest", () => {
    const received: { from: string; to: string[]; text: string }[] = [];
    let smtp: SMTPServer;
    let port: number;

    beforeAll(async () => {
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              text: readable(Buffer.concat(chunks).toString("utf8")),
            });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
      port = (smtp.server.address() as AddressInfo).port;
    });
    afterAll(async () => new Promise<void>((resolve) => smtp.close(() => resolve())));

    it("sends nothing when no SMTP server is configured", async () => {
      const { sendDailyDigests } = await import("../../src/features/notifications/digest");
      const { mailEnv } = await import("../../src/server/env");
      const result = await sendDailyDigests(CLOCK, mailEnv({}));
      expect(result).toEqual({ sent: 0, skipped: "not-configured" });
      expect(received).toEqual([]);
      expect(await db.adminDb.digestDelivery.count()).toBe(0);
    });

    it("sends each user with an address and unread notifications one message a day, in Vietnamese", async () => {
      const { sendDailyDigests } = await import("../../src/features/notifications/digest");
      const { mailEnv } = await import("../../src/server/env");
      const env = mailEnv({
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: "Theo dõi kế hoạch <no-reply@kehoach.example.vn>",
        NEXTAUTH_URL: "https://kehoach.example.vn",
      });
      // The editor has read everything (above); a new event makes one unread again.
      await scoped.withScope(scopes.reviewer, async (tx) => {
        const { notify } = await import("../../src/features/notifications/events");
        await notify(
          tx,
          {
            kind: "REPORT_ACCEPTED",
            title: "Báo cáo năm 2026 đã được chấp nhận",
            body: "Cấp trên đã chấp nhận báo cáo năm 2026 của Đảng ủy phường Mộc Châu.",
            link: `/plans/${planId}/reports/2026`,
            dedupeKey: "test:digest",
          },
          [scopes.editor.userId],
        );
      });
      // Unread for the editor now: that one and those of the tests above since "mark all read".
      const unread = await db.adminDb.notification.count({ where: { userId: scopes.editor.userId, readAt: null } });
      expect(unread).toBeGreaterThanOrEqual(2);
      expect(await sendDailyDigests(CLOCK, env)).toEqual({ sent: 1, skipped: null });
      expect(received).toHaveLength(1);
      const [message] = received;
      expect(message!.to).toEqual(["ward.editor@mocchau.example.vn"]);
      expect(message!.from).toBe("no-reply@kehoach.example.vn");
      expect(message!.text).toContain(`Subject: [Theo dõi kế hoạch] ${unread} thông báo chưa đọc - ngày 05/12/2026`);
      expect(message!.text).toContain("Kính gửi Cán bộ ward.editor,");
      expect(message!.text).toContain("- Báo cáo năm 2026 đã được chấp nhận");
      expect(message!.text).toContain("Cấp trên đã chấp nhận báo cáo năm 2026 của Đảng ủy phường Mộc Châu.");
      expect(message!.text).toContain(`https://kehoach.example.vn/plans/${planId}/reports/2026`);

      // Again the same day (another instance, a retried job): nothing more.
      expect(await sendDailyDigests(new Date("2026-12-05T10:00:00Z"), env)).toEqual({ sent: 0, skipped: null });
      expect(received).toHaveLength(1);
      expect(await db.adminDb.digestDelivery.findMany()).toEqual([
        expect.objectContaining({ userId: scopes.editor.userId, notificationCount: unread }),
      ]);
      // The next day, still unread: one more.
      expect(await sendDailyDigests(new Date("2026-12-06T01:00:00Z"), env)).toEqual({ sent: 1, skipped: null });
      expect(received).toHaveLength(2);
    });
  });
});
