/**
 * The vendor table (shared/vendors): its schema accepts every entry and rejects malformed ones,
 * it agrees with resources/vendor-settings, its records cover every vendor id and channel (checked
 * by the compiler, shown here), and the one group rule behaves as README "Vendor groups" says.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PUSH_CHANNELS, type DeviceChannel, type PushChannel } from '../../../shared/domain/device';
import { isMessageKey } from '../../../shared/i18n';
import { VENDOR_GROUPS } from '../../../shared/matrix/types';
import { vendorGroupOf } from '../../../shared/vendors/vendor-group';
import {
  channelEntrySchema,
  vendorEntrySchema,
  type ChannelEntry,
  type VendorEntry,
} from '../../../shared/vendors/vendor-schema';
import { CHANNEL_TABLE, VENDOR_IDS, VENDOR_TABLE, type VendorId } from '../../../shared/vendors/vendor-table';

const SETTINGS = new URL('../../../resources/vendor-settings/', import.meta.url);

describe('the vendor table schema', () => {
  it('accepts every vendor and channel entry', () => {
    for (const id of VENDOR_IDS) expect(vendorEntrySchema.safeParse(VENDOR_TABLE[id]).success, id).toBe(true);
    for (const [channel, entry] of Object.entries(CHANNEL_TABLE))
      expect(channelEntrySchema.safeParse(entry).success, channel).toBe(true);
  });

  it('rejects a malformed entry and names the field', () => {
    const good: VendorEntry = VENDOR_TABLE.xiaomi;
    const bad = (patch: Record<string, unknown>): string[] => {
      const result = vendorEntrySchema.safeParse({ ...good, ...patch });
      expect(result.success).toBe(false);
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    };
    expect(bad({ name: { en: 'Xiaomi' } })).toContain('name.zhCN');
    expect(bad({ roms: ['MIUI', 'LineageOS'] })).toContain('roms.1');
    expect(bad({ channels: ['mipush'] })).toContain('channels.0');
    expect(bad({ channels: [] })).toContain('channels');
    expect(bad({ channelRule: 'brand-first' })).toContain('channelRule');
    expect(bad({ badge: { text: 'orange', background: '#fff0e5', line: '#ff6900' } })).toContain(
      'badge.text',
    );
    expect(bad({ brands: ['Redmi<script>'] })).toContain('brands.0');
    expect(bad({ romProps: ['ro.miui.ui.version.name; reboot'] })).toContain('romProps.0');
    expect(bad({ colour: '#ffffff' })).toEqual(['']);

    const channel: ChannelEntry = CHANNEL_TABLE.oppo;
    const badChannel = channelEntrySchema.safeParse({
      ...channel,
      services: [{ package: 'HeyTap push', name: 'x', minimumVersionCode: null }],
      tencent: { channelId: 'oppo channel' },
    });
    expect(badChannel.success).toBe(false);
    expect(badChannel.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'services.0.package',
      'tencent.channelId',
    ]);
  });
});

describe('the table covers every vendor and channel', () => {
  it('is keyed by exactly the vendor ids and the device channels (type level)', () => {
    expectTypeOf<keyof typeof VENDOR_TABLE>().toEqualTypeOf<VendorId>();
    expectTypeOf<keyof typeof CHANNEL_TABLE>().toEqualTypeOf<DeviceChannel>();
    // A record that forgets a channel does not compile: this is what lists the places to update.
    const { meizu: _left, ...withoutMeizu } = CHANNEL_TABLE;
    // @ts-expect-error meizu is missing
    const incomplete: Record<DeviceChannel, ChannelEntry> = withoutMeizu;
    expect(Object.keys(incomplete)).not.toContain('meizu');
  });

  it('gives every vendor push channel exactly one group, and the matrix rows are the table', () => {
    for (const channel of PUSH_CHANNELS.filter((c): c is Exclude<PushChannel, 'fcm'> => c !== 'fcm')) {
      const owners = VENDOR_IDS.filter((id) => VENDOR_TABLE[id].channels[0] === channel);
      expect(owners, channel).toHaveLength(1);
    }
    expect(VENDOR_GROUPS).toEqual(VENDOR_IDS);
    for (const id of VENDOR_IDS) expect(isMessageKey(`vendor.${id}`), id).toBe(true);
  });

  it('names no brand, manufacturer or ROM in two groups', () => {
    for (const field of ['brands', 'manufacturers', 'roms'] as const) {
      const all = VENDOR_IDS.flatMap((id) => VENDOR_TABLE[id][field].map((n: string) => n.toLowerCase()));
      expect(new Set(all).size, field).toBe(all.length);
    }
  });

  it('agrees with resources/vendor-settings: one settings file per group that has one, same ROMs', () => {
    const files = readdirSync(SETTINGS).filter((f) => f.endsWith('.json') && f !== 'push-hints.json');
    const named = VENDOR_IDS.flatMap((id) => {
      const file = VENDOR_TABLE[id].settingsFile;
      return file === null ? [] : [[id, file] as const];
    });
    expect(named.map(([, file]) => `${file}.json`).sort()).toEqual(files.sort());
    for (const [id, file] of named) {
      const json = JSON.parse(readFileSync(new URL(`${file}.json`, SETTINGS), 'utf8')) as {
        family: string;
        entries: Array<{ roms: string[] }>;
      };
      expect(json.family, id).toBe(file);
      const roms: readonly string[] = VENDOR_TABLE[id].roms;
      for (const rom of json.entries.flatMap((e) => e.roms)) expect(roms, `${id}: ${rom}`).toContain(rom);
    }
    const hints = JSON.parse(readFileSync(new URL('push-hints.json', SETTINGS), 'utf8')) as {
      hints: Array<{ channel: DeviceChannel }>;
    };
    for (const { channel } of hints.hints) {
      const entry = CHANNEL_TABLE[channel];
      expect(entry.classifies || entry.dailyQuota, channel).toBe(true);
    }
  });
});

describe('vendorGroupOf (README "Vendor groups")', () => {
  it('prefers the brand, then the manufacturer, the model, the ROM and the channel', () => {
    expect(vendorGroupOf({ brand: 'HONOR', manufacturer: 'HUAWEI', channel: 'huawei' })).toBe('honor');
    expect(vendorGroupOf({ brand: 'Redmi', manufacturer: 'Xiaomi', channel: 'fcm' })).toBe('xiaomi');
    expect(vendorGroupOf({ brand: 'blackshark', manufacturer: 'unknown' })).toBe('xiaomi');
    expect(vendorGroupOf({ brand: 'OnePlus', manufacturer: 'OnePlus', channel: 'fcm' })).toBe('oppo');
    expect(vendorGroupOf({ brand: 'iQOO', manufacturer: 'vivo' })).toBe('vivo');
    expect(vendorGroupOf({ brand: 'generic', manufacturer: 'Xiaomi Inc.' })).toBe('xiaomi');
    expect(vendorGroupOf({ brand: 'unknown', manufacturer: 'unknown', model: 'Pixel 9 Pro' })).toBe('google');
    expect(vendorGroupOf({ brand: 'unknown', romName: 'HyperOS', channel: 'fcm' })).toBe('xiaomi');
    expect(vendorGroupOf({ manufacturer: 'Foo', channel: 'huawei' })).toBe('huawei');
    expect(vendorGroupOf({ manufacturer: 'Foo', channel: 'honor' })).toBe('honor');
    expect(vendorGroupOf({ manufacturer: 'Xiaomi', channel: 'apns' })).toBe('ios');
  });

  it('matches whole words only and falls back to other-android', () => {
    expect(vendorGroupOf({ manufacturer: 'Meizuish', channel: 'fcm' })).toBe('other-android');
    expect(vendorGroupOf({ brand: 'Nothing', manufacturer: 'Nothing', channel: 'fcm' })).toBe(
      'other-android',
    );
    expect(vendorGroupOf({})).toBe('other-android');
  });
});
