/**
 * Document numbers ("số, ký hiệu văn bản"). The two tracks write them differently:
 * Party documents `NUMBER-TYPE/ISSUER` ("222-KH/ThU", "42-NQ/TW"), State documents
 * `NUMBER/TYPE-ISSUER` ("114/KH-UBND", "68/NQ-CP"). Normative State documents carry the year
 * in the number ("09/2019/NĐ-CP"); it is kept in `serial`. Drafts have no number yet
 * ("-CTr/TU", "/KH-UBND"), so `serial` is null.
 *
 * Type and issuer codes keep the case they were written in ("CTr", "ThU", "TTg"): the case is
 * part of the official abbreviation and is what the header of the printed document must show.
 */

import { unifyDashes } from "./vietnamese-text";

export type DocumentNotation = "PARTY" | "STATE";

export interface DocumentNumber {
  notation: DocumentNotation;
  serial: string | null;
  typeCode: string;
  issuerCode: string;
}

export type DocumentKind =
  | "RESOLUTION"
  | "PROGRAMME"
  | "PLAN"
  | "DECISION"
  | "DIRECTIVE"
  | "CONCLUSION"
  | "GUIDANCE"
  | "REPORT"
  | "NOTICE"
  | "LETTER";

export type DocumentNumberParseResult = { ok: true; value: DocumentNumber } | { ok: false; error: string };

const CODE = "[\\p{L}][\\p{L}\\d]*";
const PARTY = new RegExp(`^(\\d+)?-(${CODE})\\/(${CODE}(?:-${CODE})*)$`, "u");
const STATE = new RegExp(`^(\\d+(?:\\/\\d{4})?)?\\/(${CODE})-(${CODE}(?:-${CODE})*)$`, "u");

const FORMAT_HINT = "văn bản của Đảng viết dạng 222-KH/ThU, văn bản của chính quyền viết dạng 114/KH-UBND";

export function parseDocumentNumber(text: string): DocumentNumberParseResult {
  const cleaned = unifyDashes(text.normalize("NFC"))
    .trim()
    // "Số: 222 -KH/ThU", "Số 222-KH/ThU", "số 68/NQ-CP": the label is not part of the number.
    .replace(/^số\s*[:.]?\s*/iu, "")
    .replace(/[.,;:]+$/, "")
    .replace(/\s+/g, "");

  if (cleaned === "") return { ok: false, error: "Chưa nhập số, ký hiệu văn bản" };

  const party = PARTY.exec(cleaned);
  if (party) {
    return {
      ok: true,
      value: { notation: "PARTY", serial: party[1] ?? null, typeCode: party[2]!, issuerCode: party[3]! },
    };
  }
  const state = STATE.exec(cleaned);
  if (state) {
    return {
      ok: true,
      value: { notation: "STATE", serial: state[1] ?? null, typeCode: state[2]!, issuerCode: state[3]! },
    };
  }
  return { ok: false, error: explain(cleaned) };
}

function explain(s: string): string {
  const shown = `“${s}”`;
  if (!s.includes("/")) {
    return `Số, ký hiệu ${shown} thiếu dấu “/”: ${FORMAT_HINT}`;
  }
  if (/^[^\d/-]/u.test(s)) {
    const lead = /^[^-/]+/u.exec(s)?.[0] ?? s;
    return `Số văn bản ${quote(lead)} phải là chữ số (để trống nếu là dự thảo): ${FORMAT_HINT}`;
  }
  if (/\/$/.test(s) || /-$/.test(s)) {
    return `Số, ký hiệu ${shown} thiếu cơ quan ban hành: ${FORMAT_HINT}`;
  }
  if (/^\d*-\//.test(s) || /^\d*\/-/.test(s)) {
    return `Số, ký hiệu ${shown} thiếu loại văn bản (NQ, KH, CTr…): ${FORMAT_HINT}`;
  }
  if (/^\d*\/[\p{L}\d]+$/u.test(s)) {
    return `Số, ký hiệu ${shown} thiếu dấu “-” giữa loại văn bản và cơ quan ban hành: ${FORMAT_HINT}`;
  }
  return `Không đọc được số, ký hiệu ${shown}: ${FORMAT_HINT}`;
}

function quote(s: string): string {
  return `“${s}”`;
}

/** "222-KH/ThU", "114/KH-UBND"; drafts "-KH/ThU", "/KH-UBND". */
export function formatDocumentNumber(n: DocumentNumber): string {
  const serial = n.serial ?? "";
  return n.notation === "PARTY" ? `${serial}-${n.typeCode}/${n.issuerCode}` : `${serial}/${n.typeCode}-${n.issuerCode}`;
}

/**
 * Whether two numbers name the same document: "01-KH/TU" and "1-kh/tu" do. Drafts never equal
 * anything, since two unnumbered drafts of the same issuer are still different documents.
 */
export function sameDocumentNumber(a: DocumentNumber, b: DocumentNumber): boolean {
  if (a.serial === null || b.serial === null) return false;
  const serialKey = (s: string) =>
    s
      .split("/")
      .map((p) => String(Number(p)))
      .join("/");
  return (
    a.notation === b.notation &&
    serialKey(a.serial) === serialKey(b.serial) &&
    a.typeCode.toUpperCase() === b.typeCode.toUpperCase() &&
    a.issuerCode.toUpperCase() === b.issuerCode.toUpperCase()
  );
}

const KIND_BY_TYPE_CODE: Record<string, DocumentKind> = {
  NQ: "RESOLUTION",
  CTR: "PROGRAMME",
  CTHĐ: "PROGRAMME",
  KH: "PLAN",
  QĐ: "DECISION",
  CT: "DIRECTIVE",
  KL: "CONCLUSION",
  HD: "GUIDANCE",
  BC: "REPORT",
  TB: "NOTICE",
  CV: "LETTER",
};

/**
 * The kind of document a type code stands for, or null for codes outside the list (TTr, QC…).
 * Case does not matter, but Đ does: "HĐ" is a contract ("hợp đồng"), not "HD" guidance.
 */
export function documentKindOf(typeCode: string): DocumentKind | null {
  return KIND_BY_TYPE_CODE[typeCode.normalize("NFC").trim().toUpperCase()] ?? null;
}

const KIND_LABELS: Record<DocumentKind, string> = {
  RESOLUTION: "Nghị quyết",
  PROGRAMME: "Chương trình hành động",
  PLAN: "Kế hoạch",
  DECISION: "Quyết định",
  DIRECTIVE: "Chỉ thị",
  CONCLUSION: "Kết luận",
  GUIDANCE: "Hướng dẫn",
  REPORT: "Báo cáo",
  NOTICE: "Thông báo",
  LETTER: "Công văn",
};

export function documentKindLabel(kind: DocumentKind): string {
  return KIND_LABELS[kind];
}

/** A plan's number as written, from its stored parts ("222-KH/ThU", "114/KH-UBND", "-KH/ĐU" unnumbered). */
export function planNumber(plan: {
  notation: "PARTY" | "STATE";
  numberSerial: string | null;
  typeCode: string;
  issuerCode: string;
}): string {
  return formatDocumentNumber({
    notation: plan.notation,
    serial: plan.numberSerial,
    typeCode: plan.typeCode,
    issuerCode: plan.issuerCode,
  });
}
