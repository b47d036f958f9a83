/**
 * The Electron shell's program approver: a native dialog owned by the main process, so the page
 * (possibly compromised) can neither draw it nor click it. It names the exact program, its
 * arguments and the files the plan would read; "Do not run" is the default and the Escape answer.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { matchLocale, translate } from '../../shared/i18n';
import { approvalLines, personRefused, type ProgramApprover } from '../lab/approval/program-approval';

const ALLOW = 0;
const REFUSE = 1;

/** Asks in the PushLab window (modal to it when open). */
export function createDialogApprover(currentWindow: () => BrowserWindow | null): ProgramApprover {
  return async (request) => {
    const locale = matchLocale([app.getLocale()]);
    const options = {
      type: 'warning' as const,
      title: translate(locale, 'approval.title'),
      message: translate(locale, 'approval.title'),
      detail: approvalLines(locale, request).join('\n'),
      buttons: [translate(locale, 'approval.allow'), translate(locale, 'approval.refuse')],
      defaultId: REFUSE,
      cancelId: REFUSE,
      noLink: true,
    };
    const window = currentWindow();
    const { response } =
      window && !window.isDestroyed()
        ? await dialog.showMessageBox(window, options)
        : await dialog.showMessageBox(options);
    return response === ALLOW ? { approved: true } : personRefused(locale, request);
  };
}
