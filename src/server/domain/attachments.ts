/**
 * Files a complainant attaches to the public complaint form (issue 5): photos, a PDF, a short
 * video or recording. The declared type is never trusted: the first bytes must be one of the
 * formats below, and the stored type is the one the bytes prove (OWASP File Upload cheat sheet:
 * allowlist by content, not by name or header). Nothing here executes or renders a file; staff
 * download it with `Content-Disposition: attachment` and `nosniff`.
 */

/** At most this many files per complaint. */
export const MAX_ATTACHMENTS = 5;
/** One file's decoded size limit (5 MiB): a phone photo or a one-page scan. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** All files of one complaint together (10 MiB). */
export const MAX_ATTACHMENTS_TOTAL_BYTES = 10 * 1024 * 1024;

/** The formats accepted, by the signature their bytes must start with. */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'video/mp4',
  'video/quicktime',
  'audio/mpeg',
  'audio/mp4',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** ISO base-media (`ftyp` box) brands: MP4/M4A/MOV/HEIC share the container. */
function isoBrand(b: Uint8Array): string | null {
  if (!startsWith(b, ascii('ftyp'), 4) || b.length < 12) {
    return null;
  }
  return String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!);
}

/**
 * The type the bytes prove, or null when they are not an accepted format (magic numbers from
 * the formats' specifications: JPEG SOI, PNG signature, GIF87a/89a, RIFF…WEBP, %PDF-, ISO BMFF
 * `ftyp` brands, MP3 frame sync or ID3).
 */
export function sniffAttachmentType(b: Uint8Array): AttachmentType | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) {
    return 'image/jpeg';
  }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) {
    return 'image/gif';
  }
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) {
    return 'image/webp';
  }
  if (startsWith(b, ascii('%PDF-'))) {
    return 'application/pdf';
  }
  const brand = isoBrand(b);
  if (brand !== null) {
    if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) {
      return 'image/heic';
    }
    if (brand === 'qt  ') {
      return 'video/quicktime';
    }
    if (brand === 'M4A ' || brand === 'M4B ') {
      return 'audio/mp4';
    }
    return 'video/mp4';
  }
  if (startsWith(b, ascii('ID3')) || (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0)) {
    return 'audio/mpeg';
  }
  return null;
}

/** A file as it arrives: its name and its bytes. */
export interface IncomingAttachment {
  name: string;
  bytes: Uint8Array;
}

/** A per-file problem, with the index of the file in the request. */
export interface AttachmentProblem {
  index: number;
  message: string;
}

/**
 * Checks a complaint's files against the limits and the allowlist; every problem is reported, so
 * the form can say which file to replace. Pure: the command turns problems into a 422.
 */
export function checkAttachments(files: readonly IncomingAttachment[]): {
  types: AttachmentType[];
  problems: AttachmentProblem[];
} {
  const problems: AttachmentProblem[] = [];
  const types: AttachmentType[] = [];
  let total = 0;
  files.forEach((f, index) => {
    total += f.bytes.length;
    const type = sniffAttachmentType(f.bytes);
    if (f.bytes.length === 0) {
      problems.push({ index, message: 'is empty' });
    } else if (f.bytes.length > MAX_ATTACHMENT_BYTES) {
      problems.push({ index, message: `is larger than ${MAX_ATTACHMENT_BYTES / 1048576} MiB` });
    } else if (type === null) {
      problems.push({
        index,
        message:
          'is not a photo (JPEG, PNG, GIF, WebP, HEIC), PDF, video (MP4, MOV) or audio (MP3, M4A) file',
      });
    }
    types.push(type ?? 'application/pdf');
  });
  if (files.length > MAX_ATTACHMENTS) {
    problems.push({ index: MAX_ATTACHMENTS, message: `more than ${MAX_ATTACHMENTS} files` });
  }
  if (total > MAX_ATTACHMENTS_TOTAL_BYTES) {
    problems.push({
      index: files.length - 1,
      message: `all files together are larger than ${MAX_ATTACHMENTS_TOTAL_BYTES / 1048576} MiB`,
    });
  }
  return { types, problems };
}
