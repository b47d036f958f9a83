/**
 * Proves the layer rules in eslint.config.js can fail: snippets linted at virtual paths must
 * trip the rule for their layer, and the allowed variant must stay clean.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const configFile = path.join(root, 'eslint.config.js');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: configFile });
});

interface Finding {
  readonly rule: string | null;
  readonly message: string;
}

async function lint(filePath: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const rules = (findings: Finding[]): (string | null)[] => findings.map((f) => f.rule);

/** Any file under a folder, to import from a snippet (path-based rules need a real target). */
async function someFileUnder(dir: string): Promise<string | null> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  const hit = entries.find((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts'));
  return hit ? path.relative(root, path.join(hit.parentPath, hit.name)).replace(/\.(ts|tsx)$/, '') : null;
}

const relativeImport = (from: string, target: string): string => {
  const rel = path.relative(path.dirname(from), target).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

describe('electron stays in main and preload', { timeout: 60_000 }, () => {
  const snippet = "import { app } from 'electron';\nexport const name = app.getName();\n";

  it.each([
    'electron/lab/x.ts',
    'shared/x.ts',
    'renderer/src/x.ts',
    'electron/web/x.ts',
    'electron/cli/x.ts',
    'test/unit/x.test.ts',
  ])('is refused in %s', async (file) => {
    const findings = await lint(file, snippet);
    expect(rules(findings)).toContain('no-restricted-imports');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/electron\/main|only \(zod|shared\/\*\*|Node/);
  });

  it.each(['electron/main/x.ts', 'electron/preload/x.ts'])('is allowed in %s', async (file) => {
    expect(await lint(file, snippet)).toEqual([]);
  });

  it('catches dynamic import and require of electron outside them', async () => {
    expect(rules(await lint('electron/cli/x.ts', "export const e = import('electron');\n"))).toContain(
      'no-restricted-syntax',
    );
    expect(rules(await lint('electron/scripts/x.mjs', "export const e = require('electron');\n"))).toContain(
      'no-restricted-syntax',
    );
  });
});

describe('ipc objects stay in their one file', { timeout: 60_000 }, () => {
  it('allows ipcMain only in electron/main/ipc.ts', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const h = ipcMain;\n";
    expect(await lint('electron/main/ipc.ts', code)).toEqual([]);
    const elsewhere = await lint('electron/main/window.ts', code);
    expect(rules(elsewhere)).toContain('no-restricted-imports');
    expect(elsewhere[0]?.message).toMatch(/only in electron\/main\/ipc\.ts/);
    expect(rules(await lint('electron/preload/x.ts', code))).toContain('no-restricted-imports');
  });

  it('catches ipcMain reached through a namespace', async () => {
    const code = "import * as electron from 'electron';\nexport const h = electron.ipcMain;\n";
    expect(rules(await lint('electron/main/window.ts', code))).toEqual(
      expect.arrayContaining(['no-restricted-imports', 'no-restricted-properties']),
    );
  });

  it('allows ipcRenderer and contextBridge only in the preload', async () => {
    const code =
      "import { contextBridge, ipcRenderer } from 'electron';\nexport const x = [contextBridge, ipcRenderer];\n";
    expect(await lint('electron/preload/x.ts', code)).toEqual([]);
    expect(rules(await lint('electron/main/ipc.ts', code))).toContain('no-restricted-imports');
    expect(rules(await lint('electron/main/x.ts', code))).toContain('no-restricted-imports');
    expect(rules(await lint('renderer/src/x.ts', 'export const r = window.ipcRenderer;\n'))).toContain(
      'no-restricted-properties',
    );
  });

  it('keeps Node built-ins out of the sandboxed preload', async () => {
    const findings = await lint(
      'electron/preload/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    );
    expect(rules(findings)).toContain('no-restricted-imports');
    expect(findings[0]?.message).toMatch(/sandboxed/);
  });
});

describe('the core stays shell-agnostic', { timeout: 60_000 }, () => {
  const file = 'electron/lab/devices/x.ts';

  it('refuses react and the shells', async () => {
    expect(
      rules(await lint(file, "import { useState } from 'react';\nexport const s = useState;\n")),
    ).toContain('no-restricted-imports');
    const shell = await lint(
      file,
      `import { wireIpc } from '${relativeImport(file, 'electron/main/ipc')}';\nexport const w = wireIpc;\n`,
    );
    expect(rules(shell)).toContain('import-x/no-restricted-paths');
    expect(shell[0]?.message).toMatch(/LabCore/);
    const preload = await lint(
      file,
      `import { createBridge } from '${relativeImport(file, 'electron/preload/bridge')}';\nexport const b = createBridge;\n`,
    );
    expect(rules(preload)).toContain('import-x/no-restricted-paths');
  });

  it('refuses tests, even type-only', async () => {
    const target = relativeImport(file, 'test/unit/electron-shell/ipc-dispatch.test');
    expect(rules(await lint(file, `import type {} from '${target}';\nexport {};\n`))).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('refuses the renderer', async (ctx) => {
    const target = await someFileUnder('renderer');
    if (!target) return ctx.skip();
    const findings = await lint(
      file,
      `import * as r from '${relativeImport(file, target)}';\nexport const x = r;\n`,
    );
    expect(rules(findings)).toContain('import-x/no-restricted-paths');
  });

  it('may import itself and shared/', async () => {
    const code = [
      `import type { LabCore } from '${relativeImport(file, 'electron/lab/api')}';`,
      `import { LabError } from '${relativeImport(file, 'electron/lab/errors')}';`,
      `import { IPC_INVOKE } from '${relativeImport(file, 'shared/ipc')}';`,
      'export const x: [LabCore | null, typeof LabError, string] = [null, LabError, IPC_INVOKE];',
      '',
    ].join('\n');
    expect(await lint(file, code)).toEqual([]);
  });
});

describe(
  'rooms inside the core: parsers, device commands, store; the CLI through the API',
  { timeout: 60_000 },
  () => {
    const refusedBy = async (file: string, code: string): Promise<(string | null)[]> =>
      rules(await lint(file, code));

    it('keeps side effects out of parsers: no Node built-ins (types are fine), transport, store, service', async () => {
      for (const file of [
        'electron/lab/android/parsers/x.ts',
        'electron/lab/ios/parsers/x.ts',
        'electron/lab/ios/plist/x.ts',
        'electron/lab/apk/manifest.ts',
      ]) {
        const spawn = await lint(
          file,
          "import { spawn } from 'node:child_process';\nexport const s = spawn;\n",
        );
        expect(rules(spawn), file).toContain('@typescript-eslint/no-restricted-imports');
        expect(spawn.map((f) => f.message).join('\n')).toMatch(/Parsers are pure/);
        expect(
          await refusedBy(file, "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n"),
        ).toContain('@typescript-eslint/no-restricted-imports');
        for (const target of [
          'electron/lab/adb/adb-gateway',
          'electron/lab/store/db',
          'electron/lab/runs/engine/run-service',
        ]) {
          const code = `import * as m from '${relativeImport(file, target)}';\nexport const x = m;\n`;
          expect(await refusedBy(file, code), `${file} -> ${target}`).toContain(
            'import-x/no-restricted-paths',
          );
        }
      }
      const file = 'electron/lab/android/parsers/x.ts';
      const allowed = [
        "import type { Buffer } from 'node:buffer';",
        `import { decodeDeviceText } from '${relativeImport(file, 'electron/lab/android/parsers/decode')}';`,
        `import { LabError } from '${relativeImport(file, 'electron/lab/errors')}';`,
        `import type { DeviceView } from '${relativeImport(file, 'shared/domain/device')}';`,
        'export const x: [Buffer | null, typeof decodeDeviceText, typeof LabError, DeviceView | null] =',
        '  [null, decodeDeviceText, LabError, null];',
        '',
      ].join('\n');
      expect(await lint(file, allowed)).toEqual([]);
    });

    it('lets device commands import only the transport, quoting, refusal, timeout, errors and parsers', async () => {
      const file = 'electron/lab/android/commands/x.ts';
      for (const target of [
        'electron/lab/adb/adb-gateway',
        'electron/lab/adb/adbkit-device-io',
        'electron/lab/store/db',
        'electron/lab/doctor/doctor-service',
        'electron/lab/evidence/evidence-store',
      ]) {
        const found = await lint(
          file,
          `import * as m from '${relativeImport(file, target)}';\nexport const x = m;\n`,
        );
        expect(rules(found), target).toContain('import-x/no-restricted-paths');
        expect(found.map((f) => f.message).join('\n')).toMatch(/one verb over the transport/);
      }
      expect(
        await refusedBy(file, "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n"),
      ).toContain('@typescript-eslint/no-restricted-imports');
      const allowed = [
        `import type { AdbDeviceIo } from '${relativeImport(file, 'electron/lab/adb/device-io')}';`,
        `import { quoteShellArg } from '${relativeImport(file, 'electron/lab/adb/quote')}';`,
        `import { LabError } from '${relativeImport(file, 'electron/lab/errors')}';`,
        `import { decodeDeviceText } from '${relativeImport(file, 'electron/lab/android/parsers/decode')}';`,
        'export const x: [AdbDeviceIo | null, unknown, typeof LabError, typeof decodeDeviceText] =',
        '  [null, quoteShellArg, LabError, decodeDeviceText];',
        '',
      ].join('\n');
      expect(await lint(file, allowed)).toEqual([]);

      const ios = 'electron/lab/ios/commands/x.ts';
      const runner = relativeImport(ios, 'electron/lab/ios/simctl/runner');
      const value = await lint(
        ios,
        `import { SimctlRunner } from '${runner}';\nexport const r = new SimctlRunner('x', {});\n`,
      );
      expect(rules(value)).toContain('@typescript-eslint/no-restricted-imports');
      expect(value.map((f) => f.message).join('\n')).toMatch(/as a type only/);
      const typeOnly = [
        `import type { SimctlRunner } from '${runner}';`,
        `import { SimctlError } from '${relativeImport(ios, 'electron/lab/ios/simctl/simctl-error')}';`,
        'export const x: [SimctlRunner | null, typeof SimctlError] = [null, SimctlError];',
        '',
      ].join('\n');
      expect(await lint(ios, typeOnly)).toEqual([]);
      expect(
        await refusedBy(
          ios,
          `import * as m from '${relativeImport(ios, 'electron/lab/ios/simulator-registry')}';\nexport const x = m;\n`,
        ),
      ).toContain('import-x/no-restricted-paths');
    });

    it('keeps services out of the store', async () => {
      const file = 'electron/lab/store/x.ts';
      for (const target of [
        'electron/lab/runs/engine/run-service',
        'electron/lab/doctor/doctor-service',
        'electron/lab/devices/device-registry',
        'electron/lab/install/install-service',
        'electron/lab/push/index',
      ]) {
        const found = await lint(
          file,
          `import type * as m from '${relativeImport(file, target)}';\nexport type X = typeof m;\n`,
        );
        expect(rules(found), target).toContain('import-x/no-restricted-paths');
        expect(found.map((f) => f.message).join('\n')).toMatch(/never a service/);
      }
      const allowed = [
        `import { LabError } from '${relativeImport(file, 'electron/lab/errors')}';`,
        `import { phraseEn } from '${relativeImport(file, 'electron/lab/util/phrase')}';`,
        `import { guarded } from '${relativeImport(file, 'electron/lab/store/storage-guard')}';`,
        "import type { Database } from 'better-sqlite3';",
        'export const x: [typeof LabError, unknown, unknown, Database | null] = [LabError, phraseEn, guarded, null];',
        '',
      ].join('\n');
      expect(await lint(file, allowed)).toEqual([]);
    });

    it('keeps the CLI off core.services', async () => {
      const file = 'electron/cli/commands/x.ts';
      const found = await lint(
        file,
        'export const f = (core: { services: unknown }): unknown => core.services;\n',
      );
      expect(rules(found)).toContain('no-restricted-properties');
      expect(found.map((f) => f.message).join('\n')).toMatch(/cli-api\.ts/);
      expect(await lint(file, 'export const f = (core: { cli: unknown }): unknown => core.cli;\n')).toEqual(
        [],
      );
    });
  },
);

describe('shared and renderer boundaries', { timeout: 60_000 }, () => {
  it('lets shared/ import only shared/ and zod', async () => {
    expect(
      await lint(
        'shared/x.ts',
        "import { z } from 'zod';\nimport type { Result } from './result';\nexport const s = z.string();\nexport type R = Result<string>;\n",
      ),
    ).toEqual([]);
    expect(
      rules(await lint('shared/x.ts', "import path from 'node:path';\nexport const p = path;\n")),
    ).toContain('no-restricted-imports');
    expect(
      rules(await lint('shared/x.ts', "import { create } from 'zustand';\nexport const c = create;\n")),
    ).toContain('no-restricted-imports');
    expect(
      rules(
        await lint(
          'shared/x.ts',
          "import { LabError } from '../electron/lab/errors';\nexport const e = LabError;\n",
        ),
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('keeps Node, electron/** and test/** out of the renderer (types included)', async () => {
    const file = 'renderer/src/devices/x.ts';
    for (const code of [
      "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n",
      "import { readFile } from 'fs';\nexport const r = readFile;\n",
      "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;\n",
    ]) {
      expect(rules(await lint(file, code)), code).toContain('no-restricted-imports');
    }
    const typeOnly = await lint(
      file,
      `import type { LabCore } from '${relativeImport(file, 'electron/lab/api')}';\nexport type C = LabCore;\n`,
    );
    expect(rules(typeOnly)).toContain('import-x/no-restricted-paths');
    expect(
      await lint(
        file,
        `import type { PushLabBridge } from '${relativeImport(file, 'shared/ipc')}';\nexport type B = PushLabBridge;\n`,
      ),
    ).toEqual([]);
  });
});

describe('code hygiene rules', { timeout: 60_000 }, () => {
  it('refuses raw HTML in the renderer', async () => {
    const jsx =
      'export const A = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n';
    const findings = await lint('renderer/src/x.tsx', jsx);
    expect(rules(findings)).toContain('no-restricted-syntax');
    expect(findings[0]?.message).toMatch(/injection/);
    expect(
      rules(
        await lint(
          'renderer/src/x.ts',
          'export const f = (el: HTMLElement, s: string) => { el.innerHTML = s; };\n',
        ),
      ),
    ).toContain('no-restricted-syntax');
    expect(
      await lint(
        'renderer/src/x.tsx',
        'export const A = ({ text }: { text: string }) => <div>{text}</div>;\n',
      ),
    ).toEqual([]);
  });

  it('refuses eval and new Function everywhere', async () => {
    expect(
      rules(await lint('electron/lab/x.ts', 'export const f = (s: string): unknown => eval(s);\n')),
    ).toContain('no-eval');
    expect(
      rules(await lint('test/unit/x.test.ts', "export const f = new Function('return 1');\n")),
    ).toContain('no-new-func');
  });

  it('refuses default exports in electron/, shared/ and renderer/src, not in config files or tests', async () => {
    for (const file of ['electron/lab/x.ts', 'shared/x.ts', 'renderer/src/x.tsx', 'electron/main/x.ts']) {
      expect(rules(await lint(file, 'export default 1;\n')), file).toContain('import-x/no-default-export');
    }
    expect(rules(await lint('renderer/src/x.config.ts', 'export default 1;\n'))).not.toContain(
      'import-x/no-default-export',
    );
    expect(rules(await lint('test/unit/x.test.ts', 'export default 1;\n'))).not.toContain(
      'import-x/no-default-export',
    );
  });

  it('asks for type-only imports where only types are used', async () => {
    const findings = await lint(
      'electron/lab/x.ts',
      "import { LabError } from './errors';\nexport type E = LabError;\n",
    );
    expect(rules(findings)).toContain('@typescript-eslint/consistent-type-imports');
  });
});

describe('no import cycles', { timeout: 60_000 }, () => {
  let dir: string;
  let cycleLint: ESLint;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pushlab-lint-'));
    await mkdir(path.join(dir, 'electron', 'lab'), { recursive: true });
    await mkdir(path.join(dir, 'shared'), { recursive: true });
    await writeFile(
      path.join(dir, 'electron/lab/a.ts'),
      "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
    );
    await writeFile(
      path.join(dir, 'electron/lab/b.ts'),
      "import { a } from './a';\nexport const b = (): number => a() - 1;\n",
    );
    await writeFile(
      path.join(dir, 'electron/lab/c.ts'),
      "import { d } from '../../shared/d';\nexport const c = d;\n",
    );
    await writeFile(path.join(dir, 'shared/d.ts'), 'export const d = 1;\n');
    cycleLint = new ESLint({ cwd: dir, overrideConfigFile: configFile });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a cycle between two modules, and not a one-way import', async () => {
    const results = await cycleLint.lintFiles(['electron/lab/a.ts', 'electron/lab/c.ts']);
    const byFile = Object.fromEntries(
      results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]),
    );
    expect(byFile['a.ts']).toContain('import-x/no-cycle');
    expect(byFile['c.ts']).toEqual([]);
  });
});

describe(
  'the engine and device services reach devices only through DevicePlatform',
  { timeout: 60_000 },
  () => {
    const seam = /only through DevicePlatform/;
    const importOf = (from: string, target: string): string =>
      `import * as m from '${relativeImport(from, target)}';\nexport const x = m;\n`;

    it.each([
      ['electron/lab/runs/engine/x.ts', 'electron/lab/android/run/phone-runner'],
      ['electron/lab/runs/engine/x.ts', 'electron/lab/ios/run/simulator-runner'],
      ['electron/lab/devices/x.ts', 'electron/lab/android/adb-devices'],
      ['electron/lab/install/x.ts', 'electron/lab/ios/commands/install-app'],
      ['electron/lab/doctor/doctor-service.ts', 'electron/lab/ios/doctor/simulator-doctor'],
      ['electron/lab/handlers.ts', 'electron/lab/ios/simulator-actions'],
      ['electron/lab/handlers.ts', 'electron/lab/ios/simulator-registry'],
      ['electron/lab/handlers.ts', 'electron/lab/android/run/phone-runner'],
      ['electron/lab/handlers.ts', 'electron/lab/android/commands/doctor/read-app-ops'],
      ['electron/lab/handlers.ts', 'electron/lab/android/commands/take-screenshot'],
      ['electron/lab/handlers.ts', 'electron/lab/ios/simulator-screenshot'],
    ])('refuses a planted import in %s of %s', async (file, target) => {
      const findings = await lint(file, importOf(file, target));
      expect(rules(findings)).toContain('import-x/no-restricted-paths');
      expect(findings.map((f) => f.message).join('\n')).toMatch(seam);
    });

    it('allows the interface, and keeps the core zone for those files', async () => {
      const file = 'electron/lab/runs/engine/x.ts';
      expect(await lint(file, importOf(file, 'electron/lab/platform/device-platform'))).toEqual([]);
      const shell = await someFileUnder('electron/cli');
      expect(shell).not.toBeNull();
      const findings = await lint(file, importOf(file, shell!));
      expect(findings.map((f) => f.message).join('\n')).toMatch(/must not depend on a shell/);
    });

    it("lets handlers.ts take the platforms' own channels and screenshots from the interface", async () => {
      const file = 'electron/lab/handlers.ts';
      expect(await lint(file, importOf(file, 'electron/lab/platform/device-platform'))).toEqual([]);
    });

    it('lets the platform folders and the rest of the doctor use Android and iOS code', async () => {
      for (const [file, target] of [
        ['electron/lab/android/android-platform.ts', 'electron/lab/android/run/phone-runner'],
        ['electron/lab/platform/run-planning.ts', 'electron/lab/ios/ios-platform'],
        ['electron/lab/doctor/facts.ts', 'electron/lab/android/commands/doctor/read-app-ops'],
      ] as const) {
        expect(await lint(file, importOf(file, target)), file).toEqual([]);
      }
    });
  },
);
