/**
 * Which offline-push channel Tencent IM will use on a phone, and why. Vendors with their own
 * channel get it; Honor and the OPPO family depend on software (pre/post split, China/global ROM),
 * decided from installed push services when the package list is known, from properties otherwise.
 * Reason keys are fixed (the UI translates them) and every placeholder is filled.
 */
import type { ChannelReason, PushChannel, PushServiceInfo, RomInfo } from '../../../../shared/domain/device';
import { oplusRegion, romLabel } from './rom';
import { serviceFor } from './push-services';
import { lowerProp, BRAND_KEYS, MANUFACTURER_KEYS, type Props } from './props';
import { vendorDisplayName } from '../../../../shared/domain/phone-name';

export type ChannelReasonKey =
  | 'channel.vendor'
  | 'channel.honorPreSplit'
  | 'channel.honorPostSplit'
  | 'channel.oplusChina'
  | 'channel.oplusGlobal'
  | 'channel.fcm'
  | 'channel.fcmMissingGms';

export const CHANNEL_NAMES: Readonly<Record<PushChannel, string>> = {
  xiaomi: 'Mi Push',
  huawei: 'Huawei Push (HMS)',
  honor: 'Honor Push',
  oppo: 'OPPO Push',
  vivo: 'vivo Push',
  meizu: 'Meizu Push',
  fcm: 'FCM',
};

export interface ChannelDecision {
  readonly channel: PushChannel;
  readonly reason: ChannelReason;
}

export interface ChannelInput {
  readonly props: Props;
  /** Brand as the phone names itself ("Redmi"), for the reason text. */
  readonly brand: string;
  readonly rom: RomInfo;
  /** False when the package list could not be read: no conclusions from absence then. */
  readonly packagesKnown: boolean;
  readonly services: readonly PushServiceInfo[];
}

type Family = 'xiaomi' | 'huawei' | 'honor' | 'oplus' | 'vivo' | 'meizu' | 'other';

const FAMILIES: ReadonlyArray<readonly [Family, readonly string[]]> = [
  ['honor', ['honor']],
  ['xiaomi', ['xiaomi', 'redmi', 'poco', 'blackshark']],
  ['huawei', ['huawei']],
  ['oplus', ['oppo', 'realme', 'oneplus']],
  ['vivo', ['vivo', 'iqoo']],
  ['meizu', ['meizu']],
];

/** Service names used when a China OPPO-family ROM is recognised from properties alone. */
const DEFAULT_OPLUS_SERVICE = 'HeyTap push service';
const DEFAULT_HONOR_SERVICE = 'Honor Push service';

function familyOf(props: Props): Family {
  const brand = lowerProp(props, BRAND_KEYS);
  const maker = lowerProp(props, MANUFACTURER_KEYS);
  // Brand first: Honor phones made before the split report manufacturer HUAWEI.
  for (const [family, names] of FAMILIES) if (names.includes(brand)) return family;
  for (const [family, names] of FAMILIES) if (names.includes(maker)) return family;
  return 'other';
}

/** The brand in the vendor's own casing: "Meizu phone", not "meizu phone". */
function reason(key: ChannelReasonKey, values: Record<string, string>): ChannelReason {
  return {
    key,
    values: values.brand === undefined ? values : { ...values, brand: vendorDisplayName(values.brand) },
  };
}

function vendor(channel: PushChannel, brand: string, rom: string): ChannelDecision {
  return { channel, reason: reason('channel.vendor', { brand, rom, channelName: CHANNEL_NAMES[channel] }) };
}

function fcm(input: ChannelInput, rom: string): ChannelDecision {
  const missing = input.packagesKnown && !serviceFor(input.services, 'fcm');
  return {
    channel: 'fcm',
    reason: reason(missing ? 'channel.fcmMissingGms' : 'channel.fcm', { brand: input.brand, rom }),
  };
}

function honor(input: ChannelInput, rom: string): ChannelDecision {
  const { brand } = input;
  const honorPush = serviceFor(input.services, 'honor');
  if (honorPush)
    return {
      channel: 'honor',
      reason: reason('channel.honorPostSplit', { brand, rom, service: honorPush.name }),
    };
  const hms = serviceFor(input.services, 'huawei');
  if (hms) return { channel: 'huawei', reason: reason('channel.honorPreSplit', { brand, rom }) };
  // No service evidence: builds made before the split still say manufacturer HUAWEI and run HMS.
  const preSplit = lowerProp(input.props, MANUFACTURER_KEYS) === 'huawei' || input.rom.name === 'EMUI';
  return preSplit
    ? { channel: 'huawei', reason: reason('channel.honorPreSplit', { brand, rom }) }
    : {
        channel: 'honor',
        reason: reason('channel.honorPostSplit', { brand, rom, service: DEFAULT_HONOR_SERVICE }),
      };
}

function oplus(input: ChannelInput, rom: string): ChannelDecision {
  const { brand } = input;
  const heytap = serviceFor(input.services, 'oppo');
  if (heytap)
    return { channel: 'oppo', reason: reason('channel.oplusChina', { brand, rom, service: heytap.name }) };
  if (input.packagesKnown) {
    // Listed packages and no HeyTap push: the OPPO channel cannot work here.
    return serviceFor(input.services, 'fcm')
      ? { channel: 'fcm', reason: reason('channel.oplusGlobal', { brand, rom }) }
      : fcm(input, rom);
  }
  const region = oplusRegion(input.props);
  const china = region !== null ? region === 'CN' : input.rom.name === 'ColorOS';
  return china
    ? {
        channel: 'oppo',
        reason: reason('channel.oplusChina', { brand, rom, service: DEFAULT_OPLUS_SERVICE }),
      }
    : { channel: 'fcm', reason: reason('channel.oplusGlobal', { brand, rom }) };
}

/** Decides the push channel and the reason for it. */
export function decideChannel(input: ChannelInput): ChannelDecision {
  const rom = romLabel(input.rom);
  switch (familyOf(input.props)) {
    case 'xiaomi':
      return vendor('xiaomi', input.brand, rom);
    case 'huawei':
      return vendor('huawei', input.brand, rom);
    case 'honor':
      return honor(input, rom);
    case 'oplus':
      return oplus(input, rom);
    case 'vivo':
      return vendor('vivo', input.brand, rom);
    case 'meizu':
      return vendor('meizu', input.brand, rom);
    default:
      return fcm(input, rom);
  }
}
