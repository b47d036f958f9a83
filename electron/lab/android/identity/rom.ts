/**
 * Which vendor ROM a phone runs, from the properties each ROM really sets (see the getprop
 * fixtures). Order matters: HyperOS keeps ro.miui.*, Magic UI keeps ro.build.version.emui,
 * HarmonyOS keeps an EmotionUI version, OxygenOS 13+ reports the ColorOS (oplus) version.
 */
import type { RomInfo } from '../../../../shared/domain/device';
import { firstProp, lowerProp, BRAND_KEYS, MANUFACTURER_KEYS, type Props } from './props';

/** Region the OPPO-family build was made for; CN means a China ROM. */
export function oplusRegion(props: Props): string | null {
  const region = firstProp(props, [
    'ro.vendor.oplus.regionmark',
    'ro.oplus.pipeline.region',
    'ro.oplus.regionmark',
    'persist.sys.oppo.region',
  ]);
  return region ? region.toUpperCase() : null;
}

const stripV = (value: string): string => value.replace(/^V(?=\d)/i, '');

function hyperOs(props: Props): RomInfo | null {
  const name = firstProp(props, ['ro.mi.os.version.name']);
  if (!name) return null;
  const incremental =
    firstProp(props, ['ro.mi.os.version.incremental', 'ro.build.version.incremental']) ?? '';
  const full = /^OS(\d+(?:\.\d+)+)/.exec(incremental)?.[1];
  return { name: 'HyperOS', version: full ?? name.replace(/^OS/, '') };
}

function miui(props: Props): RomInfo | null {
  const name = firstProp(props, ['ro.miui.ui.version.name']);
  if (!name) return null;
  const incremental = firstProp(props, ['ro.build.version.incremental']) ?? '';
  const full = /^(V\d+(?:\.\d+)+)/.exec(incremental)?.[1];
  return { name: 'MIUI', version: full ?? name };
}

function harmonyOs(props: Props): RomInfo | null {
  const version = firstProp(props, ['hw_sc.build.platform.version']);
  return version ? { name: 'HarmonyOS', version } : null;
}

function magic(props: Props): RomInfo | null {
  const value = firstProp(props, ['ro.build.version.magic']);
  if (!value) return null;
  const named = /MagicOS[_\s]*(\d+(?:\.\d+)*)/i.exec(value);
  if (named) return { name: 'MagicOS', version: named[1] as string };
  // Magic UI 2.x–6.x report e.g. "MagicUI_6.1.0".
  const magicUi = /Magic\s*UI[_\s]*(\d+(?:\.\d+)*)/i.exec(value);
  if (magicUi) return { name: 'Magic UI', version: magicUi[1] as string };
  const bare = /^(\d+)(?:\.\d+)*$/.exec(value);
  // Honor renamed Magic UI to MagicOS at version 7.0.
  if (bare) return { name: Number(bare[1]) >= 7 ? 'MagicOS' : 'Magic UI', version: value };
  return { name: 'Magic UI', version: null };
}

function emui(props: Props): RomInfo | null {
  const value = firstProp(props, ['ro.build.version.emui']);
  if (!value) return null;
  return { name: 'EMUI', version: /EmotionUI[_\s]*(\d+(?:\.\d+)*)/i.exec(value)?.[1] ?? null };
}

function oplus(props: Props): RomInfo | null {
  const brand = lowerProp(props, BRAND_KEYS);
  const maker = lowerProp(props, MANUFACTURER_KEYS);
  const colorOs = firstProp(props, ['ro.build.version.oplusrom', 'ro.build.version.opporom']);
  const realmeUi = firstProp(props, ['ro.build.version.realmeui']);
  if (realmeUi) return { name: 'realme UI', version: stripV(realmeUi) };
  const onePlus = brand === 'oneplus' || maker === 'oneplus';
  if (onePlus) {
    const oxygenMark = [
      firstProp(props, ['ro.build.version.ota']),
      firstProp(props, ['ro.build.ota.versionname']),
    ].some((v) => v !== null && /oxygen/i.test(v));
    const oxygen = firstProp(props, ['ro.oxygen.version']);
    const region = oplusRegion(props);
    // OxygenOS 13+ is built on the oplus base and reports ro.build.version.oplusrom; only its region tells it apart.
    if (oxygen || oxygenMark || (colorOs && region !== null && region !== 'CN')) {
      return {
        name: 'OxygenOS',
        version: oxygen ?? (colorOs ? stripV(colorOs) : firstProp(props, ['ro.rom.version'])),
      };
    }
  }
  if (colorOs) return { name: 'ColorOS', version: stripV(colorOs) };
  return null;
}

function vivo(props: Props): RomInfo | null {
  const display = firstProp(props, ['ro.vivo.os.build.display.id']) ?? '';
  const origin = /OriginOS\s*(\d+(?:\.\d+)*)?/i.exec(display);
  if (origin) return { name: 'OriginOS', version: origin[1] ?? null };
  const funtouch = /Funtouch\s*OS[_\s]*(\d+(?:\.\d+)*)?/i.exec(display);
  if (funtouch)
    return { name: 'Funtouch OS', version: funtouch[1] ?? firstProp(props, ['ro.vivo.os.version']) };
  const osName = firstProp(props, ['ro.vivo.os.name']);
  if (osName && /funtouch/i.test(osName))
    return { name: 'Funtouch OS', version: firstProp(props, ['ro.vivo.os.version']) };
  if (osName && /origin/i.test(osName))
    return { name: 'OriginOS', version: firstProp(props, ['ro.vivo.os.version']) };
  return null;
}

function flyme(props: Props): RomInfo | null {
  for (const key of ['ro.build.display.id', 'ro.flyme.version.id']) {
    const m = /Flyme\s*(?:OS\s*)?(\d[\w.]*)/i.exec(props[key] ?? '');
    if (m) return { name: 'Flyme', version: m[1] as string };
  }
  const major = firstProp(props, ['ro.build.flyme.version', 'ro.flyme.version']);
  return major ? { name: 'Flyme', version: major } : null;
}

function oneUi(props: Props): RomInfo | null {
  const value = firstProp(props, ['ro.build.version.oneui']);
  if (!value) return null;
  if (!/^\d{5,6}$/.test(value)) return { name: 'One UI', version: value };
  // Encoded as MMmmpp: 60101 = 6.1.1, 80000 = 8.0.
  const n = Number(value);
  const major = Math.floor(n / 10000);
  const minor = Math.floor((n % 10000) / 100);
  const patch = n % 100;
  return { name: 'One UI', version: patch > 0 ? `${major}.${minor}.${patch}` : `${major}.${minor}` };
}

const DETECTORS: ReadonlyArray<(props: Props) => RomInfo | null> = [
  hyperOs,
  miui,
  harmonyOs,
  magic,
  emui,
  oplus,
  vivo,
  flyme,
  oneUi,
];

/** The ROM family and its version as the ROM states it; stock Android (with the Android version) otherwise. */
export function detectRom(props: Props, androidVersion: string | null): RomInfo {
  for (const detect of DETECTORS) {
    const rom = detect(props);
    if (rom) return rom;
  }
  return { name: 'Android', version: androidVersion };
}

/** "HyperOS 2.0.211.0" / "One UI" — the ROM as one display string. */
export function romLabel(rom: RomInfo): string {
  return rom.version ? `${rom.name} ${rom.version}` : rom.name;
}
