/**
 * pushlab CLI: the same core as the app, headless for CI. Exit codes: 0 ok, 1 a phone failed,
 * 2 the command could not run (bad input, adb unreachable).
 *
 * Each command's module (and with it the core, SQLite and adbkit) is imported only when that
 * command runs, so `--help`, `scenarios` and argument errors start fast and never touch adb.
 */
import { parseArgs } from 'node:util';
import { isLocale } from '../../shared/i18n';
import { assertSerial } from '../lab/adb/serial';
import { toErrorInfo } from '../lab/errors';
import { say, sayZh } from './locale';
import { GLOBAL_OPTION_SPEC, globalOptions } from './options';
import { clean, printError, processOutput, type Output } from './output';

/** Every command `pushlab` knows (the message-reference test checks texts against this list). */
export const COMMANDS = [
  'devices',
  'simulators',
  'scenarios',
  'install',
  'doctor',
  'run',
  'runs',
  'report',
  'help',
] as const;

const RUN_ID = /^[A-Za-z0-9-]{1,64}$/;

const usage = (): string => say('cli.usage');

function parse(
  rest: readonly string[],
  options: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean }
  > = {},
) {
  return parseArgs({
    args: [...rest],
    allowPositionals: true,
    strict: true,
    options: { ...GLOBAL_OPTION_SPEC, ...options },
  });
}

type Values = Readonly<Record<string, string | boolean | Array<string | boolean> | undefined>>;
const str = (values: Values, key: string): string | undefined =>
  typeof values[key] === 'string' ? (values[key] as string) : undefined;
const strs = (values: Values, key: string): string[] =>
  Array.isArray(values[key]) ? (values[key] as string[]) : [];
const flag = (values: Values, key: string): boolean => values[key] === true;

/** Refuses positionals a command does not take (they used to be ignored silently). */
function noPositionals(command: string, positionals: readonly string[]): void {
  if (positionals.length > 0)
    throw new TypeError(
      `Unexpected argument '${clean(positionals[0]?.slice(0, 80))}': pushlab ${command} takes options only`,
    );
}

