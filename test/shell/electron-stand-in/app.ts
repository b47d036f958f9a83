/**
 * app stand-in: ready, the single-instance lock (a lock file plus a hand-off file the first
 * instance watches, where Electron uses a socket), quit with its cancellable events, exit,
 * and the paths Electron derives from the app's package.json and $XDG_CONFIG_HOME.
 */
import { EventEmitter } from 'node:events';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  watch,
  writeFileSync,
  type FSWatcher,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { closeBrowser } from './chromium';
import { BrowserWindow, windowEvents } from './browser-window';
import { journal } from './journal';

const HANDOFF = 'stand-in-second-instance-';

function appPackage(): { name: string; version: string } {
  // Electron reads the package.json of the app it runs (here: next to out/main).
  let dir = path.dirname(path.resolve(process.argv[1] ?? '.'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    name: string;
    productName?: string;
    version: string;
  };
  return { name: pkg.productName ?? pkg.name, version: pkg.version };
}

class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

class AppStandIn extends EventEmitter {
  readonly isPackaged = false;
  private readonly pkg = appPackage();
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private quitting = false;
  private lockFile: string | null = null;
  private watcher: FSWatcher | null = null;

  constructor() {
    super();
    this.readyPromise = new Promise((resolve) =>
      setImmediate(() => {
        this.ready = true;
        journal('app.ready');
        this.emit('ready');
        resolve();
      }),
    );
    windowEvents.on('web-contents-created', (contents) =>
      this.emit('web-contents-created', new StandInEvent(), contents),
    );
    windowEvents.on('all-closed', () => {
      // As in Electron: not emitted while quitting, and with no listener the app quits.
      if (this.quitting) return;
      if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
      else this.quit();
    });
  }

  getName(): string {
    return this.pkg.name;
  }
  getVersion(): string {
    return this.pkg.version;
  }
  getPath(name: string): string {
    const config = process.env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config');
    const paths: Record<string, string> = {
      home: homedir(),
      appData: config,
      userData: path.join(config, this.pkg.name),
      logs: path.join(config, this.pkg.name, 'logs'),
      temp: tmpdir(),
      downloads: path.join(homedir(), 'Downloads'),
    };
    const found = paths[name];
    if (!found) throw new Error(`Failed to get '${name}' path (not in the electron stand-in)`);
    return found;
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    journal('app.enableSandbox');
  }

  /** First instance: holds <userData>/SingletonLock. Later ones hand their argv over and get false. */
  requestSingleInstanceLock(): boolean {
    const dir = this.getPath('userData');
    mkdirSync(dir, { recursive: true });
    const lock = path.join(dir, 'SingletonLock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
        this.lockFile = lock;
        this.watchHandOffs(dir);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(readFileSync(lock, 'utf8'));
        if (alive(owner)) {
          writeFileSync(
            path.join(dir, `${HANDOFF}${process.pid}.json`),
            JSON.stringify({ argv: process.argv, cwd: process.cwd() }),
          );
          journal('app.singleInstanceLock', { granted: false, owner });
          return false;
        }
        rmSync(lock, { force: true });
      }
    }
    return false;
  }

  private watchHandOffs(dir: string): void {
    this.watcher = watch(dir, () => {
      for (const name of readdirSync(dir).filter((n) => n.startsWith(HANDOFF))) {
        const file = path.join(dir, name);
        let handOff: { argv: string[]; cwd: string };
        try {
          handOff = JSON.parse(readFileSync(file, 'utf8')) as { argv: string[]; cwd: string };
        } catch {
          continue; // still being written; the next change event reads it
        }
        rmSync(file, { force: true });
        journal('app.second-instance', { argv: handOff.argv.slice(2) });
        this.emit('second-instance', new StandInEvent(), handOff.argv, handOff.cwd, {});
      }
    });
  }

  /** before-quit (cancellable), windows closed, will-quit (cancellable), quit, exit(0). */
  quit(): void {
    if (this.quitting) return;
    const before = new StandInEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    journal('app.quit');
    void Promise.all(BrowserWindow.getAllWindows().map((w) => w.destroy())).then(() => {
      const willQuit = new StandInEvent();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) return;
      this.emit('quit', new StandInEvent(), 0);
      this.exit(0);
    });
  }

  /** Ends the process now (no events), after closing Chromium and releasing the lock. */
  exit(code = 0): void {
    journal('app.exit', { code });
    this.watcher?.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
    void closeBrowser().finally(() => process.exit(code));
  }
}

export const app = new AppStandIn();
