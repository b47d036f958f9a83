import { describe, expect, it } from 'vitest';
import type {
  CheckStatus,
  DoctorCheck,
  DoctorReport,
  DoctorResult,
  DoctorSubject,
  FixId,
  FixOutcome,
} from '../../../shared/domain/doctor';
import { fail, ok, type Result } from '../../../shared/result';
import { createDoctorStore, entryKey } from '../../../renderer/src/doctor/doctor-store';
import { SUBJECT_STORAGE_KEY } from '../../../renderer/src/doctor/subject-memory';
import { gate, until } from './support/async';
import { fakeBridge } from './support/fake-bridge';
import { HUAWEI, XIAOMI } from '../../support/sample-devices';

const PKG = 'com.tencent.qcloud.tim.tuikit';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

/**
 * A small doctor for store tests (the browser tests use the fuller fake in test/renderer/support):
 * one phone's settings, snapshots with drift, fixes that change settings, one the ROM refuses.
 */
class TinyDoctor {
  public readonly state: Record<string, CheckStatus> = {
    'notifications.permission': 'fail',
    'vendor.miui.autostart': 'fail',
    'battery.doze': 'warn',
    'battery.standbyBucket': 'warn',
    'dnd.zen': 'warn',
  };
  private readonly saved: DoctorReport[] = [];
  private clock = Date.parse('2026-01-05T10:00:00.000Z');
  private static readonly FIXES: Partial<Record<FixId, string>> = {
    'grant-post-notifications': 'notifications.permission',
    'allow-miui-autostart': 'vendor.miui.autostart',
    'doze-allowlist': 'battery.doze',
    'standby-bucket-active': 'battery.standbyBucket',
  };

  private checks(): DoctorCheck[] {
    return Object.entries(this.state).map(([id, status]) => ({
      id,
      status,
      title: { key: `check.${id}.title`, values: {} },
      evidence: `${id}: ${status}`,
      advice: { key: `check.${id}.advice`, values: {} },
      fixes: Object.entries(TinyDoctor.FIXES)
        .filter(([, target]) => target === id)
        .map(([fix]) => fix as FixId),
      settingsPath: null,
    }));
  }

  private time(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  public run(subject: DoctorSubject): Result<DoctorResult> {
    const previous = this.saved[0] ?? null;
    const checks = this.checks();
    const report: DoctorReport = {
      id: this.saved.length + 1,
      serial: subject.serial,
      package: subject.package,
      takenAt: this.time(),
      complete: true,
      incompleteReason: null,
      phone: null,
      checks,
    };
    this.saved.unshift(report);
    const drift = previous
      ? checks.flatMap((c) => {
          const was = previous.checks.find((p) => p.id === c.id);
          return was && was.status === c.status
            ? []
            : [
                {
                  checkId: c.id,
                  before: was ? { status: was.status, evidence: was.evidence } : null,
                  after: { status: c.status, evidence: c.evidence },
                },
              ];
        })
      : [];
    return ok({ report, previousTakenAt: previous?.takenAt ?? null, drift });
  }

  public fix(_subject: DoctorSubject, fix: FixId): Result<FixOutcome> {
    const target = TinyDoctor.FIXES[fix];
    const before = this.checks().filter((c) => c.id === target);
    const refused = fix === 'allow-miui-autostart';
    if (target && !refused) this.state[target] = 'ok';
    const after = this.checks().filter((c) => c.id === target);
    const detail = refused
      ? 'java.lang.SecurityException: uid 2000 does not have android.permission.MANAGE_APP_OPS_MODES.'
      : null;
    return ok({
      fix,
      ok: !refused,
      message: { key: refused ? 'fix.refused' : 'fix.done', values: {} },
      detail,
      before,
      after,
      at: this.time(),
      by: 'qa',
    });
  }

  public history(): Result<readonly DoctorReport[]> {
    return ok([...this.saved]);
  }
}

/** A bridge whose doctor channels are answered by the tiny doctor. */
function setup() {
  const bridge = fakeBridge();
  const doctor = new TinyDoctor();
  bridge.answer('doctor:run', (subject) => doctor.run(subject));
  bridge.answer('doctor:fix', (subject, fix) => doctor.fix(subject, fix));
  bridge.answer('doctor:history', () => doctor.history());
  const storage = memoryStorage();
  const store = createDoctorStore(bridge, { storage });
  return { bridge, doctor, store, storage };
}

const entry = (store: ReturnType<typeof setup>['store'], serial = XIAOMI.serial, pkg = PKG) =>
  store.getState().entries[entryKey(serial, pkg)];

describe('doctor store', () => {
  it('sends nothing while the draft is invalid', async () => {
    const { bridge, store } = setup();
    expect(await store.getState().run(XIAOMI.serial)).toBe(false);
    store.getState().setDraft(XIAOMI.serial, { packageText: 'com.example;reboot' });
    expect(await store.getState().run(XIAOMI.serial)).toBe(false);
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG, channelText: 'ok, not ok' });
    expect(await store.getState().run(XIAOMI.serial)).toBe(false);
    expect(bridge.calls.filter((c) => c.channel.startsWith('doctor:'))).toEqual([]);
  });

