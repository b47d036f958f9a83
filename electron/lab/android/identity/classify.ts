/**
 * Builds a DeviceIdentity from getprop output and (when readable) the installed package list.
 * Values come from the properties the phone sets; what cannot be read stays null or "unknown".
 */
import type { AndroidIdentity } from '../../../../shared/domain/device';
import { LabError } from '../../errors';
import { decideChannel } from './channel';
import { findPushServices, type InstalledPackages } from './push-services';
import { BRAND_KEYS, MANUFACTURER_KEYS, UNKNOWN, firstProp, type Props } from './props';
import { detectRom } from './rom';

export interface IdentityInput {
  readonly props: Props;
  /** null: the package list could not be read. */
  readonly packages: InstalledPackages | null;
}

const MODEL_KEYS = [
  'ro.product.model',
  'ro.product.odm.model',
  'ro.product.vendor.model',
  'ro.product.product.model',
  'ro.product.system.model',
];

/** Marketing names, vendor keys included; English OPPO-family names before the localised ones. */
const MARKETING_NAME_KEYS = [
  'ro.product.marketname',
  'ro.product.vendor.marketname',
  'ro.product.odm.marketname',
  'ro.vendor.oplus.market.enname',
  'ro.vendor.oplus.market.name',
  'ro.oppo.market.name',
  'ro.vivo.market.name',
  'ro.config.marketing_name',
];

const DEVICE_KEYS = [
  'ro.product.device',
  'ro.product.vendor.device',
  'ro.product.odm.device',
  'ro.product.system.device',
];
const RELEASE_KEYS = [
  'ro.build.version.release',
  'ro.build.version.release_or_codename',
  'ro.build.version.release_or_preview_display',
];
const FINGERPRINT_KEYS = [
  'ro.build.fingerprint',
  'ro.vendor.build.fingerprint',
  'ro.system.build.fingerprint',
  'ro.bootimage.build.fingerprint',
];

function sdkOf(props: Props): number | null {
  const value = firstProp(props, ['ro.build.version.sdk']);
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

function abisOf(props: Props): string[] {
  const list = firstProp(props, [
    'ro.product.cpu.abilist',
    'ro.vendor.product.cpu.abilist',
    'ro.system.product.cpu.abilist',
  ]);
  const raw = list
    ? list.split(',')
    : [props['ro.product.cpu.abi'] ?? '', props['ro.product.cpu.abi2'] ?? ''];
  return [...new Set(raw.map((a) => a.trim()).filter((a) => a !== ''))];
}

/** Classifies a phone: vendor, ROM, push channel (with reason) and installed push services. */
export function classifyIdentity(input: IdentityInput): AndroidIdentity {
  const { props } = input;
  const manufacturer = firstProp(props, MANUFACTURER_KEYS);
  const brand = firstProp(props, BRAND_KEYS);
  const model = firstProp(props, MODEL_KEYS);
  const androidVersion = firstProp(props, RELEASE_KEYS);
  const fingerprint = firstProp(props, FINGERPRINT_KEYS);
  if (!manufacturer && !brand && !model && !androidVersion && !fingerprint) {
    throw new LabError('MALFORMED_OUTPUT', "The phone's properties do not say what phone it is.", {
      hint: 'Check that `adb shell getprop` lists ro.product.* properties; the phone may still be booting.',
      zh: {
        message: '手机的属性没有说明它是哪款手机。',
        hint: '请确认 `adb shell getprop` 列出了 ro.product.* 属性；手机可能仍在启动中。',
      },
    });
  }
  const rom = detectRom(props, androidVersion);
  const services = findPushServices(input.packages);
  const brandName = brand ?? manufacturer ?? UNKNOWN;
  const decision = decideChannel({
    props,
    brand: brandName,
    rom,
    packagesKnown: input.packages !== null,
    services,
  });
  return {
    manufacturer: manufacturer ?? UNKNOWN,
    brand: brand ?? UNKNOWN,
    model: model ?? UNKNOWN,
    marketingName: firstProp(props, MARKETING_NAME_KEYS),
    device: firstProp(props, DEVICE_KEYS) ?? UNKNOWN,
    androidVersion: androidVersion ?? UNKNOWN,
    sdk: sdkOf(props),
    rom,
    pushChannel: decision.channel,
    pushChannelReason: decision.reason,
    pushServices: services,
    abis: abisOf(props),
    fingerprint: fingerprint ?? UNKNOWN,
  };
}
