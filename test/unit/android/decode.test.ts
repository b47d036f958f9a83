import { describe, expect, it } from 'vitest';
import { decodeDeviceText, splitLines } from '../../../electron/lab/android/parsers/decode';
import { fixture } from './fixtures';

const SAMPLE = '[ro.product.brand]: [HONOR]\r\n[ro.config.marketing_name]: [荣耀Magic6 Pro]\r\n';
const EXPECTED = '[ro.product.brand]: [HONOR]\n[ro.config.marketing_name]: [荣耀Magic6 Pro]\n';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.from(le).swap16();
}

describe('decodeDeviceText', () => {
  it('keeps plain UTF-8 and turns CRLF into LF', () => {
    expect(decodeDeviceText(Buffer.from(SAMPLE, 'utf8'))).toBe(EXPECTED);
    expect(decodeDeviceText(SAMPLE)).toBe(EXPECTED);
  });

  it('drops a UTF-8 BOM', () => {
    expect(decodeDeviceText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]))).toBe(
      EXPECTED,
    );
    expect(decodeDeviceText(`\uFEFF${SAMPLE}`)).toBe(EXPECTED);
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', () => {
    expect(decodeDeviceText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]))).toBe(
      EXPECTED,
    );
    expect(decodeDeviceText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)]))).toBe(EXPECTED);
  });

  it('detects UTF-16 without a BOM from its NUL bytes', () => {
    expect(decodeDeviceText(Buffer.from(SAMPLE, 'utf16le'))).toBe(EXPECTED);
    expect(decodeDeviceText(utf16be(SAMPLE))).toBe(EXPECTED);
  });

  it('drops the dangling byte of a UTF-16 capture cut in the middle of a character', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Success\r\n', 'utf16le')]);
    expect(decodeDeviceText(bytes.subarray(0, bytes.length - 1))).toBe('Success\n');
  });

  it('repairs a UTF-16 capture that was read as latin1 text upstream', () => {
    const misread = Buffer.from(SAMPLE.replace(/[^\x00-\x7f]/g, '?'), 'utf16le').toString('latin1');
    expect(decodeDeviceText(misread)).toBe(EXPECTED.replace(/[^\x00-\x7f\n]/g, '?'));
  });

  it('turns lone CRs into line breaks', () => {
    expect(decodeDeviceText('a\rb\r\nc\n')).toBe('a\nb\nc\n');
  });

  it('reads the real UTF-16LE + BOM + CRLF capture from Windows PowerShell', () => {
    const text = decodeDeviceText(fixture('dumpsys-notification', 'google-pixel-android16-2.txt'));
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text.includes('\r')).toBe(false);
    expect(text.includes('\u0000')).toBe(false);
    expect(text).toContain('NotificationRecord');
  });
});

describe('splitLines', () => {
  it('does not invent an empty last line for a final newline', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b']);
    expect(splitLines('')).toEqual([]);
  });
});
