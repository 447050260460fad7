import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A gzip answer assembled from pieces compressed separately, so that a large part shared by many
 * answers (a stay's observation columns) is compressed once and only the small rest per request.
 * Each piece is raw deflate ended by a sync flush: whole, byte-aligned, non-final blocks with no
 * reference outside themselves, which deflate allows to follow one another (RFC 1951); the member's
 * final empty block, CRC-32 and length follow (RFC 1952).
 */
export interface GzipPiece {
  deflated: Buffer;
  /** The uncompressed bytes, for the member's CRC-32 and length. */
  raw: Buffer;
}

export function gzipPiece(text: string): GzipPiece {
  const raw = Buffer.from(text, 'utf8');
  return { raw, deflated: deflateRawSync(raw, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }) };
}

/** The ID1 ID2 CM FLG MTIME(4) XFL OS header of a gzip member: deflate, no name, no time, unknown OS. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
/** An empty final block with fixed Huffman codes: BFINAL 1, BTYPE 01, end of block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** One gzip member whose content is the pieces' texts in order. */
export function gzipOf(pieces: GzipPiece[]): Buffer {
  let crc = 0;
  let length = 0;
  for (const piece of pieces) {
    // zlib.crc32 of an empty buffer answers 0 rather than the running value, at least under Jest's VM.
    if (piece.raw.length > 0) crc = crc32(piece.raw, crc);
    length += piece.raw.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  return Buffer.concat([HEADER, ...pieces.map((piece) => piece.deflated), FINAL_BLOCK, trailer]);
}

/**
 * Whether an Accept-Encoding header accepts gzip (RFC 9110 12.5.3): listed as gzip, x-gzip or `*` with
 * a weight above 0. An explicit `gzip;q=0` refuses it even when `*` is listed.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const weights = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [name, ...parameters] = entry.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name!.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const named = weights.get('gzip') ?? weights.get('x-gzip');
  return (named ?? weights.get('*') ?? 0) > 0;
}
