import { inflateRawSync } from 'node:zlib';

/** One file of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where its local header starts. */
  localOffset: number;
  /** Where its data starts (after the local header). */
  dataOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;

/**
 * The entries of a ZIP archive, read from its central directory (APPNOTE 4.3), or null when
 * the bytes are not one well-formed, single-disk, unencrypted archive that starts at the first
 * byte and ends at the last. Every entry must point to a local header of the same name whose
 * data lies before the directory; names must be unique relative paths. ZIP64 is not read
 * (an accepted document is at most 10 MB): its markers fail these checks.
 */
export function readZipDirectory(content: Buffer): ZipEntry[] | null {
  const end = findEndRecord(content);
  if (end < 0) return null;
  const entryCount = content.readUInt16LE(end + 10);
  const directorySize = content.readUInt32LE(end + 12);
  const directoryOffset = content.readUInt32LE(end + 16);
  const singleDisk =
    content.readUInt16LE(end + 4) === 0 &&
    content.readUInt16LE(end + 6) === 0 &&
    content.readUInt16LE(end + 8) === entryCount;
  if (!singleDisk || entryCount === 0 || directoryOffset + directorySize !== end) return null;

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > end || content.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const flags = content.readUInt16LE(at + 8);
    const nameLength = content.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
    if (next > end || flags & 0x1) return null; // past the directory, or encrypted
    const entry: ZipEntry = {
      name: content.toString('utf8', at + 46, at + 46 + nameLength),
      method: content.readUInt16LE(at + 10),
      compressedSize: content.readUInt32LE(at + 20),
      uncompressedSize: content.readUInt32LE(at + 24),
      localOffset: content.readUInt32LE(at + 42),
      dataOffset: 0,
    };
    if (!isSafeEntryName(entry.name) || names.has(entry.name)) return null;
    names.add(entry.name);
    // The local header it points to: there, of the same name, its data before the directory.
    const local = entry.localOffset;
    if (local + 30 > directoryOffset || content.readUInt32LE(local) !== LOCAL_HEADER) return null;
    const localNameLength = content.readUInt16LE(local + 26);
    if (content.toString('utf8', local + 30, local + 30 + localNameLength) !== entry.name) return null;
    entry.dataOffset = local + 30 + localNameLength + content.readUInt16LE(local + 28);
    if (entry.dataOffset + entry.compressedSize > directoryOffset) return null;
    entries.push(entry);
    at = next;
  }
  // Nothing hidden between the entries' records, and nothing put before the archive.
  if (at !== end || !entries.some((entry) => entry.localOffset === 0)) return null;
  return entries;
}

/** The end record: the last thing in the file (its comment reaches exactly the last byte). */
function findEndRecord(content: Buffer): number {
  const lowest = Math.max(0, content.length - END_RECORD_SIZE - 0xffff);
  for (let at = content.length - END_RECORD_SIZE; at >= lowest; at--) {
    if (
      content.readUInt32LE(at) === END_OF_DIRECTORY &&
      at + END_RECORD_SIZE + content.readUInt16LE(at + 20) === content.length
    )
      return at;
  }
  return -1;
}

/** A relative path without "..", drive letters or backslashes, as document formats use. */
function isSafeEntryName(name: string): boolean {
  return (
    name.length > 0 &&
    !name.startsWith('/') &&
    !name.includes('\\') &&
    !name.includes('\u0000') &&
    !/^[a-z]:/i.test(name) &&
    !name.split('/').includes('..')
  );
}

/**
 * The bytes of one entry, or null when they cannot be read exactly: an unknown method, a size
 * that disagrees with the directory, or more than `maxBytes` once inflated (no ZIP bomb is
 * ever inflated past that).
 */
export function readZipEntry(content: Buffer, entry: ZipEntry, maxBytes: number): Buffer | null {
  if (entry.uncompressedSize > maxBytes) return null;
  const data = content.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data.length === entry.uncompressedSize ? data : null;
  if (entry.method !== 8) return null;
  try {
    const inflated = inflateRawSync(data, { maxOutputLength: maxBytes });
    return inflated.length === entry.uncompressedSize ? inflated : null;
  } catch {
    return null;
  }
}
