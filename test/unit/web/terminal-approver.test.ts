/**
 * The web shell asks at the terminal that started `npm run web`, never in the page; without a
 * terminal it refuses and says where such plans can run.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ProgramApprovalRequest } from '../../../electron/lab/approval/program-approval';
import { createTerminalApprover, isYes, terminalLocale } from '../../../electron/web/terminal-approver';

const request: ProgramApprovalRequest = {
  action: 'start',
  planName: 'nightly',
  runId: null,
  program: { command: '/bin/sh', args: ['-c', 'echo pwned'] },
  secretFiles: ['/home/qa/key.txt'],
  apk: null,
};

function terminal(isTTY: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const printed = async (needle: string) => {
    for (let i = 0; i < 200 && !text.includes(needle); i++) await new Promise((r) => setTimeout(r, 5));
    return text;
  };
  return { input, output, printed, text: () => text };
}

describe('terminal approver', () => {
  it('shows the exact program, arguments and files, and runs only on "yes"', async () => {
    const t = terminal(true);
    const approver = createTerminalApprover({ input: t.input, output: t.output, locale: 'en' });
    const first = approver.approve(request);
    const shown = await t.printed('Type "yes"');
    expect(shown).toContain('Program: "/bin/sh"');
    expect(shown).toContain('Arguments: "-c" "echo pwned"');
    expect(shown).toContain('Reads the secret file: "/home/qa/key.txt"');
    t.input.write('yes\n');
    await expect(first).resolves.toEqual({ approved: true });

    const second = approver.approve(request);
    await t.printed('Allowed: PushLab may start the run.');
    t.input.write('\n');
    await expect(second).resolves.toMatchObject({
      approved: false,
      message: expect.stringContaining('you did not allow'),
    });
    approver.close();
  });

  it('asks one question at a time, so an answer never lands on the wrong run', async () => {
    const t = terminal(true);
    const approver = createTerminalApprover({ input: t.input, output: t.output, locale: 'en' });
    const a = approver.approve({ ...request, planName: 'first' });
    const b = approver.approve({ ...request, planName: 'second' });
    await t.printed('"first"');
    expect(t.text()).not.toContain('"second"');
    t.input.write('no\n');
    await expect(a).resolves.toMatchObject({ approved: false });
    await t.printed('"second"');
    t.input.write('y\n');
    await expect(b).resolves.toEqual({ approved: true });
    approver.close();
  });

  it('refuses without a terminal, pointing at the CLI, and refuses what is pending on close', async () => {
    const none = terminal(false);
    const refused = await createTerminalApprover({
      input: none.input,
      output: none.output,
      locale: 'zh-CN',
    }).approve(request);
    expect(refused).toMatchObject({
      approved: false,
      message: expect.stringContaining('没有人可以确认'),
      hint: expect.stringContaining('pushlab run --plan FILE'),
    });
    expect(none.text()).toBe('');

    const t = terminal(true);
    const approver = createTerminalApprover({ input: t.input, output: t.output, locale: 'en' });
    const pending = approver.approve(request);
    await t.printed('Type "yes"');
    approver.close();
    await expect(pending).resolves.toMatchObject({ approved: false });
  });

  it('reads yes strictly and the language from the locale variables', () => {
    expect(['yes', 'Y', ' YES '].map(isYes)).toEqual([true, true, true]);
    expect(['', 'no', 'yes please', 'yess', 'ok'].map(isYes)).toEqual([false, false, false, false, false]);
    expect(terminalLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(terminalLocale({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(terminalLocale({ LANG: 'C' })).toBe('en');
    expect(terminalLocale({})).toBe('en');
  });
});
