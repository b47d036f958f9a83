/**
 * Electron main: one instance, one hardened window, the core composed once and shut down
 * cleanly. Wiring only; decisions live in launch-options.ts, security-policy.ts and the core.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, session } from 'electron';
import { errorText } from '../../shared/errors';
import { matchLocale } from '../../shared/i18n';
import { appHosts, appHostsPath } from '../lab/adb/hosts-file';
import { createLabCore } from '../lab/compose';
import { LabError } from '../lab/errors';
import type { LabCore } from '../lab/api';
import type { VirtualLabController } from '../lab/virtual-lab-port';
import { createLogger } from '../lab/util/logger';
import type { Logger } from '../lab/util/logger';
import { wireIpc } from './ipc';
import { labAdbConfig, parseLaunchOptions, preloadPath, rendererLocation } from './launch-options';
import { menuTemplate } from './menu';
import { createDialogApprover } from './program-approval';
import { createSafeSecretStore } from './secrets';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const launch = parseLaunchOptions(process.argv, process.env);
const location = rendererLocation({ isPackaged: app.isPackaged, env: process.env, mainDir });
const SHUTDOWN_GRACE_MS = 5_000;

let logger: Logger = createLogger({ scope: 'main' });
let core: LabCore | null = null;
let virtualLab: VirtualLabController | null = null;
let unwireIpc: (() => void) | null = null;
let mainWindow: BrowserWindow | null = null;
let shuttingDown = false;
/** The adb server PushLab started itself (none answered at launch): quitting stops it. */

/** Logs go to stderr and to <userData>/logs/main.log (values that look like secrets are redacted). */
function fileLogger(dataDir: string): Logger {
  const dir = path.join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const stream = createWriteStream(path.join(dir, 'main.log'), { flags: 'a', mode: 0o600 });
  stream.on('error', () => undefined);
  return createLogger({
    scope: 'main',
    sink: (line) => {
      process.stderr.write(`${line}\n`);
      stream.write(`${line}\n`);
    },
  });
}

function openWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow({ location, preloadPath: preloadPath(mainDir), logger });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  logger = fileLogger(dataDir);
  hardenSession(session.defaultSession, location);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, !app.isPackaged)));

  const adb = labAdbConfig(launch, process.env);
  if (app.isPackaged && launch.demo)
    logger.warn('--demo needs a PushLab checkout (npm run demo); starting without the virtual lab');
  // The virtual lab always has its own adb server; without --demo the core follows it there while it runs.
  const labAdb = labAdbConfig({ ...launch, demo: true }, process.env);
  if (!app.isPackaged) {
    // From a checkout the empty state can offer the virtual lab; a packaged app has no fixtures
    // to build phones from and does not ship the demo chunk (electron-builder.yml), so it never loads this.
    const { createDemoLabController } = await import('../demo/virtual-lab-controller');
    virtualLab = createDemoLabController({
      adbHost: labAdb.host,
      adbPort: labAdb.port,
      dataDir,
      announce: (line) => logger.info(line),
    });
  }
  // A lab across several hosts: <userData>/hosts.json (or PUSHLAB_HOSTS_FILE); absent = one adb server.
  const hosts = launch.demo ? null : appHosts(dataDir, process.env);
  core = await createLabCore({
    dataDir,
    adb: hosts?.[0] ? { ...adb, host: hosts[0].address, port: hosts[0].port } : adb,
    ...(hosts ? { hosts } : {}),
    // The same file is the window's hosts setting, applied live (not in the demo: its server is its own).
    ...(launch.demo ? {} : { hostsFile: appHostsPath(dataDir, process.env) }),
    shell: 'electron',
    // Quitting stops the adb server PushLab itself started (never one the user runs).
    stopOwnedAdbServer: true,
    appVersion: app.getVersion(),
    logger: logger.child('core'),
    // Credentials (Tencent keys) encrypted with safeStorage in <userData>/secrets.json; plans name them { "stored": NAME }.
    secrets: createSafeSecretStore(dataDir),
    // Plans from the window that run a program or read files wait for a yes in a main-process dialog.
    approvePrograms: createDialogApprover(() => mainWindow),
    ...(virtualLab ? { virtualLab } : {}),
  });
  unwireIpc = wireIpc(core, {
    location,
    targets: () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []),
    logger: logger.child('ipc'),
  });
  openWindow();
  logger.info('PushLab started', { demo: launch.demo, adbPort: adb.port, renderer: location.kind });
  if (virtualLab && launch.demo) {
    // Through the core, like the web bridge, so the window hears 'lab:changed' and errors are values.
    const started = await core.invoke('lab:start', [{}]);
    if (!started.ok) logger.error('the demo lab did not start', { message: started.error.message });
  }
}

async function shutdown(): Promise<void> {
  unwireIpc?.();
  unwireIpc = null;
  await virtualLab?.stop().catch(() => undefined);
  await core?.close();
  core = null;
}

if (!app.requestSingleInstanceLock()) {
  // Another PushLab owns the database and the adb tracker; it gets focus instead.
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => {
    if (core) openWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location, logger));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', (event) => {
    if (shuttingDown) return;
    shuttingDown = true;
    event.preventDefault();
    const grace = setTimeout(() => app.exit(0), SHUTDOWN_GRACE_MS);
    shutdown()
      .catch((error: unknown) => {
        logger.error('shutdown failed', { message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        clearTimeout(grace);
        app.exit(0);
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      logger.error('PushLab could not start', { message });
      // In zh-CN a LabError shows its zh text; anything else is shown as it was thrown.
      const zh = matchLocale([app.getLocale()]) === 'zh-CN';
      const logs = `${app.getPath('userData')}/logs`;
      if (zh) {
        const text = error instanceof LabError ? errorText(error.toInfo(), 'zh-CN') : { message };
        const shown = text.hint === undefined ? text.message : `${text.message}\n${text.hint}`;
        dialog.showErrorBox('PushLab 无法启动', `${shown}\n\n日志在 ${logs}。`);
      } else {
        dialog.showErrorBox('PushLab could not start', `${message}\n\nSee the log in ${logs}.`);
      }
      app.quit();
    });
}
