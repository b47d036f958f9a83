import { compactVerify, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import type { LabError } from '../../../../electron/lab/errors';
import {
  ACCESS_TOKEN_MARGIN_MS,
  createAccessTokens,
  FCM_SCOPE,
  JWT_BEARER_GRANT,
  signAssertion,
} from '../../../../electron/lab/push/fcm/access-token';
import type { HttpAnswer, PostOptions } from '../../../../electron/lab/push/net/http-post';
import { GOOGLE_TOKEN_URL, parseServiceAccount } from '../../../../electron/lab/push/fcm/service-account';
import { makeServiceAccount } from '../../../virtual-lab/fcm/credentials';

const START = 1_760_000_000_000;
const SA = makeServiceAccount({ projectId: 'pushlab-demo', tokenUri: GOOGLE_TOKEN_URL });

function fakeTokenEndpoint(answers: HttpAnswer[]) {
  const calls: { url: string; body: URLSearchParams; options: PostOptions }[] = [];
  const post = (url: URL, body: string, options: PostOptions): Promise<HttpAnswer> => {
    calls.push({ url: url.href, body: new URLSearchParams(body), options });
    const answer = answers.shift();
    return answer ? Promise.resolve(answer) : Promise.reject(new Error('no answer left'));
  };
  return { post, calls };
}
const granted = (token: string, expiresIn = 3599): HttpAnswer => ({
  status: 200,
  text: JSON.stringify({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' }),
});

describe('service account', () => {
  it('keeps the fields the OAuth2 flow needs', () => {
    expect(parseServiceAccount(SA.json)).toEqual({
      clientEmail: SA.clientEmail,
      privateKey: SA.privateKey,
      privateKeyId: expect.stringMatching(/^[0-9a-f]{40}$/),
      tokenUri: GOOGLE_TOKEN_URL,
      projectId: 'pushlab-demo',
    });
  });

  it('names what is wrong without quoting the file', () => {
    const secretish = 'SUPER-SECRET-CONTENT';
    const cases: [string, RegExp][] = [
      [`{"private_key": "${secretish}"`, /is not JSON/],
      [`["${secretish}"]`, /is not a JSON object/],
      [JSON.stringify({ type: 'authorized_user', refresh_token: secretish }), /of type "authorized_user"/],
      [JSON.stringify({ ...JSON.parse(SA.json), client_email: undefined }), /has no client_email/],
      [JSON.stringify({ ...JSON.parse(SA.json), private_key: secretish }), /has no private_key/],
      [
        JSON.stringify({ ...JSON.parse(SA.json), token_uri: 'http://evil.example/token' }),
        /token_uri that is not https/,
      ],
    ];
    for (const [text, message] of cases) {
      const error = (() => {
        try {
          parseServiceAccount(text);
        } catch (e) {
          return e as LabError;
        }
        throw new Error('accepted');
      })();
      expect(error.code).toBe('SECRET_UNAVAILABLE');
      expect(error.message).toMatch(message);
      expect(JSON.stringify(error.toInfo())).not.toContain(secretish);
      expect(JSON.stringify(error.toInfo())).not.toContain('PRIVATE KEY');
    }
  });
});

describe('FCM access tokens', () => {
  it('signs an RS256 assertion {iss, scope, aud, iat, exp = iat + 3600} with the account key', async () => {
    const account = parseServiceAccount(SA.json);
    const jwt = await signAssertion(account, GOOGLE_TOKEN_URL, START + 500);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', kid: account.privateKeyId });
    const { payload } = await compactVerify(jwt, SA.publicKey, { algorithms: ['RS256'] });
    const iat = Math.floor((START + 500) / 1000);
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({
      iss: SA.clientEmail,
      scope: FCM_SCOPE,
      aud: GOOGLE_TOKEN_URL,
      iat,
      exp: iat + 3600,
    });
  });

  it('exchanges the assertion once and reuses the token until 5 minutes before it expires', async () => {
    let now = START;
    const endpoint = fakeTokenEndpoint([granted('ya29.first', 3600), granted('ya29.second', 3600)]);
    const secrets: string[] = [];
    const tokens = createAccessTokens({
      account: parseServiceAccount(SA.json),
      tokenUrl: GOOGLE_TOKEN_URL,
      clock: { now: () => now, iso: () => '' },
      post: endpoint.post,
      onSecret: (s) => secrets.push(s),
    });
    expect((await tokens.get({ timeoutMs: 1000 })).value).toBe('ya29.first');
    expect(endpoint.calls[0]?.url).toBe(GOOGLE_TOKEN_URL);
    expect(endpoint.calls[0]?.body.get('grant_type')).toBe(JWT_BEARER_GRANT);
    expect(endpoint.calls[0]?.options.headers['content-type']).toBe('application/x-www-form-urlencoded');
    now += 3600_000 - ACCESS_TOKEN_MARGIN_MS - 1;
    expect((await tokens.get({ timeoutMs: 1000 })).value).toBe('ya29.first');
    now += 1;
    expect((await tokens.get({ timeoutMs: 1000 })).value).toBe('ya29.second');
    expect(endpoint.calls).toHaveLength(2);
    // Both assertions and both tokens were handed over for redaction.
    expect(secrets).toEqual([
      endpoint.calls[0]?.body.get('assertion'),
      'ya29.first',
      endpoint.calls[1]?.body.get('assertion'),
      'ya29.second',
    ]);
  });

  it('parallel sends share one token request; drop() forces a new one', async () => {
    const endpoint = fakeTokenEndpoint([granted('ya29.a'), granted('ya29.b')]);
    const tokens = createAccessTokens({
      account: parseServiceAccount(SA.json),
      tokenUrl: GOOGLE_TOKEN_URL,
      clock: { now: () => START, iso: () => '' },
      post: endpoint.post,
    });
    const [a, b] = await Promise.all([tokens.get({ timeoutMs: 1000 }), tokens.get({ timeoutMs: 1000 })]);
    expect([a.value, b.value, endpoint.calls.length]).toEqual(['ya29.a', 'ya29.a', 1]);
    tokens.drop();
    expect((await tokens.get({ timeoutMs: 1000 })).value).toBe('ya29.b');
  });

  it("explains Google's refusals in plain words", async () => {
    const refusal = async (answer: HttpAnswer): Promise<LabError> => {
      const tokens = createAccessTokens({
        account: parseServiceAccount(SA.json),
        tokenUrl: GOOGLE_TOKEN_URL,
        clock: { now: () => START, iso: () => '' },
        post: fakeTokenEndpoint([answer]).post,
      });
      return (await tokens.get({ timeoutMs: 1000 }).then(
        () => undefined,
        (e: unknown) => e,
      )) as LabError;
    };
    const badSignature = await refusal({
      status: 400,
      text: JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }),
    });
    expect(badSignature.code).toBe('SEND_FAILED');
    expect(badSignature.message).toMatch(
      /^No FCM access token \(invalid_grant\): Google refused the service account's signed assertion/,
    );
    expect(badSignature.hint).toMatch(/clock.*new JSON key/);
    expect(badSignature.detail).toBe('Invalid JWT Signature.');
    expect((await refusal({ status: 502, text: '<html>' })).message).toBe(
      "No FCM access token (HTTP 502): Google's token endpoint answered HTTP 502 without an access token.",
    );
  });
});
