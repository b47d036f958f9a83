/**
 * Building blocks of the checks: typed messages (a key missing from the catalog, or a wrong
 * placeholder, fails to compile), the check record, and the shared context of one evaluation.
 */
import type { DeviceIdentity } from '../../../../shared/domain/device';
import type {
  CheckStatus,
  DoctorCheck,
  DoctorSubject,
  FixId,
  Message,
} from '../../../../shared/domain/doctor';
import type { TranslateArgs } from '../../../../shared/i18n';
import type { doctorChecksEn } from '../../../../shared/i18n/doctor-checks.en';
import type { DoctorFacts } from '../facts-types';
import type { VendorEntry, VendorKnowledge } from '../vendor-knowledge';
import { clip } from '../evidence';
import { VENDOR_TABLE } from '../../../../shared/vendors/vendor-table';
import { vendorOfIdentity } from '../../../../shared/vendors/vendor-group';

/** Message keys of the doctor's checks (shared/i18n/doctor-checks.*.ts). */
export type CheckKey = keyof typeof doctorChecksEn;

/** A translatable message; values are required exactly when the template has placeholders. */
export function msg<K extends CheckKey>(key: K, ...values: TranslateArgs<K>): Message {
  const given = (values[0] ?? {}) as Readonly<Record<string, string | number>>;
  return { key, values: Object.fromEntries(Object.entries(given).map(([k, v]) => [k, String(v)])) };
}

/** A message whose key comes from resources/vendor-settings (checked against the catalog on load). */
export function resourceMsg(key: string): Message {
  return { key, values: {} };
}

export interface CheckContext {
  readonly facts: DoctorFacts;
  readonly identity: DeviceIdentity | null;
  readonly subject: DoctorSubject;
  readonly knowledge: VendorKnowledge;
  /** Settings paths and screens for this phone's ROM and version; null for stock Android. */
  readonly vendor: VendorEntry | null;
}

export interface CheckParts {
  readonly status: CheckStatus;
  readonly advice: Message;
  /** The phone's words (lines are trimmed and clipped here). */
  readonly evidence: string | ReadonlyArray<string | null | undefined>;
  readonly fixes?: readonly FixId[];
  readonly settingsPath?: Message | null;
}

export function makeCheck(id: string, title: Message, parts: CheckParts): DoctorCheck {
  return {
    id,
    status: parts.status,
    title,
    evidence: clip(parts.evidence),
    advice: parts.advice,
    fixes: parts.fixes ?? [],
    settingsPath: parts.settingsPath ?? null,
  };
}

/** A check whose fact could not be read: 'unknown', with what went wrong as evidence. */
export function notRead(
  id: string,
  title: Message,
  ctx: CheckContext,
  source: string,
  extra: { readonly fixes?: readonly FixId[]; readonly settingsPath?: Message | null } = {},
): DoctorCheck {
  return makeCheck(id, title, {
    status: 'unknown',
    advice: msg('check.notRead', { source }),
    evidence: ctx.facts.unread[source] ?? `${source}: not read`,
    ...extra,
  });
}

/** The phone's SDK level, when known. */
export const sdkOf = (ctx: CheckContext): number | null => ctx.identity?.sdk ?? null;

/** True when the phone is known to run at least `sdk` (unknown counts as yes: the read decides). */
export const atLeast = (ctx: CheckContext, sdk: number): boolean => {
  const value = sdkOf(ctx);
  return value === null || value >= sdk;
};

/** The ROM as people name it ("HyperOS 2.0.207.0"), for advice text. */
export function romText(identity: DeviceIdentity | null): string {
  if (!identity) return 'this ROM';
  return identity.rom.version ? `${identity.rom.name} ${identity.rom.version}` : identity.rom.name;
}

/**
 * OPPO, realme and OnePlus phones (one ROM base, one push service, the same notification rules):
 * the vendor table's OPPO group, or a phone running one of its ROMs.
 */
export function isOppoFamily(identity: DeviceIdentity | null): boolean {
  if (!identity) return false;
  const roms: readonly string[] = VENDOR_TABLE.oppo.roms;
  return roms.includes(identity.rom.name) || vendorOfIdentity(identity) === 'oppo';
}

/** MIUI and HyperOS, whose extra app ops (10008 autostart, 10020 lock screen) adb can read. */
export const isMiuiFamily = (identity: DeviceIdentity | null): boolean =>
  identity?.rom.name === 'MIUI' || identity?.rom.name === 'HyperOS';
