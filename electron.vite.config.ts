/**
 * electron-vite: main (ESM, runtime deps external) -> out/main, preload (one sandbox-safe
 * CommonJS file) -> out/preload, renderer (React) -> out/renderer. Building needs no Electron
 * binary.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './electron/main/security-policy';
import { cspMetaPlugin, sandboxedPreloadCheck, sourceImportMetaUrl } from './electron/scripts/vite-plugins';

const root = fileURLToPath(new URL('.', import.meta.url));

/** zod ships comments Rollup cannot place (it drops them harmlessly); keep the build log readable. */
const quietAnnotations: NonNullable<Rollup.RollupOptions['onwarn']> = (warning, warn) => {
  if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? ''))
    return;
  warn(warning);
};

export default defineConfig({
  main: {
    // The demo lab (loaded only with --demo) reads test fixtures next to its sources.
    plugins: [sourceImportMetaUrl(/\/(test\/virtual-lab|electron\/demo)\//)],
    build: {
      outDir: resolve(root, 'out/main'),
      // Every package.json dependency stays external and is loaded from node_modules at run time:
      // this keeps better-sqlite3 (native, unpacked from the asar), @devicefarmer/adbkit and
      // @devicefarmer/adbkit-apkreader (dynamic requires) out of the bundle.
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
      },
    },
  },
  preload: {
    plugins: [sandboxedPreloadCheck()],
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandboxed preloads cannot require node_modules: bundle everything except `electron`.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        onwarn: quietAnnotations,
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspMetaPlugin(contentSecurityPolicy({ delivery: 'meta' }))],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        onwarn: quietAnnotations,
      },
    },
  },
});
