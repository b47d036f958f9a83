/**
 * `npm run web [-- --demo] [-- --port N] [-- --open]`: PushLab in a browser, for machines without
 * the Electron binary. Builds the core, serves out/renderer on 127.0.0.1 and prints the URL, which
 * carries this launch's access key; `--open` (what `npm start` passes) also opens the browser.
 * Plans that would run a program or read files are confirmed at this terminal, never in the page.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDemoLabController } from '../demo/virtual-lab-controller';
import { errorText } from '../../shared/errors';
import { appHosts, appHostsPath } from '../lab/adb/hosts-file';
import { createLabCore } from '../lab/compose';
import { launchAdbConfig } from '../lab/adb/adb-config';
import { LabError } from '../lab/errors';
import { createLogger } from '../lab/util/logger';
import { chooseBrowserOpener, runBrowserOpener } from './open-browser';
import { serveWeb } from './server';
import { createTerminalApprover, terminalLocale } from './terminal-approver';

const DEFAULT_PORT = 5180;
const SHUTDOWN_GRACE_MS = 10_000;

interface CliOptions {
  readonly demo: boolean;
  readonly port: number;
  readonly open: boolean;
}

function usage(): string {
  return [
    'Usage: npm run web -- [--demo] [--port N] [--open]',
    '  --demo    start a virtual lab of simulated phones',
    '  --port N  listen on 127.0.0.1:N (default 5180; 0 = any free port)',
    '  --open    open the address in your browser',
  ].join('\n');
}

function parseCli(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    process.exit(0);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  return { demo: values.demo === true, port, open: values.open === true };
}

async function main(): Promise<void> {
  let cli: CliOptions;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage()}\n`);
    process.exit(2);
  }

  const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(
      `The web UI is not built yet (${rendererDir}/index.html is missing).\nRun \`npm run build\` first, then \`npm run web\` again.\n`,
    );
    process.exit(1);
  }

  const dataDir = process.env.PUSHLAB_DATA_DIR || join(homedir(), '.pushlab-dev');
  const logger = createLogger({ scope: 'pushlab-web' });
  const adb = launchAdbConfig(cli.demo);
  const approver = createTerminalApprover({
    input: process.stdin,
    output: process.stdout,
    locale: terminalLocale(process.env),
  });
  // The virtual lab always has its own adb server; without --demo the core follows it there while it runs.
  const labAdb = launchAdbConfig(true);
  // A lab across several hosts: <dataDir>/hosts.json (or PUSHLAB_HOSTS_FILE); absent = one adb server.
  const hosts = cli.demo ? null : appHosts(dataDir, process.env);
  const core = await createLabCore({
    dataDir,
    adb: hosts?.[0] ? { ...adb, host: hosts[0].address, port: hosts[0].port } : adb,
    ...(hosts ? { hosts } : {}),
    // The same file is the window's hosts setting, applied live (not in the demo: its server is its own).
    ...(cli.demo ? {} : { hostsFile: appHostsPath(dataDir, process.env) }),
    shell: 'web',
    logger,
    // Always offered (the empty state's button); --demo also starts it.
    // The demo writes <dataDir>/demo-plan.json and says here how to run it from another shell.
    virtualLab: createDemoLabController({
      adbHost: labAdb.host,
      adbPort: labAdb.port,
      dataDir,
      announce: (line) => process.stdout.write(`${line}\n`),
    }),
    // The page is not trusted to confirm a plan that runs a program: this terminal is asked.
    approvePrograms: approver.approve,
  });
  const server = await serveWeb({
    core,
    rendererDir,
    port: cli.port,
    uploadDir: join(dataDir, 'uploads'),
    logger: logger.child('http'),
  });
  process.stdout.write(
    `PushLab web UI: ${server.url}\n(this address carries a key for this launch only: open it in your browser, do not share it)\n` +
      `(data in ${dataDir}; adb server ${adb.host}:${adb.port}; Ctrl+C to stop)\n`,
  );
  if (cli.open) {
    const notOpened = await runBrowserOpener(
      chooseBrowserOpener({ platform: process.platform, env: process.env, url: server.url }),
    );
    process.stdout.write(
      notOpened === null
        ? 'Opened it in your browser.\n'
        : `Did not open a browser: ${notOpened}.\nOpen this address yourself: ${server.url}\n`,
    );
  }

  if (cli.demo) {
    const started = await core.invoke('lab:start', [{}]);
    if (started.ok)
      process.stdout.write(`Virtual lab: ${started.value.phones.length} simulated phones plugged in.\n`);
    else
      process.stderr.write(
        `Virtual lab did not start: ${started.error.message}${started.error.hint ? `\n${started.error.hint}` : ''}\n`,
      );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write('Stopping anyway.\n');
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`\n${signal}: stopping PushLab…\n`);
    // A phone or adb server that no longer answers must not keep the process alive forever.
    setTimeout(() => {
      process.stderr.write('Shutdown is taking too long; exiting anyway.\n');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    void (async () => {
      approver.close();
      await server.close();
      await core.invoke('lab:stop', []);
      await core.close();
      process.exit(0);
    })().catch((error: unknown) => {
      process.stderr.write(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    typeof (error as { hint?: unknown }).hint === 'string' ? `\n${(error as { hint: string }).hint}` : '';
  if (error instanceof LabError && error.zh && terminalLocale(process.env) === 'zh-CN') {
    const zh = errorText(error.toInfo(), 'zh-CN');
    process.stderr.write(
      `PushLab 网页界面无法启动：${zh.message}${zh.hint === undefined ? '' : `\n${zh.hint}`}\n`,
    );
  } else {
    process.stderr.write(`PushLab web UI could not start: ${message}${hint}\n`);
  }
  process.exit(1);
});
