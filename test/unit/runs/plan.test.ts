import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TENCENT_REGION_DOMAINS } from '../../../electron/lab/push/tencent/regions';
import {
  accountFor,
  parsePlan,
  PlanError,
  planScenarioIds,
  safeParsePlan,
} from '../../../shared/runs/parse-plan';
import { TENCENT_REGIONS } from '../../../shared/runs/plan';
import { SCENARIOS } from '../../../shared/scenarios/catalog';

const root = path.resolve(import.meta.dirname, '../../..');

/** The documented example: the first ```json block with "repeats" in the README. */
function documentedExample(): string {
  const doc = readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => m[1] as string)
    .find((b) => b.includes('"repeats"'));
  if (block === undefined) throw new Error('No documented plan example found in README.md.');
  return block;
}

const valid = (): Record<string, unknown> => JSON.parse(documentedExample()) as Record<string, unknown>;

/** Problems for a plan, as "path: message" lines. */
function problems(plan: unknown): string[] {
  try {
    parsePlan(plan);
  } catch (error) {
    if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

type Json = Record<string, unknown>;

/** The object holding the last key of a dotted path (created on the way when missing). */
function parentOf(plan: Json, dotted: string): [Json, string] {
  const keys = dotted.split('.');
  let node = plan;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Json;
  }
  return [node, keys.at(-1) as string];
}
const set = (plan: Json, dotted: string, value: unknown): void => {
  const [node, key] = parentOf(plan, dotted);
  node[key] = value;
};
const unset = (plan: Json, dotted: string): void => {
  const [node, key] = parentOf(plan, dotted);
  delete node[key];
};

function edit(change: (plan: Json) => void): Json {
  const plan = valid();
  change(plan);
  return plan;
}

describe('parsePlan', () => {
  it('accepts the documented example and fills defaults', () => {
    const plan = parsePlan(documentedExample());
    expect(plan.repeats).toBe(3);
    expect(planScenarioIds(plan).length).toBeGreaterThanOrEqual(12);
    expect(plan.sender.kind).toBe('tencent');
    const minimal = parsePlan(
      edit((p) => {
        unset(p, 'timeouts');
        unset(p, 'build');
      }),
    );
    expect(minimal.timeouts).toEqual({ pushMs: 60_000, stepMs: 30_000 });
    expect(
      parsePlan(
        edit((p) => {
          set(p, 'build', { apk: 'a.apk' });
        }),
      ).build,
    ).toEqual({ apk: 'a.apk', install: true });
  });

  it('reads JSON text with a BOM and reports broken JSON', () => {
    expect(parsePlan(`\uFEFF${documentedExample()}`).name).toBe('demo lab: six vendors and FCM');
    expect(problems('{ "name": ')).toEqual([expect.stringMatching(/^\(plan\): is not JSON/)]);
  });

  it('refuses an inline secret and unknown fields, naming the path', () => {
    expect(
      problems(
        edit((p) => {
          set(p, 'sender.secret', 'abc123');
        }),
      ),
    ).toEqual([expect.stringMatching(/^sender\.secret: .*never written in the plan/)]);
    expect(
      problems(
        edit((p) => {
          set(p, 'sender.secret', { env: 'X', value: 'abc' });
        }),
      ),
    ).toEqual([expect.stringMatching(/^sender\.secret\.value: is not a plan field/)]);
    expect(
      problems(
        edit((p) => {
          set(p, 'sender.secretKey', 'abc');
        }),
      ),
    ).toEqual([expect.stringMatching(/^sender\.secretKey: is not a plan field/)]);
    expect(
      problems(
        edit((p) => {
          set(p, 'sender.secret', { env: 'NOT A NAME' });
        }),
      ),
    ).toHaveLength(1);
  });

  it('validates templates inside the app profile', () => {
    expect(
      problems(
        edit((p) => {
          set(p, 'app.login.template', "am start --es user '{account}'");
        }),
      ),
    ).toEqual([expect.stringMatching(/^app\.login\.template: template puts \{account\} inside quotes/)]);
    expect(
      problems(
        edit((p) => {
          set(p, 'app.login.template', 'am start {password}');
        }),
      ),
    ).toEqual([expect.stringMatching(/^app\.login\.template: .*unknown placeholder \{password\}/)]);
    expect(
      problems(
        edit((p) => {
          set(p, 'app.logout.uri', 'no scheme {account}');
        }),
      ),
    ).toEqual([expect.stringMatching(/^app\.logout\.uri: /)]);
    expect(
      problems(
        edit((p) => {
          set(p, 'app.kick', { kind: 'script', template: 'x' });
        }),
      ),
    ).toEqual([expect.stringMatching(/^app\.kick\.kind: is not a known kind/)]);
  });

  it('checks names, ids and bounds', () => {
    expect(
      problems(
        edit((p) => {
          set(p, 'app.package', 'not a package');
        }),
      )[0],
    ).toMatch(/^app\.package: must be an Android package name/);
    expect(
      problems(
        edit((p) => {
          set(p, 'app.accounts.vendors.xiaomi.account', 'has space');
        }),
      )[0],
    ).toMatch(/^app\.accounts\.vendors\.xiaomi\.account: must be a Tencent UserID/);
    expect(
      problems(
        edit((p) => {
          set(p, 'app.accounts', {});
        }),
      )[0],
    ).toMatch(/^app\.accounts: needs at least one test account/);
    expect(
      problems(
        edit((p) => {
          set(p, 'app.accounts.vendors.nokia', { account: 'a' });
        }),
      )[0],
    ).toMatch(/^app\.accounts\.vendors/);
    expect(
      problems(
        edit((p) => {
          set(p, 'repeats', 51);
        }),
      ),
    ).toEqual(['repeats: is too large: at most 50']);
    expect(
      problems(
        edit((p) => {
          set(p, 'repeats', 0);
        }),
      ),
    ).toEqual(['repeats: must be at least 1']);
    expect(
      problems(
        edit((p) => {
          set(p, 'repeats', 2.5);
        }),
      ),
    ).toEqual(['repeats: must be a whole number']);
    expect(
      problems(
        edit((p) => {
          unset(p, 'repeats');
        }),
      )[0],
    ).toMatch(/^repeats: is missing/);
    expect(
      problems(
        edit((p) => {
          set(p, 'phones', {});
        }),
      )[0],
    ).toMatch(/^phones: names no phone/);
    expect(
      problems(
        edit((p) => {
          set(p, 'phones.vendors', ['samsung']);
        }),
      )[0],
    ).toMatch(/^phones\.vendors\[0\]: must be one of "xiaomi"/);
    expect(
      problems(
        edit((p) => {
          set(p, 'scenarios', ['background-c2c-text', 'nope', 'background-c2c-text']);
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^scenarios\[1\]: "nope" is not a scenario id/),
      expect.stringMatching(/^scenarios\[2\]: .*listed twice/),
    ]);
    expect(
      problems(
        edit((p) => {
          set(p, 'timeouts.pushMs', 10);
        }),
      )[0],
    ).toMatch(/^timeouts\.pushMs: must be at least 1000/);
  });

  it('needs exactly one of region and baseUrl, and keeps secrets off plain http', () => {
    expect(
      problems(
        edit((p) => {
          set(p, 'sender.region', 'singapore');
        }),
      )[0],
    ).toMatch(/^sender: needs exactly one of "region"/);
    expect(
      problems(
        edit((p) => {
          unset(p, 'sender.baseUrl');
        }),
      )[0],
    ).toMatch(/^sender: needs exactly one/);
    expect(
      problems(
        edit((p) => {
          unset(p, 'sender.baseUrl');
          set(p, 'sender.region', 'mars');
        }),
      )[0],
    ).toMatch(/^sender\.region: must be one of/);
    expect(
      problems(
        edit((p) => {
          set(p, 'sender.baseUrl', 'http://im.example.com');
        }),
      )[0],
    ).toMatch(/^sender\.baseUrl: must be an https/);
    expect(
      problems(
        edit((p) => {
          set(p, 'sender.baseUrl', 'https://im.example.com');
        }),
      ),
    ).toEqual([]);
  });

  it('accepts the command and manual senders, and refuses an unknown kind', () => {
    expect(
      problems(
        edit((p) => {
          set(p, 'sender', { kind: 'command', command: './send.sh', args: ['--to', 'x'] });
        }),
      ),
    ).toEqual([]);
    expect(
      problems(
        edit((p) => {
          set(p, 'sender', { kind: 'manual' });
        }),
      ),
    ).toEqual([]);
    expect(
      problems(
        edit((p) => {
          set(p, 'sender', { kind: 'carrier-pigeon' });
        }),
      ),
    ).toEqual([expect.stringMatching(/^sender\.kind: is not a known kind/)]);
  });

  it('lists every problem at once and gives an ErrorInfo with a hint', () => {
    const result = safeParsePlan(
      edit((p) => {
        set(p, 'repeats', 0);
        set(p, 'name', '');
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('PLAN_INVALID');
      expect(result.error.message).toMatch(/- name: must not be empty[\s\S]*- repeats: must be at least 1/);
      expect(result.error.hint).toMatch(/README/);
    }
  });
});

describe('plan helpers', () => {
  it('expands "all" in catalog order and keeps a list as written', () => {
    expect(
      planScenarioIds(
        parsePlan(
          edit((p) => {
            set(p, 'scenarios', 'all');
          }),
        ),
      ),
    ).toEqual(SCENARIOS.map((s) => s.id));
    const listed = ['background-c2c-text', 'swiped-away-text', 'notifications-blocked'];
    expect(
      planScenarioIds(
        parsePlan(
          edit((p) => {
            set(p, 'scenarios', listed);
          }),
        ),
      ),
    ).toEqual(listed);
  });

  it('picks the account by serial, then by channel', () => {
    const plan = parsePlan(
      edit((p) => {
        set(p, 'app.accounts.serials', { '127.0.0.1:15601': { account: 'qa_pixel' } });
        set(p, 'app.accounts.vendors', { xiaomi: { account: 'qa_xiaomi', nickname: 'QA Xiaomi' } });
      }),
    );
    expect(accountFor(plan, '127.0.0.1:15601', 'xiaomi')?.account).toBe('qa_pixel');
    expect(accountFor(plan, 'other', 'xiaomi')).toEqual({ account: 'qa_xiaomi', nickname: 'QA Xiaomi' });
    expect(accountFor(plan, 'other', 'vivo')).toBeNull();
    expect(accountFor(plan, 'constructor', null)).toBeNull();
  });

  it("refuses serials without one of adb's shapes wherever a plan names a phone (issue 10)", () => {
    const found = problems(
      edit((p) => {
        set(p, 'phones.serials', ['127.0.0.1:15601', "x'; reboot"]);
        set(p, 'app.accounts.serials', { '$(id)': { account: 'qa_pixel' } });
      }),
    ).join('\n');
    expect(found).toMatch(/phones\.serials\[1\]: serial "x'; reboot" is not a serial adb prints/);
    expect(found).toMatch(/app\.accounts\.serials\["\$\(id\)"\]: Invalid key/);
  });

  it('refuses a login template that hands the account to a second shell, saying what to write', () => {
    const found = problems(
      edit((p) => set(p, 'app.login', { kind: 'shell', template: 'sh -c "am start --es user "{account}' })),
    );
    expect(found.join('\n')).toMatch(
      /app\.login\.template: template hands its placeholders to "sh".*am start -n \{package\}\/\.LoginActivity/,
    );
  });

  it('names the same Tencent regions as the core', () => {
    expect([...TENCENT_REGIONS].sort()).toEqual(Object.keys(TENCENT_REGION_DOMAINS).sort());
  });
});
