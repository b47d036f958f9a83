/**
 * pushlab CLI: the same core as the app, headless for CI. Exit codes: 0 ok, 1 a phone failed,
 * 2 the command could not run (bad input, adb unreachable).
 */
import { parseArgs } from 'node:util';
import { isLocale } from '../../shared/i18n';
import { runIdSchema } from '../../shared/ipc';
import { toErrorInfo } from '../lab/errors';
import { devicesCommand } from './commands/devices';
import { doctorCommand } from './commands/doctor';
import { installCommand, installOptionsFrom } from './commands/install';
import { reportCommand } from './commands/report';
import { runCommand, runsCommand } from './commands/run';
import { simulatorsCommand } from './commands/simulators';
import { GLOBAL_OPTION_SPEC, globalOptions } from './options';
import { clean, printError, processOutput, type Output } from './output';

const USAGE = `Usage: pushlab <command> [options]

Commands:
  devices [--json]                       List attached phones (vendor ROM, push channel) and booted iOS simulators
  simulators [boot|shutdown UDID] [--json]  List every iOS simulator with its state, or boot / shut one down
  install <apk|App.app> [<App.app>]     Install an APK on phones and/or a simulator .app on iOS simulators
      [--serial S ...]                   in parallel (default: every ready device the builds fit)
      --no-replace  --downgrade  --grant  --no-test-only   (APK options)
  doctor --serial S --package P          Why would an offline push not show? Checks every setting that decides it
                                         (on a simulator: --serial UDID --package <bundle id>)
      [--channel ID ...] [--fix]         --channel: channel ids your push config uses; --fix: apply adb fixes
  run --plan plan.json                   Run a plan: app states x messages on every phone, verdicts and evidence
      [--junit out.xml] [--strict]       --junit: JUnit report; --strict: inconclusive cells fail the run too
  run --resume RUN                       Continue an interrupted or cancelled run (only unjudged attempts run)
  runs                                   List stored runs
  report --run RUN [--html out.html]     Reports of a stored run (needs no phone): self-contained HTML,
      [--csv out.csv] [--attempts]       CSV of every cell (--attempts: and every attempt), JUnit XML;
      [--junit out.xml] [--locale L]     at least one output; --locale en (default) or zh-CN for the HTML

Options:
  --adb-host H       adb server host (default 127.0.0.1)
  --adb-port P       adb server port (default: ANDROID_ADB_SERVER_PORT, else 5037)
  --no-start-server  do not start a local adb server when none answers
  --db FILE          SQLite database (default ~/.pushlab/pushlab.db)
  --json             machine-readable output
  --verbose          log what happens to stderr`;

export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      output.out(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'devices') {
      const { values } = parseArgs({ args: rest, options: GLOBAL_OPTION_SPEC, strict: true });
      if (values.help) return (output.out(USAGE), 0);
      return await devicesCommand(globalOptions(values), output);
    }
    if (command === 'simulators') {
      const { values, positionals } = parseArgs({ args: rest, options: GLOBAL_OPTION_SPEC, strict: true, allowPositionals: true });
      if (values.help) return (output.out(USAGE), 0);
      const [action = 'list', udid = null, ...extra] = positionals;
      if ((action !== 'list' && action !== 'boot' && action !== 'shutdown') || extra.length > 0) {
        output.err(`pushlab simulators: expected "boot UDID", "shutdown UDID" or nothing, got "${clean(positionals.join(' '))}".\n\n${USAGE}`);
        return 2;
      }
      return await simulatorsCommand(action, udid, globalOptions(values), output);
    }
    if (command === 'install') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        strict: true,
        options: {
          ...GLOBAL_OPTION_SPEC,
          serial: { type: 'string', short: 's', multiple: true },
          'no-replace': { type: 'boolean', default: false },
          downgrade: { type: 'boolean', default: false },
          grant: { type: 'boolean', default: false },
          'no-test-only': { type: 'boolean', default: false },
        },
      });
      if (values.help) return (output.out(USAGE), 0);
      if (positionals.length < 1 || positionals.length > 2 || positionals.some((p) => p === '')) {
        output.err('pushlab install: name the build: an APK, a simulator .app, or one of each.\n\n' + USAGE);
        return 2;
      }
      return await installCommand(
        globalOptions(values),
        { builds: positionals, serials: values.serial ?? [], options: installOptionsFrom(values) },
        output,
      );
    }
    if (command === 'doctor') {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          ...GLOBAL_OPTION_SPEC,
          serial: { type: 'string', short: 's' },
          package: { type: 'string', short: 'p' },
          channel: { type: 'string', multiple: true },
          fix: { type: 'boolean', default: false },
        },
      });
      if (values.help) return (output.out(USAGE), 0);
      if (!values.serial || !values.package) {
        output.err('pushlab doctor: name the phone and the app: --serial S --package com.example.app\n\n' + USAGE);
        return 2;
      }
      return await doctorCommand(
        globalOptions(values),
        { serial: values.serial, package: values.package, channelIds: values.channel ?? [], fix: values.fix === true },
        output,
      );
    }
    if (command === 'run') {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: { ...GLOBAL_OPTION_SPEC, plan: { type: 'string' }, resume: { type: 'string' }, junit: { type: 'string' }, strict: { type: 'boolean', default: false } },
      });
      if (values.help) return (output.out(USAGE), 0);
      if ((values.plan === undefined) === (values.resume === undefined)) {
        output.err('pushlab run: give either --plan plan.json or --resume RUN.\n\n' + USAGE);
        return 2;
      }
      return await runCommand(globalOptions(values), { plan: values.plan ?? null, resume: values.resume ?? null, junit: values.junit ?? null, strict: values.strict === true }, output);
    }
    if (command === 'report') {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          ...GLOBAL_OPTION_SPEC,
          run: { type: 'string' },
          html: { type: 'string' },
          csv: { type: 'string' },
          junit: { type: 'string' },
          locale: { type: 'string', default: 'en' },
          attempts: { type: 'boolean', default: false },
        },
      });
      if (values.help) return (output.out(USAGE), 0);
      if (values.run === undefined || !runIdSchema.safeParse(values.run).success) {
        output.err('pushlab report: name a stored run with --run RUN (see `pushlab runs`).\n\n' + USAGE);
        return 2;
      }
      if (values.html === undefined && values.csv === undefined && values.junit === undefined) {
        output.err('pushlab report: choose at least one output: --html FILE, --csv FILE or --junit FILE.\n\n' + USAGE);
        return 2;
      }
      if (!isLocale(values.locale)) {
        output.err(`pushlab report: --locale must be en or zh-CN, not "${clean(values.locale.slice(0, 20))}".`);
        return 2;
      }
      return await reportCommand(
        globalOptions(values),
        { runId: values.run, html: values.html ?? null, csv: values.csv ?? null, junit: values.junit ?? null, locale: values.locale, attempts: values.attempts === true },
        output,
      );
    }
    if (command === 'runs') {
      const { values } = parseArgs({ args: rest, options: GLOBAL_OPTION_SPEC, strict: true });
      if (values.help) return (output.out(USAGE), 0);
      return await runsCommand(globalOptions(values), output);
    }
    output.err(`pushlab: unknown command "${command}".\n\n${USAGE}`);
    return 2;
  } catch (error) {
    const info =
      error instanceof TypeError && /Unknown option|Option '/.test(error.message)
        ? { code: 'INVALID_ARGUMENT' as const, message: error.message, hint: 'Run `pushlab --help` for the options.' }
        : toErrorInfo(error);
    printError(output, info);
    return 2;
  }
}
