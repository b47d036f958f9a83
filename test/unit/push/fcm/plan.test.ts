import { describe, expect, it } from 'vitest';
import { PlanError, parsePlan } from '../../../../shared/runs/parse-plan';

const TOKEN = 'cXyZ1234abcdefghijkl12:APA91bTestTokenTail';
const base = {
  name: 'fcm checks',
  app: {
    package: 'com.pushlab.demo',
    accounts: { vendors: { fcm: { account: 'qa_pixel' } } },
    login: { kind: 'operator', prompt: 'Log in.' },
    tokens: { serials: { PIXEL8: TOKEN } },
  },
  phones: { serials: ['PIXEL8'] },
  scenarios: ['background-c2c-text'],
  repeats: 1,
};
const fcm = { kind: 'fcm', projectId: 'pushlab-demo', serviceAccount: { env: 'FCM_SERVICE_ACCOUNT' } };

const problems = (sender: Record<string, unknown>, app: Record<string, unknown> = {}): string[] => {
  try {
    parsePlan({ ...base, app: { ...base.app, ...app }, sender });
    return [];
  } catch (error) {
    if (error instanceof PlanError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
};

describe('plan: fcm sender', () => {
  it('accepts a complete sender; the service account only by reference', () => {
    expect(problems(fcm)).toEqual([]);
    expect(
      parsePlan({ ...base, sender: { ...fcm, priority: 'normal', channelId: 'pushlab_im' } }).sender,
    ).toMatchObject({ kind: 'fcm', priority: 'normal', channelId: 'pushlab_im' });
    expect(problems({ ...fcm, serviceAccount: '{"type":"service_account"}' })).toEqual([
      expect.stringMatching(/^sender\.serviceAccount: must be a reference/),
    ]);
    expect(problems({ ...fcm, serviceAccount: { file: './sa.json' } })).toEqual([]);
  });

  it('checks the project ID and priority', () => {
    expect(problems({ ...fcm, projectId: 'PushLab' })).toEqual([
      expect.stringMatching(/^sender\.projectId: must be the Firebase project ID/),
    ]);
    expect(problems({ ...fcm, projectId: 'abc' })).toHaveLength(1);
    expect(problems({ ...fcm, priority: 'HIGH' })).toEqual([
      'sender.priority: must be one of "high", "normal"',
    ]);
  });

  it("lets only local test servers replace Google's endpoints", () => {
    expect(
      problems({ ...fcm, baseUrl: 'http://127.0.0.1:8080', tokenUrl: 'http://localhost:8080/token' }),
    ).toEqual([]);
    expect(problems({ ...fcm, baseUrl: 'https://fcm.example.com' })).toEqual([
      expect.stringMatching(/^sender\.baseUrl: must be http\(s\):\/\/ on 127\.0\.0\.1 or localhost/),
    ]);
    expect(problems({ ...fcm, tokenUrl: 'https://oauth2.example.com/token' })).toEqual([
      expect.stringMatching(/^sender\.tokenUrl: /),
    ]);
  });

  it('needs tokens, and a priority that agrees with app.push.fcmPriority', () => {
    expect(problems(fcm, { tokens: undefined })).toEqual([
      "app.tokens: is missing: the fcm sender needs each phone's FCM registration token under app.tokens.serials (or app.tokens.fromLogcat)",
    ]);
    expect(problems(fcm, { push: { fcmPriority: 'high' } })).toEqual([]);
    expect(problems(fcm, { push: { fcmPriority: 'normal' } })).toEqual([
      'sender.priority: is "high" but app.push.fcmPriority is "normal": make them agree',
    ]);
    expect(problems({ ...fcm, priority: 'normal' }, { push: { fcmPriority: 'normal' } })).toEqual([]);
  });
});
