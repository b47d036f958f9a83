/**
 * The phone card's on-demand token read through the real core and its request gate, against
 * virtual phones whose app logged its push token the way Tencent's SDK does: read by preset or by
 * the user's pattern, listed masked, kept encrypted; bad patterns, packages and phones refused with
 * a clear error before anything reaches the phone; the token never in a log line or the answer; and
 * a run records the token it read from logcat for the card too.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/lab/util/logger';
import { createSecretStore, type SecretCipher } from '../../../electron/lab/secrets/secret-store';
import { refusalReason } from '../../../electron/lab/request-gate';
import { maskDeviceToken } from '../../../shared/runs/plan';
import { DEMO_PACKAGE } from '../../virtual-lab/push-lab';
import { openRunLab, type RunLab } from '../../support/run-lab';

const cipher: SecretCipher = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x47)),
  decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x47)).toString('utf8'),
};

let env: RunLab;
let secretsDir: string;
const logLines: string[] = [];
const serial = (): string => env.world.phones.find((p) => p.id === 'pixel')?.serial ?? '';
const tokenOf = (s: string): string => env.world.direct?.tokens.get(s) ?? '';

beforeAll(async () => {
  secretsDir = await mkdtemp(join(tmpdir(), 'pushlab-token-read-'));
  env = await openRunLab({
    phones: [{ profile: 'google-pixel-android15-1', id: 'pixel', account: 'qa_pixel' }],
    world: { direct: true },
    core: {
      secrets: createSecretStore({ dir: secretsDir, cipher }),
      logger: createLogger({ level: 'debug', sink: (line) => logLines.push(line) }),
    },
  });
}, 120_000);
afterAll(async () => {
  await env?.close();
  if (secretsDir) await rm(secretsDir, { recursive: true, force: true });
});

describe('reading a push token from the phone card', () => {
  it('reads by preset and by pattern, answers masked, stores encrypted', async () => {
    const token = tokenOf(serial());
    expect(token.length).toBeGreaterThan(8);
    const before = await env.core.invoke('devices:pushTokens', [serial()]);
    expect(before).toMatchObject({ ok: true, value: { tokens: [], read: null, persisted: true } });

    const byPreset = await env.core.invoke('devices:pushTokens', [
      serial(),
      {
        package: DEMO_PACKAGE,
        from: { preset: 'tencent-offline-push' },
      },
    ]);
    if (!byPreset.ok) throw new Error(byPreset.error.message);
    expect(byPreset.value.read).toMatchObject({ found: true });
    expect(byPreset.value.tokens).toEqual([
      expect.objectContaining({
        serial: serial(),
        package: DEMO_PACKAGE,
        channel: 'fcm',
        masked: maskDeviceToken(token),
        source: { kind: 'logcat', preset: 'tencent-offline-push' },
      }),
    ]);

    const byPattern = await env.core.invoke('devices:pushTokens', [
      serial(),
      {
        package: DEMO_PACKAGE,
        from: { pattern: String.raw`pushToken = ([A-Za-z0-9_:.=+/-]+)` },
      },
    ]);
    if (!byPattern.ok) throw new Error(byPattern.error.message);
    expect(byPattern.value.tokens).toHaveLength(1);
    expect(byPattern.value.tokens[0]?.source).toEqual({ kind: 'logcat', preset: null });

    // A pattern that matches nothing: the answer says so, the stored token stays.
    const none = await env.core.invoke('devices:pushTokens', [
      serial(),
      {
        package: DEMO_PACKAGE,
        from: { pattern: String.raw`never-logged-(\w+)'; reboot; echo '` },
      },
    ]);
    if (!none.ok) throw new Error(none.error.message);
    expect(none.value.read?.found).toBe(false);
    expect(none.value.read?.lines).toBeGreaterThan(0);
    expect(none.value.tokens).toHaveLength(1);

    for (const answer of [byPreset, byPattern, none]) expect(JSON.stringify(answer)).not.toContain(token);
    expect(await readFile(join(secretsDir, 'secrets.json'), 'utf8')).not.toContain(token);
    expect(logLines.join('\n')).not.toContain(token);
  }, 60_000);

  it('refuses a bad pattern, package or phone with a clear error', async () => {
    const refused = async (args: unknown[]) => {
      const result = await env.core.invoke('devices:pushTokens', args);
      if (result.ok) throw new Error('expected a refusal');
      return result.error;
    };
    const noGroup = await refused([
      serial(),
      { package: DEMO_PACKAGE, from: { pattern: String.raw`token=\w+` } },
    ]);
    expect(noGroup.code).toBe('INVALID_ARGUMENT');
    expect(refusalReason(noGroup)).toBe('invalid-arguments');
    expect(noGroup.detail).toMatch(/capture group/);
    const nested = await refused([serial(), { package: DEMO_PACKAGE, from: { pattern: '(a+)+(b)' } }]);
    expect(nested.detail).toMatch(/repeats a group/);
    const both = await refused([
      serial(),
      { package: DEMO_PACKAGE, from: { preset: 'tencent-fcm', pattern: '(x)' } },
    ]);
    expect(both.detail).toMatch(/exactly one/);
    const shellPkg = await refused([
      serial(),
      { package: "com.x'; reboot; '", from: { preset: 'tencent-fcm' } },
    ]);
    expect(refusalReason(shellPkg)).toBe('invalid-arguments');
    const absent = await refused([
      serial(),
      { package: 'com.example.absent', from: { preset: 'tencent-fcm' } },
    ]);
    expect(absent).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('not installed') });
    expect(absent.zh?.message).toContain('没有安装');
    const gone = await refused(['emulator-5998', { package: DEMO_PACKAGE, from: { preset: 'tencent-fcm' } }]);
    expect(gone.code).toBe('DEVICE_NOT_READY');
  }, 60_000);

  it('a run that reads the token from logcat records it for the card', async () => {
    const runs = env.core.services.runs;
    const plan = env.world.diagnosePlan({
      phones: { serials: [serial()] },
      scenarios: ['background-c2c-text'],
      timeouts: { pushMs: 2500, stepMs: 15000 },
    });
    const started = Date.now();
    const { runId } = await runs.start(plan);
    await runs.settled(runId);
    const listed = await env.core.invoke('devices:pushTokens', [serial()]);
    if (!listed.ok) throw new Error(listed.error.message);
    const [newest] = listed.value.tokens;
    expect(newest).toMatchObject({
      package: DEMO_PACKAGE,
      channel: 'fcm',
      masked: maskDeviceToken(tokenOf(serial())),
      source: { kind: 'logcat', preset: 'tencent-offline-push' },
    });
    expect(Date.parse(newest!.readAt)).toBeGreaterThanOrEqual(started - 1000);
    // The run logged (so the check below looks at real lines), and not the token.
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(tokenOf(serial()));
  }, 90_000);
});
