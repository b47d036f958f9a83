/**
 * ESLint 9 flat config. Besides typescript-eslint's recommended rules it enforces PushLab's
 * layers: which folder may import what, where Electron and its IPC objects may appear, no
 * import cycles, no default exports, no raw HTML, no eval. Messages say why.
 *
 * Per-layer rules (no-restricted-imports/-properties/-syntax) are built by `layer()` so each
 * file gets exactly one complete set: flat config replaces, never merges, a rule's options.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const CODE = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];

const WHY = {
  electron:
    '`electron` is imported only in electron/main/** and electron/preload/**. The core, shared code, renderer, ' +
    'web bridge, CLI and tests run without Electron (plain Node or a browser), so they must not depend on it.',
  ipcMainOnly:
    'ipcMain is used only in electron/main/ipc.ts, so every request from the window goes through the one ' +
    'sender check and schema validation there.',
  rendererIpc:
    'ipcRenderer and contextBridge are used only in electron/preload/**, the one place that defines what the ' +
    'window can reach (window.pushlab).',
  preloadBuiltins:
    'The preload runs sandboxed: it cannot load Node built-ins (only `electron`). Ask main through IPC instead.',
  coreUi:
    'The core (electron/lab) is plain Node shared by Electron, the web bridge and the CLI: no UI libraries.',
  shared:
    'shared/** is the contract compiled into both main and the renderer: it may import only shared/** and zod.',
  rendererNode:
    'The renderer runs in a sandboxed browser page with no Node: reach the lab through window.pushlab (shared/ipc).',
  html:
    'Raw HTML is an injection path (device names, push payloads and vendor text are untrusted): render text ' +
    'and let React escape it.',
};

const ZONES = [
  {
    target: './electron/lab',
    from: [
      './electron/main',
      './electron/preload',
      './electron/web',
      './electron/demo',
      './electron/cli',
      './renderer',
      './test',
    ],
    message:
      'The core (electron/lab) must not depend on a shell (main, preload, web, demo, cli), the renderer or tests: ' +
      'every shell drives it through LabCore (electron/lab/api.ts), and shells inject what it needs.',
  },
  { target: './shared', from: ['./electron', './renderer', './test', './bench'], message: WHY.shared },
  {
    target: './renderer',
    from: ['./electron', './test'],
    message:
      'The renderer must not import electron/** or test/** (not even types): it talks to main only through ' +
      'window.pushlab and the types in shared/.',
  },
  {
    target: './electron/preload',
    from: [
      './electron/lab',
      './electron/main',
      './electron/web',
      './electron/demo',
      './electron/cli',
      './renderer',
      './test',
    ],
    message:
      'The preload is bundled into the sandbox and exposes only the bridge: it imports shared/** and electron.',
  },
  {
    target: ['./electron/web', './electron/cli', './electron/demo'],
    from: ['./electron/main', './electron/preload', './renderer'],
    message:
      'electron/main and electron/preload need the Electron runtime; the web bridge, CLI and demo run in plain Node.',
  },
  {
    target: ['./electron/main', './electron/cli'],
    from: ['./test', './renderer'],
    message:
      'Shipping code must not import tests or renderer code (the demo lab is reached through electron/demo).',
  },
];

// Platform seam (issue 11): the run engine and the registry, doctor and install services know
// devices only through DevicePlatform (electron/lab/platform); Android and iOS code stays in its own
// folder. A later block replaces a rule's options, so this one repeats ZONES and adds its own.
// The request handlers (handlers.ts) too: a platform's own channels come from its `requests`.
const PLATFORM_SEAM_FILES = [
  'electron/lab/runs/engine/**',
  'electron/lab/devices/**',
  'electron/lab/install/**',
  'electron/lab/doctor/doctor-service.ts',
  'electron/lab/handlers.ts',
];
const PLATFORM_SEAM_MESSAGE =
  'The run engine, device registry, doctor service, install services and request handlers reach devices ' +
  'only through DevicePlatform (electron/lab/platform/device-platform.ts): add what you need to the ' +
  'interface and implement it in electron/lab/android and electron/lab/ios.';
const HANDLERS = 'electron/lab/handlers.ts';
const seamTargets = (files) => files.map((f) => `./${f.replace(/\/\*\*$/, '')}`);
const PLATFORM_SEAM_ZONES = [
  {
    target: seamTargets(PLATFORM_SEAM_FILES.filter((f) => f !== HANDLERS)),
    from: ['./electron/lab/android', './electron/lab/ios'],
    message: PLATFORM_SEAM_MESSAGE,
  },
  {
    target: seamTargets([HANDLERS]),
    from: ['./electron/lab/android', './electron/lab/ios'],
    message: PLATFORM_SEAM_MESSAGE,
  },
];
const platformSeam = {
  name: 'pushlab/platform-seam',
  files: PLATFORM_SEAM_FILES,
  rules: {
    'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: [...ZONES, ...PLATFORM_SEAM_ZONES] }],
  },
};

const nodeBuiltins = (message) => ({
  paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message })),
  patterns: [{ group: ['node:*'], message }],
});

const RAW_HTML = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: WHY.html },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: WHY.html },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: WHY.html,
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: WHY.html },
];
const ELECTRON_SYNTAX = [
  { selector: "ImportExpression[source.value='electron']", message: WHY.electron },
  { selector: "CallExpression[callee.name='require'][arguments.0.value='electron']", message: WHY.electron },
];
const PROP_IPC_MAIN = { property: 'ipcMain', message: WHY.ipcMainOnly };
const PROP_RENDERER_IPC = [
  { property: 'ipcRenderer', message: WHY.rendererIpc },
  { property: 'contextBridge', message: WHY.rendererIpc },
];

/** One layer's complete set of per-layer rules. */
function layer(name, files, { paths = [], patterns = [], properties = [], syntax = [] }) {
  return {
    name: `pushlab/layer/${name}`,
    files,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
      'no-restricted-properties': ['error', ...properties],
      'no-restricted-syntax': ['error', ...RAW_HTML, ...syntax],
    },
  };
}

