/**
 * The binary plist reader on real files (Xcode-built Info.plists, an applesimutils section
 * archive, NSColor archives nested in a Terminal profile), on files written by an independent
 * encoder, and on hostile input: every truncation, byte flips, cycles, absurd counts, wild offsets
 * and deep nesting end in a typed PlistFormatError, quickly.
 */
import { describe, expect, it } from 'vitest';
import { parseBinaryPlist } from '../../../electron/lab/ios/plist/bplist';
import {
  parsePlist,
  PlistFormatError,
  PlistUid,
  type PlistValue,
} from '../../../electron/lab/ios/plist/plist';
import { Uid, writeBinaryPlist } from '../../virtual-lab/ios/plist-io.mjs';
import { fixture } from '../android/fixtures';

const plist = (name: string): Buffer => fixture('plist', name);

/** Builds a bplist00 from raw object bytes (refs and offsets 1 byte wide unless said). */
function assemble(
  objects: Buffer[],
  top = 0,
  overrides: { count?: bigint; tableAt?: bigint; offsetSize?: number; refSize?: number } = {},
): Buffer {
  const header = Buffer.from('bplist00', 'latin1');
  const offsets: number[] = [];
  let at = header.length;
  for (const o of objects) {
    offsets.push(at);
    at += o.length;
  }
  const offsetSize = overrides.offsetSize ?? 1;
  const table = Buffer.alloc(offsets.length * offsetSize);
  offsets.forEach((o, i) => table.writeUIntBE(o, i * offsetSize, offsetSize));
  const trailer = Buffer.alloc(32);
  trailer[6] = offsetSize;
  trailer[7] = overrides.refSize ?? 1;
  trailer.writeBigUInt64BE(overrides.count ?? BigInt(objects.length), 8);
  trailer.writeBigUInt64BE(BigInt(top), 16);
  trailer.writeBigUInt64BE(overrides.tableAt ?? BigInt(at), 24);
  return Buffer.concat([header, ...objects, table, trailer]);
}

function expectPlistError(bytes: Uint8Array, kind?: string): void {
  let thrown: unknown = null;
  try {
    parseBinaryPlist(bytes);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PlistFormatError);
  if (kind) expect((thrown as PlistFormatError).kind).toBe(kind);
}

describe('binary plists from real files', () => {
  it('reads an Xcode-built simulator Info.plist, nested icons and all', () => {
    const info = parseBinaryPlist(plist('info-CalSmoke-cal.bplist')) as Record<string, PlistValue>;
    expect(info.CFBundleIdentifier).toBe('sh.calaba.CalSmoke-cal');
    expect(info.CFBundleShortVersionString).toBe('0.21.3');
    expect(info.CFBundleSupportedPlatforms).toEqual(['iPhoneSimulator']);
    const icons = info['CFBundleIcons~ipad'] as Record<string, Record<string, PlistValue>>;
    expect(icons.CFBundlePrimaryIcon?.CFBundleIconFiles).toContain('AppIcon83.5x83.5');
    expect(Object.getPrototypeOf(info)).toBeNull();
  });

  it('reads the applesimutils section archive: UIDs stay UIDs, booleans and numbers keep their type', () => {
    const archive = parseBinaryPlist(plist('bbsectioninfo-applesimutils.bplist')) as Record<
      string,
      PlistValue
    >;
    expect(archive.$archiver).toBe('NSKeyedArchiver');
    expect(archive.$version).toBe(100000);
    const objects = archive.$objects as PlistValue[];
    const settings = objects[3] as Record<string, PlistValue>;
    expect(settings).toMatchObject({
      allowsNotifications: true,
      alertType: 1,
      pushSettings: 63,
      showsInLockScreen: true,
    });
    expect(settings.$class).toEqual(new PlistUid(4));
    expect(objects[2]).toBe('com.LeoNatan.LNPopupControllerExample-');
  });

  it('reads NSColor archives nested as <data> in an XML plist', () => {
    const terminal = parsePlist(plist('terminal-apple-classic.xml.plist')) as Record<string, PlistValue>;
    const color = parsePlist(terminal.ANSIBlueColor as Uint8Array) as Record<string, PlistValue>;
    const nsColor = (color.$objects as PlistValue[])[1] as Record<string, PlistValue>;
    expect(nsColor.NSColorSpace).toBe(2);
    expect(Buffer.from(nsColor.NSRGB as Uint8Array).toString('latin1')).toMatch(/^0\.\d+ 0\.\d+ 0\.\d+\0$/);
  });
});

