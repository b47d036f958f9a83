/**
 * The rules of a sign-off, checked before anything is stored (the 0005 triggers are the backstop):
 * the run is completed and not signed yet, a name is given, and each waiver names a cell of the run
 * whose status is fail, blocked, device lost or inconclusive, once, with a reason. Texts are kept
 * as typed (trimmed): they are shown as text and escaped in reports, never interpreted.
 */
import { isWaivable } from '../../../../shared/matrix/stats';
import type { CellWaiver, RunMatrix, SignOff, SignOffRequest } from '../../../../shared/matrix/types';
import { LabError } from '../../errors';

export const MAX_NAME = 100;
export const MAX_NOTE = 4000;
export const MAX_REASON = 1000;

/** Control characters other than tab and line breaks (a note and a reason may span lines). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** An INVALID_ARGUMENT with its zh-CN message and hint (`zh` = [message, hint]). */
const invalid = (message: string, hint: string, [zhMessage, zhHint]: readonly [string, string]): LabError =>
  new LabError('INVALID_ARGUMENT', message, { hint, zh: { message: zhMessage, hint: zhHint } });

/** The texts checkText names, in zh-CN. */
const TEXT_ZH: Readonly<Record<string, string>> = { name: '姓名', note: '备注', 'waiver reason': '豁免理由' };

function checkText(value: string, what: string, max: number, oneLine: boolean): string {
  const trimmed = value.trim();
  const whatZh = TEXT_ZH[what] ?? what;
  if (trimmed.length > max) {
    throw invalid(`The ${what} is longer than ${max} characters.`, `Shorten the ${what}.`, [
      `${whatZh}超过 ${max} 个字符。`,
      `请缩短${whatZh}。`,
    ]);
  }
  if (CONTROL.test(trimmed) || (oneLine && /[\r\n\t]/.test(trimmed))) {
    throw invalid(
      `The ${what} contains control characters.`,
      `Type the ${what} again as plain text${oneLine ? ' on one line' : ''}.`,
      [`${whatZh}包含控制字符。`, `请${oneLine ? '在一行内' : ''}以纯文本重新输入${whatZh}。`],
    );
  }
  return trimmed;
}

/** The sign-off to store, or an INVALID_ARGUMENT / RUN_SIGNED_OFF LabError saying what to change. */
export function checkSignOff(request: SignOffRequest, matrix: RunMatrix, at: string): SignOff {
  if (matrix.signOff !== null) {
    throw new LabError(
      'RUN_SIGNED_OFF',
      `Run ${matrix.runId} was signed off by ${matrix.signOff.by} at ${matrix.signOff.at}.`,
      {
        hint: 'A sign-off is final and cannot be changed or withdrawn. Start a new run to sign off a new result.',
        zh: {
          message: `运行 ${matrix.runId} 已由 ${matrix.signOff.by} 于 ${matrix.signOff.at} 签字验收。`,
          hint: '签字验收是最终的，不能更改或撤回。要为新结果签字验收，请开始新的运行。',
        },
      },
    );
  }
  if (matrix.status !== 'completed') {
    throw invalid(
      `Only a completed run can be signed off; run ${matrix.runId} is ${matrix.status}.`,
      'Resume the run until every attempt has a verdict, then sign it off.',
      [
        `只有已完成的运行才能签字验收；运行 ${matrix.runId} 的状态为 ${matrix.status}。`,
        '请继续运行，直到每次尝试都有判定，然后再签字验收。',
      ],
    );
  }
  const by = checkText(request.by, 'name', MAX_NAME, true);
  if (by === '')
    throw invalid('A sign-off needs the name of who signs.', 'Type your name.', [
      '签字验收需要签字人的姓名。',
      '请输入你的姓名。',
    ]);
  const note = checkText(request.note, 'note', MAX_NOTE, false);
  const cells = new Map(matrix.cells.map((c) => [`${c.serial}\u0000${c.scenarioId}`, c]));
  const seen = new Set<string>();
  const waivers: CellWaiver[] = request.waivers.map((w) => {
    const key = `${w.serial}\u0000${w.scenarioId}`;
    const where = `${w.scenarioId.slice(0, 80)} on ${w.serial.slice(0, 80)}`;
    const whereZh = `${w.serial.slice(0, 80)} 上的 ${w.scenarioId.slice(0, 80)}`;
    const cell = cells.get(key);
    if (cell === undefined) {
      throw invalid(
        `The run has no cell ${where} to waive.`,
        'Waive cells of this run only; reload the matrix.',
        [`这个运行没有可豁免的单元格 ${whereZh}。`, '只能豁免这个运行的单元格；请重新加载矩阵。'],
      );
    }
    if (!isWaivable(cell.status)) {
      throw invalid(
        `The cell ${where} is ${cell.status}: only a failed, blocked, lost or inconclusive cell can be waived.`,
        'Remove this waiver.',
        [
          `单元格 ${whereZh} 的状态为 ${cell.status}：只有失败、受阻、手机断开或无法判定的单元格可以豁免。`,
          '请删除这项豁免。',
        ],
      );
    }
    if (seen.has(key))
      throw invalid(`The cell ${where} is waived twice.`, 'Keep one waiver per cell.', [
        `单元格 ${whereZh} 被豁免了两次。`,
        '每个单元格只保留一项豁免。',
      ]);
    seen.add(key);
    const reason = checkText(w.reason, 'waiver reason', MAX_REASON, false);
    if (reason === '') {
      throw invalid(
        `The waiver of ${where} has no reason.`,
        'Say why this result is accepted for the release.',
        [`${whereZh} 的豁免没有理由。`, '请说明为什么这个结果可以接受用于发布。'],
      );
    }
    return { serial: w.serial, scenarioId: w.scenarioId, reason, by, at };
  });
  return { runId: matrix.runId, by, at, note, waivers };
}
