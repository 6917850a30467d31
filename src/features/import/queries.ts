import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { formatDocumentNumber, sameDocumentNumber, type DocumentNumber } from "@/domain/document-number";
import type { Scope } from "@/server/db/scope";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";

// Parents to suggest for an imported plan: the plans the user may read whose number is one the
// document cites ("Thực hiện Kế hoạch số 114/KH-UBND …"), the implemented one first.

export type ParentSuggestion = {
  id: string;
  number: string;
  title: string;
  kind: string;
  issuedOn: string | null;
  issuerName: string;
  /** The number as the document cites it. */
  citedAs: string;
};

export type CitedNumber = DocumentNumber & { issuedOn?: string | null };

const select = {
  id: true,
  notation: true,
  numberSerial: true,
  typeCode: true,
  issuerCode: true,
  title: true,
  kind: true,
  issuedOn: true,
  issuer: { select: { name: true } },
} satisfies Prisma.PlanSelect;

function serialVariants(serial: string): string[] {
  // "09/2019" and "9/2019", "01" and "1": the same number written with or without a leading zero.
  const bare = serial
    .split("/")
    .map((part) => String(Number(part)))
    .join("/");
  const padded = serial
    .split("/")
    .map((part, i) => (i === 0 && part.length === 1 ? `0${part}` : part))
    .join("/");
  return [...new Set([serial, bare, padded])];
}

export async function suggestParents(db: ScopedDb, scope: Scope, numbers: CitedNumber[]): Promise<ParentSuggestion[]> {
  const cited = numbers.filter((n) => n.serial !== null).slice(0, 20);
  if (cited.length === 0) return [];
  const plans = await db.plan.findMany({
    where: {
      AND: [
        visiblePlans(scope),
        {
          OR: cited.map((n) => ({
            numberSerial: { in: serialVariants(n.serial!) },
            typeCode: { equals: n.typeCode, mode: "insensitive" as const },
            issuerCode: { equals: n.issuerCode, mode: "insensitive" as const },
          })),
        },
      ],
    },
    select,
    take: 50,
  });
  const out: ParentSuggestion[] = [];
  for (const n of cited) {
    const matches = plans
      .filter((p) =>
        sameDocumentNumber(
          { notation: p.notation, serial: p.numberSerial, typeCode: p.typeCode, issuerCode: p.issuerCode },
          n,
        ),
      )
      // Several bodies may use the same number: the one of the cited date first.
      .sort(
        (a, b) =>
          Number(b.issuedOn?.toISOString().slice(0, 10) === n.issuedOn) -
          Number(a.issuedOn?.toISOString().slice(0, 10) === n.issuedOn),
      );
    for (const plan of matches) {
      if (out.some((s) => s.id === plan.id)) continue;
      out.push({
        id: plan.id,
        number: formatDocumentNumber({
          notation: plan.notation,
          serial: plan.numberSerial,
          typeCode: plan.typeCode,
          issuerCode: plan.issuerCode,
        }),
        title: plan.title,
        kind: plan.kind,
        issuedOn: plan.issuedOn ? plan.issuedOn.toISOString().slice(0, 10) : null,
        issuerName: plan.issuer.name,
        citedAs: formatDocumentNumber(n),
      });
    }
  }
  return out;
}

/** Plans the user may pick as the parent by hand (besides the suggestions). */
export async function parentOptions(
  db: ScopedDb,
  scope: Scope,
): Promise<{ id: string; number: string; title: string }[]> {
  const plans = await db.plan.findMany({
    where: visiblePlans(scope),
    select: {
      id: true,
      notation: true,
      numberSerial: true,
      typeCode: true,
      issuerCode: true,
      title: true,
      issuedOn: true,
    },
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { title: "asc" }],
    take: 300,
  });
  return plans.map((p) => ({
    id: p.id,
    number: formatDocumentNumber({
      notation: p.notation,
      serial: p.numberSerial,
      typeCode: p.typeCode,
      issuerCode: p.issuerCode,
    }),
    title: p.title,
  }));
}

/**
 * Texts whose words repair OCR output (ocr-vocabulary.ts): the Central documents and the plans the
 * user may read, newest first, bounded so that a read stays quick. Suggested parents are among
 * them, as they are plans the user may read.
 */
export async function repairVocabulary(db: ScopedDb, scope: Scope): Promise<string[]> {
  const plans = await db.plan.findMany({
    where: visiblePlans(scope),
    select: {
      title: true,
      purpose: true,
      generalObjective: true,
      tasks: { select: { title: true, body: true }, take: 200 },
      indicators: { select: { name: true }, take: 200 },
    },
    // Central documents (no province) first: every plan below them repeats their words.
    orderBy: [{ provinceCode: { sort: "asc", nulls: "first" } }, { issuedOn: { sort: "desc", nulls: "last" } }],
    take: 12,
  });
  return plans.map((p) =>
    [
      p.title,
      p.purpose ?? "",
      p.generalObjective ?? "",
      ...p.tasks.map((t) => `${t.title ?? ""}\n${t.body}`),
      ...p.indicators.map((i) => i.name),
    ].join("\n"),
  );
}
