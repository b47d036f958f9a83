/**
 * The send loop of the vendors that authorise with OAuth 2.0 client credentials (HMS Push Kit,
 * Honor Push): resolve the client secret on the first send, get a cached access token, POST the
 * JSON body with `Authorization: Bearer`, and when the push server says the token is bad or
 * expired (or answers 401 without a code) drop it and try once more with a fresh one. Secrets and
 * tokens are stripped from every error; receipts and logs show 8 characters of a push token.
 */
import { maskDeviceToken, type SecretRef } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import { post, type HttpAnswer } from '../net/http-post';
import { SendError } from '../send-error';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import { redactSecrets } from '../tencent/client';
import { createClientCredentialTokens, type ClientCredentialTokens } from './client-credentials';
import { checkedVendorToken, type VendorTokenSpec } from './device-token';
import { refusalFor, type VendorErrorTable } from './refusal';

export interface BuiltVendorBody {
  readonly body: unknown;
  /** The body as evidence (token masked). */
  readonly shown: unknown;
  readonly kind: 'notification' | 'data';
  readonly dataOnlyBecause: string | null;
  readonly payloadBytes: number;
}

export interface VendorAnswer {
  readonly ok: boolean;
  /** The vendor's result code; null when the answer has none. */
  readonly code: string | null;
  readonly requestId: string | null;
  readonly message: string | null;
}

export interface OAuthVendorSpec {
  readonly kind: 'huawei' | 'honor';
  readonly vendor: {
    readonly en: string;
    readonly zh: string;
    readonly reference: string;
    readonly referenceZh: string;
  };
  readonly endpoint: URL;
  readonly tokenUrl: URL;
  readonly clientId: string;
  readonly clientSecret: SecretRef;
  readonly consoleHint: string;
  readonly consoleHintZh: string;
  readonly token: VendorTokenSpec;
  /** Codes after which the access token is renewed once. */
  readonly authCodes: readonly string[];
  readonly table: VendorErrorTable;
  readonly evidence: Readonly<Record<string, unknown>>;
  build(request: SendRequest, token: string): BuiltVendorBody;
  headers(now: number): Readonly<Record<string, string>>;
  parse(answer: HttpAnswer): VendorAnswer;
}

export function createOAuthVendorSender(spec: OAuthVendorSpec, deps: SenderDeps): Sender {
  const log = deps.logger.child(`sender:${spec.kind}`);
  const secrets = new Set<string>();
  let tokens: ClientCredentialTokens | undefined;
  const strip = (text: string): string => redactSecrets(text, [...secrets]);

  const accessTokens = async (): Promise<ClientCredentialTokens> => {
    if (tokens === undefined) {
      const secret = (await deps.resolveSecret(spec.clientSecret)).trim();
      tokens = createClientCredentialTokens({
        tokenUrl: spec.tokenUrl,
        clientId: spec.clientId,
        clientSecret: secret,
        clock: deps.clock,
        vendor: spec.vendor.en,
        vendorZh: spec.vendor.zh,
        consoleHint: spec.consoleHint,
        consoleHintZh: spec.consoleHintZh,
        onSecret: (v) => secrets.add(v),
      });
    }
    return tokens;
  };

  const send = async (request: SendRequest): Promise<SendReceipt> => {
    const evidence: Record<string, unknown> = {
      kind: spec.kind,
      ...spec.evidence,
      endpoint: spec.endpoint.href,
    };
    let sentAt: number | null = null;
    const deadline = Date.now() + request.timeoutMs;
    const httpOptions = (): { timeoutMs: number; signal?: AbortSignal } => ({
      timeoutMs: Math.max(1, deadline - Date.now()),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    try {
      const pushToken = checkedVendorToken(request, spec.token);
      evidence.deviceToken = maskDeviceToken(pushToken);
      const built = spec.build(request, pushToken);
      evidence.messageKind = built.kind;
      if (built.dataOnlyBecause !== null) evidence.dataOnlyBecause = built.dataOnlyBecause;
      evidence.body = built.shown;
      evidence.payloadBytes = built.payloadBytes;
      const json = JSON.stringify(built.body);
      const auth = await accessTokens();
      const attempt = async (): Promise<{ answer: HttpAnswer; parsed: VendorAnswer }> => {
        const access = await auth.get(httpOptions()).catch((error: unknown) => {
          // A refused client secret is read again on the next send (it may have been fixed).
          tokens = undefined;
          throw error;
        });
        sentAt = deps.clock.now();
        const answer = await post(spec.endpoint, json, {
          headers: {
            ...spec.headers(sentAt),
            authorization: `Bearer ${access.value}`,
            'content-type': 'application/json; charset=UTF-8',
          },
          ...httpOptions(),
          what: spec.vendor.en,
          whatZh: spec.vendor.zh,
        });
        return { answer, parsed: spec.parse(answer) };
      };
      let { answer, parsed } = await attempt();
      const authFailed = (p: VendorAnswer, a: HttpAnswer): boolean =>
        !p.ok && (p.code === null ? a.status === 401 : spec.authCodes.includes(p.code));
      if (authFailed(parsed, answer)) {
        // The token was revoked or expired early: one fresh token, then the server's answer stands.
        auth.drop();
        evidence.renewedAccessToken = true;
        ({ answer, parsed } = await attempt());
      }
      evidence.accessTokenRequests = auth.fetched;
      // Vendors echo the failed tokens (illegal_tokens): keep only their first characters.
      const said = parsed.message === null ? null : hideToken(strip(parsed.message.slice(0, 500)), pushToken);
      evidence.answer = {
        status: answer.status,
        code: parsed.code,
        requestId: parsed.requestId,
        message: said,
      };
      if (parsed.ok) {
        log.info('sent', {
          scenarioId: request.scenarioId,
          serial: request.serial,
          device: maskDeviceToken(pushToken),
          requestId: parsed.requestId,
          messageKind: built.kind,
        });
        return { sentAt: sentAt ?? deps.clock.now(), requestId: parsed.requestId, evidence };
      }
      const key = parsed.code ?? `HTTP_${answer.status}`;
      if (parsed.code === null && !Object.hasOwn(spec.table.en, key)) {
        throw new LabError(
          'SEND_FAILED',
          `${spec.vendor.en} answered HTTP ${answer.status} without a result code.`,
          {
            hint: "Check the sender's base URL: it should point at the vendor's push server.",
            zh: {
              message: `${spec.vendor.zh}以 HTTP ${answer.status} 应答，没有给出结果码。`,
              hint: '请检查发送器的基础 URL：它应指向厂商的推送服务器。',
            },
          },
        );
      }
      const label = parsed.code === null ? `HTTP ${answer.status}` : `code ${parsed.code}`;
      throw refusalFor(evidence, spec.vendor, spec.table, key, said, label).error;
    } catch (error) {
      const clean = SendError.from(error, evidence, sentAt).redacted(strip);
      log.warn('send failed', {
        scenarioId: request.scenarioId,
        serial: request.serial,
        code: clean.code,
        message: clean.message,
      });
      throw clean;
    }
  };

  return { kind: spec.kind, send };
}

/** A string or number field as a string (vendors send codes both ways). */
export function codeOf(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 40) : null;
}

/** The text with every copy of the push token masked to its first 8 characters. */
export function hideToken(text: string, token: string): string {
  return token.length < 8 ? text : text.split(token).join(maskDeviceToken(token));
}
