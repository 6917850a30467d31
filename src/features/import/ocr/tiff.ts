// The number of pages of a TIFF image (issue 17, part 2): a fax or a scanner's multi-page TIFF is
// one upload of several pages, and the OCR job reads and counts them one by one (Tesseract reads one
// page of it with `-c tessedit_page_number`). A TIFF's pages are its image file directories (IFDs),
// chained from the header: "II*\0" or "MM\0*", the first IFD's offset, then in each IFD a count of
// 12-byte entries followed by the next IFD's offset (0 ends the chain). Only the header and the
// chain are read, never the images; a chain that loops, leaves the file or runs past `limit` pages
// stops the count (the caller refuses a file over its page limit anyway).

/** Pages of a TIFF, at most `limit + 1`; null when the bytes are not a (classic) TIFF or its first IFD is out of the file. */
export function tiffPageCount(bytes: Uint8Array, limit = 1_000): number | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0]!, bytes[1]!);
  if (order !== "II" && order !== "MM") return null;
  const little = order === "II";
  if (view.getUint16(2, little) !== 42) return null;
  let offset = view.getUint32(4, little);
  const seen = new Set<number>();
  let pages = 0;
  while (offset !== 0 && pages <= limit) {
    // An IFD is at least its count and the next offset, inside the file, and not seen before.
    if (offset < 8 || offset + 2 > bytes.length || seen.has(offset)) break;
    seen.add(offset);
    const entries = view.getUint16(offset, little);
    const next = offset + 2 + entries * 12;
    if (next + 4 > bytes.length) break;
    pages++;
    offset = view.getUint32(next, little);
  }
  return pages === 0 ? null : pages;
}
