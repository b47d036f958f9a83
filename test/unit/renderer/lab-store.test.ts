import { afterEach, describe, expect, it } from 'vitest';
import { createLabStore } from '../../../renderer/src/lab/lab-store';
import type { VirtualLabStatus } from '../../../shared/domain/lab';
import { fail, ok } from '../../../shared/result';
import { until } from './support/async';
import { fakeBridge } from './support/fake-bridge';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('lab store', () => {
  it('starts the lab, follows lab:changed and plugs phones', async () => {
    const bridge = fakeBridge();
    let status: VirtualLabStatus = { running: false, phones: [] };
    const set = (next: VirtualLabStatus) => {
      status = next;
      bridge.emit('lab:changed', next);
      return ok(next);
    };
    bridge.answer('lab:status', () => ok(status));
    bridge.answer('lab:start', () =>
      set({
        running: true,
        phones: [
          {
            id: 'p1',
            profile: 'xiaomi-hyperos2-android14-2',
            port: 40001,
            serial: '127.0.0.1:40001',
            plugged: true,
            authorized: true,
          },
        ],
      }),
    );
    bridge.answer('lab:plug', (id, plugged) =>
      set({ ...status, phones: status.phones.map((p) => (p.id === id ? { ...p, plugged } : p)) }),
    );
    bridge.answer('lab:stop', () => set({ running: false, phones: [] }));

    const store = createLabStore(bridge);
    stops.push(store.getState().start());
    await until(() => store.getState().status !== null, 'lab status');
    expect(store.getState().status?.running).toBe(false);
    const starting = store.getState().startLab();
    expect(store.getState().busy).toBe('starting');
    await starting;
    expect(store.getState().busy).toBeNull();
    expect(store.getState().status?.phones).toHaveLength(1);
    expect(bridge.calls.find((c) => c.channel === 'lab:start')?.args).toEqual([{}]);

    const plugging = store.getState().plug('p1', false);
    expect(store.getState().pending).toEqual(['p1']);
    await plugging;
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().status?.phones[0]?.plugged).toBe(false);
    await store.getState().stopLab();
    expect(store.getState().status?.running).toBe(false);
  });

  it('reports a core without a virtual lab as an error value', async () => {
    const bridge = fakeBridge();
    bridge.answer('lab:start', () =>
      fail({ code: 'NOT_FOUND', message: 'The virtual lab is not available in this build.' }),
    );
    const store = createLabStore(bridge);
    await store.getState().startLab(3);
    expect(store.getState().error?.code).toBe('NOT_FOUND');
    expect(store.getState().busy).toBeNull();
    expect(bridge.calls[0]?.args).toEqual([{ phones: 3 }]);
  });
});
