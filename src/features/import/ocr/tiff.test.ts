import { describe, expect, it } from "vitest";
import { grayTiff } from "../../../../scripts/lib/scan-tiff";
import { tiffPageCount } from "./tiff";

const page = (n: number) => ({ width: 2, height: 2, pixels: new Uint8Array([n, n, n, n]) });

/** A big-endian TIFF whose IFDs (no entries) sit at the given offsets, each pointing to the next. */
function bigEndian(offsets: number[], size = 64): Uint8Array {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x4d, 0x00, 0x2a]);
  view.setUint32(4, offsets[0] ?? 0);
  offsets.forEach((at, i) => {
    if (at + 6 > size) return; // pointed to, not there
    view.setUint16(at, 0);
    view.setUint32(at + 2, offsets[i + 1] ?? 0);
  });
  return bytes;
}

describe("the pages of a TIFF", () => {
  it("counts the image file directories of a little-endian TIFF", () => {
    expect(tiffPageCount(grayTiff([page(1)], 200))).toBe(1);
    expect(tiffPageCount(grayTiff([page(1), page(2), page(3)], 200))).toBe(3);
  });

  it("reads a big-endian one", () => {
    expect(tiffPageCount(bigEndian([8, 20, 40]))).toBe(3);
  });

  it("stops at a chain that loops, leaves the file, or runs past the limit", () => {
    const looping = bigEndian([8, 20]);
    new DataView(looping.buffer).setUint32(22, 8);
    expect(tiffPageCount(looping)).toBe(2);
    expect(tiffPageCount(bigEndian([8, 20, 4_000]))).toBe(2);
    expect(tiffPageCount(grayTiff([page(1), page(2), page(3), page(4)], 200), 2)).toBe(3);
  });

  it("is null for what is not a TIFF or has no directory in the file", () => {
    expect(tiffPageCount(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBeNull();
    expect(tiffPageCount(new Uint8Array([0x49, 0x49, 0x2a]))).toBeNull();
    expect(tiffPageCount(bigEndian([]))).toBeNull();
    expect(tiffPageCount(bigEndian([200]))).toBeNull();
  });
});
