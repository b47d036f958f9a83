/**
 * A PushLabBridge straight onto a LabCore in the same process (no HTTP), validating arguments
 * like the shells do: for testing the renderer's stores in Node.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabCore } from '../../../electron/lab/api';
import { requestSchemas, type EventChannel, type EventPayloads, type PushLabBridge, type RequestArgs, type RequestChannel, type RequestResult } from '../../../shared/ipc';
import { fail, ok, type Result } from '../../../shared/result';

export function inProcessBridge(core: LabCore): PushLabBridge {
  return {
    async invoke<C extends RequestChannel>(channel: C, ...args: RequestArgs<C>): Promise<Result<RequestResult<C>>> {
      // Round-trip through JSON like IPC and HTTP do, so nothing non-serialisable slips through.
      const parsed = requestSchemas[channel].safeParse(JSON.parse(JSON.stringify(args)));
      if (!parsed.success) return fail({ code: 'INVALID_ARGUMENT', message: `Invalid arguments for "${channel}".` });
      const result = await core.invoke(channel, parsed.data as RequestArgs<C>);
      return JSON.parse(JSON.stringify(result)) as Result<RequestResult<C>>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      return core.subscribe((name, payload) => {
        if ((name as EventChannel) === event) listener(JSON.parse(JSON.stringify(payload)) as EventPayloads[E]);
      });
    },
    async stageFile(file: File): Promise<Result<string>> {
      const dir = await mkdtemp(join(tmpdir(), 'pushlab-stage-'));
      const path = join(dir, file.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'upload.apk');
      await writeFile(path, Buffer.from(await file.arrayBuffer()));
      return ok(path);
    },
  };
}
