/**
 * Just enough of the ZIP format (APPNOTE 6.3) to tell an office document from any other
 * archive: the entry names from the central directory, and the bytes of a stored entry.
 * No decompression and no ZIP64: a document under the upload limit never needs either, and
 * anything this reader cannot follow is refused rather than guessed at.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
/** More entries than any word-processing document has; a bound on work per upload. */
const MAX_ENTRIES = 10_000;

/** One entry as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored (no compression), 8 = deflate. */
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** True when the bytes start with a ZIP local file header (`PK\x03\x04`). */
export function looksLikeZip(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32LE(0) === LOCAL_HEADER;
}

/** Where the end-of-central-directory record starts, scanning back over a possible comment. */
function findEndOfCentralDirectory(data: Buffer): number | undefined {
  const lowest = Math.max(0, data.length - EOCD_SIZE - 0xffff);
  for (let i = data.length - EOCD_SIZE; i >= lowest; i--) {
    // The comment length must reach exactly to the end, so a signature inside a comment is skipped.
    if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY && i + EOCD_SIZE + data.readUInt16LE(i + 20) === data.length) return i;
  }
  return undefined;
}

/**
 * The entries of a ZIP archive, in central-directory order; undefined when the bytes are not
 * a well-formed, single-disk, non-ZIP64 archive whose every header lies inside the data.
 * @example zipEntries(docx)?.map((e) => e.name) // ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', …]
 */
export function zipEntries(data: Buffer): ZipEntry[] | undefined {
  if (!looksLikeZip(data) || data.length < LOCAL_SIZE + EOCD_SIZE) return undefined;
  const eocd = findEndOfCentralDirectory(data);
  if (eocd === undefined) return undefined;
  const disk = data.readUInt16LE(eocd + 4);
  const cdDisk = data.readUInt16LE(eocd + 6);
  const count = data.readUInt16LE(eocd + 10);
  const cdSize = data.readUInt32LE(eocd + 12);
  const cdOffset = data.readUInt32LE(eocd + 16);
  // 0xffff / 0xffffffff mean "see the ZIP64 record"; multi-disk archives are not documents.
  if (disk !== 0 || cdDisk !== 0 || count === 0xffff || cdOffset === 0xffffffff || count > MAX_ENTRIES) return undefined;
  if (cdOffset + cdSize > eocd) return undefined;

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_SIZE > cdOffset + cdSize || data.readUInt32LE(p) !== CENTRAL_HEADER) return undefined;
    const flags = data.readUInt16LE(p + 8);
    const nameLength = data.readUInt16LE(p + 28);
    const next = p + CENTRAL_SIZE + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
    if (next > cdOffset + cdSize) return undefined;
    const nameBytes = data.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength);
    // Bit 11: the name is UTF-8; otherwise it is CP437, whose ASCII half is all we compare.
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
    const entry: ZipEntry = {
      name,
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      localHeaderOffset: data.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff || entry.localHeaderOffset + LOCAL_SIZE > cdOffset) return undefined;
    entries.push(entry);
    p = next;
  }
  return entries;
}

/**
 * The bytes of a stored (uncompressed) entry, read through its local header; undefined when
 * the entry is compressed or its header does not match the central directory.
 */
export function storedEntryData(data: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localHeaderOffset;
  if (entry.method !== 0 || at + LOCAL_SIZE > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) return undefined;
  const nameLength = data.readUInt16LE(at + 26);
  const start = at + LOCAL_SIZE + nameLength + data.readUInt16LE(at + 28);
  const localName = data.subarray(at + LOCAL_SIZE, at + LOCAL_SIZE + nameLength).toString(data.readUInt16LE(at + 6) & 0x800 ? 'utf8' : 'latin1');
  if (localName !== entry.name) return undefined;
  const end = start + entry.compressedSize;
  return end <= data.length ? data.subarray(start, end) : undefined;
}
