/**
 * `npm run demo:lab`: the demo's virtual lab without a UI (no build, no browser, no Electron), for
 * terminals and CI. Same phones, emulator, private adb server and data folder as `npm run demo`;
 * prints the `pushlab run` command for the demo plan, runs until Ctrl+C, then stops the phones and
 * the adb server it started itself.
 */
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AdbGateway } from '../lab/adb/adb-gateway';
import { errorText } from '../../shared/errors';
import { launchAdbConfig } from '../lab/adb/adb-config';
import { LabError } from '../lab/errors';
import { createLogger } from '../lab/util/logger';
import { terminalLocale } from '../web/terminal-approver';
import { createDemoLabController } from './virtual-lab-controller';

const SHUTDOWN_GRACE_MS = 10_000;

function usage(): string {
  return 'Usage: npm run demo:lab -- [--data-dir DIR]\n  --data-dir DIR  where the demo plan and key go (default $PUSHLAB_DATA_DIR or ~/.pushlab-dev)';
}

/** The adb server that answers there now, or one this process starts (and then stops at exit). */
async function ownAdbServer(gateway: AdbGateway): Promise<boolean> {
  try {
    await gateway.version();
    return false;
  } catch {
    await gateway.ensureServer();
    return true;
  }
}

function killServer(bin: string, port: number): Promise<void> {
  return new Promise((resolve) =>
    execFile(bin, ['-P', String(port), 'kill-server'], { timeout: 10_000 }, () => resolve()),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const dataDir = values['data-dir'] ?? (process.env.PUSHLAB_DATA_DIR || join(homedir(), '.pushlab-dev'));
  const adb = launchAdbConfig(true);
  const logger = createLogger({ scope: 'pushlab-demo-lab' });
  const gateway = new AdbGateway(adb, logger.child('adb'));
  const started = await ownAdbServer(gateway);
  const lab = createDemoLabController({
    adbHost: adb.host,
    adbPort: adb.port,
    dataDir,
    announce: (line) => process.stdout.write(`${line}\n`),
  });
  const stop = async (): Promise<void> => {
    await lab.stop().catch(() => undefined);
    if (started) await killServer(adb.bin, adb.port);
  };
  try {
    const status = await lab.start();
    process.stdout.write(
      `Virtual lab: ${status.phones.length} simulated phones on the adb server ${adb.host}:${adb.port}` +
        ` (data in ${dataDir}; Ctrl+C to stop).\n`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    // Ctrl+C reaches npm, tsx and this process at once: one stop; the grace timer bounds a hang.
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the virtual lab…\n`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    typeof (error as { hint?: unknown }).hint === 'string' ? `\n${(error as { hint: string }).hint}` : '';
  if (error instanceof LabError && error.zh && terminalLocale(process.env) === 'zh-CN') {
    const zh = errorText(error.toInfo(), 'zh-CN');
    process.stderr.write(
      `虚拟实验室无法启动：${zh.message}${zh.hint === undefined ? '' : `\n${zh.hint}`}\n${usage()}\n`,
    );
  } else {
    process.stderr.write(`The virtual lab could not start: ${message}${hint}\n${usage()}\n`);
  }
  process.exit(1);
});
