/**
 * The Lab hosts panel's store over a scripted bridge: it loads the list when opened, follows host
 * states on devices:changed without losing edits, refuses to send a bad draft, saves the whole list
 * (primary first), keeps the draft on a refused save, and keeps a check only for the row it was for.
 */
import { describe, expect, it } from 'vitest';
import type { LabHostEntry, LabHostsSetting } from '../../../shared/domain/lab-host';
import { fail, ok } from '../../../shared/result';
import { createHostsStore, currentCheck, PRIMARY_ROW } from '../../../renderer/src/devices/hosts-store';
import { fakeBridge } from './support/fake-bridge';
import { adbStatus } from '../../support/sample-devices';

const LOCAL: LabHostEntry = {
  name: 'local',
  address: '127.0.0.1',
  port: 5037,
  primary: true,
  state: 'connected',
  phones: 2,
  error: null,
};
const LAB_B: LabHostEntry = { ...LOCAL, name: 'lab-b', address: '10.0.0.7', primary: false, phones: 1 };

const setting = (hosts: LabHostEntry[]): LabHostsSetting => ({
  hosts,
  editable: true,
  file: '/data/hosts.json',
});
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(initial = setting([LOCAL, LAB_B])) {
  const bridge = fakeBridge();
  let current = initial;
  bridge.answer('hosts:list', () => ok(current));
  bridge.answer('hosts:save', (list) => {
    const hosts = (list as LabHostEntry[]).map((h, i) => ({
      ...LOCAL,
      ...h,
      primary: i === 0,
      state: 'connecting' as const,
    }));
    current = setting(hosts);
    return ok(current);
  });
  const store = createHostsStore(bridge);
  const stop = store.getState().start();
  return { bridge, store, stop, setCurrent: (s: LabHostsSetting) => (current = s) };
}

describe('hosts store', () => {
  it('loads when opened and makes rows of the hosts after the primary', async () => {
    const { store, bridge } = setup();
    expect(bridge.calls).toEqual([]);
    store.getState().setOpen(true);
    await flush();
    expect(store.getState().setting?.hosts.map((h) => h.name)).toEqual(['local', 'lab-b']);
    expect(store.getState().draft.map((r) => r.name)).toEqual(['lab-b']);
  });

  it('follows host states on devices:changed while open, keeping unsaved edits', async () => {
    const { store, bridge, setCurrent } = setup();
    bridge.emit('devices:changed', { adb: adbStatus(), devices: [] });
    await flush();
    expect(bridge.calls.filter((c) => c.channel === 'hosts:list')).toHaveLength(0);
    store.getState().setOpen(true);
    await flush();
    store.getState().add();
    const added = store.getState().draft[1]!;
    expect(added).toMatchObject({ name: 'lab-c', address: '', port: '5037' });
    store.getState().edit(added.id, 'address', '10.0.0.8');
    setCurrent(setting([LOCAL, { ...LAB_B, state: 'unreachable', phones: 0 }]));
    bridge.emit('devices:changed', { adb: adbStatus(), devices: [] });
    await flush();
    expect(store.getState().setting?.hosts[1]?.state).toBe('unreachable');
    expect(store.getState().draft.map((r) => [r.name, r.address])).toEqual([
      ['lab-b', '10.0.0.7'],
      ['lab-c', '10.0.0.8'],
    ]);
  });

  it('does not send a draft with problems, and flags empty fields then', async () => {
    const { store, bridge } = setup();
    store.getState().setOpen(true);
    await flush();
    store.getState().add();
    await store.getState().save();
    expect(store.getState().attempted).toBe(true);
    expect(bridge.calls.some((c) => c.channel === 'hosts:save')).toBe(false);
  });

  it('saves the whole list, primary first, and takes the saved list as the new start', async () => {
    const { store, bridge } = setup();
    store.getState().setOpen(true);
    await flush();
    store.getState().add();
    const id = store.getState().draft[1]!.id;
    store.getState().edit(id, 'address', ' 10.0.0.8 ');
    store.getState().edit(id, 'port', '15038');
    await store.getState().save();
    const sent = bridge.calls.find((c) => c.channel === 'hosts:save')?.args[0];
    expect(sent).toEqual([
      { name: 'local', address: '127.0.0.1', port: 5037 },
      { name: 'lab-b', address: '10.0.0.7', port: 5037 },
      { name: 'lab-c', address: '10.0.0.8', port: 15038 },
    ]);
    expect(store.getState().savedTo).toBe('/data/hosts.json');
    expect(store.getState().draft.map((r) => r.id)).toEqual(['saved:lab-b', 'saved:lab-c']);
  });

  it('keeps the draft and shows the core’s refusal', async () => {
    const { store, bridge } = setup();
    store.getState().setOpen(true);
    await flush();
    bridge.answer('hosts:save', () =>
      fail({ code: 'STORAGE_FAILED', message: 'Could not save', zh: { message: '无法保存' } }),
    );
    store.getState().remove('saved:lab-b');
    await store.getState().save();
    expect(store.getState().saveError?.code).toBe('STORAGE_FAILED');
    expect(store.getState().draft).toEqual([]);
    expect(store.getState().savedTo).toBeNull();
    store.getState().discard();
    expect(store.getState().draft.map((r) => r.name)).toEqual(['lab-b']);
    expect(store.getState().saveError).toBeNull();
  });

  it('checks a row and keeps the answer only while the row names the same server', async () => {
    const { store, bridge } = setup();
    bridge.answer('hosts:check', ({ address, port }) => ok({ address, port, serverVersion: 41, phones: 3 }));
    store.getState().setOpen(true);
    await flush();
    await store.getState().check('saved:lab-b');
    expect(bridge.calls.find((c) => c.channel === 'hosts:check')?.args).toEqual([
      { address: '10.0.0.7', port: 5037 },
    ]);
    const checks = store.getState().checks;
    expect(currentCheck(checks, 'saved:lab-b', '10.0.0.7', 5037)?.result?.phones).toBe(3);
    expect(currentCheck(checks, 'saved:lab-b', '10.0.0.7', 5038)).toBeNull();
    await store.getState().check(PRIMARY_ROW);
    expect(bridge.calls.filter((c) => c.channel === 'hosts:check').at(-1)?.args).toEqual([
      { address: '127.0.0.1', port: 5037 },
    ]);
    // A row that is not a valid host is not sent; its problems show instead.
    store.getState().edit('saved:lab-b', 'port', 'x');
    await store.getState().check('saved:lab-b');
    expect(bridge.calls.filter((c) => c.channel === 'hosts:check')).toHaveLength(2);
    expect(store.getState().attempted).toBe(true);
  });
});
