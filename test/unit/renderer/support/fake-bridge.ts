/**
 * A scripted PushLabBridge for store tests: each request channel answers from a handler the
 * test sets (or a default), every call is recorded, and the test emits events itself. Values
 * round-trip through JSON like IPC and HTTP, and arguments are validated like the shells do.
 */
import type { DeviceSnapshot } from '../../../../shared/domain/device';
import {
  requestSchemas,
  type EventChannel,
  type EventPayloads,
  type PushLabBridge,
  type RequestArgs,
  type RequestChannel,
  type RequestResult,
} from '../../../../shared/ipc';
import { fail, ok, type Result } from '../../../../shared/result';
import { adbStatus } from '../../../support/sample-devices';

type Handler<C extends RequestChannel> = (
  ...args: RequestArgs<C>
) => Result<RequestResult<C>> | Promise<Result<RequestResult<C>>>;
type Handlers = { [C in RequestChannel]?: Handler<C> };

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface FakeBridge extends PushLabBridge {
  readonly calls: Array<{ channel: RequestChannel; args: unknown[] }>;
  /** Sets how a channel answers. */
  answer<C extends RequestChannel>(channel: C, handler: Handler<C>): void;
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
  listenerCount(): number;
  /** Files staged so far, by the path handed back. */
  readonly staged: Map<string, Uint8Array>;
}

/** A bridge whose devices:snapshot answers `snapshot` until a test says otherwise. */
export function fakeBridge(snapshot: DeviceSnapshot = { adb: adbStatus(), devices: [] }): FakeBridge {
  const handlers: Handlers = {
    'devices:snapshot': () => ok(snapshot),
    'install:jobs': () => ok([]),
    'lab:status': () => ok({ running: false, phones: [] }),
  };
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const calls: FakeBridge['calls'] = [];
  const staged = new Map<string, Uint8Array>();

  return {
    calls,
    staged,
    answer(channel, handler) {
      (handlers as Record<string, unknown>)[channel] = handler;
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? [])
        (listener as (p: typeof payload) => void)(roundTrip(payload));
    },
    listenerCount() {
      return [...listeners.values()].reduce((n, set) => n + set.size, 0);
    },
    async invoke<C extends RequestChannel>(
      channel: C,
      ...args: RequestArgs<C>
    ): Promise<Result<RequestResult<C>>> {
      calls.push({ channel, args: [...args] });
      const parsed = requestSchemas[channel].safeParse(roundTrip(args));
      if (!parsed.success)
        return fail({ code: 'INVALID_ARGUMENT', message: `Invalid arguments for "${channel}".` });
      const handler = handlers[channel] as Handler<C> | undefined;
      if (!handler) return fail({ code: 'NOT_FOUND', message: `No fake answer for ${channel}.` });
      return roundTrip(await handler(...(parsed.data as RequestArgs<C>)));
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    async stageFile(file: File): Promise<Result<string>> {
      const path = `/staged/${staged.size + 1}/${file.name}`;
      staged.set(path, new Uint8Array(await file.arrayBuffer()));
      return ok(path);
    },
  };
}
