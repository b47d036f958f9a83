/**
 * The one Content-Security-Policy for PushLab's UI, used by the Electron window (header and
 * <meta>) and by the loopback web bridge, so the two can never drift apart.
 */
type Directives = Readonly<Record<string, readonly string[]>>;

/** The production policy, exactly: everything from the app itself, nothing inline, no eval. */
export const APP_CSP_DIRECTIVES: Directives = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/**
 * The CSP string. `dev` relaxes only what the Vite dev server needs (the React refresh preamble
 * and injected <style> tags are inline; HMR talks over a websocket). `meta` drops
 * frame-ancestors, which browsers ignore (and warn about) in a <meta> tag.
 */
export function contentSecurityPolicy(
  options: { dev?: { origin: string }; delivery?: 'header' | 'meta' } = {},
): string {
  const directives: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(APP_CSP_DIRECTIVES)) directives[name] = [...values];
  if (options.dev) {
    const ws = new URL(options.dev.origin);
    ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
    directives['script-src']?.push("'unsafe-inline'");
    directives['style-src']?.push("'unsafe-inline'");
    directives['connect-src']?.push(ws.origin);
  }
  if (options.delivery === 'meta') delete directives['frame-ancestors'];
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
