/**
 * The core as the shells see it. Electron main (via ipc.ts), the loopback web bridge, the CLI and the
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

/**
 * Runs one request and resolves to its Result. The core checks the request itself (request-gate.ts):
 * a channel the contract does not name, or arguments that do not fit its schema, resolve to an
 * INVALID_ARGUMENT error (refusalReason() says which) before any handler runs. Shells pass what they
 * received as it is; typed callers get typed results.
 */
export interface LabInvoke {
  <C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Result<RequestResult<C>>>;
  (channel: unknown, args: unknown): Promise<Result<unknown>>;
}

export interface LabCore {
  readonly invoke: LabInvoke;
  /** Every event the core emits; returns an unsubscribe function. */
  subscribe(listener: LabEventListener): () => void;
  close(): Promise<void>;
}