describe('binary plists written by an independent encoder', () => {
  it('round-trips every scalar width, UTF-16 text, dates, data, UIDs and containers', () => {
    const date = new Date('2025-03-04T05:06:07.250Z');
    const value = {
      small: 7,
      u16: 0x1234,
      u32: 0x12345678,
      negative: -5,
      big: 2 ** 40,
      real: 1.5,
      yes: true,
      no: false,
      date,
      data: Buffer.from([0, 1, 2, 255]),
      ascii: 'PushLab offline check',
      unicode: '群聊 (Lab Team):你好 🔔',
      long: 'x'.repeat(300),
      uid: new Uid(300),
      list: [1, 'two', [3]],
      ['__proto__']: 'just a key',
    };
    const back = parseBinaryPlist(writeBinaryPlist(value)) as Record<string, PlistValue>;
    expect(back).toMatchObject({
      small: 7,
      u16: 0x1234,
      u32: 0x12345678,
      negative: -5,
      big: 2 ** 40,
      real: 1.5,
      yes: true,
      no: false,
      ascii: 'PushLab offline check',
      unicode: '群聊 (Lab Team):你好 🔔',
      long: 'x'.repeat(300),
      list: [1, 'two', [3]],
    });
    expect((back.date as Date).toISOString()).toBe(date.toISOString());
    expect([...(back.data as Uint8Array)]).toEqual([0, 1, 2, 255]);
    expect(back.uid).toEqual(new PlistUid(300));
    expect(Object.hasOwn(back, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile binary plists end in a typed error', () => {
  it('every truncation of a real file is refused (never a crash or a wrong value)', () => {
    const whole = plist('info-CachedSimApp.bplist');
    for (let n = 0; n < whole.length; n++) expectPlistError(whole.subarray(0, n));
  });

  it('byte flips anywhere give a value or a PlistFormatError, nothing else', () => {
    const whole = plist('info-CalSmoke-cal.bplist');
    let seed = 12345;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const copy = Buffer.from(whole);
      for (let k = 0; k < 3; k++) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
      try {
        parseBinaryPlist(copy);
      } catch (error) {
        expect(error).toBeInstanceOf(PlistFormatError);
      }
    }
  });

  it('refuses an array that contains itself, directly or through another object', () => {
    expectPlistError(assemble([Buffer.from([0xa1, 0x00])]), 'cyclic');
    expectPlistError(
      assemble([Buffer.from([0xa1, 0x01]), Buffer.from([0xd1, 0x02, 0x00]), Buffer.from([0x51, 0x6b])]),
      'cyclic',
    );
  });

  it('refuses absurd object counts, lengths, offsets and references', () => {
    expectPlistError(assemble([Buffer.from([0x09])], 0, { count: 2n ** 60n }), 'too-large');
    expectPlistError(
      assemble([Buffer.from([0xaf, 0x13, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])]),
      'malformed',
    );
    expectPlistError(assemble([Buffer.from([0xaf, 0x12, 0x10, 0x00, 0x00, 0x00])]), 'truncated');
    expectPlistError(
      assemble([Buffer.from([0x5f, 0x13, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00])]),
      'truncated',
    );
    expectPlistError(assemble([Buffer.from([0x09])], 0, { tableAt: 2n ** 62n }), 'truncated');
    expectPlistError(assemble([Buffer.from([0x09])], 5), 'truncated');
    expectPlistError(assemble([Buffer.from([0xa1, 0x07])]), 'malformed');
    const wildOffset = assemble([Buffer.from([0x09])]);
    wildOffset[9] = 0xf0; // the offset table's only entry points past the objects
    expectPlistError(wildOffset, 'malformed');
  });

  it('refuses nesting deeper than the limit, and decodes a shared subtree once (no blow-up)', () => {
    const deep: Buffer[] = [];
    for (let i = 0; i < 80; i++) deep.push(Buffer.from([0xa1, i + 1]));
    deep.push(Buffer.from([0x09]));
    expectPlistError(assemble(deep), 'too-large');
    // 60 levels, each an array holding the next level twice: 2^60 paths, 61 objects.
    const fan: Buffer[] = [];
    for (let i = 0; i < 60; i++) fan.push(Buffer.from([0xa2, i + 1, i + 1]));
    fan.push(Buffer.from([0x09]));
    const started = performance.now();
    expect(() => parseBinaryPlist(assemble(fan), { maxDepth: 100 })).not.toThrow();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses non-string keys, unknown markers, other versions and non-plists', () => {
    expectPlistError(assemble([Buffer.from([0xd1, 0x01, 0x01]), Buffer.from([0x10, 0x05])]), 'malformed');
    expectPlistError(assemble([Buffer.from([0x90])]), 'malformed');
    expectPlistError(assemble([Buffer.from([0x33, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0])]), 'malformed');
    expectPlistError(Buffer.from('bplist15' + '\0'.repeat(64), 'latin1'), 'unsupported');
    expectPlistError(Buffer.from('hello, world, this is not a plist at all!!', 'latin1'), 'not-a-plist');
    expect(() => parsePlist(Buffer.alloc(0))).toThrow(PlistFormatError);
  });
});