async function dispatch(command: string, rest: readonly string[], output: Output): Promise<number> {
  switch (command) {
    case 'devices': {
      const { values, positionals } = parse(rest);
      if (values.help) return (output.out(usage()), 0);
      noPositionals(command, positionals);
      const { devicesCommand } = await import('./commands/devices');
      return devicesCommand(globalOptions(values), output);
    }
    case 'simulators': {
      const { values, positionals } = parse(rest);
      if (values.help) return (output.out(usage()), 0);
      const [action = 'list', udid = null, ...extra] = positionals;
      if ((action !== 'list' && action !== 'boot' && action !== 'shutdown') || extra.length > 0) {
        output.err(
          `${say('cli.simulators.badAction', { got: clean(positionals.join(' ').slice(0, 80)) })}\n\n${usage()}`,
        );
        return 2;
      }
      const { simulatorsCommand } = await import('./commands/simulators');
      return simulatorsCommand(action, udid, globalOptions(values), output);
    }
    case 'scenarios': {
      const { values, positionals } = parse(rest);
      if (values.help) return (output.out(usage()), 0);
      noPositionals(command, positionals);
      const { scenariosCommand } = await import('./commands/scenarios');
      return scenariosCommand({ json: values.json === true }, output);
    }
    case 'install': {
      const { values, positionals } = parse(rest, {
        serial: { type: 'string', short: 's', multiple: true },
        'no-replace': { type: 'boolean', default: false },
        downgrade: { type: 'boolean', default: false },
        grant: { type: 'boolean', default: false },
        'no-test-only': { type: 'boolean', default: false },
      });
      if (values.help) return (output.out(usage()), 0);
      if (positionals.length < 1 || positionals.length > 2 || positionals.some((p) => p === '')) {
        output.err(`${say('cli.install.builds', { count: positionals.length })}\n\n${usage()}`);
        return 2;
      }
      const { installCommand, installOptionsFrom } = await import('./commands/install');
      return installCommand(
        globalOptions(values),
        {
          builds: positionals,
          serials: strs(values, 'serial').map(assertSerial),
          options: installOptionsFrom(values),
        },
        output,
      );
    }
    case 'doctor': {
      const { values, positionals } = parse(rest, {
        serial: { type: 'string', short: 's' },
        package: { type: 'string', short: 'p' },
        channel: { type: 'string', multiple: true },
        fix: { type: 'boolean', default: false },
      });
      if (values.help) return (output.out(usage()), 0);
      noPositionals(command, positionals);
      const serial = str(values, 'serial');
      const pkg = str(values, 'package');
      if (!serial || !pkg) {
        const message =
          !serial && !pkg
            ? say('cli.doctor.missingBoth')
            : say('cli.doctor.missing', { missing: serial ? '--package' : '--serial' });
        output.err(`${message}\n\n${usage()}`);
        return 2;
      }
      const { doctorCommand } = await import('./commands/doctor');
      return doctorCommand(
        globalOptions(values),
        {
          serial: assertSerial(serial),
          package: pkg,
          channelIds: strs(values, 'channel'),
          fix: flag(values, 'fix'),
        },
        output,
      );
    }
    case 'run': {
      const { values, positionals } = parse(rest, {
        plan: { type: 'string' },
        resume: { type: 'string' },
        junit: { type: 'string' },
        strict: { type: 'boolean', default: false },
      });
      if (values.help) return (output.out(usage()), 0);
      noPositionals(command, positionals);
      const plan = str(values, 'plan');
      const resume = str(values, 'resume');
      if ((plan === undefined) === (resume === undefined)) {
        output.err(`${say('cli.run.planOrResume')}\n\n${usage()}`);
        return 2;
      }
      const { runCommand } = await import('./commands/run');
      return runCommand(
        globalOptions(values),
        {
          plan: plan ?? null,
          resume: resume ?? null,
          junit: str(values, 'junit') ?? null,
          strict: flag(values, 'strict'),
        },
        output,
      );
    }
    case 'report': {
      const { values, positionals } = parse(rest, {
        run: { type: 'string' },
        html: { type: 'string' },
        csv: { type: 'string' },
        junit: { type: 'string' },
        locale: { type: 'string', default: 'en' },
        attempts: { type: 'boolean', default: false },
      });
      if (values.help) return (output.out(usage()), 0);
      noPositionals(command, positionals);
      const run = str(values, 'run');
      const locale = str(values, 'locale') ?? 'en';
      const [html, csv, junit] = [str(values, 'html'), str(values, 'csv'), str(values, 'junit')];
      const problem =
        run === undefined
          ? say('cli.report.missingRun')
          : !RUN_ID.test(run)
            ? say('cli.report.badRun', { run: clean(run.slice(0, 80)) })
            : html === undefined && csv === undefined && junit === undefined
              ? say('cli.report.missingOutput')
              : !isLocale(locale)
                ? say('cli.report.badLocale', { locale: clean(locale.slice(0, 20)) })
                : null;
      if (problem !== null || run === undefined || !isLocale(locale)) {
        output.err(`${problem ?? ''}\n\n${usage()}`);
        return 2;
      }
      const { reportCommand } = await import('./commands/report');
      return reportCommand(
        globalOptions(values),
        {
          runId: run,
          html: html ?? null,
          csv: csv ?? null,
          junit: junit ?? null,
          locale,
          attempts: flag(values, 'attempts'),
        },
        output,
      );
    }
    case 'runs': {
      const { values, positionals } = parse(rest);
      if (values.help) return (output.out(usage()), 0);
      noPositionals(command, positionals);
      const { runsCommand } = await import('./commands/runs');
      return runsCommand(globalOptions(values), output);
    }
    default:
      output.err(`${say('cli.unknownCommand', { command: clean(command.slice(0, 40)) })}\n\n${usage()}`);
      return 2;
  }
}

export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      output.out(usage());
      return command ? 0 : 2;
    }
    return await dispatch(command, rest, output);
  } catch (error) {
    const info =
      error instanceof TypeError && /Unknown option|Option '|Unexpected argument/.test(error.message)
        ? {
            code: 'INVALID_ARGUMENT' as const,
            message: error.message,
            hint: say('cli.badOption.hint'),
            // The parser's own sentence (node:util parseArgs) has no translation: it is quoted.
            zh: { message: `选项有误：${error.message}`, hint: sayZh('cli.badOption.hint') },
          }
        : toErrorInfo(error);
    printError(output, info);
    return 2;
  }
}
