/**
 * The application menu: only standard roles (edit shortcuts for the text fields, zoom, window
 * handling); developer tools only in development.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The menu template for a platform; `dev` adds reload and developer tools. */
export function menuTemplate(platform: NodeJS.Platform, dev: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(dev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : [{ role: 'fileMenu' } as const]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
