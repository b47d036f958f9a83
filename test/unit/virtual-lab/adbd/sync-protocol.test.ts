import { describe, expect, it } from 'vitest';
import {
  encodeDentV1,
  encodeDentV2,
  encodeListDone,
  encodeStatV1,
  encodeStatV2,
  encodeSyncFail,
  encodeSyncRequest,
  ENOENT,
  parseSendSpec,
  parseSyncHeader,
  S_IFDIR,
  S_IFREG,
} from '../../../virtual-lab/adbd/sync-protocol';

const file = { mode: S_IFREG | 0o644, size: 1234, mtime: 1_700_000_000 };

describe('sync request parsing', () => {
  it('reads id and length from an 8-byte header', () => {
    const request = encodeSyncRequest('STA2', '/data/local/tmp/a.apk');
    expect(parseSyncHeader(request.subarray(0, 8))).toEqual({ id: 'STA2', length: 21 });
    expect(request.subarray(8).toString()).toBe('/data/local/tmp/a.apk');
  });

  it('rejects a header of the wrong size', () => {
    expect(() => parseSyncHeader(Buffer.alloc(7))).toThrow(RangeError);
  });

  it('parses SEND specs like strtoul(.., 0), splitting at the last comma', () => {
    expect(parseSendSpec('/data/local/tmp/a.apk,33188')).toEqual({
      path: '/data/local/tmp/a.apk',
      mode: 0o100644,
    });
    expect(parseSendSpec('/sdcard/x,y.txt,0644')).toEqual({ path: '/sdcard/x,y.txt', mode: 0o644 });
    expect(parseSendSpec('/a,0x1a4')).toEqual({ path: '/a', mode: 0o644 });
    expect(parseSendSpec('/a,0')).toEqual({ path: '/a', mode: 0 });
  });

  it('rejects SEND specs without a comma, path or numeric mode', () => {
    expect(parseSendSpec('/data/local/tmp/a.apk')).toBeNull();
    expect(parseSendSpec(',33188')).toBeNull();
    expect(parseSendSpec('/a,rw')).toBeNull();
    expect(parseSendSpec('/a,089')).toBeNull();
  });
});

describe('sync reply encoding', () => {
  it('STAT v1 is 16 bytes, all zero after the id for a missing file', () => {
    const missing = encodeStatV1(null);
    expect(missing.length).toBe(16);
    expect(missing.toString('latin1', 0, 4)).toBe('STAT');
    expect(missing.subarray(4).every((b) => b === 0)).toBe(true);
    const present = encodeStatV1(file);
    expect([present.readUInt32LE(4), present.readUInt32LE(8), present.readUInt32LE(12)]).toEqual([
      file.mode,
      1234,
      1_700_000_000,
    ]);
  });

  it('STA2 is 72 bytes with errno ENOENT for a missing file', () => {
    const missing = encodeStatV2('STA2', '/nope', null);
    expect(missing.length).toBe(72);
    expect(missing.readUInt32LE(4)).toBe(ENOENT);
    const present = encodeStatV2('LST2', '/data/local/tmp/a', file);
    expect(present.toString('latin1', 0, 4)).toBe('LST2');
    expect(present.readUInt32LE(4)).toBe(0);
    expect(present.readUInt32LE(24)).toBe(file.mode);
    expect(present.readBigUInt64LE(40)).toBe(1234n);
    expect(present.readBigInt64LE(56)).toBe(1_700_000_000n);
  });

  it('DENT/DNT2 carry the name after a fixed block, DONE closes the list', () => {
    const dent = encodeDentV1('a.apk', file);
    expect(dent.length).toBe(20 + 5);
    expect(dent.readUInt32LE(16)).toBe(5);
    expect(dent.toString('utf8', 20)).toBe('a.apk');
    const dnt2 = encodeDentV2('/data', 'local', { mode: S_IFDIR | 0o771, size: 4096, mtime: 1 });
    expect(dnt2.length).toBe(76 + 5);
    expect(dnt2.readUInt32LE(24)).toBe(S_IFDIR | 0o771);
    expect(dnt2.readUInt32LE(72)).toBe(5);
    expect(encodeListDone(false).length).toBe(20);
    expect(encodeListDone(true).length).toBe(76);
    expect(encodeListDone(true).toString('latin1', 0, 4)).toBe('DONE');
  });

  it('FAIL carries a length-prefixed message', () => {
    const fail = encodeSyncFail('open failed: No such file or directory');
    expect(fail.toString('latin1', 0, 4)).toBe('FAIL');
    expect(fail.readUInt32LE(4)).toBe(fail.length - 8);
  });
});
