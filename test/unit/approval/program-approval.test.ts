/**
 * The approval port: which plans need a person, what they are shown, and that runs:start /
 * runs:resume from the window never reach the engine without a yes.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  approvalLines,
  approvePlan,
  describeLocalEffects,
  type ApprovalDecision,
  type ProgramApprovalRequest,
} from '../../../electron/lab/approval/program-approval';
import { createRunHandlers, type WindowRunsApi } from '../../../electron/lab/run-handlers';
import { parsePlan } from '../../../shared/runs/parse-plan';

const app = {
  package: 'com.example.app',
  accounts: { vendors: { fcm: { account: 'qa_1' } } },
  login: { kind: 'operator', prompt: 'Log in' },
};
const base = { name: 'nightly', app, phones: { serials: ['emulator-5554'] }, scenarios: 'all', repeats: 1 };
const commandPlan = {
  ...base,
  sender: { kind: 'command', command: '/bin/sh', args: ['-c', 'touch /tmp/x; echo "hi there"'] },
};
const tencentEnv = {
  ...base,
  sender: {
    kind: 'tencent',
    sdkAppId: 1400000000,
    adminIdentifier: 'admin',
    region: 'singapore',
    secret: { env: 'TENCENT_KEY' },
  },
};
const tencentFile = { ...tencentEnv, sender: { ...tencentEnv.sender, secret: { file: 'keys/tencent.txt' } } };
const withApk = { ...tencentEnv, build: { apk: 'build/app.apk' } };

function runsSpy(): WindowRunsApi & { started: unknown[]; resumed: string[] } {
  const started: unknown[] = [];
  const resumed: string[] = [];
  const never = (): never => {
    throw new Error('not in this test');
  };
  return {
    started,
    resumed,
    start: async (plan) => {
      started.push(plan);
      return { runId: 'r1' };
    },
    resume: async (runId) => {
      resumed.push(runId);
      return { runId };
    },
    plan: () => parsePlan(commandPlan),
    cancel: never,
    list: () => [],
    get: never,
    attempt: never,
    answerPrompt: never,
  };
}

/** An approver the test answers by hand; records what it was shown. */
function heldApprover() {
  const asked: ProgramApprovalRequest[] = [];
  let answer: ((decision: ApprovalDecision) => void) | null = null;
  return {
    asked,
    approve: (request: ProgramApprovalRequest) => {
      asked.push(request);
      return new Promise<ApprovalDecision>((r) => {
        answer = r;
      });
    },
    answer: (decision: ApprovalDecision) => answer?.(decision),
  };
}

describe('describeLocalEffects', () => {
  it('names the exact program and arguments of a command sender', () => {
    expect(describeLocalEffects(parsePlan(commandPlan), 'start', null, '/work')).toEqual({
      action: 'start',
      planName: 'nightly',
      runId: null,
      program: { command: '/bin/sh', args: ['-c', 'touch /tmp/x; echo "hi there"'] },
      secretFiles: [],
      apk: null,
    });
  });

  it('names secret files and the APK as the absolute paths the engine reads', () => {
    expect(describeLocalEffects(parsePlan(tencentFile), 'start', null, '/work')?.secretFiles).toEqual([
      resolve('/work', 'keys/tencent.txt'),
    ]);
    expect(describeLocalEffects(parsePlan(withApk), 'start', null, '/work')?.apk).toBe(
      resolve('/work', 'build/app.apk'),
    );
  });

  it('needs nobody for plans that only talk to phones and push services', () => {
    expect(describeLocalEffects(parsePlan(tencentEnv), 'start')).toBeNull();
    expect(describeLocalEffects(parsePlan({ ...base, sender: { kind: 'manual' } }), 'start')).toBeNull();
  });
});

