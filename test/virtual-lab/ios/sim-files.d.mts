/** Types for sim-files.mjs (simulator files written the way iOS writes them). */
export type FakeAuthorization = 'notDetermined' | 'denied' | 'authorized' | 'provisional' | 'ephemeral';
export function simulatorDataPath(stateDir: string, udid: string): string;
export interface FakeNotificationSettings {
  readonly alertType?: 0 | 1 | 2;
  readonly pushSettings?: number;
}
export function writeSectionInfo(
  dataPath: string,
  authorizations: Readonly<Record<string, FakeAuthorization>>,
  settings?: Readonly<Record<string, FakeNotificationSettings>>,
): void;
export function writeDelivered(
  dataPath: string,
  bundle: string,
  records: readonly Record<string, unknown>[],
  layout?: 'bundle' | 'uuid',
): void;
