/** Types for sim-files.mjs (simulator files written the way iOS writes them). */
export type FakeAuthorization = 'notDetermined' | 'denied' | 'authorized' | 'provisional' | 'ephemeral';
export function simulatorDataPath(stateDir: string, udid: string): string;
export function writeSectionInfo(dataPath: string, authorizations: Readonly<Record<string, FakeAuthorization>>): void;
export function writeDelivered(dataPath: string, bundle: string, records: readonly Record<string, unknown>[], layout?: 'bundle' | 'uuid'): void;
