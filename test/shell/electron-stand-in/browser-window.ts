/**
 * BrowserWindow and webContents stand-ins: each window is a page of the stand-in Chromium that
 * loads the app and runs its built preload (page-script.ts). ipcRenderer.invoke reaches ipcMain's
 * handlers with the real sender frame; events, navigation, window.open, headers, permissions and
 * downloads go through the hooks the app installed, as in Electron.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { browserContext } from './chromium';
import { ipcMain } from './ipc-main';
import { journal, standInDir, traffic } from './journal';
import { BINDINGS, pageScript } from './page-script';
import { session } from './session';
import { applyPermissions, serveWithAppHeaders } from './window-hooks';

/** Lifecycle news for app.ts (kept apart so the two modules do not import each other). */
export const windowEvents = new EventEmitter();

class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** WebFrameMain stand-in: what ipc handlers read from event.senderFrame. */
class WebFrameMain {
  constructor(private readonly frame: Frame) {}
  get url(): string {
    return this.frame.url();
  }
  get name(): string {
    return this.frame.name();
  }
  get parent(): WebFrameMain | null {
    const parent = this.frame.parentFrame();
    return parent ? new WebFrameMain(parent) : null;
  }
  get top(): WebFrameMain {
    let frame = this.frame;
    while (frame.parentFrame()) frame = frame.parentFrame() as Frame;
    return new WebFrameMain(frame);
  }
}

type WindowOpenHandler = (details: {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
}) => { action: 'allow' | 'deny' };

let nextId = 1;
const windows = new Set<BrowserWindow>();
const byPage = new Map<Page, WebContents>();
let contextHooked = false;

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  page: Page | null = null;
  private destroyed = false;
  private openHandler: WindowOpenHandler | null = null;
  private sending: Promise<unknown> = Promise.resolve();

  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.page?.url() ?? '';
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.openHandler = handler;
  }

  /** Events to the page in order, to whatever listeners the preload registered. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    traffic('event', channel, args[0]);
    const page = this.page;
    if (!page) return;
    this.sending = this.sending.then(() =>
      page
        .evaluate(
          ([name, ch, payload]) =>
            (globalThis as unknown as Record<string, ((c: unknown, p: unknown) => void) | undefined>)[name]?.(
              ch,
              payload,
            ),
          [BINDINGS.deliver, channel, args[0]] as const,
        )
        .catch(() => undefined),
    );
  }

  markDestroyed(): void {
    this.destroyed = true;
  }

  /** will-navigate: true when the app let the navigation go on. */
  allowNavigation(url: string): boolean {
    const event = Object.assign(new StandInEvent(), { url, isMainFrame: true });
    this.emit('will-navigate', event, url);
    journal('will-navigate', { url, prevented: event.defaultPrevented });
    return !event.defaultPrevented;
  }

  windowOpen(url: string, frameName: string, features: string): void {
    const action = this.openHandler
      ? this.openHandler({ url, frameName, features, disposition: 'new-window' }).action
      : 'allow';
    journal('window-open', { url, action });
    // The app denies every window; the stand-in has no second window to offer if it did not.
    if (action === 'allow')
      process.stderr.write('[electron stand-in] window.open allowed but not supported\n');
  }
}

/** Bindings and hooks once per Chromium: IPC with the calling frame, navigation, popups, downloads. */
async function hookContext(context: BrowserContext): Promise<void> {
  if (contextHooked) return;
  contextHooked = true;
  const contentsOf = (page: Page): WebContents => {
    const contents = byPage.get(page);
    if (!contents) throw new Error('This page is not a stand-in BrowserWindow.');
    return contents;
  };
  await context.exposeBinding(BINDINGS.invoke, async (source, channel: string, args: unknown[]) => {
    const sender = contentsOf(source.page);
    const event = { sender, senderFrame: new WebFrameMain(source.frame), processId: 1, frameId: 0 };
    const reply = await ipcMain.invoke(event, channel, args);
    traffic('reply', `${channel} ${String(args[0])}`, reply);
    return reply;
  });
  await context.exposeBinding(BINDINGS.navigate, (source, url: string) => {
    const contents = contentsOf(source.page);
    if (contents.allowNavigation(url)) setImmediate(() => void source.page.goto(url).catch(() => undefined));
  });
  await context.exposeBinding(BINDINGS.open, (source, url: string, frameName: string, features: string) => {
    contentsOf(source.page).windowOpen(url, frameName, features);
  });
  context.on('page', (page) => {
    // Anything that still opened a page behind the hooks' back is closed and reported.
    if (byPage.has(page) || [...windows].some((w) => w.webContents.page === null)) return;
    journal('stray-page-closed', { url: page.url() });
    void page.close();
  });
}

