/**
 * `pushlab report --run ID [--html out.html] [--csv out.csv [--attempts]] [--junit out.xml]
 * [--locale zh-CN]`: a stored run's reports, read from the database with no phone and no adb
 * needed. The HTML and CSV come through the same request channels the app's export uses
 * (reports:html, reports:csv); JUnit from the run engine's results. Exit 0 when every file was
 * written, 2 when the command could not run (bad input, no such run or database, a write failed).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../../../shared/i18n';
import type { RequestArgs, RequestChannel, RequestResult } from '../../../shared/ipc';
import type { LocalLabCore } from '../../lab/compose';
import { LabError, toErrorInfo } from '../../lab/errors';
import { toJUnit } from '../../lab/runs/junit';
import type { GlobalOptions } from '../options';
import { printError, type Output } from '../output';
import { openStoreSession } from '../session';

export interface ReportArgs {
  readonly runId: string;
  readonly html: string | null;
  readonly csv: string | null;
  readonly junit: string | null;
  readonly locale: Locale;
  /** CSV: one row per attempt too. */
  readonly attempts: boolean;
}

async function request<C extends RequestChannel>(
  core: LocalLabCore,
  channel: C,
  args: RequestArgs<C>,
): Promise<RequestResult<C>> {
  const result = await core.invoke(channel, args);
  if (!result.ok) {
    throw new LabError(result.error.code, result.error.message, {
      ...(result.error.hint ? { hint: result.error.hint } : {}),
      ...(result.error.detail ? { detail: result.error.detail } : {}),
      zh: result.error.zh,
    });
  }
  return result.value;
}

async function save(path: string, content: string, what: string, whatZh: string): Promise<void> {
  try {
    await writeFile(path, content, 'utf8');
  } catch (error) {
    throw new LabError('STORAGE_FAILED', `Could not write the ${what} to ${path}.`, {
      hint: 'Check that the folder exists and is writable.',
      detail: (error as Error).message,
      cause: error,
      zh: { message: `无法把${whatZh}写入 ${path}。`, hint: '请确认该文件夹存在且可写。' },
    });
  }
}

export async function reportCommand(
  options: GlobalOptions,
  args: ReportArgs,
  output: Output,
): Promise<number> {
  const dbPath = options.dbPath ?? join(options.dataDir, 'pushlab.db');
  if (!existsSync(dbPath)) {
    printError(output, {
      code: 'NOT_FOUND',
      message: `No PushLab database at ${dbPath}.`,
      hint: 'Pass the database the run was stored in with --db FILE (or --data-dir DIR).',
      zh: {
        message: `${dbPath} 处没有 PushLab 数据库。`,
        hint: '请用 --db FILE（或 --data-dir DIR）指明保存该运行的数据库。',
      },
    });
    return 2;
  }
  const core = await openStoreSession(options);
  try {
    const written: Record<string, string> = {};
    if (args.html !== null) {
      const { html } = await request(core, 'reports:html', [{ runId: args.runId, locale: args.locale }]);
      await save(args.html, html, 'HTML report', ' HTML 报告');
      written.html = args.html;
    }
    if (args.csv !== null) {
      const { csv } = await request(core, 'reports:csv', [args.runId, { attempts: args.attempts }]);
      await save(args.csv, csv, 'CSV', ' CSV ');
      written.csv = args.csv;
    }
    if (args.junit !== null) {
      await save(args.junit, toJUnit(core.cli.runs.results(args.runId)), 'JUnit XML', ' JUnit XML ');
      written.junit = args.junit;
    }
    if (options.json) output.out(JSON.stringify({ runId: args.runId, written }, null, 2));
    else
      for (const [kind, path] of Object.entries(written))
        output.out(
          `${kind === 'junit' ? 'JUnit' : kind.toUpperCase()} report of run ${args.runId} written to ${path}`,
        );
    return 0;
  } catch (error) {
    printError(output, toErrorInfo(error));
    return 2;
  } finally {
    await core.close();
  }
}
