/**
 * The wire names of the IPC contract, apart from shared/ipc.ts so the preload and renderer can
 * use them without bundling the zod schemas only main needs.
 */
import type { EventChannel } from './ipc';

export const IPC_INVOKE = 'pushlab:invoke';
export const IPC_EVENT_PREFIX = 'pushlab:event:';

export const EVENT_CHANNELS: readonly EventChannel[] = [
  'devices:changed',
  'install:progress',
  'install:finished',
  'lab:changed',
  'runs:progress',
];
