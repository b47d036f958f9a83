/**
 * A process that serves a share of the capture bench's virtual phones (forked by capture-scale.ts),
 * so PushLab's own process holds only the core: its CPU and memory per watched phone are then
 * PushLab's cost, not the phones'. Messages from the parent:
 *   { kind: 'post', serial, title }  -> posts on that phone, answers { kind: 'posted', title, at }
 *   { kind: 'usage' }                -> answers { kind: 'usage', cpuUs, rssBytes }
 *   { kind: 'stop' }                 -> closes the lab and exits
 * Arguments: <adbPort> <count> <first index>.
 */
import { DEMO_PROFILES, VirtualLab, type VirtualAndroid } from '../test/virtual-lab';
import { buildTestApk } from '../test/virtual-lab/apk/build-apk';

export const SCALE_PACKAGE = 'dev.pushlab.capturescale';

type ParentMessage = { kind: 'post'; serial: string; title: string } | { kind: 'usage' } | { kind: 'stop' };

async function installApp(android: VirtualAndroid, apk: Buffer): Promise<void> {
  const error = android.fs.write('/data/local/tmp/scale.apk', apk, 0o644, 1_700_000_000);
  if (error) throw new Error(error);
  const out = await android.run('pm install -g /data/local/tmp/scale.apk');
  if (!out.stdout.toString().startsWith('Success'))
    throw new Error(`install failed: ${out.stdout.toString()}`);
  await android.run(`monkey -p ${SCALE_PACKAGE} -c android.intent.category.LAUNCHER 1`);
  android.setPostNotifications(SCALE_PACKAGE, { granted: true });
}

async function main(): Promise<void> {
  const [port, count, first] = process.argv.slice(2).map(Number);
  if (!port || !count || first === undefined) throw new Error('usage: <adbPort> <count> <first>');
  const lab = await VirtualLab.start({ adbPort: port, timeoutMs: 120_000 });
  const apk = await buildTestApk({
    packageName: SCALE_PACKAGE,
    versionCode: 1,
    targetSdk: 34,
    permissions: ['android.permission.POST_NOTIFICATIONS'],
  });
  const handles = [];
  // A few at a time: adb's connect handshakes are the slow part on a loaded 2-core host.
  for (let i = 0; i < count; i += 5) {
    const batch = Array.from({ length: Math.min(5, count - i) }, (_, j) => ({
      profile: DEMO_PROFILES[(first + i + j) % DEMO_PROFILES.length] ?? 'google-pixel-android15-1',
      id: `s${first + i + j}`,
    }));
    handles.push(...(await lab.addPhones(batch)));
  }
  const bySerial = new Map<string, VirtualAndroid>();
  for (const h of handles) {
    const android = h.backend as VirtualAndroid;
    await installApp(android, apk);
    bySerial.set(h.serial, android);
  }
  process.on('message', (raw: ParentMessage) => {
    if (raw.kind === 'post') {
      const android = bySerial.get(raw.serial);
      const posted = android?.postNotification(SCALE_PACKAGE, {
        channelId: 'pushlab_default',
        title: raw.title,
        text: 'capture at scale',
      });
      process.send?.({ kind: 'posted', title: raw.title, at: Date.now(), ok: posted?.posted === true });
    } else if (raw.kind === 'usage') {
      const cpu = process.cpuUsage();
      process.send?.({ kind: 'usage', cpuUs: cpu.user + cpu.system, rssBytes: process.memoryUsage().rss });
    } else if (raw.kind === 'stop') {
      void lab.close().finally(() => process.exit(0));
    }
  });
  process.send?.({ kind: 'ready', serials: handles.map((h) => h.serial) });
}

// Keep the file importable for SCALE_PACKAGE without starting a lab.
if (process.send) {
  main().catch((error: unknown) => {
    process.send?.({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}
