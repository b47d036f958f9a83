/** Shared by the events tests: the app, a phone time, waiting for a condition, and NMS's enqueue line. */

export const APP = 'com.example.app';
export const T0 = 1_765_098_000_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

/** logcat -v epoch line of an enqueue, as NMS writes it. */
export function enqueueLine(pkg: string, id: number, atMs: number): string {
  const stamp = `${String(Math.floor(atMs / 1000)).padStart(19)}.${String(atMs % 1000).padStart(3, '0')}`;
  return `${stamp}  1873  2904 I notification_enqueue: [10245,4410,${pkg},${id},NULL,0,Notification(channel=c pri=0),0]\n`;
}
