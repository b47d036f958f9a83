/**
 * Issue 9 point 3, as a new user meets it: no adb server running, the real `pushlab` bin in a new
 * process each time, on the default port's stand-in (a free private port named by
 * ANDROID_ADB_SERVER_PORT, so parallel tests and the user's own server on 5037 are untouched).
 * Every call must succeed (one `adb start-server` per process, whoever asks first), and the server
 * PushLab started must be gone afterwards; a server PushLab did not start must stay.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../virtual-lab';
import { listening, pushlab } from './cli-process';

let dir: string;
let port: number;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-adb-start-'));
  port = await freePort();
  env = {
    ...process.env,
    HOME: dir,
    ANDROID_ADB_SERVER_PORT: String(port),
    PUSHLAB_DATA_DIR: join(dir, 'data'),
  };
  delete env.PUSHLAB_ADB_NO_START;
  delete env.PUSHLAB_ADB_BIN;
  delete env.PUSHLAB_ADB_HOST;
});
afterAll(async () => {
  try {
    execFileSync('adb', ['-P', String(port), 'kill-server'], { stdio: 'ignore' });
  } catch {
    // nothing was running
  }
  await rm(dir, { recursive: true, force: true });
});

describe('pushlab devices with no adb server running', () => {
  it('succeeds 10 times in a row after `adb kill-server`, and stops the server it started each time', async () => {
    execFileSync('adb', ['-P', String(port), 'kill-server'], { stdio: 'ignore' });
    expect(await listening(port)).toBe(false);
    for (let i = 1; i <= 10; i++) {
      const result = await pushlab(['devices'], env);
      expect({ call: i, code: result.code, stderr: result.stderr }).toEqual({
        call: i,
        code: 0,
        stderr: expect.not.stringMatching(/pushlab:/),
      });
      expect(result.stdout).toMatch(/No phones attached/);
      expect(await listening(port), `server left running after call ${i}`).toBe(false);
    }
  }, 120_000);

  it('leaves a server it did not start running', async () => {
    execFileSync('adb', ['-P', String(port), 'start-server'], { stdio: 'ignore' });
    const result = await pushlab(['devices', '--json'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(await listening(port)).toBe(true);
    execFileSync('adb', ['-P', String(port), 'kill-server'], { stdio: 'ignore' });
  }, 30_000);
});
