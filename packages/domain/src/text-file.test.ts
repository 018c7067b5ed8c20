import { describe, expect, it } from 'vitest';
import { controlCharacterIn, decodeTextFile, textFileMessages, windows1252High } from './text-file.ts';

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);
/** What Excel's plain "CSV" writes on a UK Windows: one byte a character, Windows-1252. */
const cp1252 = (s: string) =>
  Uint8Array.from(s, (ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
    const i = windows1252High.indexOf(c);
    if (i < 0) throw new Error(`${ch} is not in Windows-1252`);
    return 0x80 + i;
  });

describe('decodeTextFile', () => {
  it.each([
    ['UTF-8', utf8('first_name\nJosé Ødegård\n')],
    ['UTF-8 with a byte-order mark', bytes(0xef, 0xbb, 0xbf, ...utf8('first_name\nJosé Ødegård\n'))],
  ])('reads %s as is (the mark dropped)', (_what, file) => {
    expect(decodeTextFile(file)).toEqual({ isText: true, text: 'first_name\nJosé Ødegård\n', encoding: 'utf-8' });
  });

  it('reads plain ASCII as UTF-8, with no notice to give', () => {
    expect(decodeTextFile(ascii('a,b\n1,2\n'))).toMatchObject({ encoding: 'utf-8', text: 'a,b\n1,2\n' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252: é, the euro sign, curly quotes, dashes', () => {
    const text = 'first_name,notes\nJosé,“Ask about €” – Siobhán’s\n';
    const file = cp1252(text);
    expect(file[20]).toBe(0xe9); // é is one byte, not valid UTF-8 on its own
    expect(decodeTextFile(file)).toEqual({ isText: true, text, encoding: 'windows-1252' });
  });

  it('maps every defined byte 0x80–0x9F as Windows-1252 does (WHATWG index), not as Latin-1 control codes', () => {
    const defined = windows1252High.flatMap((c, i) => (c === null ? [] : [0x80 + i]));
    expect(defined).toHaveLength(27);
    const decoded = decodeTextFile(bytes(...defined));
    expect(decoded).toMatchObject({ isText: true, encoding: 'windows-1252' });
    const text = (decoded as { text: string }).text;
    expect(text).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
    expect(controlCharacterIn(text)).toBeNull();
  });

  it.each([0x81, 0x8d, 0x8f, 0x90, 0x9d])('refuses byte %#x, text in neither encoding, naming its line', (b) => {
    expect(decodeTextFile(bytes(...ascii('a,b\n1,'), b, 0x0a))).toEqual({
      isText: false,
      problem: { code: 'not_text', message: textFileMessages.notText(2, b) },
    });
  });

  it('refuses a file that says it is UTF-8 (byte-order mark) but is not, rather than guessing', () => {
    const decoded = decodeTextFile(bytes(0xef, 0xbb, 0xbf, ...ascii('a\nb\nJos'), 0xe9, 0x0a));
    expect(decoded).toEqual({ isText: false, problem: { code: 'not_text', message: textFileMessages.notText(3, 0xe9) } });
  });

  it.each([
    ['UTF-16 little-endian with its mark', bytes(0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0)],
    ['UTF-16 big-endian with its mark', bytes(0xfe, 0xff, 0, 0x61, 0, 0x2c, 0, 0x62)],
    ['UTF-16 without a mark (every other byte NUL)', bytes(0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0)],
  ])('refuses %s, saying how to save as CSV UTF-8', (_what, file) => {
    expect(decodeTextFile(file)).toEqual({ isText: false, problem: { code: 'utf16', message: textFileMessages.utf16 } });
    expect(textFileMessages.utf16).toContain("'CSV UTF-8");
  });

  it('refuses an Excel workbook', () => {
    expect(decodeTextFile(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0))).toMatchObject({
      isText: false,
      problem: { code: 'workbook' },
    });
  });

  it('leaves a stray NUL in otherwise UTF-8 text to the row check (it is not UTF-16)', () => {
    expect(decodeTextFile(ascii('first_name,last_name\nAnn,Le\u0000e\nBob,Ray\n'))).toMatchObject({
      isText: true,
      encoding: 'utf-8',
    });
  });

  it('decodes a 6 MB Windows-1252 file in well under a second', () => {
    const piece = cp1252('Siobhán Ó Briain, “notes” – €; ');
    const file = new Uint8Array(piece.length * 200_000);
    for (let at = 0; at < file.length; at += piece.length) file.set(piece, at);
    expect(file.length).toBeGreaterThan(6_000_000);
    const t = performance.now();
    const decoded = decodeTextFile(file);
    expect(performance.now() - t).toBeLessThan(1_000);
    expect(decoded).toMatchObject({ isText: true, encoding: 'windows-1252' });
  });
});

describe('controlCharacterIn', () => {
  it.each([
    ['plain text', null],
    ['tab\tand\r\nline breaks', null],
    ['NUL\u0000', 'U+0000'],
    ['bell\u0007', 'U+0007'],
    ['escape\u001b[0m', 'U+001B'],
    ['delete\u007f', 'U+007F'],
  ])('%j → %s', (s, expected) => {
    expect(controlCharacterIn(s)).toBe(expected);
  });
});
