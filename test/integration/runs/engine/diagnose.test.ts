/**
 * Issue 13's "which link failed" acceptance on the virtual lab: five FCM phones, each with one
 * injected fault, run by the real engine in plan mode "diagnose" (a push through Tencent, the
 * same message through FCM directly, Tencent's presence, the doctor's report). Each fault must
 * give its link; a quota hit refuses the vendor send; a plan over its quota does not start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PACKAGE } from '../../../virtual-lab/push-lab';
import { makeFcmToken } from '../../../virtual-lab/fcm/credentials';
import { openRunLab, type RunLab } from '../../../support/run-lab';
import type { AttemptView } from '../../../../shared/domain/run';
import { describeDiagnosis } from '../../../../shared/runs/diagnose';
import { maskDeviceToken } from '../../../../shared/runs/plan';
import { join } from 'node:path';
import { createReportHandlers } from '../../../../electron/lab/reports/report-handlers';
import { toJUnit } from '../../../../electron/lab/runs/junit';

const PIXEL = 'google-pixel-android15-1';
const IDS = ['healthy', 'tencentdrop', 'vendordrop', 'notifsoff', 'badtoken', 'quota'] as const;
let env: RunLab;
const serialOf = (id: string): string => env.world.phones.find((p) => p.id === id)?.serial ?? '';

beforeAll(async () => {
  env = await openRunLab({
    phones: IDS.map((id) => ({ profile: PIXEL, id, account: `qa_${id}` })),
    world: {
      direct: true,
      drops: (_spec, serial) => serial === serialOf('tencentdrop'),
      vendorDrops: (_channel, serial) => serial === serialOf('vendordrop'),
    },
  });
  env.world.phones.find((p) => p.id === 'notifsoff')?.android.blockApp(DEMO_PACKAGE);
}, 120_000);
afterAll(async () => env?.close());

const TIMEOUTS = { pushMs: 2500, stepMs: 15000 };

describe('a diagnose run on the virtual lab', () => {
  it('gives the right link for each injected fault', async () => {
    const runs = env.core.services.runs;
    const serials = IDS.filter((id) => id !== 'quota').map(serialOf);
    const base = env.world.diagnosePlan();
    const plan = env.world.diagnosePlan({
      phones: { serials },
      scenarios: ['background-c2c-text'],
      timeouts: TIMEOUTS,
      // One phone's token is stale (FCM no longer knows it): the plan's token wins over the log.
      app: {
        ...base.app,
        tokens: {
          fromLogcat: { preset: 'tencent-offline-push' },
          serials: { [serialOf('badtoken')]: makeFcmToken() },
        },
      },
    });
    const pre = runs.preflight(plan);
    expect(pre.budget).toEqual([
      expect.objectContaining({ kind: 'tencent', phones: 5, sends: 10, quota: null, over: false }),
      expect.objectContaining({ kind: 'fcm', phones: 5, sends: 5, quota: null, over: false }),
    ]);
    const { runId } = await runs.start(plan);
    const summary = await runs.settled(runId);
    expect(summary.status).toBe('completed');
    const detail = runs.get(runId);
    const byPhone = new Map(detail.attempts.map((a) => [a.serial, a]));
    const link = (id: string): string | undefined => byPhone.get(serialOf(id))?.verdict?.diagnosis?.link;
    const table = detail.attempts
      .map(
        (a: AttemptView) =>
          `${a.serial} ${a.verdict?.kind} ${a.verdict?.diagnosis ? describeDiagnosis(a.verdict.diagnosis, 'en') : '-'}`,
      )
      .join('\n');

    expect(link('healthy'), table).toBe('both-shown');
    expect(link('tencentdrop'), table).toBe('tencent-side');
    expect(link('vendordrop'), table).toBe('vendor-side');
    expect(link('notifsoff'), table).toBe('phone-side');
    expect(link('badtoken'), table).toBe('vendor-side');

    const healthy = byPhone.get(serialOf('healthy'))?.verdict?.diagnosis;
    expect(healthy?.presence).toBe('push-online');
    expect(healthy?.vendor).toMatchObject({ kind: 'fcm', shown: true, error: null });
    expect(healthy?.tencent.shown).toBe(true);
    // Tencent lost it while the account was PushOnline: the hint points at Tencent's side.
    expect(byPhone.get(serialOf('tencentdrop'))?.verdict?.diagnosis?.presence).toBe('push-online');
    // The phone-side verdict names the doctor's failing check.
    expect(byPhone.get(serialOf('notifsoff'))?.verdict?.diagnosis?.doctorFailing).toEqual(
      expect.arrayContaining([expect.stringMatching(/^notifications\./)]),
    );
    // The stale token: FCM refused the direct send, Tencent's push showed.
    const stale = byPhone.get(serialOf('badtoken'))?.verdict?.diagnosis;
    expect(stale?.tencent.shown).toBe(true);
    expect(stale?.vendor.error?.code).toBe('SEND_FAILED');

    // Tokens read from logcat are used and only ever shown masked.
    const token = env.world.direct?.tokens.get(serialOf('healthy')) ?? '';
    const steps = runs.attempt(byPhone.get(serialOf('healthy'))!.id).steps;
    const prepared = steps.filter((s) => s.name === 'prepare').map((s) => s.detail ?? '');
    expect(prepared.join(' ')).toContain(`push token from logcat: ${maskDeviceToken(token)}`);
    const stored = JSON.stringify(runs.attempt(byPhone.get(serialOf('healthy'))!.id));
    expect(stored).not.toContain(token);
    expect(
      env.core.services.runs.results(runId).attempts.every((a) => a.verdict.diagnosis !== undefined),
    ).toBe(true);

    // The reports say it too: JUnit property, CSV "Link" column, the HTML section (en and zh-CN).
    const junit = toJUnit(runs.results(runId));
    expect(junit).toContain('<property name="diagnoseLink" value="tencent-side"/>');
    expect(junit).toContain(
      '<system-out>phone side: nothing reached the phone, and the doctor flags it: notifications.',
    );
    const reports = createReportHandlers({
      runs,
      matrix: env.core.services.matrix,
      evidenceRoot: join(env.dir, 'evidence'),
    });
    const { csv } = await reports['reports:csv'](runId, { attempts: true });
    expect(csv.split('\r\n')[0]?.endsWith(',Link,Capture')).toBe(true);
    expect(csv).toMatch(/,attempt,.*,"vendor side: fcm refused the direct push: FCM refused the message/);
    for (const locale of ['en', 'zh-CN'] as const) {
      const { html } = await reports['reports:html']({ runId, locale });
      expect(html).toContain('<section id="diagnose">');
      expect(html).toContain(locale === 'en' ? 'Which link failed (diagnose)' : '哪条链路失败（诊断）');
      expect(html).toContain(locale === 'en' ? '>Tencent side<' : '>腾讯侧<');
      expect(html).toContain('>PushOnline<');
      expect(html).not.toContain(token);
    }
  }, 180_000);

  it('a vendor quota hit is the vendor side, and a plan over its quota never starts', async () => {
    const runs = env.core.services.runs;
    const plan = env.world.diagnosePlan({
      phones: { serials: [serialOf('quota')] },
      scenarios: ['background-c2c-text'],
      timeouts: TIMEOUTS,
    });
    env.world.direct?.fcm.server.failNext('QUOTA_EXCEEDED');
    const { runId } = await runs.start(plan);
    await runs.settled(runId);
    const diagnosis = runs.get(runId).attempts[0]?.verdict?.diagnosis;
    expect(diagnosis?.link).toBe('vendor-side');
    expect(diagnosis?.vendor.error?.message).toMatch(/429|RESOURCE_EXHAUSTED|QUOTA/i);
    expect(diagnosis?.tencent.shown).toBe(true);

    const before = runs.list().length;
    const over = env.world.diagnosePlan({
      phones: { serials: [serialOf('quota')] },
      scenarios: ['background-c2c-text', 'background-title-desc'],
      repeats: 2,
      quota: { fcm: 3 },
    });
    await expect(runs.start(over)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      message: expect.stringContaining('fcm: up to 4 sends to 1 phone(s) (quota 3 from the plan)'),
      zh: { message: expect.stringContaining('fcm：最多 4 次发送') },
    });
    expect(runs.list()).toHaveLength(before);
  }, 120_000);
});
