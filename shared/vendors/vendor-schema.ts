/**
 * The shape of the vendor table (shared/vendors/vendor-table.ts) as types and as a zod schema, so
 * a malformed entry fails a test (test/unit/vendors/vendor-table.test.ts) with the field named.
 * The interfaces are what code reads; the schemas must accept exactly them (checked below).
 */
import { z } from 'zod';
import { PUSH_CHANNELS, ROM_NAMES, type DeviceChannel, type RomName } from '../domain/device';

/** A name in both languages PushLab speaks (same shape as scenarios' Bilingual). */
export interface VendorText {
  readonly en: string;
  readonly zhCN: string;
}

/**
 * How the push channel of a phone in this group is decided (electron/lab/android/identity/channel.ts
 * has one function per rule, typed over this union):
 * - own: the vendor's channel, always;
 * - honor-split: Honor Push after the Huawei split, HMS before (from services, else properties);
 * - oplus-region: HeyTap (OPPO) push on China ROMs, FCM on global ones;
 * - fcm: Google's FCM; apns: Apple's APNs (iOS).
 */
export const CHANNEL_RULES = ['own', 'honor-split', 'oplus-region', 'fcm', 'apns'] as const;
export type ChannelRule = (typeof CHANNEL_RULES)[number];

/** Badge colours: dark text on a light tint (WCAG AA), and the card's left rule. */
export interface VendorBadge {
  readonly text: string;
  readonly background: string;
  readonly line: string;
}

export interface VendorEntry {
  /** Display name, en and zh-CN (the i18n catalogs take `vendor.<id>` from here). */
  readonly name: VendorText;
  /** ro.product.brand values of this group, in the vendor's own casing (phone names use it; matched case-insensitively). */
  readonly brands: readonly string[];
  /** ro.product.manufacturer values of this group (matched case-insensitively, after the brand). */
  readonly manufacturers: readonly string[];
  /** Words in the model that name the group when brand and manufacturer do not ("Pixel"). */
  readonly models: readonly string[];
  /** ROMs this vendor ships (detected in android/identity/rom.ts from `romProps`). */
  readonly roms: readonly RomName[];
  /** System properties that reveal the ROM (documentation and the virtual lab's phones). */
  readonly romProps: readonly string[];
  readonly channelRule: ChannelRule;
  /** Channels a phone of this group can end up on, first = the vendor's own. */
  readonly channels: readonly DeviceChannel[];
  readonly badge: VendorBadge;
  /** resources/vendor-settings/<file>.json with this ROM's settings paths; null: none. */
  readonly settingsFile: string | null;
}

/** Field names of Tencent IM's OfflinePushInfo.AndroidInfo for one channel (protocols, vendor-push-apis §Tencent). */
export interface TencentFields {
  readonly channelId?: string;
  readonly category?: string;
  readonly importance?: string;
  readonly classification?: string;
  readonly notifyLevel?: string;
  readonly noticeMsgType?: string;
}

export interface ServicePackage {
  readonly package: string;
  readonly name: string;
  /** Oldest version code the channel works with (HMS Core > 20401300); null: no minimum. */
  readonly minimumVersionCode: number | null;
}

export interface ChannelEntry {
  /** The vendor as hints name it ("Xiaomi's daily push quota"). */
  readonly vendorName: VendorText;
  /** The push service's own name ("Mi Push" / "小米推送"): i18n `pushChannel.<channel>`, channel reasons. */
  readonly serviceName: VendorText;
  /** System packages that carry the channel on the phone. */
  readonly services: readonly ServicePackage[];
  /** A run checks the service before sending: its package missing (or too old) blocks the phone. */
  readonly serviceRequired: boolean;
  /** The vendor SDK may reach the service through a proxy elsewhere: a missing package proves nothing. */
  readonly proxied: boolean;
  /** The vendor's system push service shows the notification without the app running (seed 002/003). */
  readonly systemLevel: boolean;
  /** Tencent passes a custom alert sound on this channel (seed 002). */
  readonly customSound: boolean;
  /** The vendor sorts messages into high and low classes (seed 002). */
  readonly classifies: boolean;
  /** The low class (or all volume) has a documented daily count limit (seed 002). */
  readonly dailyQuota: boolean;
  readonly tencent: TencentFields;
}

const text = z.object({ en: z.string().min(1), zhCN: z.string().min(1) }).strict();
const colour = z.string().regex(/^#[0-9a-f]{6}$/, 'a lower-case #rrggbb colour');
const word = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9 ]*$/, 'letters, digits and spaces, starting with a letter');
const propKey = z.string().regex(/^[a-z_][a-z0-9_.]*$/, 'a system property name');
const tencentField = z.string().regex(/^[A-Z][A-Za-z]+$/, 'a Tencent AndroidInfo field name');

export const vendorEntrySchema = z
  .object({
    name: text,
    brands: z.array(word),
    manufacturers: z.array(word),
    models: z.array(word),
    roms: z.array(z.enum(ROM_NAMES)),
    romProps: z.array(propKey),
    channelRule: z.enum(CHANNEL_RULES),
    channels: z.array(z.enum([...PUSH_CHANNELS, 'apns'])).min(1),
    badge: z.object({ text: colour, background: colour, line: colour }).strict(),
    settingsFile: z
      .string()
      .regex(/^[a-z][a-z-]*$/)
      .nullable(),
  })
  .strict();

export const channelEntrySchema = z
  .object({
    vendorName: text,
    serviceName: text,
    services: z.array(
      z
        .object({
          package: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'an Android package name'),
          name: z.string().min(1),
          minimumVersionCode: z.number().int().positive().nullable(),
        })
        .strict(),
    ),
    serviceRequired: z.boolean(),
    systemLevel: z.boolean(),
    customSound: z.boolean(),
    proxied: z.boolean(),
    classifies: z.boolean(),
    dailyQuota: z.boolean(),
    tencent: z
      .object({
        channelId: tencentField.optional(),
        category: tencentField.optional(),
        importance: tencentField.optional(),
        classification: tencentField.optional(),
        notifyLevel: tencentField.optional(),
        noticeMsgType: tencentField.optional(),
      })
      .strict(),
  })
  .strict();

// The schemas and the interfaces must describe the same thing (a compile error here otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameVendor: Same<z.infer<typeof vendorEntrySchema>, DeepMutable<VendorEntry>> = true;
const sameChannel: Same<z.infer<typeof channelEntrySchema>, DeepMutable<ChannelEntry>> = true;
void sameVendor;
void sameChannel;

type DeepMutable<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? DeepMutable<U>[]
    : { -readonly [K in keyof T]: DeepMutable<T[K]> };
