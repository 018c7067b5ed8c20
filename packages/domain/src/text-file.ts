/**
 * Turning a file's bytes into text, the way Excel saves CSV. "CSV UTF-8" is read as is (with or
 * without its byte-order mark). Plain "CSV" is Windows-1252 on a UK Windows: bytes that are not valid
 * UTF-8 are read as that, with a notice. "Unicode Text" (UTF-16) and workbooks are refused with what
 * to do instead. No character is ever replaced: a byte that is text in neither encoding refuses the file.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252';

export type TextFileProblem = { code: 'utf16' | 'workbook' | 'not_text'; message: string };

export type DecodedText =
  { isText: true; text: string; encoding: TextEncodingName } | { isText: false; problem: TextFileProblem };

export const textFileMessages = {
  windows1252:
    "This file was saved as Windows-1252 (Excel's 'CSV'); Muster read it as such. Check the names look right, or save as 'CSV UTF-8' next time.",
  utf16:
    "This file was saved as UTF-16 (Excel's 'Unicode Text'), which Muster does not read. In Excel choose File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)' and import that file.",
  workbook:
    "This is an Excel workbook, not a CSV file. In Excel choose File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)' and import that file.",
  notText: (line: number, byte: number) =>
    `Line ${line} has a byte (0x${byte.toString(16).toUpperCase().padStart(2, '0')}) that is not a character in UTF-8 or in Windows-1252: the file may be damaged or saved in another encoding. Save it from Excel as 'CSV UTF-8' and try again.`,
} as const;

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (0xA0–0xFF are the same as Latin-1 and
 * Unicode). `null`: the five bytes the encoding leaves undefined.
 */
export const windows1252High: readonly (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

const lineOf = (bytes: Uint8Array, at: number) => {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** Does this look like UTF-16 without a byte-order mark: many NUL bytes in its first few kilobytes? */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const head = Math.min(bytes.length, 4096);
  let nuls = 0;
  for (let i = 0; i < head; i++) if (bytes[i] === 0) nuls++;
  return head >= 2 && nuls * 5 >= head;
}

/** Windows-1252 bytes to text, in chunks (one string a chunk, not a character). */
function decodeWindows1252(bytes: Uint8Array): DecodedText {
  const chunk = 8192;
  const parts: string[] = [];
  const codes = new Uint16Array(chunk);
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    let j = -1; // the position in this chunk of the byte b
    for (const b of bytes.subarray(start, end)) {
      j++;
      if (b < 0x80 || b >= 0xa0) {
        codes[j] = b;
        continue;
      }
      const c = windows1252High[b - 0x80];
      if (c == null) {
        return { isText: false, problem: { code: 'not_text', message: textFileMessages.notText(lineOf(bytes, start + j), b) } };
      }
      codes[j] = c;
    }
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, end - start) as unknown as number[]));
  }
  return { isText: true, text: parts.join(''), encoding: 'windows-1252' };
}

/** The text of a CSV file as saved, or why it cannot be read. */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2, b3] = bytes;
  // A workbook: .xlsx is a ZIP file (PK\3\4); .xls an OLE2 compound file.
  if ((b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) || (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0)) {
    return { isText: false, problem: { code: 'workbook', message: textFileMessages.workbook } };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || looksLikeUtf16(bytes)) {
    return { isText: false, problem: { code: 'utf16', message: textFileMessages.utf16 } };
  }
  const hasBom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  try {
    // fatal: invalid UTF-8 throws instead of becoming U+FFFD; the byte-order mark, if any, is dropped.
    return { isText: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (hasBom) {
      const at = firstInvalidUtf8(bytes);
      const byte = bytes[at];
      if (byte === undefined) throw new Error('firstInvalidUtf8 gave a position past the end of bytes TextDecoder refused');
      return { isText: false, problem: { code: 'not_text', message: textFileMessages.notText(lineOf(bytes, at), byte) } };
    }
    return decodeWindows1252(bytes);
  }
}

/** Where UTF-8 first goes wrong (the caller knows it does): a bad lead byte, or a bad or missing continuation. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; ;) {
    const b = bytes[i];
    if (b === undefined) return 0; // past the end: nothing went wrong
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (!need) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates, or past U+10FFFF).
    const [lo, hi] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    const second = bytes[i + 1] ?? 0;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
}

// Every C0 control but tab (09), line feed (0A) and carriage return (0D); and DEL (7F).
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The first control character in `s` (not text: NUL, BEL, ESC, …), as U+XXXX, or null. */
export function controlCharacterIn(s: string): string | null {
  const m = controlCharacter.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
