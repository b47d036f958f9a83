/**
 * The script the stand-in window runs in its page before any of the app's scripts: the built
 * preload (CommonJS) with a fake `require('electron')` whose ipcRenderer talks to the main
 * process through Playwright bindings, plus the hooks that turn page-initiated navigation and
 * window.open into Electron's will-navigate and setWindowOpenHandler decisions.
 *
 * Unlike Electron, the preload runs in the page's own world (no context isolation): the stand-in
 * proves our wiring, not Electron's isolation.
 */

/** Binding names shared by browser-window.ts (the main side) and the page script. */
export const BINDINGS = {
  invoke: '__pushlabStandInInvoke',
  navigate: '__pushlabStandInNavigate',
  open: '__pushlabStandInOpen',
  deliver: '__pushlabStandInDeliver',
} as const;

export function pageScript(preloadSource: string | null): string {
  const preload =
    preloadSource === null
      ? ''
      : `(function (require, module, exports) {\n${preloadSource}\n})(require, module, module.exports);`;
  return `(() => {
  // Electron runs the preload in the main frame only (nodeIntegrationInSubFrames: false).
  if (window.top !== window) return;
  const B = ${JSON.stringify(BINDINGS)};
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window[B.invoke](channel, args),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, B.deliver, {
    value: (channel, payload) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer }, payload);
    },
  });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: api, enumerable: true, writable: false, configurable: false });
    },
  };
  // A File picked in a plain browser has no path on disk: the stand-in reports none, as Electron does for such files.
  const webUtils = { getPathForFile: () => '' };
  const electron = Object.freeze({ contextBridge, ipcRenderer, webUtils });
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('Cannot find module ' + JSON.stringify(name) + ' (sandboxed preload: only electron)');
  };
  const module = { exports: {} };
  ${preload}

  // will-navigate: cross-document navigations the page starts are held and asked of main first.
  if (window.navigation) {
    navigation.addEventListener('navigate', (event) => {
      if (!event.cancelable || event.hashChange || event.downloadRequest !== null || event.destination.sameDocument) return;
      if (event.navigationType === 'reload' || event.navigationType === 'traverse') return;
      event.preventDefault();
      void window[B.navigate](event.destination.url);
    });
  }
  // setWindowOpenHandler: window.open and target=_blank links ask main; a denied window.open returns null.
  window.open = (url, target, features) => {
    void window[B.open](new URL(String(url ?? ''), location.href).href, String(target ?? ''), String(features ?? ''));
    return null;
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[target]') : null;
    if (!link || link.target === '_self' || link.hasAttribute('download')) return;
    event.preventDefault();
    void window[B.open](link.href, link.target, '');
  }, true);
})();`;
}
