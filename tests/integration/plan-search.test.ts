import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchText } from "../../src/domain/vietnamese-text";
import type { Scope } from "../../src/server/db/scope";
import { createTestDatabase } from "./database";

// The plan list's search (issue 13, point 5): without diacritics, by document number, % and _
// literal, NUL harmless; and the SQL that writes plans.searchText agrees with the TypeScript that
// reads the query.

describe("plan search", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sonla: Scope;
  let mocChauNumber: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
    process.env.NEXTAUTH_SECRET = "a-secret-for-tests-only-0123456789abcdef";
    const { scopeForUser } = await import("../../src/server/auth/session");
    const user = await db.adminDb.user.findUniqueOrThrow({ where: { username: "sonla.viewer" } });
    sonla = (await scopeForUser(user.id))!;
    const mocChau = await db.adminDb.plan.findFirstOrThrow({
      where: { issuer: { name: "Thị ủy Mộc Châu" }, numberSerial: { not: null } },
    });
    mocChauNumber = `${mocChau.numberSerial}-KH/TXU`;
  });
  afterAll(async () => db.drop());

  const search = async (q: string) => {
    const { withScope } = await import("../../src/server/db/scoped");
    const { listPlans } = await import("../../src/features/plans/queries");
    return withScope(sonla, (tx) => listPlans(tx, sonla, { q }));
  };
  const numbers = async (q: string) => (await search(q)).map((p) => p.number);

  it("finds plans without diacritics, in any case", async () => {
    const withMarks = await numbers("Mộc Châu");
    expect(withMarks).toContain(mocChauNumber);
    expect(await numbers("moc chau")).toEqual(withMarks);
    expect(await numbers("MOC CHAU")).toEqual(withMarks);
    // 42-NQ/TW's title: "… chính sách xã hội …".
    expect(await numbers("chinh sach xa hoi")).toContain("42-NQ/TW");
    expect(await numbers("chính sách xã hội")).toContain("42-NQ/TW");
  });

  it("finds a plan by its document number, whole or in part", async () => {
    const serial = mocChauNumber.split("-")[0]!;
    expect(await numbers(mocChauNumber)).toEqual([mocChauNumber]);
    expect(await numbers(mocChauNumber.toLowerCase())).toEqual([mocChauNumber]);
    expect(await numbers(`${serial}-KH`)).toContain(mocChauNumber);
    expect(await numbers(serial)).toContain(mocChauNumber);
    expect(await numbers("68/NQ-CP")).toEqual(["68/NQ-CP"]);
    expect(await numbers("68/nq")).toEqual(["68/NQ-CP"]);
    // Words of the number and of the issuer together.
    expect(await numbers(`${serial}-KH Mộc Châu`)).toEqual([mocChauNumber]);
  });

  it("matches the start of words, not the middle", async () => {
    expect(await numbers("oc chau")).toEqual([]);
  });

  it("a search with a NUL character finds nothing instead of failing", async () => {
    await expect(search("\u0000")).resolves.toEqual([]);
    expect((await search("Sơn\u0000 La")).length).toBeGreaterThan(0);
  });

  it("% and _ are literal characters, not wildcards", async () => {
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search("S_n La")).toEqual([]);
    expect(await search("Sơn%La")).toEqual([]);
    const plan = (await search("Sơn La"))[0]!;
    await db.adminDb.plan.update({ where: { id: plan.id }, data: { title: "Kế hoạch 100% xã_phường" } });
    expect((await search("100%")).map((p) => p.id)).toEqual([plan.id]);
    expect((await search("xa_phuong")).map((p) => p.id)).toEqual([plan.id]);
  });

  it("a plan's search text follows its number and title when they change", async () => {
    const plan = await db.adminDb.plan.findFirstOrThrow({ where: { issuer: { name: "Thị ủy Mộc Châu" } } });
    await db.adminDb.plan.update({
      where: { id: plan.id },
      data: { numberSerial: "9876", title: "Chương trình Đắk Lắk" },
    });
    expect(await numbers("9876-kh/txu")).toEqual(["9876-KH/TXU"]);
    expect(await numbers("dak lak chuong trinh")).toEqual(["9876-KH/TXU"]);
  });

  it("the database's app_search_text() is the same function as searchText()", async () => {
    const plans = await db.adminDb.plan.findMany({ select: { title: true } });
    const organizations = await db.adminDb.organization.findMany({ select: { name: true }, take: 3000 });
    const samples = [
      ...plans.map((p) => p.title),
      ...organizations.map((o) => o.name),
      "Phòng Lao động – TBXH (cũ)", // en dash, brackets
      "“Đảng ủy” ‘phường’ «Mộc Châu»; 42-NQ/TW.",
      "Hoá  hóa\u00a0HOÁ\tĐẮK   LẮK…",
      "ÐĂK NÔNG ðắk", // the Icelandic eth, typed for Đ by some keyboards
      "Ủy ban nhân dân\u2003xã!? 100% x_y",
      "Pho\u0302\u0300 (decomposed)",
      "",
      "   ",
    ];
    const rows = await db.adminDb.$queryRawUnsafe<{ key: string }[]>(
      `SELECT app_search_text(s) AS key FROM unnest($1::text[]) WITH ORDINALITY AS t(s, n) ORDER BY n`,
      samples,
    );
    expect(rows.map((r) => r.key)).toEqual(samples.map(searchText));
  });
});
