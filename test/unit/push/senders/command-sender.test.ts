import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCommandSender,
  MAX_OUTPUT_BYTES,
  requestIdFrom,
} from '../../../../electron/lab/push/command/command-sender';
import { SendError } from '../../../../electron/lab/push/send-error';
import type { SendRequest, SenderDeps } from '../../../../electron/lab/push/sender-types';
import { silentLogger } from '../../../../electron/lab/util/logger';
import { SCENARIOS } from '../../../../shared/scenarios';

let dir: string;
const script = async (name: string, body: string): Promise<string> => {
  const file = path.join(dir, name);
  await writeFile(file, body);
  return file;
};

const deps = (extra: Partial<SenderDeps> = {}): SenderDeps => ({
  clock: { now: () => Date.now(), iso: () => new Date().toISOString() },
  logger: silentLogger,
  resolveSecret: () => Promise.reject(new Error('the command sender needs no secret')),
  operator: { ask: () => Promise.reject(new Error('the command sender asks no one')) },
  env: { PATH: process.env.PATH ?? '', KEEP_ME: 'from-host' },
  ...extra,
});

const scenario = SCENARIOS.find((s) => s.id === 'background-ext-redirect');
if (!scenario) throw new Error('catalog scenario missing');
const request = (extra: Partial<SendRequest> = {}): SendRequest => ({
  serial: '127.0.0.1:15601',
  package: 'com.pushlab.demo',
  recipient: { account: 'qa_xiaomi', nickname: 'QA Xiaomi' },
  scenarioId: scenario.id,
  message: scenario.message,
  expected: { title: 'Denny', text: 'Denny:Tap me', channelId: 'pushlab_im' },
  channel: 'xiaomi',
  timeoutMs: 10_000,
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pushlab-cmd-'));
  await script(
    'env.js',
    `
const vars = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('PUSHLAB_') || k === 'KEEP_ME'));
process.stdout.write(JSON.stringify(vars) + '\\n');
process.stdout.write('PUSHLAB_REQUEST_ID=first\\nPUSHLAB_REQUEST_ID= req-42 \\n');
`,
  );
  await script(
    'fail.js',
    `process.stdout.write('tried\\n'); process.stderr.write('vendor said: invalid token\\n'); process.exit(3);`,
  );
  await script(
    'hang.js',
    `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
require('node:fs').writeFileSync(process.argv[2], String(child.pid));
setInterval(() => {}, 1000);
`,
  );
  await script(
    'loud.js',
    `process.stdout.write('x'.repeat(${MAX_OUTPUT_BYTES} + 5000)); process.stderr.write('e'.repeat(10));`,
  );
  await writeFile(path.join(dir, 'not-exec.sh'), '#!/bin/sh\necho hi\n');
  await chmod(path.join(dir, 'not-exec.sh'), 0o644);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** True while the process exists and is not a zombie waiting for its (new) parent to reap it. */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const gone = async (pid: number): Promise<boolean> => {
  for (let i = 0; i < 40 && alive(pid); i += 1) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
};

describe('command sender', () => {
  it('exit 0: passes the scenario in PUSHLAB_* variables on top of the host environment, keeps the output', async () => {
    const sender = createCommandSender(
      { kind: 'command', command: process.execPath, args: [path.join(dir, 'env.js')] },
      deps(),
    );
    const before = Date.now();
    const receipt = await sender.send(request());
    expect(receipt.sentAt).toBeGreaterThanOrEqual(before);
    expect(receipt.requestId).toBe('req-42');
    const stdout = receipt.evidence.stdout as string;
    const vars = JSON.parse(stdout.split('\n')[0] ?? '') as Record<string, string>;
    expect(vars).toEqual({
      KEEP_ME: 'from-host',
      PUSHLAB_SERIAL: '127.0.0.1:15601',
      PUSHLAB_PACKAGE: 'com.pushlab.demo',
      PUSHLAB_ACCOUNT: 'qa_xiaomi',
      PUSHLAB_SCENARIO: 'background-ext-redirect',
      PUSHLAB_TITLE: 'Denny',
      PUSHLAB_TEXT: 'Denny:Tap me',
      PUSHLAB_EXT: '{"conversation":"c2c_pushlab_sender"}',
      PUSHLAB_CHANNEL: 'pushlab_im',
      PUSHLAB_PUSH_CHANNEL: 'xiaomi',
      PUSHLAB_MESSAGE_JSON: JSON.stringify(scenario.message),
    });
    expect(JSON.parse(vars.PUSHLAB_MESSAGE_JSON ?? '')).toEqual(scenario.message);
    expect(receipt.evidence).toMatchObject({
      kind: 'command',
      command: process.execPath,
      exitCode: 0,
      signal: null,
      stderr: '',
      stdoutTruncated: false,
    });
    expect(receipt.evidence.durationMs).toEqual(expect.any(Number));
    // The host environment is passed to the script, never copied into the evidence.
    expect(JSON.stringify(receipt.evidence.env)).not.toContain('from-host');
  });

  it('hands hostile values over verbatim (no shell anywhere)', async () => {
    const hostile = `"; rm -rf / #' $(id) \`id\` $HOME %PATH% \\ \n second line 中文 😀`;
    const sender = createCommandSender(
      { kind: 'command', command: process.execPath, args: [path.join(dir, 'env.js')] },
      deps(),
    );
    const receipt = await sender.send(
      request({
        expected: { title: hostile, text: `${hostile}!`, channelId: null },
        message: { ...scenario.message, push: { ext: hostile } },
      }),
    );
    const vars = JSON.parse((receipt.evidence.stdout as string).split('\n')[0] ?? '') as Record<
      string,
      string
    >;
    expect(vars.PUSHLAB_TITLE).toBe(hostile);
    expect(vars.PUSHLAB_TEXT).toBe(`${hostile}!`);
    expect(vars.PUSHLAB_EXT).toBe(hostile);
    expect(vars.PUSHLAB_CHANNEL).toBe('');
  });

  it('hands hostile args over verbatim', async () => {
    const arg = '$(touch pwned) ; `id` "quoted" \'single\'';
    const sender = createCommandSender(
      {
        kind: 'command',
        command: process.execPath,
        args: ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', arg],
      },
      deps({ cwd: dir }),
    );
    const receipt = await sender.send(request());
    expect(JSON.parse(receipt.evidence.stdout as string)).toEqual([arg]);
  });

  it('exit 3 with stderr: SEND_FAILED with the output kept as evidence', async () => {
    const sender = createCommandSender(
      { kind: 'command', command: process.execPath, args: [path.join(dir, 'fail.js')] },
      deps(),
    );
    const error = await failure(sender.send(request()));
    expect(error.code).toBe('SEND_FAILED');
    expect(error.message).toBe('The send command exited with code 3.');
    expect(error.hint).toMatch(/PUSHLAB_/);
    expect(error.detail).toBe('vendor said: invalid token\n');
    expect(error.sentAt).toEqual(expect.any(Number));
    expect(error.evidence).toMatchObject({
      exitCode: 3,
      stdout: 'tried\n',
      stderr: 'vendor said: invalid token\n',
    });
  });

  it('timeout: kills the whole process tree and says TIMEOUT', async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    const sender = createCommandSender(
      { kind: 'command', command: process.execPath, args: [path.join(dir, 'hang.js'), pidFile] },
      deps(),
    );
    const started = Date.now();
    const error = await failure(sender.send(request({ timeoutMs: 700 })));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/did not finish within 0\.7 s/);
    expect(error.evidence).toMatchObject({ timedOut: true });
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    expect(grandchild).toBeGreaterThan(0);
    expect(await gone(grandchild)).toBe(true);
  });

  it('abort: stops the command and says CANCELLED', async () => {
    const controller = new AbortController();
    const sender = createCommandSender(
      { kind: 'command', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] },
      deps(),
    );
    setTimeout(() => controller.abort(), 200);
    const error = await failure(sender.send(request({ signal: controller.signal })));
    expect(error.code).toBe('CANCELLED');
    const already = await failure(sender.send(request({ signal: controller.signal })));
    expect(already.code).toBe('CANCELLED');
    expect(already.sentAt).toBeNull();
  });

  it('missing command: NOT_FOUND naming it; not executable: says so', async () => {
    const missing = await failure(
      createCommandSender({ kind: 'command', command: './no-such-send.sh' }, deps({ cwd: dir })).send(
        request(),
      ),
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('The send command "./no-such-send.sh" was not found.');
    expect(missing.hint).toContain(dir);
    expect(missing.sentAt).toBeNull();
    const blocked = await failure(
      createCommandSender({ kind: 'command', command: './not-exec.sh' }, deps({ cwd: dir })).send(request()),
    );
    expect(blocked.code).toBe('SEND_FAILED');
    expect(blocked.message).toMatch(/is not executable/);
    expect(blocked.hint).toMatch(/chmod \+x/);
  });

  it('caps each stream at 64 KiB and says it was truncated', async () => {
    const sender = createCommandSender(
      { kind: 'command', command: process.execPath, args: [path.join(dir, 'loud.js')] },
      deps(),
    );
    const receipt = await sender.send(request());
    const stdout = receipt.evidence.stdout as string;
    expect(stdout.startsWith('x'.repeat(MAX_OUTPUT_BYTES))).toBe(true);
    expect(stdout.slice(MAX_OUTPUT_BYTES)).toBe('\n[truncated: 5000 more bytes]');
    expect(receipt.evidence).toMatchObject({
      stdoutTruncated: true,
      stderrTruncated: false,
      stderr: 'eeeeeeeeee',
    });
  });

  it('reads the request id from the last PUSHLAB_REQUEST_ID= line only', () => {
    expect(requestIdFrom('noise\nPUSHLAB_REQUEST_ID=a\nPUSHLAB_REQUEST_ID=b\n')).toBe('b');
    expect(requestIdFrom('say PUSHLAB_REQUEST_ID=inline\n')).toBeNull();
    expect(requestIdFrom('PUSHLAB_REQUEST_ID=   \n')).toBeNull();
    expect(requestIdFrom('')).toBeNull();
  });
});
