import { describe, expect, it } from 'vitest';
import { ApkFormatError } from '../../../electron/lab/apk/apk-format-error';
import { walkAxml } from '../../../electron/lab/apk/binary-xml';
import { parseManifest } from '../../../electron/lab/apk/manifest';
import { buildManifest, encodeAxml, manifestTree, type AxmlElement } from '../../virtual-lab/apk';

const SPEC = {
  packageName: 'com.pushlab.m',
  versionCode: 77,
  versionName: '7.7',
  label: 'M',
  testOnly: true,
} as const;

function formatErrorOf(run: () => unknown): ApkFormatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApkFormatError);
    return error as ApkFormatError;
  }
  throw new Error('expected an ApkFormatError');
}

/** A small deterministic PRNG so fuzz failures reproduce. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

describe('parseManifest', () => {
  it('reads the fields from a compiled manifest', () => {
    expect(parseManifest(buildManifest({ ...SPEC, minSdk: 26, targetSdk: 33 }))).toEqual({
      packageName: 'com.pushlab.m',
      versionCode: 77,
      versionName: '7.7',
      minSdk: 26,
      targetSdk: 33,
      label: 'M',
      testOnly: true,
    });
  });

  it('matches attributes by resource id when an obfuscator renamed them', () => {
    const rename = (element: AxmlElement): AxmlElement => ({
      ...element,
      attributes: element.attributes.map((a) =>
        a.resourceId === undefined ? a : { ...a, name: `z${a.resourceId.toString(36)}` },
      ),
      children: element.children.map(rename),
    });
    const info = parseManifest(encodeAxml(rename(manifestTree({ ...SPEC, minSdk: 28 }))));
    expect(info.versionCode).toBe(77);
    expect(info.versionName).toBe('7.7');
    expect(info.minSdk).toBe(28);
    expect(info.label).toBe('M');
    expect(info.testOnly).toBe(true);
  });

  it('reads hex versionCodes and string sdk values; codenames give null', () => {
    const tree = manifestTree(SPEC);
    const patched: AxmlElement = {
      ...tree,
      attributes: tree.attributes.map((a) =>
        a.name === 'versionCode' ? { ...a, value: { type: 'hex', value: 0x1f } } : a,
      ),
      children: tree.children.map((c) =>
        c.name !== 'uses-sdk'
          ? c
          : {
              ...c,
              attributes: c.attributes.map((a) =>
                a.name === 'minSdkVersion'
                  ? { ...a, value: { type: 'string', value: '19' } }
                  : { ...a, value: { type: 'string', value: 'VanillaIceCream' } },
              ),
            },
      ),
    };
    const info = parseManifest(encodeAxml(patched));
    expect(info.versionCode).toBe(0x1f);
    expect(info.minSdk).toBe(19);
    expect(info.targetSdk).toBeNull();
  });

  it('refuses a root element other than <manifest>', () => {
    const tree = manifestTree(SPEC);
    const error = formatErrorOf(() => parseManifest(encodeAxml({ ...tree, name: 'resources' })));
    expect(error.kind).toBe('bad-manifest');
  });

  it('refuses a manifest without a package attribute', () => {
    const tree = manifestTree(SPEC);
    const noPackage = { ...tree, attributes: tree.attributes.filter((a) => a.name !== 'package') };
    expect(formatErrorOf(() => parseManifest(encodeAxml(noPackage))).message).toMatch(/package/);
  });

  it('refuses a zero-size chunk instead of looping forever', () => {
    const xml = Buffer.from(buildManifest(SPEC));
    const firstChunk = 8; // after the XML header: the string pool
    xml.writeUInt32LE(0, firstChunk + 4);
    expect(formatErrorOf(() => walkAxml(xml, () => {})).kind).toBe('bad-manifest');
  });

  it('refuses a string pool whose count does not fit', () => {
    const xml = Buffer.from(buildManifest(SPEC));
    xml.writeUInt32LE(0x7fffffff, 8 + 8);
    expect(formatErrorOf(() => parseManifest(xml)).kind).toBe('bad-manifest');
  });

  it('refuses a string whose length runs past the pool', () => {
    const xml = Buffer.from(buildManifest(SPEC));
    const stringsStart = 8 + xml.readUInt32LE(8 + 20);
    xml.writeUInt16LE(0x7fff, stringsStart); // first string claims 32767 UTF-16 units
    expect(formatErrorOf(() => parseManifest(xml)).kind).toBe('bad-manifest');
  });

  it.each([0, 1, 7, 8, 40, 200])('refuses a manifest cut to %i bytes', (n) => {
    const xml = buildManifest(SPEC).subarray(0, n);
    expect(formatErrorOf(() => parseManifest(xml)).kind).toBe('bad-manifest');
  });

  it('survives 3000 random corruptions: a result or an ApkFormatError, nothing else', () => {
    const original = buildManifest({ ...SPEC, permissions: ['android.permission.INTERNET'] });
    const random = prng(20240611);
    let parsed = 0;
    let refused = 0;
    for (let round = 0; round < 3000; round += 1) {
      const xml = Buffer.from(original);
      const flips = 1 + Math.floor(random() * 8);
      for (let f = 0; f < flips; f += 1) {
        xml[Math.floor(random() * xml.length)] = Math.floor(random() * 256);
      }
      try {
        const info = parseManifest(xml);
        expect(typeof info.packageName).toBe('string');
        parsed += 1;
      } catch (error) {
        if (!(error instanceof ApkFormatError)) throw error;
        refused += 1;
      }
    }
    expect(parsed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
