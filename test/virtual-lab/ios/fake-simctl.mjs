// The fake `xcrun simctl` (started by bin/xcrun). It replays a real `simctl list -j` capture
// (FAKE_SIMCTL_STATE/state.json names it), keeps simulator state in that folder, and answers
// boot, shutdown, bootstatus, install, uninstall, launch, terminate, openurl, push, io screenshot,
// get_app_container and listapps with simctl's own output and error shapes. A push is written to
// the simulator's UserNotifications/…/DeliveredNotifications.plist the way iOS does: only for an
// app whose notifications are allowed, and not while the app is in the foreground (unless it
// presents notifications in the foreground). FAKE_XCRUN_NO_SIMCTL=1 plays Xcode without simctl;
// FAKE_SIMCTL_DELAY_MS makes every call that slow.
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBinaryPlist, readXmlPlistStrings } from './plist-io.mjs';
import { simulatorDataPath, writeDelivered, writeSectionInfo } from './sim-files.mjs';

const STATE_DIR = process.env.FAKE_SIMCTL_STATE;
const STATE_FILE = STATE_DIR ? join(STATE_DIR, 'state.json') : '';
// A valid 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SYSTEM_APPS = new Set([
  'com.apple.Preferences',
  'com.apple.springboard',
  'com.apple.mobilesafari',
  'com.apple.MobileSMS',
  'com.apple.Maps',
]);

class Fail extends Error {
  constructor(message, exit) {
    super(message);
    this.exit = exit;
  }
}

const simError = (domain, code, message, exit = 1) =>
  new Fail(
    `An error was encountered processing the command (domain=${domain}, code=${code}):\n${message}`,
    exit,
  );

/** The Xcode 16 capture, used when the state folder is new (e.g. the bin/xcrun shim by hand). */
const DEFAULT_CAPTURE = fileURLToPath(
  new URL('../../fixtures/simctl/apple-xcode16-ios18.0-1.json', import.meta.url),
);

function load() {
  if (!existsSync(STATE_FILE)) {
    // A fresh folder: every simulator of the capture in its captured state, no apps.
    mkdirSync(STATE_DIR, { recursive: true });
    const devices = {};
    for (const list of Object.values(JSON.parse(readFileSync(DEFAULT_CAPTURE, 'utf8')).devices)) {
      for (const d of list)
        devices[d.udid] = {
          state: d.state === 'Booted' ? 'Booted' : 'Shutdown',
          apps: {},
          foreground: d.state === 'Booted' ? 'com.apple.springboard' : null,
        };
    }
    save({ fixture: DEFAULT_CAPTURE, devices, behaviour: {}, nextPid: 4000 });
  }
  return JSON.parse(readFileSync(STATE_FILE, 'utf8'));
}

