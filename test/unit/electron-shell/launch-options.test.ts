import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEMO_ADB_PORT,
  labAdbConfig,
  parseLaunchOptions,
  preloadPath,
  rendererLocation,
} from '../../../electron/main/launch-options';
import { menuTemplate } from '../../../electron/main/menu';

const mainDir = path.join('/app', 'out', 'main');

describe('launch options', () => {
  it('turns demo mode on with --demo or PUSHLAB_DEMO=1 only', () => {
    expect(parseLaunchOptions(['electron', '.', '--demo'], {})).toEqual({ demo: true });
    expect(parseLaunchOptions(['electron', '.'], { PUSHLAB_DEMO: '1' })).toEqual({ demo: true });
    expect(parseLaunchOptions(['electron', '.'], { PUSHLAB_DEMO: 'yes' })).toEqual({ demo: false });
    expect(parseLaunchOptions(['electron', '.', '--demo=0'], {})).toEqual({ demo: false });
  });

  it('gives the demo its own adb server unless a port is set explicitly', () => {
    expect(labAdbConfig({ demo: true }, {}).port).toBe(DEMO_ADB_PORT);
    expect(DEMO_ADB_PORT).not.toBe(5037);
    expect(labAdbConfig({ demo: true }, { ANDROID_ADB_SERVER_PORT: '16000' }).port).toBe(16000);
    expect(labAdbConfig({ demo: false }, {})).toMatchObject({
      host: '127.0.0.1',
      port: 5037,
      startServer: true,
    });
  });

  it('loads the built renderer unless unpackaged with a loopback dev server URL', () => {
    const built = { kind: 'file', indexHtmlPath: path.join('/app', 'out', 'renderer', 'index.html') };
    expect(
      rendererLocation({
        isPackaged: true,
        env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
        mainDir,
      }),
    ).toEqual(built);
    expect(rendererLocation({ isPackaged: false, env: {}, mainDir })).toEqual(built);
    expect(
      rendererLocation({
        isPackaged: false,
        env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
        mainDir,
      }),
    ).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173/',
    });
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect(
        rendererLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url }, mainDir }),
        url,
      ).toEqual(built);
    }
  });

  it('finds the CommonJS preload next to the built main', () => {
    expect(preloadPath(mainDir)).toBe(path.join('/app', 'out', 'preload', 'index.cjs'));
  });
});

describe('menu', () => {
  const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ]);

  it('offers developer tools only in development', () => {
    expect(roles(menuTemplate('linux', true))).toContain('toggleDevTools');
    expect(roles(menuTemplate('linux', false))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate('linux', false))).not.toContain('reload');
  });

  it('uses the macOS app menu only on macOS', () => {
    expect(roles(menuTemplate('darwin', false))[0]).toBe('appMenu');
    expect(roles(menuTemplate('win32', false))[0]).toBe('fileMenu');
  });
});
