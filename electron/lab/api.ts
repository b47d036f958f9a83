/**
 * The core as the shells see it. Electron main (via ipc.ts), the loopback web bridge and the
 * tests all drive PushLab through this one interface; none of them reaches into services.
 */
import type { Result } from '../../shared/result';
import type {
  EventChannel,
  EventPayloads,
  RequestArgs,
  RequestChannel,
  RequestResult,
} from '../../shared/ipc';

export type LabEventListener = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

export interface LabCore {
  /** Runs one request. Arguments must already be validated against `requestSchemas`. */
  invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Result<RequestResult<C>>>;
  /** Every event the core emits; returns an unsubscribe function. */
  subscribe(listener: LabEventListener): () => void;
  close(): Promise<void>;
}
