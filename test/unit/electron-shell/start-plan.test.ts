import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findElectronBinary,
  missingElectronMessage,
  planStart,
} from '../../../electron/scripts/start-plan.mjs';

const electronDir = path.join('/repo', 'node_modules', 'electron');
const fs = (files: Record<string, string>) => ({
  exists: (file: string) => file in files,
  readText: (file: string) => files[file] ?? null,
});

describe('findElectronBinary', () => {
  it('finds the binary named by path.txt under dist/', () => {
    const bin = path.join(electronDir, 'dist', 'electron');
    const result = findElectronBinary({
      electronDir,
      env: {},
      ...fs({ [path.join(electronDir, 'path.txt')]: 'electron', [bin]: '' }),
    });
    expect(result).toEqual({ found: true, path: bin });
  });

  it('reports a never-downloaded binary (no path.txt), as on a machine without the download host', () => {
    const result = findElectronBinary({ electronDir, env: {}, ...fs({}) });
    expect(result.found).toBe(false);
    if (!result.found) expect(result.reason).toMatch(/never downloaded/);
  });

  it('reports a path.txt whose binary is gone', () => {
    const result = findElectronBinary({
      electronDir,
      env: {},
      ...fs({ [path.join(electronDir, 'path.txt')]: 'electron\n' }),
    });
    expect(result).toMatchObject({ found: false, reason: expect.stringContaining('missing') });
  });

  it('honours ELECTRON_EXEC_PATH and ELECTRON_OVERRIDE_DIST_PATH, checking they exist', () => {
    expect(
      findElectronBinary({
        electronDir,
        env: { ELECTRON_EXEC_PATH: '/opt/e/electron' },
        ...fs({ '/opt/e/electron': '' }),
      }),
    ).toEqual({
      found: true,
      path: '/opt/e/electron',
    });
    expect(findElectronBinary({ electronDir, env: { ELECTRON_EXEC_PATH: '/nope' }, ...fs({}) }).found).toBe(
      false,
    );
    const override = path.join('/opt/dist', 'electron');
    expect(
      findElectronBinary({
        electronDir,
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/dist' },
        ...fs({ [override]: '' }),
      }),
    ).toEqual({
      found: true,
      path: override,
    });
  });

  it('reports a missing electron package', () => {
    expect(findElectronBinary({ electronDir: null, env: {}, ...fs({}) })).toMatchObject({ found: false });
  });
});

describe('planStart', () => {
  it('runs the production build in Electron, dev mode on --dev, demo through PUSHLAB_DEMO', () => {
    const binary = { found: true, path: '/x/electron' };
    expect(planStart({ argv: [], binary })).toEqual({
      kind: 'electron',
      mode: 'preview',
      demo: false,
      env: {},
    });
    expect(planStart({ argv: ['--demo', '--dev'], binary })).toEqual({
      kind: 'electron',
      mode: 'dev',
      demo: true,
      env: { PUSHLAB_DEMO: '1' },
    });
  });

  it('falls back to the web UI with an explanation when the binary is missing', () => {
    const binary = { found: false, reason: 'the Electron binary was never downloaded' };
    const plan = planStart({ argv: ['--demo'], binary });
    expect(plan).toMatchObject({
      kind: 'web',
      demo: true,
      webArgs: ['run', 'web', '--', '--demo', '--open'],
    });
    if (plan.kind === 'web') {
      expect(plan.message).toContain('never downloaded');
      expect(plan.message).toContain('npx install-electron');
      expect(plan.message).toContain('npm run web -- --demo --open');
      expect(plan.message).toContain('otherwise says so and prints the address');
    }
    expect(planStart({ argv: [], binary })).toMatchObject({
      kind: 'web',
      webArgs: ['run', 'web', '--', '--open'],
    });
  });

  it('words the message for plain starts too', () => {
    expect(missingElectronMessage('x', false)).toContain('`npm run web -- --open`');
  });
});
