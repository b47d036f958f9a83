/**
 * The core's gate for device serials (issue 10 point 7): a serial that does not have one of adb's
 * shapes (shared/domain/serial.ts) is refused with a typed error before it reaches adb, a shell
 * template, a file name or a log line.
 */
import { serialProblem } from '../../../shared/domain/serial';
import { LabError } from '../errors';

export { isAdbSerial, serialProblem } from '../../../shared/domain/serial';

/** serialProblem's English words in zh-CN (its phrases are fixed; an unknown one gets the general words). */
function problemInZh(problem: string): string {
  if (problem === 'is empty') return '为空';
  const long = /^is longer than (\d+) characters$/.exec(problem);
  if (long) return `超过 ${long[1]} 个字符`;
  const port = /^has port (\S+), outside 1-65535$/.exec(problem);
  if (port) return `的端口 ${port[1]} 不在 1-65535 之内`;
  return '不是 adb 会打印的序列号（USB 序列号、主机:端口、emulator-NNNN 或 mDNS 名称）';
}

export function assertSerial(serial: string): string {
  const problem = serialProblem(serial);
  if (problem !== null) {
    const problemZh = problemInZh(problem);
    throw new LabError(
      'INVALID_ARGUMENT',
      `The device serial ${JSON.stringify(serial.slice(0, 80))} ${problem}.`,
      {
        hint:
          'Copy the serial exactly as `adb devices` prints it (e.g. R58M123ABC, 192.168.1.20:5555, emulator-5554 or ' +
          'adb-R58M123ABC-a1b2c3._adb-tls-connect._tcp). A phone whose serial has other characters can be reached over ' +
          'Wi-Fi instead: `adb tcpip 5555`, then `adb connect <phone IP>:5555`.',
        zh: {
          message: `设备序列号 ${JSON.stringify(serial.slice(0, 80))} ${problemZh}。`,
          hint:
            '请按 `adb devices` 打印的样子原样复制序列号（例如 R58M123ABC、192.168.1.20:5555、emulator-5554 或 ' +
            'adb-R58M123ABC-a1b2c3._adb-tls-connect._tcp）。序列号含其他字符的手机可以改用 Wi-Fi 连接：' +
            '先 `adb tcpip 5555`，再 `adb connect <手机 IP>:5555`。',
        },
      },
    );
  }
  return serial;
}
