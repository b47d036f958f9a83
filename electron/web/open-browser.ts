/**
 * Opening the web UI in the user's browser when `npm start` falls back to it: the platform's own
 * opener (xdg-open, open, or on Windows rundll32's URL handler, which does what `start` does
 * without cmd.exe), started without a shell and only for this server's own loopback URL. When it
 * cannot, the caller says so plainly and prints the URL.
 */
import { spawn } from 'node:child_process';

export type BrowserOpener =
  | { readonly kind: 'spawn'; readonly command: string; readonly args: readonly string[] }
  | { readonly kind: 'none'; readonly reason: string };

/** Only http://127.0.0.1:<port>/ with an optional ?token=<base64url>: nothing an opener could misread. */
export function isOpenableUrl(url: string): boolean {
  return /^http:\/\/127\.0\.0\.1:\d{1,5}\/(\?token=[A-Za-z0-9_-]{16,128})?$/.test(url);
}

/**
 * Which program opens `url` here, or why none does. Pure: the caller passes the platform and the
 * environment (a Linux desktop without DISPLAY or WAYLAND_DISPLAY has no browser to open).
 */
export function chooseBrowserOpener(input: {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  url: string;
}): BrowserOpener {
  const { platform, env, url } = input;
  if (!isOpenableUrl(url)) return { kind: 'none', reason: 'the address is not a loopback PushLab address' };
  if (env.PUSHLAB_NO_BROWSER === '1') return { kind: 'none', reason: 'PUSHLAB_NO_BROWSER=1 is set' };
  if (platform === 'darwin') return { kind: 'spawn', command: 'open', args: [url] };
  // `start` is a cmd.exe built-in (a shell); rundll32's URL handler opens the default browser without one.
  if (platform === 'win32')
    return { kind: 'spawn', command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY)
    return {
      kind: 'none',
      reason: 'there is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    };
  return { kind: 'spawn', command: 'xdg-open', args: [url] };
}

/** How long an opener may take to report failure; one still running then is taken as opening. */
const OPENER_VERDICT_MS = 3_000;

/** Runs the opener; resolves to null when it opened (or is opening), else why not. */
export function runBrowserOpener(opener: BrowserOpener): Promise<string | null> {
  if (opener.kind === 'none') return Promise.resolve(opener.reason);
  return new Promise((resolve) => {
    const child = spawn(opener.command, [...opener.args], { stdio: 'ignore', detached: true, shell: false });
    const timer = setTimeout(() => {
      child.unref();
      resolve(null);
    }, OPENER_VERDICT_MS);
    timer.unref();
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve(`${opener.command} could not run (${error.message})`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : `${opener.command} exited with status ${String(code)} (no browser opened)`);
    });
  });
}