const electronBanned = [{ name: 'electron', message: WHY.electron }];
const outsideElectron = { properties: [PROP_IPC_MAIN, ...PROP_RENDERER_IPC], syntax: ELECTRON_SYNTAX };
const builtins = nodeBuiltins(WHY.rendererNode);
const preloadBuiltins = nodeBuiltins(WHY.preloadBuiltins);

// ---------------------------------------------------------------------------------------------
// Rooms inside the core (issue 11 pt 3): parsers, device commands and the store each import only
// what their role needs, and the CLI reaches the core through its API. Kept in this one block
// (constants + configs) so other rules for the core can be added beside it without touching it.
// ---------------------------------------------------------------------------------------------
const WHY_CORE = {
  parsers:
    'Parsers are pure functions over text and bytes a phone or tool printed: they import only other parsers, ' +
    'errors and shared/ (types from Node are fine). No transport (adb, simctl), store, service, file or process.',
  commands:
    'Device commands (android/commands, ios/commands) are one verb over the transport: they import only the ' +
    'transport (adb/device-io, the SimctlRunner type, simctl-error), quoting, refusal, util/timeout and ' +
    'util/phrase, errors and parsers. Files, processes and services belong to their callers.',
  simctlRunnerType:
    'Device commands receive the SimctlRunner; they import it as a type only (the runner spawns processes). ' +
    'SimctlError comes from ios/simctl/simctl-error.',
  store:
    'The store (electron/lab/store) keeps data: it imports only itself, util/ and errors, never a service ' +
    '(runs engine, doctor, devices, install, push…). Services depend on the store, not the other way round.',
  cliServices:
    'The CLI drives the core through its API (LabCore.invoke and core.cli, electron/lab/cli-api.ts), never ' +
    'through core.services: add the call the command needs to cli-api.ts.',
};

/** Pure parsers: every parsers/ folder, the plist decoders and the APK manifest readers. */
const CORE_PARSERS = [
  'electron/lab/**/parsers/**',
  'electron/lab/ios/plist/**',
  'electron/lab/apk/{apk-format-error,binary-xml,manifest,package-name}.ts',
];
const DEVICE_COMMANDS = ['electron/lab/android/commands/**', 'electron/lab/ios/commands/**'];
const CORE_STORE = ['electron/lab/store/**'];

const PARSER_ZONE = {
  target: [
    './electron/lab/android/parsers',
    './electron/lab/ios/parsers',
    './electron/lab/ios/plist',
    './electron/lab/apk/apk-format-error.ts',
    './electron/lab/apk/binary-xml.ts',
    './electron/lab/apk/manifest.ts',
    './electron/lab/apk/package-name.ts',
  ],
  from: './electron/lab',
  except: [
    './android/parsers',
    './ios/parsers',
    './ios/plist',
    './apk/apk-format-error.ts',
    './apk/binary-xml.ts',
    './apk/manifest.ts',
    './apk/package-name.ts',
    './android/install-failures.ts',
    './errors.ts',
  ],
  message: WHY_CORE.parsers,
};
const COMMAND_ZONE = {
  target: ['./electron/lab/android/commands', './electron/lab/ios/commands'],
  from: './electron/lab',
  except: [
    './android/commands',
    './ios/commands',
    './adb/device-io.ts',
    './adb/quote.ts',
    './adb/refusal.ts',
    './ios/simctl/runner.ts',
    './ios/simctl/simctl-error.ts',
    './util/timeout.ts',
    './util/phrase.ts',
    './errors.ts',
    './android/parsers',
    './ios/parsers',
  ],
  message: WHY_CORE.commands,
};
const STORE_ZONE = {
  target: './electron/lab/store',
  from: './electron/lab',
  except: ['./store', './util', './errors.ts'],
  message: WHY_CORE.store,
};