export class BrowserWindow extends EventEmitter {
  readonly id: number;
  readonly webContents = new WebContents();
  private readonly page: Promise<Page>;
  private destroyed = false;
  private minimized = false;
  private shown = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    this.id = this.webContents.id;
    const webPreferences = { ...((options.webPreferences as Record<string, unknown> | undefined) ?? {}) };
    journal('BrowserWindow', { options: { ...options, webPreferences } });
    windows.add(this);
    windowEvents.emit('web-contents-created', this.webContents);
    const size = { width: Number(options.width ?? 800), height: Number(options.height ?? 600) };
    const blink =
      typeof webPreferences.disableBlinkFeatures === 'string'
        ? webPreferences.disableBlinkFeatures
        : undefined;
    this.page = this.open(
      size,
      typeof webPreferences.preload === 'string' ? webPreferences.preload : null,
      blink,
    );
    this.page.catch((error: unknown) => journal('window-error', { message: String(error) }));
  }

  private async open(
    size: { width: number; height: number },
    preloadPath: string | null,
    blink?: string,
  ): Promise<Page> {
    const context = await browserContext(size, blink);
    await hookContext(context);
    const page =
      context.pages().find((p) => !byPage.has(p) && p.url() === 'about:blank') ?? (await context.newPage());
    byPage.set(page, this.webContents);
    this.webContents.page = page;
    await page.setViewportSize(size);
    // Electron logs a missing preload and goes on without it; so does the stand-in.
    const preload = preloadPath && existsSync(preloadPath) ? readFileSync(preloadPath, 'utf8') : null;
    journal('preload', { path: preloadPath, loaded: preload !== null });
    await page.addInitScript(pageScript(preload));
    if (session.defaultSession.headersListener) await page.route('**/*', serveWithAppHeaders);
    page.on('download', (download) => {
      const event = new StandInEvent();
      session.defaultSession.emit('will-download', event, download, this.webContents);
      if (event.defaultPrevented) return void download.cancel();
      // No save dialog to click: the stand-in saves where a test can find it.
      const target = path.join(standInDir(), 'downloads', download.suggestedFilename());
      mkdirSync(path.dirname(target), { recursive: true });
      void download.saveAs(target).then(() => journal('download', { file: target }));
    });
    page.on('close', () => this.closed());
    return page;
  }

  private closed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.markDestroyed();
    windows.delete(this);
    this.emit('closed');
    if (windows.size === 0) windowEvents.emit('all-closed');
  }

  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.page;
    await applyPermissions(page.context(), this.webContents, url);
    journal('loadURL', { url });
    await page.goto(url);
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }

  loadFile(file: string): Promise<void> {
    return this.loadURL(pathToFileURL(path.resolve(file)).href);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.shown;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
    journal('window.restore', { id: this.id });
  }
  show(): void {
    this.shown = true;
    journal('window.show', { id: this.id });
  }
  focus(): void {
    journal('window.focus', { id: this.id });
  }

  /** Closes the page; 'closed' follows as in Electron. */
  async destroy(): Promise<void> {
    const page = await this.page.catch(() => null);
    await page?.close().catch(() => undefined);
    this.closed();
  }

  close(): void {
    const event = new StandInEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) void this.destroy();
  }
}
