/**
 * The send loop of the vendors that authorise with OAuth 2.0 client credentials (HMS Push Kit,
 * Honor Push): resolve the client secret on the first send, get a cached access token, POST the
 * JSON body with `Authorization: Bearer`, and when the push server says the token is bad or
 * expired (or answers 401 without a code) drop it and try once more with a fresh one. The frame
 * (evidence, deadline, secrets stripped, push token masked to 8 characters) is directSend's.
 */
import type { SecretRef } from '../../../../shared/runs/plan';
import { LabError } from '../../errors';
import { post, type HttpAnswer } from '../net/http-post';
import type { SendReceipt, SendRequest, Sender, SenderDeps } from '../sender-types';
import { createClientCredentialTokens, type ClientCredentialTokens } from './client-credentials';
import { checkedVendorToken, type VendorTokenSpec } from './device-token';
import { directSend } from './direct-send';
import { refusalFor, type VendorErrorTable, type VendorName } from './refusal';

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
  readonly vendor: VendorName;
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

  const frame = { kind: spec.kind, deps, log, secrets };

  const send = (request: SendRequest): Promise<SendReceipt> =>
    directSend(frame, request, { ...spec.evidence, endpoint: spec.endpoint.href }, async (context) => {
      const { evidence, strip } = context;
      const pushToken = checkedVendorToken(request, spec.token, evidence);
      const built = spec.build(request, pushToken);
      evidence.messageKind = built.kind;
      if (built.dataOnlyBecause !== null) evidence.dataOnlyBecause = built.dataOnlyBecause;
      evidence.body = built.shown;
      evidence.payloadBytes = built.payloadBytes;
      const json = JSON.stringify(built.body);
      const auth = await accessTokens();
      const attempt = async (): Promise<{ answer: HttpAnswer; parsed: VendorAnswer }> => {
        const access = await auth.get(context.http()).catch((error: unknown) => {
          // A refused client secret is read again on the next send (it may have been fixed).
          tokens = undefined;
          throw error;
        });
        const sentAt = context.markSent();
        const answer = await post(spec.endpoint, json, {
          headers: {
            ...spec.headers(sentAt),
            authorization: `Bearer ${access.value}`,
            'content-type': 'application/json; charset=UTF-8',
          },
          ...context.http(),
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
      // Vendors echo the failed tokens (illegal_tokens): strip keeps only their first characters.
      const said = parsed.message === null ? null : strip(parsed.message.slice(0, 500));
      evidence.answer = {
        status: answer.status,
        code: parsed.code,
        requestId: parsed.requestId,
        message: said,
      };
      if (parsed.ok) return { requestId: parsed.requestId };
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
    });

  return { kind: spec.kind, send };
}

/** A string or number field as a string (vendors send codes both ways). */
export function codeOf(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 40) : null;
}