function save(state) {
  const tmp = `${STATE_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 1));
  renameSync(tmp, STATE_FILE);
}

/** Serialises read-modify-write between concurrent fake processes (mkdir is atomic). */
function locked(body) {
  const lock = join(STATE_DIR, 'lock');
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 400) rmSync(lock, { recursive: true, force: true }); // a crashed holder
      Atomics.wait(wait, 0, 0, 5);
    }
  }
  try {
    const state = load();
    const result = body(state);
    save(state);
    return result;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function log(entry) {
  appendFileSync(join(STATE_DIR, 'log.jsonl'), `${JSON.stringify({ at: Date.now(), ...entry })}\n`);
}

const dataPathOf = (udid) => simulatorDataPath(STATE_DIR, udid);

/** The capture with this lab's states and paths, as one object. */
function currentList(state) {
  const list = JSON.parse(readFileSync(state.fixture, 'utf8').replace(/^[^{]*/, ''));
  for (const devices of Object.values(list.devices ?? {})) {
    for (const d of devices) {
      const mine = state.devices[d.udid];
      if (!mine) continue;
      d.state = mine.state;
      if ('dataPath' in d) d.dataPath = dataPathOf(d.udid);
      if ('logPath' in d) d.logPath = join(STATE_DIR, 'logs', d.udid);
    }
  }
  return list;
}

/** Apple's JSON style: 2-space indent, `"key" : value`, escaped slashes. */
function appleJson(value, indent = '') {
  const next = `${indent}  `;
  if (Array.isArray(value))
    return value.length === 0
      ? '[\n\n]'
      : `[\n${value.map((v) => next + appleJson(v, next)).join(',\n')}\n${indent}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0
      ? '{\n\n}'
      : `{\n${entries.map(([k, v]) => `${next}${JSON.stringify(k).replace(/\//g, '\\/')} : ${appleJson(v, next)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value).replace(/\//g, '\\/');
}

function device(state, udid) {
  const d = state.devices[udid];
  if (!d) throw new Fail(`Invalid device: ${udid}`, 148);
  return d;
}

function booted(state, udid) {
  const d = device(state, udid);
  if (d.state !== 'Booted')
    throw simError(
      'com.apple.CoreSimulator.SimError',
      405,
      `Unable to lookup in current state: ${d.state}`,
      149,
    );
  return d;
}

function readInfo(appPath) {
  const file = join(appPath, 'Info.plist');
  if (!existsSync(file))
    throw simError('IXUserPresentableErrorDomain', 1, `Failed to get bundle ID from ${appPath}`, 1);
  const bytes = readFileSync(file);
  return bytes.subarray(0, 8).toString('latin1') === 'bplist00'
    ? readBinaryPlist(bytes)
    : readXmlPlistStrings(bytes.toString('utf8'));
}

/** What iOS keeps of an APNs payload (UNSNotificationRecord keys); null for a push that shows nothing. */
function recordOf(payload) {
  const aps = payload.aps ?? {};
  const alert = aps.alert;
  const title = typeof alert === 'object' && alert !== null ? alert.title : undefined;
  const subtitle = typeof alert === 'object' && alert !== null ? alert.subtitle : undefined;
  const body =
    typeof alert === 'string' ? alert : typeof alert === 'object' && alert !== null ? alert.body : undefined;
  if (title === undefined && body === undefined && subtitle === undefined) return null;
  const userInfo = { ...payload };
  delete userInfo['Simulator Target Bundle'];
  const sound =
    typeof aps.sound === 'string'
      ? aps.sound
      : typeof aps.sound === 'object' && aps.sound !== null
        ? aps.sound.name
        : undefined;
  return {
    AppNotificationIdentifier: randomUUID().toUpperCase(),
    AppNotificationCreationDate: Date.now(),
    ...(title !== undefined ? { AppNotificationTitle: String(title) } : {}),
    ...(subtitle !== undefined ? { AppNotificationSubtitle: String(subtitle) } : {}),
    ...(body !== undefined ? { AppNotificationMessage: String(body) } : {}),
    ...(sound !== undefined ? { ShouldPlaySound: true } : {}),
    ...(sound !== undefined && sound !== 'default' ? { ToneFileName: sound } : {}),
    ...(typeof aps.badge === 'number' ? { AppNotificationBadgeNumber: aps.badge } : {}),
    ...(typeof aps.category === 'string' ? { SBSPushStoreNotificationCategoryKey: aps.category } : {}),
    ...(typeof aps['thread-id'] === 'string' ? { SBSPushStoreNotificationThreadKey: aps['thread-id'] } : {}),
    UNNotificationTriggerType: 'push',
    UNNotificationUserInfo: userInfo,
  };
}

// --- subcommands ------------------------------------------------------------------------------

function list(args) {
  const state = load();
  const json = currentList(state);
  const kinds = args.filter((a) => !a.startsWith('-'));
  const kind = kinds[0];
  const out = kind ? { [kind]: json[kind] } : json;
  if (!args.includes('-j') && !args.includes('--json')) return Object.keys(out).join('\n');
  return appleJson(out);
}

/** How the app behaves on this simulator (set by the test helper per simulator and app). */
const behaviourOf = (state, udid, bundle) =>
  state.behaviour[`${udid} ${bundle}`] ?? state.behaviour[bundle] ?? {};

function launchInto(state, udid, bundle) {
  const d = booted(state, udid);
  const app = d.apps[bundle];
  if (!app && !SYSTEM_APPS.has(bundle))
    throw simError('FBSOpenApplicationServiceErrorDomain', 4, `The request to open "${bundle}" failed.`, 4);
  if (app) {
    app.running = true;
    app.pid = state.nextPid++;
    const behaviour = behaviourOf(state, udid, bundle);
    d.authorizations ??= {};
    // The app asks for permission on its first launch; the answer is what the test configured.
    if (behaviour.prompt && d.authorizations[bundle] === undefined) {
      d.authorizations[bundle] = behaviour.prompt === 'allow' ? 'authorized' : 'denied';
      writeSectionInfo(dataPathOf(udid), d.authorizations, d.notificationSettings);
    }
  }
  d.foreground = bundle;
  return app ? app.pid : 100 + state.nextPid++;
}

function run(sub, args) {
  switch (sub) {
    case 'list':
      return list(args);
    case 'boot':
      return locked((state) => {
        const d = device(state, args[0]);
        if (d.state === 'Booted')
          throw simError(
            'com.apple.CoreSimulator.SimError',
            164,
            'Unable to boot device in current state: Booted',
            149,
          );
        d.state = 'Booted';
        d.foreground = 'com.apple.springboard';
        mkdirSync(dataPathOf(args[0]), { recursive: true });
        log({ op: 'boot', udid: args[0] });
        return '';
      });
    case 'bootstatus':
      return locked((state) => {
        const d = device(state, args[0]);
        if (d.state === 'Booted') return 'Device already booted, nothing to do.';
        if (!args.includes('-b'))
          throw simError('com.apple.CoreSimulator.SimError', 405, 'Device is not booted', 149);
        d.state = 'Booted';
        return 'Device booted.';
      });
    case 'shutdown':
      return locked((state) => {
        const targets =
          args[0] === 'all'
            ? Object.keys(state.devices).filter((u) => state.devices[u].state === 'Booted')
            : [args[0]];
        for (const udid of targets) {
          const d = device(state, udid);
          if (d.state === 'Shutdown')
            throw simError(
              'com.apple.CoreSimulator.SimError',
              164,
              'Unable to shutdown device in current state: Shutdown',
              149,
            );
          d.state = 'Shutdown';
          d.foreground = null;
          for (const app of Object.values(d.apps)) app.running = false;
          log({ op: 'shutdown', udid });
        }
        return '';
      });
    case 'install':
      return locked((state) => {
        booted(state, args[0]);
        const info = readInfo(args[1]);
        const bundle = info.CFBundleIdentifier;
        state.devices[args[0]].apps[bundle] = {
          appPath: args[1],
          name: info.CFBundleDisplayName ?? info.CFBundleName ?? basename(args[1], '.app'),
          version: info.CFBundleShortVersionString ?? null,
          schemes: (info.CFBundleURLTypes ?? []).flatMap((t) => t.CFBundleURLSchemes ?? []),
          running: false,
          pid: 0,
          container: randomUUID().toUpperCase(),
        };
        log({ op: 'install', udid: args[0], bundle });
        return '';
      });
    case 'uninstall':
      return locked((state) => {
        const d = booted(state, args[0]);
        delete d.apps[args[1]];
        return '';
      });
    case 'launch':
      return locked((state) => {
        const rest = args.filter((a) => !a.startsWith('--'));
        const [udid, bundle] = rest;
        const terminate = args.includes('--terminate-running-process');
        const before = state.devices[udid]?.apps?.[bundle];
        if (before?.running && terminate) before.running = false;
        const pid = launchInto(state, udid, bundle);
        log({ op: 'launch', udid, bundle });
        return `${bundle}: ${pid}`;
      });
    case 'terminate':
      return locked((state) => {
        const d = booted(state, args[0]);
        const app = d.apps[args[1]];
        if (!app || !app.running)
          throw simError('com.apple.CoreSimulator.SimError', 3, `found nothing to terminate`, 3);
        app.running = false;
        if (d.foreground === args[1]) d.foreground = 'com.apple.springboard';
        log({ op: 'terminate', udid: args[0], bundle: args[1] });
        return '';
      });
    case 'openurl':
      return locked((state) => {
        const d = booted(state, args[0]);
        const scheme = (args[1] ?? '').split(':')[0];
        const bundle = Object.keys(d.apps).find((b) => d.apps[b].schemes.includes(scheme));
        if (!bundle)
          throw simError('NSOSStatusErrorDomain', -10814, `Simulator device failed to open ${args[1]}.`, 1);
        launchInto(state, args[0], bundle);
        log({ op: 'openurl', udid: args[0], url: args[1], bundle });
        return '';
      });
    case 'push':
      return push(args);
    case 'io':
      return screenshot(args);
    case 'get_app_container':
      return locked((state) => {
        const d = booted(state, args[0]);
        const app = d.apps[args[1]];
        if (!app) throw simError('NSPOSIXErrorDomain', 2, `No such file or directory`, 2);
        return args[2] === 'data'
          ? join(dataPathOf(args[0]), 'Containers', 'Data', 'Application', app.container)
          : join(
              dataPathOf(args[0]),
              'Containers',
              'Bundle',
              'Application',
              app.container,
              basename(app.appPath),
            );
      });
    case 'listapps': {
      const d = booted(load(), args[0]);
      const entries = Object.entries(d.apps).map(
        ([b, a]) =>
          `    "${b}" =     {\n        ApplicationType = User;\n        CFBundleDisplayName ` +
          `= "${a.name}";\n        CFBundleIdentifier = "${b}";\n        Path = "${a.appPath}";\n ` +
          `   };`,
      );
      return `{\n${entries.join('\n')}\n}`;
    }
    default:
      throw new Fail(
        `Unrecognized subcommand: ${sub}\nUsage: simctl [--set <path>] [--profiles <path>] <subcommand> ...`,
        64,
      );
  }
}

function push(args) {
  const [udid, second, third] = args;
  const file = third ?? second;
  const raw = file === '-' ? readFileSync(0) : readFileSync(file);
  if (raw.length > 4096)
    throw simError(
      'SimulatorKit.SimulatorError',
      14,
      `Payload is too large (${raw.length} bytes, limit 4096).`,
      1,
    );
  let payload;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    throw simError(
      'NSCocoaErrorDomain',
      3840,
      'The data couldn’t be read because it isn’t in the correct format.',
      1,
    );
  }
  if (typeof payload.aps !== 'object' || payload.aps === null)
    throw simError(
      'SimulatorKit.SimulatorError',
      14,
      'Invalid JSON payload: payload must contain an "aps" dictionary.',
      1,
    );
  const bundle = third !== undefined ? second : payload['Simulator Target Bundle'];
  if (typeof bundle !== 'string')
    throw new Fail('No bundle identifier specified and payload has no "Simulator Target Bundle" key.', 64);
  return locked((state) => {
    const d = booted(state, udid);
    const app = d.apps[bundle];
    if (!app)
      throw simError(
        'SimulatorKit.SimulatorError',
        16,
        `The application with bundle identifier "${bundle}" is not installed.`,
        1,
      );
    const behaviour = behaviourOf(state, udid, bundle);
    const authorization = (d.authorizations ?? {})[bundle] ?? 'notDetermined';
    const record = recordOf(payload);
    let outcome;
    if (!['authorized', 'provisional', 'ephemeral'].includes(authorization))
      outcome = `dropped: notifications ${authorization}`;
    else if (record === null) outcome = 'delivered to the app (no alert)';
    else if (d.foreground === bundle && !behaviour.presentsInForeground)
      outcome = 'delivered to the app in the foreground (not shown)';
    else {
      d.delivered ??= {};
      d.delivered[bundle] = [...(d.delivered[bundle] ?? []), record];
      writeDelivered(dataPathOf(udid), bundle, d.delivered[bundle], behaviour.layout);
      outcome = 'shown';
    }
    // FAKE_SIMCTL_VIA=apns: handed over by the local APNs server (apns-bridge.ts), not `simctl push`.
    log({
      op: 'push',
      udid,
      bundle,
      outcome,
      payload,
      ...(process.env.FAKE_SIMCTL_VIA ? { via: process.env.FAKE_SIMCTL_VIA } : {}),
    });
    return `Notification sent to '${bundle}'`;
  });
}

function screenshot(args) {
  const [udid, verb, ...rest] = args;
  if (verb !== 'screenshot') throw new Fail(`Unrecognized io operation: ${verb}`, 64);
  booted(load(), udid);
  const file = rest.filter((a) => !a.startsWith('--')).at(-1);
  if (!file) throw new Fail('Missing output file', 64);
  if (file === '-') {
    process.stdout.write(PNG);
    return '';
  }
  writeFileSync(file, PNG);
  process.stderr.write(`Detected file type 'PNG' from extension\nWrote screenshot to: ${file}\n`);
  return '';
}

function main() {
  const argv = process.argv.slice(2);
  if (argv[0] !== 'simctl') {
    process.stderr.write(
      `xcrun: error: unable to find utility "${argv[0] ?? ''}", not a developer tool or in PATH\n`,
    );
    return 72;
  }
  if (process.env.FAKE_XCRUN_NO_SIMCTL === '1') {
    process.stderr.write('xcrun: error: unable to find utility "simctl", not a developer tool or in PATH\n');
    return 72;
  }
  // A slow CoreSimulator (first call after login can take seconds): FAKE_SIMCTL_DELAY_MS=<ms>.
  const delay = Number(process.env.FAKE_SIMCTL_DELAY_MS ?? 0);
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
  if (!STATE_DIR) {
    process.stderr.write('fake xcrun: FAKE_SIMCTL_STATE is not set\n');
    return 70;
  }
  try {
    const out = run(argv[1], argv.slice(2));
    if (out) process.stdout.write(`${out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof Fail) {
      process.stderr.write(`${error.message}\n`);
      return error.exit;
    }
    process.stderr.write(`fake xcrun crashed: ${error && error.stack ? error.stack : String(error)}\n`);
    return 70;
  }
}

process.exitCode = main();
