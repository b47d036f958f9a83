/**
 * The Electron approver: a main-process dialog with the exact program, "Do not run" as default
 * and Escape answer, in the app's language. `electron` is replaced by a minimal double here (the
 * full stand-in drives the real main bundle elsewhere); this checks the mapping, not Electron.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgramApprovalRequest } from '../../../electron/lab/approval/program-approval';
import { createLabCore } from '../../../electron/lab/compose';
import { silentLogger } from '../../../electron/lab/util/logger';
import { createInvokeDispatcher } from '../../../electron/main/ipc-dispatch';

const electron = vi.hoisted(() => ({
  locale: 'en-US',
  calls: [] as unknown[][],
  response: 1,
}));

vi.mock('electron', () => ({
  app: { getLocale: () => electron.locale },
  dialog: {
    showMessageBox: async (...args: unknown[]) => {
      electron.calls.push(args);
      return { response: electron.response, checkboxChecked: false };
    },
  },
}));

const { createDialogApprover } = await import('../../../electron/main/program-approval');

const request: ProgramApprovalRequest = {
  action: 'start',
  planName: 'nightly',
  runId: null,
  program: { command: './send.sh', args: ['--env', 'qa'] },
  secretFiles: [],
  apk: '/builds/app.apk',
};

beforeEach(() => {
  electron.calls.length = 0;
  electron.locale = 'en-US';
});

describe('createDialogApprover', () => {
  it('asks modally to the window, showing the program, arguments and APK, refusing by default', async () => {
    const window = { isDestroyed: () => false };
    electron.response = 1;
    const decision = await createDialogApprover(() => window as never)(request);
    expect(decision).toMatchObject({
      approved: false,
      message: expect.stringContaining('you did not allow the plan "nightly"'),
    });
    const [parent, options] = electron.calls[0] as [
      unknown,
      { detail: string; buttons: string[]; defaultId: number; cancelId: number },
    ];
    expect(parent).toBe(window);
    expect(options.detail).toContain('Program: "./send.sh"');
    expect(options.detail).toContain('Arguments: "--env" "qa"');
    expect(options.detail).toContain('Installs the APK: "/builds/app.apk"');
    expect(options.buttons).toEqual(['Allow and run', 'Do not run']);
    expect(options.defaultId).toBe(1);
    expect(options.cancelId).toBe(1);
  });

  it('allows only on the allow button, and speaks Chinese when the app does', async () => {
    electron.locale = 'zh-CN';
    electron.response = 0;
    expect(await createDialogApprover(() => null)(request)).toEqual({ approved: true });
    const [options] = electron.calls[0] as [{ title: string; buttons: string[] }];
    expect(options.title).toBe('允许本次运行使用你的电脑吗？');
    expect(options.buttons).toEqual(['允许并运行', '不运行']);
  });
});

describe('a plan from the window over IPC', () => {
  it('reaches the engine only through the main-process dialog: refused there, nothing runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pushlab-ipc-approval-'));
    const marker = join(dir, 'pwned');
    // Wired as electron/main/index.ts wires it.
    const core = await createLabCore({
      dataDir: dir,
      adb: { host: '127.0.0.1', port: 1, bin: 'adb', startServer: false },
      shell: 'electron',
      logger: silentLogger,
      trackDevices: false,
      approvePrograms: createDialogApprover(() => null),
    });
    try {
      const dispatch = createInvokeDispatcher(core, { isTrustedSender: () => true });
      const plan = {
        name: 'from the page',
        app: {
          package: 'com.example.app',
          accounts: { vendors: { fcm: { account: 'qa_1' } } },
          login: { kind: 'operator', prompt: 'Log in' },
        },
        phones: { vendors: ['fcm'] },
        scenarios: 'all',
        repeats: 1,
        sender: { kind: 'command', command: '/bin/sh', args: ['-c', `touch ${marker}`] },
      };
      electron.response = 1;
      const result = await dispatch({
        senderUrl: 'app://pushlab/',
        isMainFrame: true,
        channel: 'runs:start',
        args: [{ plan: JSON.stringify(plan) }],
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'APPROVAL_REFUSED' } });
      const [options] = electron.calls[0] as [{ detail: string }];
      expect(options.detail).toContain(`Arguments: "-c" ${JSON.stringify(`touch ${marker}`)}`);
      expect(core.services.runs.list()).toEqual([]);
      expect(existsSync(marker)).toBe(false);
    } finally {
      await core.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
