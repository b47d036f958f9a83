/**
 * What the demo leaves on disk so `npx pushlab run --plan <dataDir>/demo-plan.json` works against
 * it from another shell: the plan, and (only when PUSHLAB_TENCENT_SECRET was not set) the
 * emulator's key in a file only this user can read. The key never goes to a log or the console.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteShellArg, shellCommand } from '../lab/adb/quote';

export const DEMO_PLAN_FILE = 'demo-plan.json';
/** The demo's "which link failed" plan, next to demo-plan.json. */
export const DEMO_DIAGNOSE_PLAN_FILE = 'demo-diagnose-plan.json';
const FCM_KEY_FILE = 'demo-fcm-service-account.json';
const SECRET_FILE = 'demo-tencent-secret';
const GENERATED = /^[0-9a-f]{48}$/;

/** Where the demo's emulator key came from; `file` holds it when the demo made it. */
export interface DemoSecret {
  readonly value: string;
  readonly file: string | null;
}

/**
 * The key in `envName`, or one kept in <dataDir>/demo-tencent-secret (made once, mode 0600), which
 * is then put in `env` for this process only, where the run engine reads it.
 */
export async function demoSecret(
  envName: string,
  env: NodeJS.ProcessEnv,
  dataDir: string | undefined,
): Promise<DemoSecret> {
  const given = env[envName];
  if (given) return { value: given, file: null };
  let value = randomBytes(24).toString('hex');
  let file: string | null = null;
  if (dataDir !== undefined) {
    file = join(dataDir, SECRET_FILE);
    const kept = await readFile(file, 'utf8').then(
      (text) => text.trim(),
      () => '',
    );
    if (GENERATED.test(kept)) value = kept;
    else {
      await mkdir(dataDir, { recursive: true });
      await writeFile(file, `${value}\n`, { mode: 0o600 });
    }
    await chmod(file, 0o600);
  }
  env[envName] = value;
  return { value, file };
}

/** Writes the plan as <dataDir>/demo-plan.json; returns its path. */
export async function writeDemoPlan(dataDir: string, plan: unknown): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, DEMO_PLAN_FILE);
  await writeFile(path, `${JSON.stringify(plan, null, 2)}\n`);
  return path;
}

/**
 * Writes <dataDir>/demo-diagnose-plan.json with the FCM key and the vendor emulators' secrets in files
 * only this user can read (the plan names the file, never the key); returns the plan's path.
 */
export async function writeDemoDiagnosePlan(
  dataDir: string,
  plan: { readonly diagnose?: { readonly vendors: readonly { readonly kind: string }[] } },
  fcmServiceAccountJson: string,
  /** The vendor emulators' secrets by env name (world.vendors.env): each goes to its own 0600 file. */
  vendorSecrets: Readonly<Record<string, string>> = {},
): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const keyFile = join(dataDir, FCM_KEY_FILE);
  await writeSecretFile(keyFile, fcmServiceAccountJson);
  const vendors = [];
  for (const vendor of plan.diagnose?.vendors ?? []) {
    if (vendor.kind === 'fcm') {
      vendors.push({ ...vendor, serviceAccount: { file: keyFile } });
      continue;
    }
    // A secret given by env reference ({ env }) that the demo holds is written to a file instead.
    const byFile: Record<string, unknown> = { ...vendor };
    for (const [field, value] of Object.entries(vendor)) {
      const env = (value as { env?: unknown } | null)?.env;
      if (typeof env !== 'string' || !Object.hasOwn(vendorSecrets, env)) continue;
      const file = join(dataDir, `demo-${vendor.kind}-${field}`);
      await writeSecretFile(file, vendorSecrets[env] ?? '');
      byFile[field] = { file };
    }
    vendors.push(byFile);
  }
  const path = join(dataDir, DEMO_DIAGNOSE_PLAN_FILE);
  await writeFile(path, `${JSON.stringify({ ...plan, diagnose: { vendors } }, null, 2)}\n`);
  return path;
}

async function writeSecretFile(file: string, value: string): Promise<void> {
  await writeFile(file, value, { mode: 0o600 });
  await chmod(file, 0o600);
}

export interface DemoPlanLinesInput {
  readonly planPath: string;
  /** The demo's data folder: the printed command writes its run there too. */
  readonly dataDir: string;
  readonly adbPort: number;
  readonly envName: string;
  readonly secret: DemoSecret;
  readonly emulatorUrl: string;
  /** The diagnose plan written next to it, when the demo has phones a direct sender reaches. */
  readonly diagnosePlanPath?: string | null;
}

/** What to tell the person running the demo (paths and variable names, never the key). */
export function demoPlanLines(input: DemoPlanLinesInput): string[] {
  // --data-dir: the run lands in the demo's own database, so the app shows it as it runs.
  const command = shellCommand(
    'npx pushlab run --plan',
    input.planPath,
    '--adb-port',
    input.adbPort,
    '--data-dir',
    input.dataDir,
  );
  const lines = [
    `Demo run plan: ${input.planPath} (Tencent emulator at ${input.emulatorUrl})`,
    `  run it: ${command}`,
  ];
  lines.push(
    input.secret.file === null
      ? `  the emulator key is ${input.envName} as set for this demo: set the same value in the shell that runs the plan`
      : `  the plan reads the emulator key from ${quoteShellArg(input.secret.file)} (only you can read it)`,
  );
  if (input.diagnosePlanPath != null) {
    const diagnose = shellCommand(
      'npx pushlab run --plan',
      input.diagnosePlanPath,
      '--adb-port',
      input.adbPort,
      '--data-dir',
      input.dataDir,
    );
    lines.push(`Which link failed (diagnose): ${diagnose}`);
  }
  return lines;
}
