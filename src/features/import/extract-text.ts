import { markDoubtful, markNumbering, markUncertainWords } from "./doubt";
import { looksLikeOcr, repairOcrText, type Repair } from "./ocr-repair";
import { buildVocabulary } from "./ocr-vocabulary";
import { extractPlan, type ExtractOptions, type Extraction } from "./parse-document";

// Text in, extraction out, with OCR text repaired first (ocr-repair.ts) and doubtful items marked
// (doubt.ts). The repaired text is what the parser reads and what the review screen's source pane
// shows; the original is kept beside it with the list of repairs, each of which the user may turn
// off (the text is then read again without it).

export type TextOptions = ExtractOptions & {
  /** Texts whose words repair OCR text: the plans in the system, the Central documents. */
  vocabulary?: readonly string[];
  /** Ids of repairs the user turned off. */
  disabledRepairs?: readonly number[];
  /**
   * Text read by Tesseract from a scan (ocr/): repaired as OCR text whatever it looks like, and the
   * words Tesseract was unsure of mark the items read from them.
   */
  scan?: { uncertainWords: readonly string[] };
};

export type OcrRepairs = { original: string[]; repairs: Repair[] };

export function extractText(text: string, options: TextOptions = {}): Extraction {
  const { vocabulary = [], disabledRepairs = [], scan, ...extractOptions } = options;
  if (!scan && !looksLikeOcr(text)) {
    const extraction = extractPlan(text, extractOptions);
    markDoubtful(extraction);
    return extraction;
  }
  const repaired = repairOcrText(
    text,
    buildVocabulary(vocabulary),
    new Set(disabledRepairs),
    scan ? { doubted: new Set(scan.uncertainWords.map((w) => w.normalize("NFC"))) } : {},
  );
  const extraction = extractPlan(repaired.text, extractOptions);
  markDoubtful(extraction, repaired.repairs);
  if (scan) {
    markUncertainWords(extraction, scan.uncertainWords);
    markNumbering(extraction);
  }
  if (repaired.repairs.length)
    extraction.warnings.push(
      `Văn bản có vẻ là kết quả OCR: đã sửa ${repaired.repairs.filter((r) => r.applied).length} chỗ (chữ bị đọc thành số, dấu tiếng Việt, cột bị ghép). Xem “Bản đã sửa” bên cạnh bản gốc; mỗi chỗ sửa có thể bỏ.`,
    );
  extraction.ocr = { original: text.normalize("NFC").split("\n"), repairs: repaired.repairs };
  return extraction;
}
