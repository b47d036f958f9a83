/**
 * `simctl install <udid> <App.app>`. The bundle is read and checked first by ios/app-bundle.ts
 * (installAppBundle); this command only hands the path to simctl.
 */
import type { SimctlRunner } from '../simctl/runner';
import { assertHostPath, assertUdid } from './args';

export async function installApp(runner: SimctlRunner, udid: string, appPath: string): Promise<void> {
  assertUdid(udid);
  assertHostPath(appPath, 'The app path', '应用路径');
  await runner.run('install', [udid, appPath], { timeoutMs: 180_000 });
}