  it('runs a check with a running flag, keeps the result per phone x package and remembers the subject', async () => {
    const { bridge, store, storage } = setup();
    const slow = gate();
    bridge.answer('doctor:run', async (subject) => {
      await slow.wait;
      return new TinyDoctor().run(subject);
    });
    store
      .getState()
      .setDraft(XIAOMI.serial, { packageText: ` ${PKG} `, channelText: 'im_message, tim_push' });
    const running = store.getState().run(XIAOMI.serial);
    expect(entry(store)?.running).toBe(true);
    expect(await store.getState().run(XIAOMI.serial)).toBe(false); // a second run while one is in flight is refused
    slow.open();
    expect(await running).toBe(true);
    const done = entry(store);
    expect(done?.running).toBe(false);
    expect(done?.subject).toEqual({
      serial: XIAOMI.serial,
      package: PKG,
      channelIds: ['im_message', 'tim_push'],
    });
    expect(bridge.calls.find((c) => c.channel === 'doctor:run')?.args).toEqual([
      { serial: XIAOMI.serial, package: PKG, channelIds: ['im_message', 'tim_push'] },
    ]);
    expect(done?.result?.report.checks.find((c) => c.id === 'notifications.permission')?.status).toBe('fail');
    expect(store.getState().current[XIAOMI.serial]).toBe(entryKey(XIAOMI.serial, PKG));
    expect(bridge.calls.filter((c) => c.channel === 'doctor:run')).toHaveLength(1);
    expect(JSON.parse(storage.data.get(SUBJECT_STORAGE_KEY) ?? '[]')).toEqual([
      { serial: XIAOMI.serial, package: PKG, channelIds: ['im_message', 'tim_push'] },
    ]);

    // A new store over the same storage opens with the remembered inputs.
    const again = createDoctorStore(bridge, { storage });
    expect(again.getState().drafts[XIAOMI.serial]).toEqual({
      packageText: PKG,
      channelText: 'im_message, tim_push',
    });
    expect(again.getState().drafts[HUAWEI.serial]).toBeUndefined();
  });

