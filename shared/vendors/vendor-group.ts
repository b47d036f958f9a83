/**
 * THE rule for a phone's vendor group (README "Vendor groups"); every place that groups or badges
 * phones calls it, so a phone shows the same group on the board, in `devices --json`, in the
 * matrix and in the reports. Pure; the phone's own text is only compared, never changed.
 *
 * First match wins, against shared/vendors/vendor-table.ts:
 * 1. channel APNs -> ios.
 * 2. brand in a group's `brands` (a pre-split Honor says brand HONOR, manufacturer HUAWEI -> honor;
 *    Redmi -> xiaomi; OnePlus, realme -> oppo; iQOO -> vivo), whatever channel the phone uses
 *    (a global OnePlus on FCM stays with OPPO; rows show the channel).
 * 3. manufacturer in a group's `manufacturers`.
 * 4. a word of the model in a group's `models` (a Pixel with no readable maker -> google).
 * 5. the ROM in a group's `roms` (a HyperOS phone with unreadable brand -> xiaomi).
 * 6. a vendor push channel -> the group whose own channel it is.
 * 7. otherwise other-android.
 * Names match case-insensitively as whole words ("Xiaomi Inc" -> xiaomi, "Meizuish" -> nothing).
 */
import type { DeviceChannel } from '../domain/device';
import { VENDOR_IDS, VENDOR_TABLE, type VendorId } from './vendor-table';

export interface VendorGroupInput {
  readonly manufacturer?: string | null;
  readonly brand?: string | null;
  readonly model?: string | null;
  readonly romName?: string | null;
  readonly channel?: DeviceChannel | null;
}

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

function matches(text: string | null | undefined, names: readonly string[]): boolean {
  if (!text) return false;
  const words = text.toLowerCase().split(/[^a-z0-9]+/);
  const whole = words.join('');
  return names.some((name) => {
    const wanted = squash(name);
    return wanted !== '' && (wanted === whole || words.includes(wanted));
  });
}

function firstGroup(pick: (id: VendorId) => boolean): VendorId | null {
  return VENDOR_IDS.find(pick) ?? null;
}

export function vendorGroupOf(phone: VendorGroupInput): VendorId {
  const channel = phone.channel ?? null;
  if (channel === 'apns') return 'ios';
  const byName =
    firstGroup((id) => matches(phone.brand, VENDOR_TABLE[id].brands)) ??
    firstGroup((id) => matches(phone.manufacturer, VENDOR_TABLE[id].manufacturers)) ??
    firstGroup((id) => matches(phone.model, VENDOR_TABLE[id].models)) ??
    firstGroup((id) => (VENDOR_TABLE[id].roms as readonly string[]).includes(phone.romName ?? ''));
  if (byName !== null) return byName;
  if (channel !== null && channel !== 'fcm') {
    const own = firstGroup(
      (id) => VENDOR_TABLE[id].channelRule !== 'fcm' && VENDOR_TABLE[id].channels[0] === channel,
    );
    if (own !== null) return own;
  }
  return 'other-android';
}

/** The group of a phone from its identity (board, CLI); null identity: not read yet. */
export function vendorOfIdentity(
  identity: {
    readonly manufacturer: string;
    readonly brand: string;
    readonly model: string;
    readonly rom: { readonly name: string };
    readonly pushChannel: DeviceChannel;
  } | null,
): VendorId | null {
  if (identity === null) return null;
  return vendorGroupOf({
    manufacturer: identity.manufacturer,
    brand: identity.brand,
    model: identity.model,
    romName: identity.rom.name,
    channel: identity.pushChannel,
  });
}
