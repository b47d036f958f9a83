import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUSH_CHANNELS, ROM_NAMES, type RomName } from '../../../shared/domain/device';
import { en, zhCN } from '../../../shared/i18n';
import {
  HINTS_FILE,
  coveredRoms,
  loadVendorKnowledge,
  readVendorKnowledge,
  resolveVendorSettingsDir,
  romMajor,
  vendorEntryFor,
} from '../../../electron/lab/doctor/vendor-knowledge';
import { fixtureNames } from '../android/fixtures';
import { identityOf } from './helpers';

const knowledge = loadVendorKnowledge();
const dir = resolveVendorSettingsDir();

describe('resources/vendor-settings', () => {
  it('is found from the module and passes its schema', () => {
    expect(dir.endsWith(path.join('resources', 'vendor-settings'))).toBe(true);
    expect(knowledge.families.map((f) => f.family).sort()).toEqual([
      'honor',
      'huawei',
      'meizu',
      'oplus',
      'samsung',
      'vivo',
      'xiaomi',
    ]);
  });

  it('covers every vendor ROM family PushLab recognises (stock Android needs none)', () => {
    const expected = ROM_NAMES.filter((r) => r !== 'Android');
    expect([...coveredRoms(knowledge)].sort()).toEqual([...expected].sort());
  });

  it('covers every major version of each ROM exactly once, so no version falls through a gap', () => {
    for (const rom of coveredRoms(knowledge)) {
      const entries = knowledge.families.flatMap((f) => f.entries).filter((e) => e.roms.includes(rom));
      for (let major = 0; major <= 40; major++) {
        const matching = entries.filter(
          (e) => (e.minMajor ?? 0) <= major && major <= (e.maxMajor ?? Infinity),
        );
        expect(matching.length, `${rom} ${major}`).toBe(1);
      }
    }
  });

  it('gives every autostart-like setting a path, and a screen to open for autostart, App launch and deep sleep', () => {
    for (const entry of knowledge.families.flatMap((f) => f.entries)) {
      expect(Object.keys(entry.paths).length).toBeGreaterThan(0);
      if (entry.paths.autostart || entry.paths.appLaunch || entry.paths.deepSleep)
        expect(entry.activities.length).toBeGreaterThan(0);
      expect(entry.sources.length).toBeGreaterThan(0);
    }
  });

  it('refers only to message keys that exist in both catalogs, with no placeholders to fill', () => {
    const keys: string[] = [
      ...knowledge.families.flatMap((f) => f.entries.flatMap((e) => Object.values(e.paths))),
      ...knowledge.hints.flatMap((h) => [h.advice, h.where]),
    ].filter((k) => typeof k === 'string');
    expect(keys.length).toBeGreaterThan(40);
    for (const key of keys) {
      expect(en).toHaveProperty([key]);
      expect(zhCN).toHaveProperty([key]);
      expect((en as Record<string, string>)[key]).not.toMatch(/\{\w+\}/);
    }
  });

  it('has message-class hints for the vendor channels the seeds describe', () => {
    expect(knowledge.hints.map((h) => h.channel).sort()).toEqual([
      'huawei',
      'meizu',
      'oppo',
      'vivo',
      'xiaomi',
    ]);
    for (const hint of knowledge.hints) expect(PUSH_CHANNELS).toContain(hint.channel);
  });

  it('refuses a file that breaks the schema, naming the file and the field', () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'pushlab-vendor-'));
    for (const file of readdirSync(dir))
      if (file.endsWith('.json')) writeFileSync(path.join(bad, file), readFileSync(path.join(dir, file)));
    const xiaomi = JSON.parse(readFileSync(path.join(dir, 'xiaomi.json'), 'utf8')) as {
      entries: Array<{ activities: Array<{ component: string }>; paths: Record<string, string> }>;
    };
    xiaomi.entries[0]!.activities[0]!.component = 'com.miui.securitycenter/$(reboot)';
    writeFileSync(path.join(bad, 'xiaomi.json'), JSON.stringify(xiaomi));
    expect(() => readVendorKnowledge(bad)).toThrow(/xiaomi\.json does not match its schema/);
    xiaomi.entries[0]!.activities[0]!.component = 'com.miui.securitycenter/.Ok';
    xiaomi.entries[0]!.paths.autostart = 'vendor.no.such.key';
    writeFileSync(path.join(bad, 'xiaomi.json'), JSON.stringify(xiaomi));
    try {
      readVendorKnowledge(bad);
      expect.unreachable();
    } catch (error) {
      expect((error as { detail?: string }).detail).toContain('paths.autostart');
    }
    writeFileSync(path.join(bad, HINTS_FILE), '{ not json');
    expect(() => readVendorKnowledge(bad)).toThrow();
  });
});

describe('ROM versions', () => {
  it('reads the major version the way each ROM writes it', () => {
    const major = (name: RomName, version: string | null) => romMajor({ name, version });
    expect(major('MIUI', 'V12.5.6.0')).toBe(12);
    expect(major('MIUI', 'V125')).toBe(12);
    expect(major('MIUI', 'V14')).toBe(14);
    expect(major('HyperOS', '2.0.211.0')).toBe(2);
    expect(major('Flyme', '8.1.8.0A')).toBe(8);
    expect(major('OxygenOS', '11.0.13.BE88CB')).toBe(11);
    expect(major('Funtouch OS', null)).toBeNull();
  });

  it("picks the entry for each real phone's ROM version", () => {
    const entryKey = (name: string) => {
      const id = identityOf(name);
      return vendorEntryFor(knowledge, id.rom)?.paths;
    };
    expect(entryKey('xiaomi-miui12.5-android11-3.txt')?.autostart).toBe('vendor.xiaomi.autostartAppInfo');
    expect(entryKey('honor-emui8-android8-1.txt')?.appLaunch).toBe('vendor.huawei.appLaunchBattery');
    expect(entryKey('oppo-coloros7.1-android10-2.txt')?.autostart).toBe('vendor.oplus.autoStartupAppList');
    expect(entryKey('google-pixel-android15-1.txt')).toBeUndefined();
    for (const name of fixtureNames('getprop')) {
      const id = identityOf(name);
      if (id.rom.name !== 'Android') expect(vendorEntryFor(knowledge, id.rom), name).not.toBeNull();
    }
  });

  it('uses the newest entry when the version is unknown', () => {
    expect(vendorEntryFor(knowledge, { name: 'ColorOS', version: null })?.paths.autostart).toBe(
      'vendor.oplus.autoLaunch',
    );
  });
});
