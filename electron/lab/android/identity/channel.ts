/**
 * Which offline-push channel Tencent IM will use on a phone, and why. The phone's vendor group
 * (shared/vendors, the one rule) names a channel rule: vendors with their own channel get it; Honor
 * and the OPPO family depend on software (pre/post split, China/global ROM), decided from installed
 * push services when the package list is known, from properties otherwise.
 * Reason keys are fixed (the UI translates them) and every placeholder is filled.
 */
import {
  PUSH_CHANNELS,
  type ChannelReason,
  type PushChannel,
  type PushServiceInfo,
  type RomInfo,
} from '../../../../shared/domain/device';
import { oplusRegion, romLabel } from './rom';
import { serviceFor } from './push-services';
import { firstProp, lowerProp, BRAND_KEYS, MANUFACTURER_KEYS, type Props } from './props';
import { vendorDisplayName } from '../../../../shared/domain/phone-name';
import { CHANNEL_TABLE, VENDOR_TABLE } from '../../../../shared/vendors/vendor-table';
import { vendorGroupOf } from '../../../../shared/vendors/vendor-group';
import type { ChannelRule } from '../../../../shared/vendors/vendor-schema';

export type ChannelReasonKey =
  | 'channel.vendor'
  | 'channel.honorPreSplit'
  | 'channel.honorPostSplit'
  | 'channel.oplusChina'
  | 'channel.oplusGlobal'
  | 'channel.fcm'
  | 'channel.fcmMissingGms';

/** English service names ("Mi Push") for the reason text: from the vendor table. */
export const CHANNEL_NAMES: Readonly<Record<PushChannel, string>> = Object.fromEntries(
  PUSH_CHANNELS.map((channel) => [channel, CHANNEL_TABLE[channel].serviceName.en]),
) as Record<PushChannel, string>;

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

/** Service names used when a China OPPO-family ROM / a post-split Honor is recognised from properties alone. */
const DEFAULT_OPLUS_SERVICE = CHANNEL_TABLE.oppo.services[0].name;
const DEFAULT_HONOR_SERVICE = CHANNEL_TABLE.honor.services[0].name;

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

type Decide = (input: ChannelInput, rom: string, own: PushChannel) => ChannelDecision;

/** One decision per channel rule of the vendor table; a new rule fails to compile until it is here. */
const RULES = {
  own: (input, rom, own) => vendor(own, input.brand, rom),
  'honor-split': (input, rom) => honor(input, rom),
  'oplus-region': (input, rom) => oplus(input, rom),
  fcm: (input, rom) => fcm(input, rom),
  // An Android phone branded Apple is not an iOS device: no APNs here.
  apns: (input, rom) => fcm(input, rom),
} satisfies Record<ChannelRule, Decide>;

/** Decides the push channel and the reason for it. */
export function decideChannel(input: ChannelInput): ChannelDecision {
  const rom = romLabel(input.rom);
  const group = vendorGroupOf({
    brand: firstProp(input.props, BRAND_KEYS),
    manufacturer: firstProp(input.props, MANUFACTURER_KEYS),
    romName: input.rom.name,
  });
  const entry = VENDOR_TABLE[group];
  const own = entry.channels[0];
  return RULES[entry.channelRule](input, rom, own === 'apns' ? 'fcm' : own);
}
