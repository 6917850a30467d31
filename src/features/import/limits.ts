// Bounds on what the importer reads from a document. An upload is hostile until read: every count,
// size and value taken from it is checked against these before the work it would cause is done,
// and a document past one of them is refused with a message that says what to do (issue 12).
// Real plans are far below them: the three seed plans have at most 1,200 lines, 40 tasks,
// 110 indicators and 4 levels of nesting; a 100-page plan has about 3,000 paragraphs.

/** Bytes of XML a .docx may unpack to (its text, styles, numbering, notes; images are never unpacked). */
export const MAX_DOCX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** Entries in a .docx package (Word writes about 15; a few hundred with many images). */
export const MAX_DOCX_ENTRIES = 2_000;
/** Lines of text the parser reads (paragraphs and table rows). */
export const MAX_LINES = 20_000;
/** Characters in one line (one paragraph or table row). */
export const MAX_LINE_CHARS = 30_000;
/** Tasks and indicators in one document, all levels counted. */
export const MAX_TASKS = 3_000;
export const MAX_INDICATORS = 3_000;
/** Levels of tasks or indicators inside one another. */
export const MAX_DEPTH = 12;
/** A list counter Word can show (its dialog stops at 32767). */
export const MAX_LIST_COUNTER = 32_767;
/** List levels Word defines (w:ilvl 0 … 8). */
export const MAX_LIST_LEVEL = 8;

/** How long reading one document may take, and how much memory, before it is stopped. */
export const READ_TIME_LIMIT_MS = 15_000;
export const READ_MEMORY_LIMIT_MB = 512;

const thousands = (n: number) => n.toLocaleString("vi-VN");
const advice = "Hãy bỏ phần không cần thiết (phụ lục, bảng số liệu dài) hoặc dán phần nội dung kế hoạch.";

export const LIMIT_MESSAGES = {
  unpackedTooLarge: `Tệp Word này khi giải nén lớn hơn ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB chữ: tệp bị hỏng hoặc không phải văn bản Word bình thường. Hãy mở bằng Word, lưu lại rồi thử lại, hoặc dán nội dung kế hoạch.`,
  tooManyEntries:
    "Tệp Word này chứa quá nhiều thành phần: tệp bị hỏng hoặc không phải văn bản Word bình thường. Hãy mở bằng Word, lưu lại rồi thử lại.",
  tooManyLines: `Văn bản quá dài: hơn ${thousands(MAX_LINES)} đoạn và dòng bảng. ${advice}`,
  lineTooLong: `Văn bản có một đoạn dài hơn ${thousands(MAX_LINE_CHARS)} ký tự, không giống một kế hoạch. ${advice}`,
  tooManyTasks: `Văn bản có hơn ${thousands(MAX_TASKS)} nhiệm vụ. ${advice}`,
  tooManyIndicators: `Văn bản có hơn ${thousands(MAX_INDICATORS)} chỉ tiêu. ${advice}`,
  tooDeep: `Văn bản có các mục lồng nhau quá ${MAX_DEPTH} cấp. Hãy kiểm tra cách đánh số mục (1., 1.1., a) …) rồi thử lại.`,
  timeout: `Đọc văn bản quá ${READ_TIME_LIMIT_MS / 1000} giây nên đã dừng: tệp quá lớn, quá phức tạp hoặc bị hỏng. Hãy mở bằng Word, lưu lại, bỏ bớt phụ lục, hoặc dán phần nội dung kế hoạch.`,
  memory:
    "Văn bản cần quá nhiều bộ nhớ để đọc nên đã dừng: tệp quá lớn hoặc bị hỏng. Hãy bỏ bớt phụ lục, hình ảnh, hoặc dán phần nội dung kế hoạch.",
  busy: "Hệ thống đang đọc nhiều văn bản cùng lúc. Vui lòng thử lại sau ít phút.",
  failed:
    "Không đọc được văn bản này. Hãy mở bằng Word, lưu lại dạng .docx rồi thử lại, hoặc dán nội dung kế hoạch vào ô bên dưới.",
} as const;
