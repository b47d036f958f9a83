import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cspMetaPlugin,
  cspMetaTag,
  findSandboxViolations,
  sourceImportMetaUrl,
  stripCspMeta,
} from '../../../electron/scripts/vite-plugins';
import { contentSecurityPolicy } from '../../../electron/main/security-policy';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

describe('sandboxed preload check', () => {
  const chunk = { fileName: 'index.cjs', isEntry: true, imports: ['electron'], dynamicImports: [] };

  it('accepts one CommonJS chunk that requires only electron', () => {
    expect(findSandboxViolations([chunk], 'cjs')).toEqual([]);
  });

  it('flags ESM output, split chunks, other requires and dynamic imports', () => {
    expect(findSandboxViolations([chunk], 'es')[0]).toMatch(/CommonJS/);
    expect(
      findSandboxViolations([chunk, { ...chunk, fileName: 'zod-1.cjs', isEntry: false }], 'cjs')[0],
    ).toMatch(/2 chunks/);
    expect(findSandboxViolations([{ ...chunk, imports: ['electron', 'node:fs', 'zod'] }], 'cjs')).toEqual([
      'index.cjs requires node:fs, zod; only "electron" is available in the sandbox',
    ]);
    expect(findSandboxViolations([{ ...chunk, dynamicImports: ['./x.cjs'] }], 'cjs')[0]).toMatch(
      /dynamic import/,
    );
  });
});

describe('CSP meta tag', () => {
  it('goes first into <head> and carries the meta variant of the policy', () => {
    const csp = contentSecurityPolicy({ delivery: 'meta' });
    expect(cspMetaTag(csp)).toEqual({
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: csp },
      injectTo: 'head-prepend',
    });
  });
});

describe('index.html CSP handling', () => {
  const page = [
    '<head>',
    '  <meta charset="UTF-8" />',
    '  <meta',
    '    http-equiv="Content-Security-Policy"',
    '    content="default-src *; script-src \'unsafe-inline\'"',
    '  />',
    "  <META HTTP-EQUIV='content-security-policy' CONTENT='x'>",
    '  <title>PushLab</title>',
    '</head>',
  ].join('\n');

  it('removes every CSP meta the page brought, in any case or layout, and nothing else', () => {
    const stripped = stripCspMeta(page);
    expect(stripped).not.toMatch(/content-security-policy/i);
    expect(stripped).toContain('<meta charset="UTF-8" />');
    expect(stripped).toContain('<title>PushLab</title>');
  });

  type Handler = (html: string, context: { server?: unknown }) => unknown;
  const handler = (cspMetaPlugin('CSP').transformIndexHtml as { handler: Handler }).handler;

  it('puts our policy in the build and leaves the dev server page without one', () => {
    expect(handler(page, {})).toEqual({ html: stripCspMeta(page), tags: [cspMetaTag('CSP')] });
    expect(handler(page, { server: {} })).toBe(stripCspMeta(page));
  });
});

describe('source import.meta.url', () => {
  type Transform = (code: string, id: string) => { code: string } | null;
  const transform = sourceImportMetaUrl(/\/test\/virtual-lab\//).transform as Transform;

  it('pins import.meta.url to the source file in matching modules only', () => {
    const id = path.join(root, 'test', 'virtual-lab', 'harness', 'profiles.ts');
    const code = "export const dir = new URL('../../fixtures/', import.meta.url);";
    const out = transform(code, id);
    expect(out?.code).toContain(JSON.stringify(pathToFileURL(id).href));
    expect(out?.code).not.toContain('import.meta.url');
    expect(transform(code, path.join(root, 'electron', 'lab', 'x.ts'))).toBeNull();
    expect(transform('export const x = 1;', id)).toBeNull();
  });
});

describe('electron-builder.yml', () => {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;

  it("matches electron-builder's schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, linux: { bogus: true } }, new DebugLogger(false)),
    ).rejects.toThrow();
  });

  it('packs the build, unpacks native modules and rebuilds them for Electron', () => {
    expect(config).toMatchObject({
      appId: 'dev.pushlab.app',
      productName: 'PushLab',
      npmRebuild: true,
      linux: { target: ['AppImage', 'deb'], category: 'Development' },
      mac: { target: 'dmg' },
      win: { target: 'nsis' },
    });
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3/**']),
    );
    // The built app, minus the demo lab (test code a packaged app never loads).
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', 'package.json', '!out/main/chunks/virtual-lab-controller-*.js']),
    );
  });

  it('flips the fuses that keep the app code in a verified asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
