/**
 * One lab host, run inside its own network namespace (see netns-host.ts): an adb server listening
 * on every interface (as `adb -a` on a real lab host) with virtual phones on fixed loopback ports,
 * so two hosts can serve phones with the same serial. Prints `READY <json>` when listed, and stops
 * everything on SIGTERM. Test infrastructure only.
 *
 * Usage: lab-host-main.ts <adb port> <phone port> <profile> [<phone port> <profile> ...]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualLab } from '../lab';
import { DEFAULT_ADB_BIN } from './adb-server';

const [adbPortText, ...pairs] = process.argv.slice(2);
const adbPort = Number(adbPortText);
const home = mkdtempSync(join(tmpdir(), 'pushlab-labhost-'));
const env = { ...process.env, HOME: home, TMPDIR: home, ADB_MDNS: '0' };
const server = spawn(DEFAULT_ADB_BIN, ['-a', '-P', String(adbPort), 'server', 'nodaemon'], {
  env,
  stdio: 'ignore',
});

async function waitForServer(): Promise<VirtualLab> {
  for (let i = 0; i < 100; i++) {
    try {
      return await VirtualLab.start({ adbPort });
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`adb server on ${adbPort} did not start`);
}

const lab = await waitForServer();
const specs = [];
for (let i = 0; i + 1 < pairs.length; i += 2)
  specs.push({ port: Number(pairs[i]), profile: String(pairs[i + 1]) });
const phones = await lab.addPhones(specs);
process.stdout.write(`READY ${JSON.stringify(phones.map((p) => p.serial))}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await lab.close().catch(() => {});
  server.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// `kill-adb` on stdin: the host's adb server dies (a lab host going down); `start-adb` brings it back.
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text: string) => {
  if (text.includes('kill-adb')) server.kill('SIGKILL');
});