/** Packages and Node built-ins are refused, their types allowed (relative imports go through the zones). */
const onlyRelative = (message) => ({ regex: '^(?!\\.)', allowTypeImports: true, message });

const coreRooms = [
  {
    name: 'pushlab/core-rooms/zones',
    files: [...CORE_PARSERS, ...DEVICE_COMMANDS, ...CORE_STORE],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: ROOT, zones: [...ZONES, PARSER_ZONE, COMMAND_ZONE, STORE_ZONE] },
      ],
    },
  },
  {
    name: 'pushlab/core-rooms/parsers',
    files: CORE_PARSERS,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [onlyRelative(WHY_CORE.parsers)] }],
    },
  },
  {
    name: 'pushlab/core-rooms/commands',
    files: DEVICE_COMMANDS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            onlyRelative(WHY_CORE.commands),
            { regex: '(^|/)simctl/runner$', allowTypeImports: true, message: WHY_CORE.simctlRunnerType },
          ],
        },
      ],
    },
  },
  // The CLI's own layer: everything-else's rules plus no `.services` (a complete set, see layer()).
  layer('cli', ['electron/cli/**'], {
    paths: electronBanned,
    properties: [...outsideElectron.properties, { property: 'services', message: WHY_CORE.cliServices }],
    syntax: outsideElectron.syntax,
  }),
];

export default defineConfig([
  globalIgnores(
    ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**'],
    'pushlab/ignores',
  ),
  { name: 'pushlab/js', files: CODE, ...js.configs.recommended },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? CODE })),
  {
    name: 'pushlab/base',
    files: CODE,
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    settings: {
      // Without these import-x cannot parse .ts dependencies, and no-cycle would see no edges.
      'import-x/extensions': ['.ts', '.tsx', '.cts', '.mts', '.js', '.jsx', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.cts', '.mts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.d.mts', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Parsers and sanitisers match control characters on purpose (stripping them from device text).
      'no-control-regex': 'off',
      // Prettier wraps code at 110; this catches what it cannot wrap (long strings and comments).
      'max-len': ['error', { code: 160, ignoreUrls: true, ignoreRegExpLiterals: true }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: ZONES }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A catalog message stays one string: its placeholders are typed from the literal, and a
    // translator reads it whole.
    name: 'pushlab/i18n-catalogs',
    files: ['shared/i18n/**'],
    rules: { 'max-len': ['error', { code: 160, ignoreUrls: true, ignoreStrings: true }] },
  },
  {
    name: 'pushlab/typescript',
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }] },
  },
  {
    name: 'pushlab/browser',
    files: ['renderer/**', 'electron/preload/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'pushlab/no-cycles',
    files: ['electron/**', 'shared/**', 'renderer/**'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    name: 'pushlab/named-exports-only',
    files: ['electron/**', 'shared/**', 'renderer/src/**'],
    ignores: ['**/*.config.*'],
    rules: { 'import-x/no-default-export': 'error' },
  },

  platformSeam,

  // Layers, most general first: a later block replaces an earlier one for the files it matches.
  layer('everything-else', CODE, { paths: electronBanned, ...outsideElectron }),
  layer('core', ['electron/lab/**'], {
    paths: [
      ...electronBanned,
      { name: 'react', message: WHY.coreUi },
      { name: 'react-dom', message: WHY.coreUi },
      { name: 'zustand', message: WHY.coreUi },
    ],
    patterns: [{ group: ['react/*', 'react-dom/*', 'zustand/*'], message: WHY.coreUi }],
    ...outsideElectron,
  }),
  layer('shared', ['shared/**'], {
    patterns: [{ regex: '^(?!\\.|zod(?:/|$))', message: WHY.shared }],
    ...outsideElectron,
  }),
  layer('renderer', ['renderer/**'], {
    paths: [...electronBanned, ...builtins.paths],
    patterns: builtins.patterns,
    ...outsideElectron,
  }),
  layer('main', ['electron/main/**'], {
    paths: [
      { name: 'electron', importNames: ['ipcMain'], message: WHY.ipcMainOnly },
      { name: 'electron', importNames: ['ipcRenderer', 'contextBridge'], message: WHY.rendererIpc },
    ],
    properties: [PROP_IPC_MAIN, ...PROP_RENDERER_IPC],
  }),
  layer('main-ipc', ['electron/main/ipc.ts'], {
    paths: [{ name: 'electron', importNames: ['ipcRenderer', 'contextBridge'], message: WHY.rendererIpc }],
    properties: PROP_RENDERER_IPC,
  }),
  layer('preload', ['electron/preload/**'], {
    paths: [
      { name: 'electron', importNames: ['ipcMain'], message: WHY.ipcMainOnly },
      ...preloadBuiltins.paths,
    ],
    patterns: preloadBuiltins.patterns,
    properties: [PROP_IPC_MAIN],
  }),
  ...coreRooms,
]);
