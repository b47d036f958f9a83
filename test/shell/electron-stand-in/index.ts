/**
 * The `electron` module STAND-IN for tests (never shipped, never what `electron` resolves to
 * for the app itself): exactly the main-process APIs PushLab uses, over Node and a Debian
 * Chromium page. It proves our wiring (window options, preload, IPC sender checks, hooks,
 * lifecycle), not Electron. test/shell/support/stand-in-app.ts builds it and points the
 * built main bundle's `electron` import at it.
 */
export { app } from './app';
export { BrowserWindow } from './browser-window';
export { ipcMain } from './ipc-main';
export { session } from './session';
export { Menu, dialog, safeStorage, shell } from './small-apis';
