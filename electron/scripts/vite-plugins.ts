/**
 * Build-time guards used by electron.vite.config.ts: the preload must stay loadable in
 * Electron's sandbox, and the built renderer carries the CSP in a <meta> tag (file:// pages
 * get no response headers, so the header set by main cannot reach them).
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The parts of a Rollup output chunk the sandbox check reads. */
export interface ChunkFacts {
  readonly fileName: string;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
}

/**
 * Why a preload bundle would fail in the sandbox: a sandboxed preload can `require` only
 * `electron` (and a few polyfilled builtins), never a second file, so it must be one chunk.
 */
export function findSandboxViolations(chunks: readonly ChunkFacts[], format: string | undefined): string[] {
  const problems: string[] = [];
  if (format !== 'cjs') problems.push(`output format is "${String(format)}"; a sandboxed preload must be CommonJS ("cjs")`);
  if (chunks.length !== 1) {
    problems.push(`the preload was split into ${chunks.length} chunks (${chunks.map((c) => c.fileName).join(', ')}); it must be one file`);
  }
  for (const chunk of chunks) {
    const foreign = chunk.imports.filter((id) => id !== 'electron');
    if (foreign.length > 0) problems.push(`${chunk.fileName} requires ${foreign.join(', ')}; only "electron" is available in the sandbox`);
    if (chunk.dynamicImports.length > 0) {
      problems.push(`${chunk.fileName} uses dynamic import(${chunk.dynamicImports.join(', ')}), which the sandbox cannot load`);
    }
  }
  return problems;
}

/** Fails the preload build when its output could not run with `sandbox: true`. */
export function sandboxedPreloadCheck(): Plugin {
  return {
    name: 'pushlab:sandboxed-preload-check',
    apply: 'build',
    enforce: 'post',
    generateBundle(outputOptions, bundle) {
      const chunks: ChunkFacts[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') {
          chunks.push({ fileName: item.fileName, isEntry: item.isEntry, imports: item.imports, dynamicImports: item.dynamicImports });
        }
      }
      const problems = findSandboxViolations(chunks, outputOptions.format);
      if (problems.length > 0) this.error(`The preload would not load in Electron's sandbox:\n- ${problems.join('\n- ')}`);
    },
  };
}

/** The <meta> tag carrying the CSP, first in <head> so it governs everything after it. */
export function cspMetaTag(csp: string): HtmlTagDescriptor {
  return { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp }, injectTo: 'head-prepend' };
}

/** Adds the CSP <meta> to the built renderer (production only: the dev server needs inline code). */
export function cspMetaPlugin(csp: string): Plugin {
  return {
    name: 'pushlab:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [cspMetaTag(csp)],
  };
}