describe('approvalLines', () => {
  it('shows each value quoted so spaces and quotes are visible, in English and Chinese', () => {
    const request = describeLocalEffects(
      parsePlan({ ...commandPlan, sender: { ...commandPlan.sender }, build: { apk: '/a b.apk' } }),
      'start',
      null,
      '/',
    );
    if (!request) throw new Error('expected a request');
    const en = approvalLines('en', request);
    expect(en).toContain('Program: "/bin/sh"');
    expect(en).toContain('Arguments: "-c" "touch /tmp/x; echo \\"hi there\\""');
    expect(en).toContain('Installs the APK: "/a b.apk"');
    const zh = approvalLines('zh-CN', { ...request, program: { command: 'send.sh', args: [] } });
    expect(zh[0]).toContain('计划“nightly”');
    expect(zh).toContain('程序："send.sh"');
    expect(zh).toContain('参数：（无）');
  });
});

describe('runs:start and runs:resume from the window', () => {
  it('refuse a plan that runs a program when the shell gave no approver', async () => {
    const runs = runsSpy();
    const h = createRunHandlers({ runs, secrets: undefined, evidenceRoot: '/tmp/e', virtualLab: undefined });
    await expect(h['runs:start']({ plan: JSON.stringify(commandPlan) })).rejects.toMatchObject({
      code: 'APPROVAL_REFUSED',
      message: expect.stringContaining('nobody is here to allow it'),
    });
    await expect(h['runs:resume']('r0')).rejects.toMatchObject({ code: 'APPROVAL_REFUSED' });
    expect(runs.started).toEqual([]);
    expect(runs.resumed).toEqual([]);
    // Plans without local effects need nobody.
    await expect(h['runs:start']({ plan: tencentEnv })).resolves.toEqual({ runId: 'r1' });
  });

  it('wait for the person: nothing starts before the answer, a no refuses, a yes runs what was shown', async () => {
    const runs = runsSpy();
    const held = heldApprover();
    const h = createRunHandlers({
      runs,
      secrets: undefined,
      evidenceRoot: '/tmp/e',
      virtualLab: undefined,
      approver: held.approve,
    });

    const refused = h['runs:start']({ plan: JSON.stringify(commandPlan) });
    await new Promise((r) => setTimeout(r, 20));
    expect(held.asked).toHaveLength(1);
    expect(held.asked[0]?.program?.command).toBe('/bin/sh');
    expect(runs.started).toEqual([]);
    held.answer({ approved: false, message: 'no', hint: 'ask again' });
    await expect(refused).rejects.toMatchObject({
      code: 'APPROVAL_REFUSED',
      message: 'no',
      hint: 'ask again',
    });
    expect(runs.started).toEqual([]);

    const allowed = h['runs:start']({ plan: JSON.stringify(commandPlan) });
    await new Promise((r) => setTimeout(r, 20));
    expect(runs.started).toEqual([]);
    held.answer({ approved: true });
    await expect(allowed).resolves.toEqual({ runId: 'r1' });
    // The engine gets the parsed plan the person saw, not the text again.
    expect(runs.started).toEqual([parsePlan(commandPlan)]);

    const resumed = h['runs:resume']('r7');
    await new Promise((r) => setTimeout(r, 20));
    expect(held.asked[2]).toMatchObject({ action: 'resume', runId: 'r7' });
    expect(runs.resumed).toEqual([]);
    held.answer({ approved: true });
    await resumed;
    expect(runs.resumed).toEqual(['r7']);
  });

  it('treat an approver that fails as a no', async () => {
    const runs = runsSpy();
    await expect(
      approvePlan(
        async () => {
          throw new Error('dialog crashed');
        },
        commandPlan,
        'start',
      ),
    ).rejects.toMatchObject({ code: 'APPROVAL_REFUSED' });
    expect(runs.started).toEqual([]);
  });

  it('leave an invalid plan to the engine, which explains it', async () => {
    const input = { ...commandPlan, repeats: 0 };
    await expect(
      approvePlan(async () => ({ approved: false, message: 'x', hint: 'y' }), input, 'start'),
    ).resolves.toBe(input);
  });
});
