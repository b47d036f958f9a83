/**
 * The command the demo prints runs the plan against the demo's own adb server and writes the run
 * into the demo's data folder (so the app shows it), quoted for a POSIX shell; the key never shows.
 */
import { describe, expect, it } from 'vitest';
import { demoPlanLines } from '../../../electron/demo/demo-plan-files';

const base = { adbPort: 15037, envName: 'PUSHLAB_TENCENT_SECRET', emulatorUrl: 'http://127.0.0.1:18090' };

describe('demoPlanLines', () => {
  it('names the plan, the private adb port and the data folder, quoting paths with spaces', () => {
    const lines = demoPlanLines({
      ...base,
      planPath: '/home/ann/My Data/demo-plan.json',
      dataDir: '/home/ann/My Data',
      secret: { value: 'f'.repeat(48), file: '/home/ann/My Data/demo-tencent-secret' },
    });
    expect(lines[1]).toBe(
      "  run it: npx pushlab run --plan '/home/ann/My Data/demo-plan.json' --adb-port 15037 --data-dir '/home/ann/My Data'",
    );
    expect(lines.join('\n')).not.toContain('f'.repeat(48));
  });

  it('tells to set the key variable when the key came from the environment', () => {
    const lines = demoPlanLines({
      ...base,
      planPath: '/d/demo-plan.json',
      dataDir: '/d',
      secret: { value: 'k', file: null },
    });
    expect(lines[1]).toBe(
      '  run it: npx pushlab run --plan /d/demo-plan.json --adb-port 15037 --data-dir /d',
    );
    expect(lines[2]).toMatch(/PUSHLAB_TENCENT_SECRET as set for this demo/);
  });
});
