import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// A scan made from a PDF, as a copier makes one (issue 17's accuracy round trip, the OCR tests): every
// page rendered by poppler's pdftoppm to a greyscale JPEG at `dpi`, and the images wrapped into a PDF
// with no text layer. The PDF is written here (a JPEG goes into a PDF as it is, DCTDecode): no image
// library is needed, and ImageMagick's PDF writing is disabled by most distributions' policy.

const run = promisify(execFile);

type Jpeg = { bytes: Buffer; width: number; height: number; components: number };

/** Width, height and colour components from a JPEG's start-of-frame marker. */
export function jpegSize(bytes: Buffer): { width: number; height: number; components: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error("not a JPEG");
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error("broken JPEG marker");
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7), components: bytes[at + 9]! };
    at += 2 + length;
  }
  throw new Error("JPEG without a frame header");
}

/** JPEG pages → an image-only PDF, each page the size the image has at `dpi`. */
export function jpegsToPdf(images: Buffer[], dpi: number): Buffer {
  const jpegs: Jpeg[] = images.map((bytes) => ({ bytes, ...jpegSize(bytes) }));
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: Buffer | string) => {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    parts.push(buffer);
    length += buffer.length;
  };
  const object = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    body.forEach(push);
    push("\nendobj\n");
  };
  push("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  // 1: catalog, 2: page tree, then per page: page, contents, image.
  const pageIds = jpegs.map((_, i) => 3 + i * 3);
  object(1, ["<< /Type /Catalog /Pages 2 0 R >>"]);
  object(2, [`<< /Type /Pages /Count ${jpegs.length} /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] >>`]);
  jpegs.forEach((jpeg, i) => {
    const id = pageIds[i]!;
    const w = ((jpeg.width * 72) / dpi).toFixed(2);
    const h = ((jpeg.height * 72) / dpi).toFixed(2);
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    object(id, [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`,
    ]);
    object(id + 1, [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
    const space = jpeg.components === 1 ? "/DeviceGray" : jpeg.components === 4 ? "/DeviceCMYK" : "/DeviceRGB";
    object(id + 2, [
      `<< /Type /XObject /Subtype /Image /Width ${jpeg.width} /Height ${jpeg.height} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.bytes.length} >>\nstream\n`,
      jpeg.bytes,
      "\nendstream",
    ]);
  });
  const count = 3 + jpegs.length * 3;
  const xref = length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** A text PDF → the same pages as an image-only scan at `dpi` (pages `first`…`last`, all by default). */
export async function scanOfPdf(pdf: string, options: { dpi?: number; first?: number; last?: number } = {}) {
  const dpi = options.dpi ?? 200;
  const dir = await mkdtemp(path.join(os.tmpdir(), "kehoach-scan-of-"));
  try {
    const range = [
      ...(options.first ? ["-f", String(options.first)] : []),
      ...(options.last ? ["-l", String(options.last)] : []),
    ];
    await run(
      "pdftoppm",
      [...range, "-r", String(dpi), "-gray", "-jpeg", "-jpegopt", "quality=85", pdf, path.join(dir, "p")],
      {
        timeout: 600_000,
      },
    );
    const files = (await readdir(dir)).filter((f) => f.endsWith(".jpg")).sort();
    const images = await Promise.all(files.map((f) => readFile(path.join(dir, f))));
    return jpegsToPdf(images, dpi);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes a scan of `pdf` to `out` (see scanOfPdf). */
export async function writeScanOfPdf(pdf: string, out: string, options: Parameters<typeof scanOfPdf>[1] = {}) {
  await writeFile(out, await scanOfPdf(pdf, options));
}
