import type { PlanDocument } from "@/features/plans/plan-document";
import type { Block } from "./parse-blocks";
import type { SourceRange } from "./parse-document";
import { fold, isAllCaps, trimPunctuation } from "./text";

// The end of a document: who signs it and for whom ("T/M BAN THƯỜNG VỤ", the signer's title and
// name), and where it is sent ("Nơi nhận").

type Signature = {
  recipients: string[];
  recipientsRange: SourceRange | null;
  signer: PlanDocument["signer"];
  signerRange: SourceRange | null;
};

const SIGNING_FORM = /^(t\/m|tm|k\/t|kt|tl|tuq|q)\s*\.?\s*(?=\S)/;

export function readSignature(blocks: Block[]): Signature {
  const out: Signature = {
    recipients: [],
    recipientsRange: null,
    signer: { name: null, title: null, signingForm: null },
    signerRange: null,
  };
  const lines = blocks.filter((b) => b.kind === "text").flatMap((b) => b.lines.map((l) => ({ ...l, block: b })));
  let i = lines.findIndex((l) => /^noi nhan\b/.test(fold(l.text)));
  if (i >= 0) {
    const start = lines[i]!.no;
    let end = start;
    const inline = lines[i]!.text.replace(/^[^:]*:?\s*/, "");
    if (inline) out.recipients.push(trimPunctuation(inline));
    i++;
    while (i < lines.length && /^[-–+•*]/.test(lines[i]!.text)) {
      const name = lines[i]!.text.replace(/^[-–+•*]\s*/, "")
        .replace(/[.,;]+$/, "")
        .trim();
      if (name) out.recipients.push(name);
      end = lines[i]!.no;
      i++;
    }
    out.recipientsRange = { from: start, to: end };
  } else i = 0;
  for (let j = Math.max(0, i); j < lines.length; j++) {
    const text = lines[j]!.text;
    const key = fold(text);
    if (/^phu luc\b/.test(key)) break;
    const form = SIGNING_FORM.exec(key);
    const isForm = form !== null && isAllCaps(text);
    if (
      !isForm &&
      !(
        isAllCaps(text) &&
        /chu tich|bi thu|giam doc|truong|pho/.test(key) &&
        out.signer.signingForm === null &&
        out.signer.title === null
      )
    )
      continue;
    const from = lines[j]!.no;
    if (isForm) {
      const abbreviation = text.slice(0, form![0].replace(/\s+$/, "").length).trim();
      const rest = text.slice(form![0].length).trim();
      out.signer.signingForm = /\.$/.test(abbreviation)
        ? `${abbreviation} ${rest}`
        : `${abbreviation} ${rest}`.replace(/^(KT|TM|TL|TUQ|Q)(?=\s)/, "$1.");
      j++;
    }
    let to = from;
    if (j < lines.length && isAllCaps(lines[j]!.text) && !/^phu luc/.test(fold(lines[j]!.text))) {
      out.signer.title = lines[j]!.text.trim();
      to = lines[j]!.no;
      j++;
    }
    const name = lines.slice(j, j + 3).find((l) => /^(?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$/u.test(l.text.trim()));
    if (name) {
      out.signer.name = name.text.trim();
      to = name.no;
    }
    out.signerRange = { from, to };
    break;
  }
  return out;
}
