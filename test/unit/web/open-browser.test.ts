/**
 * How `npm start`'s browser fallback opens the browser: the platform's opener, no shell, only
 * this server's loopback address; or a plain reason, which serve.ts prints with the address.
 */
import { describe, expect, it } from 'vitest';
import { chooseBrowserOpener, isOpenableUrl, runBrowserOpener } from '../../../electron/web/open-browser';

const url = 'http://127.0.0.1:5180/?token=abcdefghijklmnopqrstuvwxyzABCDEF';

describe('chooseBrowserOpener', () => {
  it('uses xdg-open on a Linux desktop, open on macOS and rundll32 (no cmd.exe) on Windows', () => {
    expect(chooseBrowserOpener({ platform: 'linux', env: { DISPLAY: ':0' }, url })).toEqual({
      kind: 'spawn',
      command: 'xdg-open',
      args: [url],
    });
    expect(
      chooseBrowserOpener({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, url }),
    ).toMatchObject({ command: 'xdg-open' });
    expect(chooseBrowserOpener({ platform: 'darwin', env: {}, url })).toEqual({
      kind: 'spawn',
      command: 'open',
      args: [url],
    });
    expect(chooseBrowserOpener({ platform: 'win32', env: {}, url })).toEqual({
      kind: 'spawn',
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', url],
    });
  });

  it('says why it does not open one: no graphical session, opted out, or an address that is not ours', () => {
    expect(chooseBrowserOpener({ platform: 'linux', env: {}, url })).toEqual({
      kind: 'none',
      reason: expect.stringContaining('no graphical session'),
    });
    expect(chooseBrowserOpener({ platform: 'darwin', env: { PUSHLAB_NO_BROWSER: '1' }, url })).toMatchObject({
      kind: 'none',
      reason: expect.stringContaining('PUSHLAB_NO_BROWSER'),
    });
    for (const bad of [
      'http://evil.example:5180/',
      'file:///etc/passwd',
      'http://127.0.0.1:5180/?token=abc" & calc',
      'http://127.0.0.1:5180/?token=abcdefghijklmnopqrstuvwxyzABCDEF&x=1',
      '-a Terminal http://127.0.0.1:5180/',
      'http://127.0.0.1:5180/\n',
    ]) {
      expect(isOpenableUrl(bad), bad).toBe(false);
      expect(chooseBrowserOpener({ platform: 'linux', env: { DISPLAY: ':0' }, url: bad }).kind, bad).toBe(
        'none',
      );
    }
    expect(isOpenableUrl('http://127.0.0.1:5180/')).toBe(true);
  });

  it('reports an opener that cannot run instead of claiming the browser opened', async () => {
    expect(
      await runBrowserOpener({ kind: 'spawn', command: '/nonexistent/xdg-open', args: [url] }),
    ).toContain('could not run');
    expect(await runBrowserOpener({ kind: 'spawn', command: 'false', args: [] })).toContain(
      'exited with status 1',
    );
    expect(await runBrowserOpener({ kind: 'spawn', command: 'true', args: [] })).toBeNull();
    expect(await runBrowserOpener({ kind: 'none', reason: 'no display' })).toBe('no display');
  });
});
