import { describe, expect, it } from 'vitest';
import { anchorPaths } from '../../../../electron/cli/commands/plan-file';
import { secretRefsOf } from '../../../../electron/lab/secrets/resolve-secret';

describe('plan paths and secret references', () => {
  it('anchors the build, a ./command and every secret file to the plan folder, leaving bare names and env refs alone', () => {
    const plan = {
      build: { apk: 'out/app.apk' },
      sender: {
        kind: 'apns',
        key: { file: 'keys/AuthKey.p8' },
        serviceAccount: { env: 'SA' },
        topic: 'com.x',
      },
    };
    expect(anchorPaths(plan, '/lab/plans')).toEqual({
      build: { apk: '/lab/plans/out/app.apk' },
      sender: {
        kind: 'apns',
        key: { file: '/lab/plans/keys/AuthKey.p8' },
        serviceAccount: { env: 'SA' },
        topic: 'com.x',
      },
    });
    expect(anchorPaths({ sender: { kind: 'command', command: 'node' } }, '/p')).toEqual({
      sender: { kind: 'command', command: 'node' },
    });
    expect(anchorPaths({ sender: { kind: 'command', command: './send.sh' } }, '/p')).toEqual({
      sender: { kind: 'command', command: '/p/send.sh' },
    });
  });

  it('finds every secret reference a sender holds', () => {
    expect(
      secretRefsOf({
        kind: 'fcm',
        projectId: 'p',
        serviceAccount: { file: 'sa.json' },
        tokenUrl: 'http://127.0.0.1:1',
      }),
    ).toEqual([{ file: 'sa.json' }]);
    expect(secretRefsOf({ kind: 'tencent', secret: { stored: 'tencent.key' }, sdkAppId: 1 })).toEqual([
      { stored: 'tencent.key' },
    ]);
    expect(secretRefsOf({ kind: 'manual' })).toEqual([]);
  });
});

describe('senderCannotTest', () => {
  it('blocks logged-out and kicked scenarios for direct senders only', async () => {
    const { senderCannotTest } = await import('../../../../electron/lab/runs/engine/sender-limits');
    const { scenarioById } = await import('../../../../shared/scenarios/catalog');
    for (const kind of ['apns', 'fcm', 'simctl'] as const)
      expect(senderCannotTest(scenarioById('logged-out-text')!, kind)?.en).toMatch(/IM backend/);
    for (const kind of ['tencent', 'command', 'manual'] as const)
      expect(senderCannotTest(scenarioById('kicked-offline-text')!, kind)).toBeNull();
    expect(senderCannotTest(scenarioById('background-c2c-text')!, 'fcm')).toBeNull();
  });
});
