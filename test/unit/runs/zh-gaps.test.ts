/**
 * zh-CN messages composed from pieces (issue 9 point 7): storage operations, run time-outs, what a
 * sender or simulator cannot test, template problems and the plan's per-field problems must not
 * leave English prose inside the Chinese text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../electron/lab/errors';
import { simulatorBlock } from '../../../electron/lab/ios/run/simulator-limits';
import { senderCannotTest } from '../../../electron/lab/runs/engine/sender-limits';
import { openDatabase } from '../../../electron/lab/store/db';
import { createRepositories } from '../../../electron/lab/store/repositories';
import { PlanError, parsePlan } from '../../../shared/runs/parse-plan';
import type { PlanSender } from '../../../shared/runs/plan';
import { templateProblemTexts } from '../../../shared/runs/template';
import { SCENARIOS } from '../../../shared/scenarios/catalog';
import type { PhoneContext } from '../../../shared/scenarios/types';
import { englishWords } from '../../renderer/support/english-words';

const HAN = /[\u4e00-\u9fff]/;
const root = path.resolve(import.meta.dirname, '../../..');
// Proper names that stay Latin in these texts (Android class and Google product names).
const NAMES = ['Activity', 'Firebase'];

function expectChinese(zh: string | undefined, where: string): void {
  expect.soft(zh, where).toMatch(HAN);
  expect.soft(englishWords(zh ?? '', NAMES), `${where}: ${zh}`).toEqual([]);
}

/** The text of each call `name(...)` in `source` (balanced parentheses; strings are not parsed). */
function calls(source: string, name: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(new RegExp(`\\b${name}\\(`, 'g'))) {
    let depth = 0;
    let i = m.index + name.length;
    for (; i < source.length; i++) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) break;
    }
    found.push(source.slice(m.index, i + 1));
  }
  return found;
}

const sources = (dir: string): Array<[string, string]> =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [path.join(dir, f), readFileSync(path.join(root, dir, f), 'utf8')]);

