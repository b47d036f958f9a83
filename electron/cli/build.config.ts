/**
 * Builds the `pushlab` command into out/cli (plain ESM JavaScript, one chunk per command, every
 * package dependency loaded from node_modules at run time), so the command starts without
 * compiling TypeScript. Run by `npm run build` and `npm run build:cli`.
 *
 * out/cli/sources.json lists every source file of the bundle with its size and mtime: the
 * `pushlab` wrapper runs the bundle only while they match, else the TypeScript sources (tsx),
 * so a stale build never runs after a checkout or an edit.
 */
import { builtinModules } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = resolve(root, 'out/cli');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
/**
 * Pure-JS packages made of many small modules are bundled in: loading zod's ~100 files, or
 * adbkit's ~150 CommonJS files (with bluebird and debug), one by one costs more start time than
 * everything else together. Native packages (better-sqlite3) stay in node_modules. Bundled adbkit
 * gets a lazy node-forge (lazy-node-forge.mjs): it needs it only for features no command uses.
 */
const BUNDLED = new Set(['zod', 'jose', '@devicefarmer/adbkit']);
const isExternal = (id: string): boolean =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  packages.some((p) => !BUNDLED.has(p) && (id === p || id.startsWith(`${p}/`)));

/** Writes out/cli/sources.json: the project files the bundle was built from, with size and mtime. */
function sourceStamp(): Plugin {
  return {
    name: 'pushlab-cli-source-stamp',
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => !id.startsWith('\0') && id.startsWith(root) && !id.includes('/node_modules/'))
        .map((id) => {
          const stat = statSync(id);
          return {
            file: relative(root, id).split('\\').join('/'),
            size: stat.size,
            mtimeMs: Math.trunc(stat.mtimeMs),
          };
        })
        .sort((a, b) => a.file.localeCompare(b.file));
      this.emitFile({ type: 'asset', fileName: 'sources.json', source: JSON.stringify({ files }, null, 1) });
    },
  };
}

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [sourceStamp()],
  // Everything Vite finds is bundled unless `isExternal` (rollupOptions) keeps it out: so the
  // packages a bundled one depends on (adbkit's bluebird, debug) are bundled with it.
  ssr: { noExternal: [/.*/] },
  resolve: { alias: { 'node-forge': resolve(root, 'electron/cli/lazy-node-forge.mjs') } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { main: resolve(root, 'electron/cli/main.ts') },
      external: isExternal,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place (it drops them harmlessly).
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});
