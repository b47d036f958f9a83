/** Types for start-plan.mjs (plain JS so `node` runs it without a build step). */
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(input: {
  electronDir: string | null;
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  readText: (file: string) => string | null;
}): ElectronBinary;

export function missingElectronMessage(reason: string, demo: boolean): string;

export type StartPlan =
  | { kind: 'electron'; mode: 'dev' | 'preview'; demo: boolean; env: Record<string, string> }
  | { kind: 'web'; demo: boolean; webArgs: string[]; message: string };

export function planStart(input: {
  argv: readonly string[];
  binary: { found: boolean; path?: string; reason?: string };
}): StartPlan;
