import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// A multi-page TIFF made from a PDF, as a scanner or a fax makes one (the OCR tests): every page
// rendered by poppler's pdftoppm to greyscale (PGM), the pages written as one uncompressed 8-bit
// TIFF, one image file directory per page. Written here: no image library is needed.

const run = promisify(execFile);

export type GrayPage = { width: number; height: number; pixels: Uint8Array };

/** A binary PGM (P5, 8 bits) read into its pixels. */
export function readPgm(bytes: Buffer): GrayPage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header || header[3] !== "255") throw new Error("not an 8-bit binary PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  return { width, height, pixels: bytes.subarray(start, start + width * height) };
}

/** Greyscale pages → one little-endian TIFF, each page one strip, resolution `dpi`. */
export function grayTiff(pages: GrayPage[], dpi: number): Buffer {
  const ENTRIES = 10;
  const ifdSize = 2 + ENTRIES * 12 + 4;
  const parts: Buffer[] = [];
  const header = Buffer.alloc(8);
  header.write("II", 0, "latin1");
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(8, 4);
  parts.push(header);
  let at = 8;
  pages.forEach((page, i) => {
    const ifd = Buffer.alloc(ifdSize + 16);
    const resolution = at + ifdSize;
    const pixels = resolution + 16;
    const next = i === pages.length - 1 ? 0 : pixels + page.pixels.length;
    let entry = 0;
    const put = (tag: number, type: number, value: number) => {
      const o = 2 + entry++ * 12;
      ifd.writeUInt16LE(tag, o);
      ifd.writeUInt16LE(type, o + 2);
      ifd.writeUInt32LE(1, o + 4);
      if (type === 3) ifd.writeUInt16LE(value, o + 8);
      else ifd.writeUInt32LE(value, o + 8);
    };
    ifd.writeUInt16LE(ENTRIES, 0);
    put(256, 4, page.width); // ImageWidth
    put(257, 4, page.height); // ImageLength
    put(258, 3, 8); // BitsPerSample
    put(259, 3, 1); // Compression: none
    put(262, 3, 1); // PhotometricInterpretation: black is zero
    put(273, 4, pixels); // StripOffsets
    put(278, 4, page.height); // RowsPerStrip
    put(279, 4, page.pixels.length); // StripByteCounts
    put(282, 5, resolution); // XResolution (a rational, below)
    put(283, 5, resolution + 8); // YResolution
    ifd.writeUInt32LE(next, 2 + ENTRIES * 12);
    for (const o of [ifdSize, ifdSize + 8]) {
      ifd.writeUInt32LE(dpi, o);
      ifd.writeUInt32LE(1, o + 4);
    }
    parts.push(ifd, Buffer.from(page.pixels));
    at = pixels + page.pixels.length;
  });
  return Buffer.concat(parts);
}

/** Pages `first`–`last` of a PDF as one multi-page greyscale TIFF at `dpi`. */
export async function tiffOfPdf(pdf: string, first: number, last: number, dpi: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kehoach-tiff-"));
  try {
    await run("pdftoppm", [
      "-f",
      String(first),
      "-l",
      String(last),
      "-r",
      String(dpi),
      "-gray",
      pdf,
      path.join(dir, "p"),
    ]);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".pgm")).sort();
    const pages = await Promise.all(files.map(async (f) => readPgm(await readFile(path.join(dir, f)))));
    return grayTiff(pages, dpi);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
