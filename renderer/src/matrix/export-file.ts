/**
 * Exports leave the app as files the browser downloads: a Blob behind an <a download> (no
 * navigation, no new window; the CSP allows it because nothing is loaded from the Blob).
 */

/** "pushlab-nightly-offline-push-0b6f5a8e.html": plan name made file-safe, short run id. */
export function reportFileName(planName: string, runId: string, extension: 'html' | 'csv'): string {
  const slug = planName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, '')
    // "PushLab demo" would give "pushlab-pushlab-demo-…": the prefix is said once.
    .replace(/^pushlab(?:-+|$)/, '');
  const id = runId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  const name =
    slug.endsWith(`-${id}`) || slug === id ? slug.slice(0, Math.max(0, slug.length - id.length - 1)) : slug;
  return `pushlab-${name === '' ? 'run' : name}-${id}.${extension}`;
}

export const EXPORT_MIME = { html: 'text/html;charset=utf-8', csv: 'text/csv;charset=utf-8' } as const;

/** Hands `text` to the browser as a download named `fileName`. */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; release ours on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
