/** `simctl launch <udid> <bundle id>`: brings the app to the foreground; prints "<bundle id>: <pid>". */
import { LabError } from '../../errors';
import type { SimctlRunner } from '../simctl/runner';
import { assertBundleId, assertUdid } from './args';

/** The pid from launch's output ("com.example.app: 12345"), or null when it printed none. */
export function parseLaunchOutput(stdout: string, bundleId: string): number | null {
  for (const line of stdout.split('\n')) {
    const m = /^\s*([^:\s]+):\s*(\d+)\s*$/.exec(line);
    if (m?.[1] === bundleId && m[2]) return Number(m[2]);
  }
  return null;
}

export async function launchApp(
  runner: SimctlRunner,
  udid: string,
  bundleId: string,
  options: { terminateRunning?: boolean; signal?: AbortSignal } = {},
): Promise<number | null> {
  assertUdid(udid);
  assertBundleId(bundleId);
  const args = [...(options.terminateRunning ? ['--terminate-running-process'] : []), udid, bundleId];
  const { stdout } = await runner.run('launch', args, {
    timeoutMs: 60_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const pid = parseLaunchOutput(stdout.toString('utf8'), bundleId);
  if (pid === null && stdout.length > 0 && /error/i.test(stdout.toString('utf8'))) {
    throw new LabError('COMMAND_FAILED', `${bundleId} did not start on ${udid}.`, {
      hint: 'Is the app installed on this simulator?',
      detail: stdout.toString('utf8').slice(0, 2000),
      zh: { message: `${bundleId} 没有在 ${udid} 上启动。`, hint: '这个模拟器上安装了该应用吗？' },
    });
  }
  return pid;
}
