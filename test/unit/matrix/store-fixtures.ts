/** Runs written through the real RunRepository into an in-memory database, for the matrix store tests. */
import { openDatabase, type Db } from '../../../electron/lab/store/db';
import { createRepositories, type Repositories } from '../../../electron/lab/store/repositories';
import { parsePlan } from '../../../shared/runs/parse-plan';
import type { RunPhone, Verdict, VerdictKind } from '../../../shared/runs/types';
import { verdictOf } from '../runs/run-fixtures';

export const PLAN = parsePlan({
  name: 'nightly offline push',
  app: {
    package: 'com.example.chat',
    accounts: { vendors: { xiaomi: { account: 'qa_1' }, fcm: { account: 'qa_2' } } },
    login: { kind: 'operator', prompt: 'Log in as the test account' },
    push: { highClassChannelIds: ['pushlab_im'], fcmPriority: 'high' },
  },
  build: { apk: '/builds/app-1.2.3.apk' },
  phones: { vendors: ['xiaomi', 'fcm'] },
  scenarios: ['background-c2c-text', 'background-image'],
  repeats: 2,
  sender: { kind: 'manual' },
});

export const PHONES: RunPhone[] = [
  { serial: 'px-1', vendor: 'Google', model: 'Pixel 8', channel: 'fcm' },
  { serial: 'mi-1', vendor: 'Xiaomi', model: '24031PN0DC', channel: 'xiaomi' },
];

export const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

export function openRepos(): { db: Db; repos: Repositories } {
  const db = openDatabase(':memory:');
  return { db, repos: createRepositories(db) };
}

export interface StoredRunOptions {
  readonly id: string;
  readonly createdAt?: string;
  readonly status?: 'completed' | 'running' | 'cancelled';
  /** Verdict per "serial/scenario/repeat"; others pass (delivered, 800 ms). Null leaves it pending. */
  readonly verdicts?: Readonly<Record<string, Verdict | VerdictKind | null>>;
  readonly plan?: typeof PLAN;
}

/** Stores a run of PHONES x the plan's scenarios x 2 repeats and judges every attempt. */
export function storeRun(repos: Repositories, options: StoredRunOptions): void {
  const plan = options.plan ?? PLAN;
  const scenarios = plan.scenarios === 'all' ? [] : plan.scenarios;
  const createdAt = options.createdAt ?? new Date(T0).toISOString();
  repos.runs.createRun({
    id: options.id,
    plan,
    createdAt,
    ownerPid: 1,
    phones: PHONES,
    phoneContexts: Object.fromEntries(
      PHONES.map((p) => [
        p.serial,
        {
          context: { channel: p.channel, rom: null, sdk: 34 },
          details: {
            brand: p.vendor,
            marketingName: null,
            rom: { name: 'Android', version: '15' },
            androidVersion: '15',
            sdk: 34,
          },
        },
      ]),
    ),
    attempts: PHONES.flatMap((p) =>
      scenarios.flatMap((s, i) =>
        [1, 2].map((repeat) => ({
          serial: p.serial,
          scenarioId: s,
          repeat,
          ordinal: (repeat - 1) * scenarios.length + i,
        })),
      ),
    ),
  });
  const at = Date.parse(createdAt);
  for (const a of repos.runs.pending(options.id)) {
    const key = `${a.serial}/${a.scenarioId}/${a.repeat}`;
    const given = options.verdicts?.[key];
    if (given === null) continue;
    const verdict =
      given === undefined
        ? verdictOf('pass', true, 800)
        : typeof given === 'string'
          ? verdictOf(
              given,
              given === 'pass' ? true : given === 'fail' ? false : null,
              given === 'pass' ? 800 : null,
            )
          : given;
    repos.runs.startAttempt(a.id, at + 1000);
    repos.runs.recordStep(a.id, { name: 'send', status: 'ok', at: at + 1100 });
    repos.runs.finishAttempt(a.id, { verdict, finishedAt: at + 2000, latencyMs: verdict.details.latencyMs });
  }
  repos.runs.setStatus(options.id, options.status ?? 'completed', new Date(at + 60_000).toISOString());
}
