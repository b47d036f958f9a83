import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunHandlers, type WindowRunsApi } from '../../../electron/lab/run-handlers';
import { createSecretStore, type SecretCipher } from '../../../electron/lab/secrets/secret-store';
import { createInvokeDispatcher } from '../../../electron/main/ipc-dispatch';
import { checkRequest, RequestRefused } from '../../../electron/lab/request-gate';
import type { AttemptDetail } from '../../../shared/domain/run';
import type { RequestArgs, RequestChannel } from '../../../shared/ipc';
import { fail, ok } from '../../../shared/result';

/** Not encryption, but never the plain text: enough to see that values do not reach the file as typed. */
const testCipher: SecretCipher = {
  isAvailable: () => true,
  encrypt: (text) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x5a)),
  decrypt: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString('utf8'),
};

const attempt: AttemptDetail = {
  attempt: {
    id: 5,
    serial: 's',
    scenarioId: 'background-c2c-text',
    repeat: 1,
    status: 'done',
    step: 'judge',
    verdict: null,
    startedAt: 1,
    finishedAt: 2,
    latencyMs: null,
  },
  steps: [],
  evidence: [
    { id: 9, kind: 'logcat', path: '../secrets.json', data: null, at: 1 },
    { id: 10, kind: 'send', path: null, data: { msgKey: 'k1' }, at: 1 },
  ],
};

function fakeRuns(): WindowRunsApi & { answered: string[] } {
  const answered: string[] = [];
  const never = (): never => {
    throw new Error('not in this test');
  };
  return {
    answered,
    start: never,
    resume: never,
    cancel: never,
    list: () => [],
    get: never,
    attempt: (id) => {
      if (id !== 5) throw Object.assign(new Error('no attempt'), { code: 'NOT_FOUND' });
      return attempt;
    },
    answerPrompt: (id) => void answered.push(id),
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-run-handlers-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('run and secret handlers', () => {
  it('stores a secret encrypted and gives back only names', async () => {
    const secrets = createSecretStore({ dir, cipher: testCipher });
    const h = createRunHandlers({
      runs: fakeRuns(),
      secrets,
      evidenceRoot: join(dir, 'evidence'),
      virtualLab: undefined,
    });
    expect(await h['secrets:set']({ name: 'tencent.key', value: 'SECRET-abc123' })).toBeNull();
    expect(await h['secrets:names']()).toEqual(['tencent.key']);
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).not.toContain('SECRET-abc123');
    expect(await secrets.get('tencent.key')).toBe('SECRET-abc123');
    expect(await h['secrets:delete']('tencent.key')).toBe(true);
    expect(await h['secrets:delete']('tencent.key')).toBe(false);
  });

  it('says there is no store where the shell has none', async () => {
    const h = createRunHandlers({
      runs: fakeRuns(),
      secrets: undefined,
      evidenceRoot: dir,
      virtualLab: undefined,
    });
    await expect(h['secrets:names']()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      hint: expect.stringContaining('"env"'),
    });
    await expect(h['secrets:set']({ name: 'a', value: 'b' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reads evidence of the named attempt only, and refuses paths outside the folder', async () => {
    const h = createRunHandlers({
      runs: fakeRuns(),
      secrets: undefined,
      evidenceRoot: join(dir, 'evidence'),
      virtualLab: undefined,
    });
    const send = await h['runs:evidence']({ attemptId: 5, evidenceId: 10 });
    expect(send.mime === 'application/json' && JSON.parse(send.text)).toEqual({ msgKey: 'k1' });
    await expect(h['runs:evidence']({ attemptId: 5, evidenceId: 11 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(h['runs:evidence']({ attemptId: 5, evidenceId: 9 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('answers prompts with null and gives the demo plan only when the lab has one', async () => {
    const runs = fakeRuns();
    const lab = {
      status: () => ({ running: true, phones: [] }),
      start: async () => ({ running: true, phones: [] }),
      stop: async () => ({ running: false, phones: [] }),
      plug: async () => ({ running: true, phones: [] }),
      onChange: () => () => undefined,
    };
    expect(
      await createRunHandlers({ runs, secrets: undefined, evidenceRoot: dir, virtualLab: lab })[
        'runs:demo-plan'
      ](),
    ).toBeNull();
    expect(
      await createRunHandlers({
        runs,
        secrets: undefined,
        evidenceRoot: dir,
        virtualLab: { ...lab, demoPlan: () => ({ name: 'demo' }) },
      })['runs:demo-plan'](),
    ).toEqual({ name: 'demo' });
    expect(
      await createRunHandlers({ runs, secrets: undefined, evidenceRoot: dir, virtualLab: undefined })[
        'runs:answer'
      ]('p-1'),
    ).toBeNull();
    expect(runs.answered).toEqual(['p-1']);
  });
});

describe('the IPC contract for runs and secrets', () => {
  const seen: Array<{ channel: RequestChannel; args: unknown }> = [];
  const dispatch = createInvokeDispatcher(
    {
      // The core checks every request itself (request-gate.ts); main only checks the sender.
      invoke: async <C extends RequestChannel>(channel: C, args: RequestArgs<C>) => {
        try {
          checkRequest(channel, args, 'electron');
        } catch (error) {
          if (error instanceof RequestRefused) return error.toResult() as never;
          throw error;
        }
        seen.push({ channel, args });
        return ok(null as never);
      },
    },
    { isTrustedSender: () => true },
  );
  const call = (channel: string, args: unknown) =>
    dispatch({ senderUrl: 'app://pushlab/', isMainFrame: true, channel, args });

  it('accepts well-formed arguments', async () => {
    expect((await call('runs:start', [{ plan: '{"name":"x"}' }])).ok).toBe(true);
    expect((await call('runs:evidence', [{ attemptId: 5, evidenceId: 9 }])).ok).toBe(true);
    expect((await call('runs:get', ['0b6f5a8e-3c1d-4a8e-9b1f-2f6f3d1c9a10'])).ok).toBe(true);
    expect(seen.map((s) => s.channel)).toEqual(['runs:start', 'runs:evidence', 'runs:get']);
  });

  it('refuses bad ids and secret names without echoing a secret value', async () => {
    const refused = [
      await call('runs:get', ['../../etc']),
      await call('runs:attempt', [1.5]),
      await call('runs:evidence', [9]),
      await call('secrets:set', [{ name: '../x', value: 'TOP-SECRET-VALUE' }]),
      await call('secrets:set', [{ name: 'ok', value: 'V'.repeat(64 * 1024 + 1) }]),
    ];
    for (const result of refused)
      expect(result).toEqual(fail(expect.objectContaining({ code: 'INVALID_ARGUMENT' })));
    expect(JSON.stringify(refused)).not.toContain('TOP-SECRET-VALUE');
    expect(JSON.stringify(refused)).not.toContain('VVVVVVVV');
  });
});