describe('zh-CN errors composed from phrases', () => {
  it('every storage operation, sign-off refusal and damaged value is named in Chinese at its call site', () => {
    const plain: string[] = [];
    for (const [file, source] of sources('electron/lab/store')) {
      for (const name of ['guarded', 'guardedWrite', 'runSignedOff', 'damaged', 'refuseSigned', 'readJson']) {
        // An English-only string as the first or second argument (readJson and refuseSigned take it second).
        for (const call of calls(source, name))
          if (/^\w+\((?:[^,'`]*,\s*)?['`]/.test(call)) plain.push(`${file}: ${call.split('\n')[0]}`);
      }
    }
    expect(plain).toEqual([]);
  });

  it('a failing database names the operation in Chinese', () => {
    const db = openDatabase(':memory:');
    const repos = createRepositories(db);
    db.close();
    const reads: Array<() => unknown> = [
      () => repos.runs.list(),
      () => repos.runs.plan('run-1'),
      () => repos.devices.list(),
      () => repos.devices.identityHistory('emulator-5554'),
      () => repos.builds.list(),
      () => repos.installs.recentJobs(5),
      () => repos.signoffs.get('run-1'),
      () => repos.signoffs.signedRunIds(['run-1']),
    ];
    for (const read of reads) {
      const error = (() => {
        try {
          read();
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(LabError);
      const info = (error as LabError).toInfo();
      expect(info.code).toBe('STORAGE_FAILED');
      expect(info.message).toMatch(/^Could not /);
      expectChinese(info.zh?.message, info.message);
    }
  });

  it('run time-outs name what timed out in Chinese', () => {
    const plain = sources('electron/lab/runs')
      .flatMap(([file, source]) => calls(source, 'withTimeout').map((call) => [file, call] as const))
      .filter(([, call]) => !/\{\s*en:/.test(call));
    expect(plain.map(([file, call]) => `${file}: ${call.slice(0, 80)}`)).toEqual([]);
  });

  it('what a sender or a simulator cannot test reads in Chinese', () => {
    const senders: Array<PlanSender['kind']> = ['tencent', 'apns', 'fcm', 'simctl', 'command', 'manual'];
    const ios = { channel: 'apns', platform: 'ios' } as unknown as PhoneContext;
    let seen = 0;
    for (const scenario of SCENARIOS) {
      for (const sender of senders) {
        for (const reason of [senderCannotTest(scenario, sender), simulatorBlock(scenario, sender, ios)]) {
          if (reason === null) continue;
          seen++;
          expect(reason.en).not.toMatch(HAN);
          expectChinese(reason.zh, reason.en);
        }
      }
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('template problems read in Chinese', () => {
    const bad: Array<[string, 'shell' | 'deeplink']> = [
      ['  ', 'shell'],
      ['am start\n-n x', 'shell'],
      ['am start --es user {user}', 'shell'],
      ['echo }', 'shell'],
      ['echo ${HOME}', 'shell'],
      ["am start --es user '{account}'", 'shell'],
      ['sh -c "login {account}"', 'shell'],
      ['echo $(id) {account}', 'shell'],
      ['login {account}; reboot', 'shell'],
      ['not a uri {account}', 'deeplink'],
    ];
    for (const [template, kind] of bad) {
      const problems = templateProblemTexts(template, kind);
      expect(problems.length, template).toBeGreaterThan(0);
      for (const problem of problems) expectChinese(problem.zh, problem.en);
    }
  });

  it("the plan's own per-field problems read in Chinese", () => {
    const plans: unknown[] = [
      '{ "name": ',
      '{ "name": 1, }',
      {},
      {
        name: 'x\n',
        extra: 1,
        secretKey: 'k',
        app: {
          package: '1bad',
          launchActivity: 'no such',
          accounts: {},
          login: { kind: 'shell', template: 'sh -c "{account}"' },
          logout: { kind: 'deeplink', uri: 'bad uri' },
          kick: { kind: 'nope' },
          tokens: { serials: { s1: '!' } },
        },
        phones: {},
        scenarios: ['no-such-scenario', 'foreground-text', 'foreground-text'],
        repeats: 0,
        sender: {
          kind: 'tencent',
          sdkAppId: 1,
          adminIdentifier: '!',
          secret: 'plain',
          groupId: '!',
          baseUrl: 'http://x',
        },
        build: { apk: 'a.apk', install: 'yes' },
        timeouts: { pushMs: 10, stepMs: 10_000_000 },
      },
      {
        name: 'n',
        app: {
          package: 'com.example.app',
          accounts: { serials: { s1: { account: 'u' } } },
          login: { kind: 'operator', prompt: 'p' },
          push: { fcmPriority: 'normal' },
        },
        phones: { serials: ['s1'] },
        scenarios: 'all',
        repeats: 1,
        sender: {
          kind: 'fcm',
          projectId: 'A',
          secret: { env: '1' },
          baseUrl: 'https://fcm.example',
          priority: 'high',
        },
      },
      {
        name: 'n',
        app: {
          package: 'com.example.app',
          accounts: { serials: { s1: { account: 'u' } } },
          login: { kind: 'operator', prompt: 'p' },
          push: { apns: { build: 'debug', certificate: 'development' } },
          tokens: { serials: {} },
        },
        phones: { serials: ['s1'] },
        scenarios: 'all',
        repeats: 1,
        sender: {
          kind: 'apns',
          teamId: 'x',
          keyId: 'y',
          topic: 'bad',
          environment: 'production',
          pushType: 'background',
          priority: 10,
          collapseId: 'c'.repeat(65),
          secret: { stored: '-' },
        },
      },
      {
        name: 'n',
        app: {
          package: 'com.example.app',
          accounts: { vendors: { fcm: { account: 'u' } } },
          login: { kind: 'operator', prompt: 'p' },
        },
        phones: { vendors: ['fcm'] },
        scenarios: 'all',
        repeats: 1.5,
        sender: { kind: 'command', command: '/bin/true', args: ['a\nb'] },
      },
    ];
    let seen = 0;
    for (const plan of plans) {
      const error = (() => {
        try {
          parsePlan(plan);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(PlanError);
      const problems = (error as PlanError).problems;
      for (const problem of problems) {
        seen++;
        expectChinese(problem.zh, `${problem.path}: ${problem.message}`);
      }
      const zh = (error as PlanError).toInfo().zh?.message ?? '';
      for (const problem of problems) expect(zh).toContain(`- ${problem.path}: ${problem.zh ?? ''}`);
    }
    expect(seen).toBeGreaterThan(20);
  });
});
