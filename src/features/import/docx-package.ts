import JSZip from "jszip";
import yauzl from "yauzl";
import { LIMIT_MESSAGES, MAX_DOCX_ENTRIES, MAX_DOCX_UNPACKED_BYTES } from "./limits";

// A .docx is a zip package. A hostile one (a "zip bomb") declares small sizes and inflates to
// gigabytes, or lies about its sizes. Its parts are unpacked here within a budget before anything
// parses them: the sizes the package declares must fit the budget, and yauzl checks while inflating
// that no part yields more than it declared (validateEntrySizes), so inflating stops at the budget
// whatever the package says. Only the XML parts are unpacked (text, styles, numbering, notes,
// relationships); images and embedded files never are, since the importer reads no image.

export type DocxPackage = Map<string, Buffer>;

export class DocxPackageError extends Error {
  constructor(
    readonly reason: "broken" | "unpackedTooLarge" | "tooManyEntries",
    message: string = reason === "broken" ? "broken package" : LIMIT_MESSAGES[reason],
  ) {
    super(message);
  }
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name) && !name.endsWith("/");

/** The package's XML parts, unpacked within MAX_DOCX_UNPACKED_BYTES; throws DocxPackageError. */
export async function readDocxPackage(bytes: Uint8Array): Promise<DocxPackage> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    throw new DocxPackageError("broken");
  }
  if (zip.entryCount > MAX_DOCX_ENTRIES) {
    zip.close();
    throw new DocxPackageError("tooManyEntries");
  }
  const parts: DocxPackage = new Map();
  let budget = MAX_DOCX_UNPACKED_BYTES;
  try {
    for await (const entry of zip.eachEntry()) {
      if (!isXmlPart(entry.fileName)) continue;
      // What the package declares must fit; what it really holds is checked while inflating.
      if (entry.uncompressedSize > budget) throw new DocxPackageError("unpackedTooLarge");
      budget -= entry.uncompressedSize;
      if (!entry.canDecodeFileData()) throw new DocxPackageError("broken");
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      parts.set(entry.fileName, Buffer.concat(chunks));
    }
  } catch (error) {
    zip.close();
    if (error instanceof DocxPackageError) throw error;
    throw new DocxPackageError("broken");
  }
  return parts;
}

/** The parts as a new (uncompressed) package, for mammoth, which opens zips itself. */
export async function writeDocxPackage(parts: DocxPackage): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
}
