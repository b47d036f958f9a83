/**
 * The core's gate for device serials (issue 10 point 7): a serial that does not have one of adb's
 * shapes (shared/domain/serial.ts) is refused with a typed error before it reaches adb, a shell
 * template, a file name or a log line.
 */
import { serialProblem } from '../../../shared/domain/serial';
import { LabError } from '../errors';

export { isAdbSerial, serialProblem } from '../../../shared/domain/serial';

export function assertSerial(serial: string): string {
  const problem = serialProblem(serial);
  if (problem !== null) {
    throw new LabError('INVALID_ARGUMENT', `The device serial ${JSON.stringify(serial.slice(0, 80))} ${problem}.`, {
      hint:
        'Copy the serial exactly as `adb devices` prints it (e.g. R58M123ABC, 192.168.1.20:5555, emulator-5554 or ' +
        'adb-R58M123ABC-a1b2c3._adb-tls-connect._tcp). A phone whose serial has other characters can be reached over ' +
        'Wi-Fi instead: `adb tcpip 5555`, then `adb connect <phone IP>:5555`.',
    });
  }
  return serial;
}
