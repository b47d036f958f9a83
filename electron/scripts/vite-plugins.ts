/**
 * Build-time guards used by electron.vite.config.ts: the preload must stay loadable in
 * Electron's sandbox, and the built renderer carries the CSP in a <meta> tag (file:// pages
 * get no response headers, so the header set by main cannot reach them).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
  if (format !== 'cjs')
    problems.push(`output format is "${String(format)}"; a sandboxed preload must be CommonJS ("cjs")`);
  if (chunks.length !== 1) {
    problems.push(
      `the preload was split into ${chunks.length} chunks (${chunks.map((c) => c.fileName).join(', ')}); it must be one file`,
    );
  }
  for (const chunk of chunks) {
    const foreign = chunk.imports.filter((id) => id !== 'electron');
    if (foreign.length > 0)
      problems.push(
        `${chunk.fileName} requires ${foreign.join(', ')}; only "electron" is available in the sandbox`,
      );
    if (chunk.dynamicImports.length > 0) {
      problems.push(
        `${chunk.fileName} uses dynamic import(${chunk.dynamicImports.join(', ')}), which the sandbox cannot load`,
      );
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
          chunks.push({
            fileName: item.fileName,
            isEntry: item.isEntry,
            imports: item.imports,
            dynamicImports: item.dynamicImports,
          });
        }
      }
      const problems = findSandboxViolations(chunks, outputOptions.format);
      if (problems.length > 0)
        this.error(`The preload would not load in Electron's sandbox:\n- ${problems.join('\n- ')}`);
    },
  };
}

/** The <meta> tag carrying the CSP, first in <head> so it governs everything after it. */
export function cspMetaTag(csp: string): HtmlTagDescriptor {
  return {
    tag: 'meta',
    attrs: { 'http-equiv': 'Content-Security-Policy', content: csp },
    injectTo: 'head-prepend',
  };
}

const CSP_META = /[ \t]*<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>[ \t]*(\r?\n)?/gi;

/** The page without any CSP <meta> it brought along (the policy has one source: security-policy.ts). */
export function stripCspMeta(html: string): string {
  return html.replace(CSP_META, '');
}

/**
 * Build: replaces any CSP <meta> in index.html with ours. Dev server: removes it, because the
 * React refresh preamble is inline; main sends the (dev-relaxed) policy as a header instead.
 */
export function cspMetaPlugin(csp: string): Plugin {
  return {
    name: 'pushlab:csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) =>
        context.server ? stripCspMeta(html) : { html: stripCspMeta(html), tags: [cspMetaTag(csp)] },
    },
  };
}

/**
 * Pins `import.meta.url` in matching modules to their source file. The virtual lab finds its
 * fixtures relative to its own file; bundled into out/main it would look beside the bundle.
 * So the demo runs from a source checkout (`npm run demo`), which is the only place it ships.
 */
export function sourceImportMetaUrl(include: RegExp): Plugin {
  return {
    name: 'pushlab:source-import-meta-url',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!include.test(file.split(path.sep).join('/')) || !code.includes('import.meta.url')) return null;
      return {
        code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href)),
        map: null,
      };
    },
  };
}
