import { describe, expect, it } from "vitest";
import { jpegSize, jpegsToPdf } from "./scan-pdf";

// The scan maker of the OCR tests and the bench: a JPEG's size read from its frame header, and
// JPEG pages wrapped into a PDF whose cross-reference table points at its objects.

/** A JPEG's head: SOI, an APP0 segment, then a baseline frame header of `width`×`height`. */
function jpegHead(width: number, height: number, components = 1): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46]);
  const sof = Buffer.alloc(10);
  sof.writeUInt16BE(0xffc0, 0);
  sof.writeUInt16BE(8 + 3 * components, 2);
  sof[4] = 8;
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  sof[9] = components;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(3 * components), Buffer.from([0xff, 0xd9])]);
}

describe("the scan maker", () => {
  it("reads a JPEG's size and colour components past the segments before its frame", () => {
    expect(jpegSize(jpegHead(1654, 2339))).toEqual({ width: 1654, height: 2339, components: 1 });
    expect(jpegSize(jpegHead(10, 20, 3))).toEqual({ width: 10, height: 20, components: 3 });
    expect(() => jpegSize(Buffer.from("%PDF-1.4"))).toThrow("not a JPEG");
  });

  it("wraps pages into a PDF, each page the image's size at the dpi, the xref pointing at each object", () => {
    const pdf = jpegsToPdf([jpegHead(1654, 2339), jpegHead(200, 100, 3)], 200);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text).toContain("/Count 2 /Kids [3 0 R 6 0 R]");
    // 1654 px at 200 dpi: 595.44 pt, an A4 page's width.
    expect(text).toContain("/MediaBox [0 0 595.44 842.04]");
    expect(text).toContain("/ColorSpace /DeviceGray");
    expect(text).toContain("/ColorSpace /DeviceRGB");
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe("xref");
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(8);
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });
});
