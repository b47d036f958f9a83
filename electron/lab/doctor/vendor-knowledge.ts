/**
 * Vendor knowledge from resources/vendor-settings/*.json: per ROM family and version range, where
 * the settings adb cannot read live (message keys of the i18n catalog, so both languages come
 * with it), the screens that open them, and each channel's message-class and quota hints. Read
 * at runtime, validated once, cached.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  PUSH_CHANNELS,
  ROM_NAMES,
  type PushChannel,
  type RomInfo,
  type RomName,
} from '../../../shared/domain/device';
import { isMessageKey } from '../../../shared/i18n';
import { assertComponent } from '../android/commands/doctor/open-activity';
import { LabError } from '../errors';

/** Kinds of settings a ROM may keep outside what adb can read. */
export const PATH_KINDS = [
  'autostart',
  'appLaunch',
  'background',
  'deepSleep',
  'notifications',
  'lockScreen',
] as const;
export type PathKind = (typeof PATH_KINDS)[number];

const messageKey = z
  .string()
  .refine(isMessageKey, { message: 'not a message key in shared/i18n (add it to doctor-checks.*.ts)' });
const component = z.string().refine(
  (value) => {
    try {
      assertComponent(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a "<package>/<activity class>" component' },
);
const sources = z.array(z.string().url()).min(1);

const entrySchema = z
  .object({
    roms: z.array(z.enum(ROM_NAMES)).min(1),
    /** Inclusive major-version bounds; absent = open. */
    minMajor: z.number().int().nonnegative().optional(),
    maxMajor: z.number().int().nonnegative().optional(),
    paths: z
      .object({
        autostart: messageKey.optional(),
        appLaunch: messageKey.optional(),
        background: messageKey.optional(),
        deepSleep: messageKey.optional(),
        notifications: messageKey.optional(),
        lockScreen: messageKey.optional(),
      })
      .strict(),
    /** Screens for "open autostart settings", tried in order. */
    activities: z
      .array(
        z
          .object({
            component,
            packageExtra: z
              .string()
              .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/)
              .optional(),
          })
          .strict(),
      )
      .default([]),
    sources,
  })
  .strict()
  .refine((e) => e.minMajor === undefined || e.maxMajor === undefined || e.minMajor <= e.maxMajor, {
    message: 'minMajor > maxMajor',
  });

const familySchema = z
  .object({ family: z.string().min(1), description: z.string().min(1), entries: z.array(entrySchema).min(1) })
  .strict();

const hintSchema = z
  .object({ channel: z.enum(PUSH_CHANNELS), advice: messageKey, where: messageKey.optional(), sources })
  .strict();
const hintsSchema = z.object({ description: z.string().min(1), hints: z.array(hintSchema).min(1) }).strict();

export type VendorEntry = z.infer<typeof entrySchema>;
export type PushHint = z.infer<typeof hintSchema>;

export interface VendorKnowledge {
  readonly families: ReadonlyArray<{
    readonly file: string;
    readonly family: string;
    readonly entries: readonly VendorEntry[];
  }>;
  readonly hints: readonly PushHint[];
}

export const HINTS_FILE = 'push-hints.json';
const DIR = path.join('resources', 'vendor-settings');

/**
 * Where resources/vendor-settings is: beside the module in the source tree (or a few levels up
 * once bundled into out/), in Electron's resources folder when packaged, else under the cwd.
 */
export function resolveVendorSettingsDir(): string {
  const candidates: string[] = [];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, DIR));
    dir = path.dirname(dir);
  }
  const resourcesPath = (process as { resourcesPath?: unknown }).resourcesPath;
  if (typeof resourcesPath === 'string') candidates.push(path.join(resourcesPath, 'vendor-settings'));
  candidates.push(path.join(process.cwd(), DIR));
  const found = candidates.find((c) => existsSync(c) && statSync(c).isDirectory());
  if (!found) {
    throw new LabError('INTERNAL', 'The vendor settings knowledge (resources/vendor-settings) is missing.', {
      hint: 'Reinstall PushLab, or run it from the repository folder.',
      zh: {
        message: '缺少厂商设置知识库（resources/vendor-settings）。',
        hint: '请重新安装 PushLab，或在代码仓库文件夹中运行它。',
      },
      detail: candidates.join('\n'),
    });
  }
  return found;
}

function parseFile<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  } catch (error) {
    throw new LabError('INTERNAL', `resources/vendor-settings/${file} is not valid JSON.`, {
      detail: String(error),
      zh: { message: `resources/vendor-settings/${file} 不是有效的 JSON。` },
    });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new LabError('INTERNAL', `resources/vendor-settings/${file} does not match its schema.`, {
      detail: issues,
      zh: { message: `resources/vendor-settings/${file} 不符合它的 schema。` },
    });
  }
  return result.data;
}

/** Reads and validates every file of a vendor-settings folder. */
export function readVendorKnowledge(dir: string): VendorKnowledge {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (!files.includes(HINTS_FILE)) {
    throw new LabError('INTERNAL', `resources/vendor-settings/${HINTS_FILE} is missing.`, {
      zh: { message: `缺少 resources/vendor-settings/${HINTS_FILE}。` },
    });
  }
  const families = files
    .filter((f) => f !== HINTS_FILE)
    .map((file) => ({ file, ...parseFile(dir, file, familySchema) }));
  return { families, hints: parseFile(dir, HINTS_FILE, hintsSchema).hints };
}

let cached: VendorKnowledge | null = null;

/** The knowledge shipped with PushLab (read once). */
export function loadVendorKnowledge(): VendorKnowledge {
  cached ??= readVendorKnowledge(resolveVendorSettingsDir());
  return cached;
}

/** The major version number of a ROM ("V12.5.6.0" -> 12; MIUI's bare "V125" -> 12), or null. */
export function romMajor(rom: RomInfo): number | null {
  const m = /(\d+)/.exec(rom.version ?? '');
  if (!m) return null;
  const n = Number(m[1]);
  // ro.miui.ui.version.name alone says V125 / V130 for 12.5 / 13.
  if (rom.name === 'MIUI' && n >= 100 && !/\./.test(rom.version ?? '')) return Math.floor(n / 10);
  return n;
}

/**
 * The entry for a ROM and version: the first whose range holds the major version. With the
 * version unknown, the ROM's last (newest) entry is used; advice says the version was unknown.
 */
export function vendorEntryFor(knowledge: VendorKnowledge, rom: RomInfo): VendorEntry | null {
  const name = rom.name;
  // No vendor knowledge for iOS: its settings are Apple's, the same on every device.
  if (name === 'iOS') return null;
  const entries = knowledge.families.flatMap((f) => f.entries).filter((e) => e.roms.includes(name));
  if (entries.length === 0) return null;
  const major = romMajor(rom);
  if (major === null) return entries[entries.length - 1] ?? null;
  return (
    entries.find((e) => (e.minMajor ?? 0) <= major && major <= (e.maxMajor ?? Number.MAX_SAFE_INTEGER)) ??
    null
  );
}

/** The message-class / quota hint of a push channel, if the seeds give one. */
export function pushHintFor(knowledge: VendorKnowledge, channel: PushChannel): PushHint | null {
  return knowledge.hints.find((h) => h.channel === channel) ?? null;
}

/** ROM names with vendor knowledge (stock Android has none). */
export function coveredRoms(knowledge: VendorKnowledge): Set<RomName> {
  return new Set(knowledge.families.flatMap((f) => f.entries.flatMap((e) => e.roms)));
}