  it('keeps a run failure as a value', async () => {
    const { bridge, store } = setup();
    bridge.answer('doctor:run', () =>
      fail({ code: 'DEVICE_LOST', message: 'The phone went away.', hint: 'Reconnect it.' }),
    );
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG });
    expect(await store.getState().run(XIAOMI.serial)).toBe(false);
    expect(entry(store)).toMatchObject({ running: false, result: null, runError: { code: 'DEVICE_LOST' } });
  });

  it('applies a fix with progress, folds the re-read into the result and logs before -> after', async () => {
    const { store } = setup();
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG });
    await store.getState().run(XIAOMI.serial);
    const fixing = store
      .getState()
      .fix(XIAOMI.serial, 'grant-post-notifications', 'notifications.permission');
    expect(entry(store)?.fixing['grant-post-notifications']).toBe(true);
    await fixing;
    const after = entry(store);
    expect(after?.fixing).toEqual({});
    expect(after?.result?.report.checks.find((c) => c.id === 'notifications.permission')?.status).toBe('ok');
    const log = after?.fixLog[0];
    expect(log).toMatchObject({
      fix: 'grant-post-notifications',
      fromCheck: 'notifications.permission',
      error: null,
      outcome: { ok: true },
    });
    expect(log?.outcome?.before.map((c) => c.status)).toEqual(['fail']);
    expect(log?.outcome?.after.map((c) => c.status)).toEqual(['ok']);
  });

  it('records a fix the ROM refuses as failed with the phone’s words, and a bridge error as failed too', async () => {
    const { bridge, store } = setup();
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG });
    await store.getState().run(XIAOMI.serial);
    await store.getState().fix(XIAOMI.serial, 'allow-miui-autostart', 'vendor.miui.autostart');
    const refused = entry(store)?.fixLog[0];
    expect(refused?.outcome?.ok).toBe(false);
    expect(refused?.outcome?.detail).toContain('java.lang.SecurityException');
    expect(entry(store)?.result?.report.checks.find((c) => c.id === 'vendor.miui.autostart')?.status).toBe(
      'fail',
    );

    bridge.answer('doctor:fix', () => fail({ code: 'TIMEOUT', message: 'appops did not answer.' }));
    await store.getState().fix(XIAOMI.serial, 'doze-allowlist', 'battery.doze');
    expect(entry(store)?.fixLog.map((l) => [l.fix, l.outcome?.ok ?? null, l.error?.code ?? null])).toEqual([
      ['doze-allowlist', null, 'TIMEOUT'],
      ['allow-miui-autostart', false, null],
    ]);
  });

  it('does not fix before a check ran, nor while one runs', async () => {
    const { bridge, store } = setup();
    await store.getState().fix(XIAOMI.serial, 'launch-app');
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG });
    const running = store.getState().run(XIAOMI.serial);
    await store.getState().fix(XIAOMI.serial, 'launch-app');
    await running;
    expect(bridge.calls.filter((c) => c.channel === 'doctor:fix')).toEqual([]);
  });

  it('shows drift on the next run', async () => {
    const { doctor, store } = setup();
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG });
    await store.getState().run(XIAOMI.serial);
    expect(entry(store)?.result?.previousTakenAt).toBeNull();
    doctor.state['dnd.zen'] = 'ok';
    await store.getState().run(XIAOMI.serial);
    const result = entry(store)?.result as DoctorResult;
    expect(result.previousTakenAt).not.toBeNull();
    expect(result.drift.map((d) => [d.checkId, d.before?.status, d.after?.status])).toEqual([
      ['dnd.zen', 'warn', 'ok'],
    ]);
  });

  it('loads saved reports once for the remembered package, and adds new runs to them', async () => {
    const { bridge, doctor, store } = setup();
    doctor.run({ serial: XIAOMI.serial, package: PKG, channelIds: [] });
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG });
    await store.getState().loadHistory(XIAOMI.serial);
    await store.getState().loadHistory(XIAOMI.serial);
    expect(bridge.calls.filter((c) => c.channel === 'doctor:history')).toHaveLength(1);
    expect(entry(store)?.history).toHaveLength(1);
    expect(entry(store)?.result).toBeNull();
    await store.getState().run(XIAOMI.serial);
    expect(entry(store)?.history?.map((r) => r.id)).toEqual([2, 1]);

    store.getState().setDraft(HUAWEI.serial, { packageText: 'bad name' });
    await store.getState().loadHistory(HUAWEI.serial);
    expect(bridge.calls.filter((c) => c.channel === 'doctor:history')).toHaveLength(1);
  });

  it('runs different fixes side by side and ignores a repeat of one in flight', async () => {
    const { bridge, doctor, store } = setup();
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG });
    await store.getState().run(XIAOMI.serial);
    const slow = gate();
    bridge.answer('doctor:fix', async (subject, fix) => {
      await slow.wait;
      return doctor.fix(subject, fix);
    });
    const a = store.getState().fix(XIAOMI.serial, 'doze-allowlist');
    const b = store.getState().fix(XIAOMI.serial, 'standby-bucket-active');
    const again = store.getState().fix(XIAOMI.serial, 'doze-allowlist');
    expect(Object.keys(entry(store)?.fixing ?? {}).sort()).toEqual([
      'doze-allowlist',
      'standby-bucket-active',
    ]);
    slow.open();
    await Promise.all([a, b, again]);
    await until(() => Object.keys(entry(store)?.fixing ?? {}).length === 0, 'fixes');
    expect(bridge.calls.filter((c) => c.channel === 'doctor:fix')).toHaveLength(2);
    const checks = entry(store)?.result?.report.checks ?? [];
    expect(checks.find((c) => c.id === 'battery.doze')?.status).toBe('ok');
    expect(checks.find((c) => c.id === 'battery.standbyBucket')?.status).toBe('ok');
  });
});

describe('the app across phones', () => {
  it('keeps the package when switching phones and when a card opens the doctor', () => {
    const storage = memoryStorage();
    const store = createDoctorStore(fakeBridge(), { storage });
    store.getState().select(XIAOMI.serial);
    store.getState().setDraft(XIAOMI.serial, { packageText: PKG, channelText: 'im_message' });
    store.getState().select(HUAWEI.serial);
    expect(store.getState().drafts[HUAWEI.serial]).toEqual({ packageText: PKG, channelText: 'im_message' });
    // A phone with its own package keeps it.
    store.getState().setDraft(HUAWEI.serial, { packageText: 'com.other.app' });
    store.getState().select(XIAOMI.serial);
    expect(store.getState().drafts[XIAOMI.serial]?.packageText).toBe(PKG);
  });

  it('opens a new phone with the app remembered from an earlier session', () => {
    const storage = memoryStorage();
    storage.setItem(
      SUBJECT_STORAGE_KEY,
      JSON.stringify([{ serial: 'gone-phone', package: PKG, channelIds: ['im_message'] }]),
    );
    const store = createDoctorStore(fakeBridge(), { storage });
    store.getState().select(HUAWEI.serial);
    expect(store.getState().drafts[HUAWEI.serial]?.packageText).toBe(PKG);
  });
});
