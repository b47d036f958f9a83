/**
 * "Which link failed" (plan mode "diagnose"): one push through Tencent and the same message through
 * the phone's vendor directly, Tencent's view of the account, and the doctor's view of the phone,
 * give one of four links. Pure: the engine gathers the facts, this decides and words it.
 */
import type { ErrorInfo } from '../errors';

export const DIAGNOSE_LINKS = [
  'both-shown',
  'tencent-side',
  'vendor-side',
  'phone-side',
  'undecided',
] as const;
export type DiagnoseLink = (typeof DIAGNOSE_LINKS)[number];

/** Tencent's query_online_status as the Tencent sender's presence() reads it. */
export type TencentPresence = 'online' | 'push-online' | 'offline' | 'unknown';

export interface PathOutcome {
  /** The push showed (true), provably did not within the window (false), or cannot be said (null). */
  readonly shown: boolean | null;
  readonly requestId: string | null;
  /** The send itself failed (the backend or vendor refused it); shown is then false. */
  readonly error: ErrorInfo | null;
  /**
   * Tencent's push, not shown within its window, did show later, during the vendor path's capture
   * (told apart from the vendor's by shared/runs/diagnose-marker.ts): counted for Tencent, not the vendor.
   */
  readonly arrivedLate?: boolean;
}

export interface Diagnosis {
  readonly link: DiagnoseLink;
  readonly tencent: PathOutcome;
  /** The direct sender used (its kind is the phone's push channel). */
  readonly vendor: PathOutcome & { readonly kind: string };
  readonly presence: TencentPresence | null;
  /** Failing doctor checks at the phone's preparation; null = no doctor report. */
  readonly doctorFailing: readonly string[] | null;
}

export type DiagnosisFacts = Omit<Diagnosis, 'link'>;

/**
 * Both shown: no link failed. Only the vendor path shown: Tencent's side. The vendor refused the
 * direct send, or only Tencent's push showed: the vendor side (the direct request is the one that
 * differs). Neither shown: the phone when the doctor flags it, else the vendor side when the
 * doctor found nothing; without a doctor report it cannot be said. A Tencent push that showed only
 * late proves the phone shows pushes: with the vendor's lost, that is the vendor side too.
 */
export function diagnoseLink(facts: DiagnosisFacts): DiagnoseLink {
  const { tencent, vendor, doctorFailing } = facts;
  if (tencent.shown === true && vendor.shown === true) return 'both-shown';
  if (tencent.shown === false && vendor.shown === true) return 'tencent-side';
  if (vendor.shown === false && vendor.error !== null) return 'vendor-side';
  if (tencent.shown === true && vendor.shown === false) return 'vendor-side';
  // Tencent's push reached the phone, only late: the phone shows pushes, the direct one was lost.
  if (tencent.arrivedLate === true && vendor.shown === false) return 'vendor-side';
  if (tencent.shown === false && vendor.shown === false) {
    if (doctorFailing === null) return 'undecided';
    return doctorFailing.length > 0 ? 'phone-side' : 'vendor-side';
  }
  return 'undecided';
}

export function diagnose(facts: DiagnosisFacts): Diagnosis {
  return { link: diagnoseLink(facts), ...facts };
}

type Locale = 'en' | 'zh-CN';

const LINK_NAMES: Readonly<Record<DiagnoseLink, Readonly<Record<Locale, string>>>> = {
  'both-shown': { en: 'both shown', 'zh-CN': '两条链路都已显示' },
  'tencent-side': { en: 'Tencent side', 'zh-CN': '腾讯侧' },
  'vendor-side': { en: 'vendor side', 'zh-CN': '厂商侧' },
  'phone-side': { en: 'phone side', 'zh-CN': '手机侧' },
  undecided: { en: 'undecided', 'zh-CN': '无法判断' },
};

export function linkName(link: DiagnoseLink, locale: Locale): string {
  return LINK_NAMES[link][locale];
}

const PRESENCE_NAMES: Readonly<Record<TencentPresence, string>> = {
  online: 'Online',
  'push-online': 'PushOnline',
  offline: 'Offline',
  unknown: 'unknown',
};

export function presenceName(presence: TencentPresence | null): string {
  return presence === null ? '-' : PRESENCE_NAMES[presence];
}

/** Tencent's own view, as the hint for a Tencent-side loss needs it. */
function presenceHint(presence: TencentPresence | null, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (presence === 'online')
    return zh
      ? '腾讯认为账号在线（长连接），所以只在应用内投递、不走离线推送：确认应用真的退到后台或被结束。'
      : 'Tencent sees the account Online (long connection), so it delivers in the app, not as an offline push: check the app really left the foreground.';
  if (presence === 'offline')
    return zh
      ? '腾讯认为账号 Offline（已退出登录或令牌未绑定），不会发离线推送：检查登录和令牌绑定（setOfflinePushConfig）。'
      : 'Tencent sees the account Offline (logged out or no token bound), so it sends no offline push: ' +
          'check the login and the token binding (setOfflinePushConfig).';
  return zh
    ? '腾讯认为账号 PushOnline，却没有送达：检查控制台里该厂商的证书 / 业务 ID（businessID）与应用上报的一致，以及消息分类（classification / category）。'
    : 'Tencent sees the account PushOnline yet nothing arrived: check the vendor certificate / business id ' +
        "in Tencent's console matches the one the app reports, and the message classification.";
}

/** One sentence per diagnosis: the link and what to check there (and a late Tencent push, when there was one). */
export function describeDiagnosis(d: Diagnosis, locale: Locale): string {
  const sentence = describeLink(d, locale);
  if (d.tencent.arrivedLate !== true) return sentence;
  return locale === 'zh-CN'
    ? `${sentence}（经腾讯的推送在时限之后、直连发送之后才到达，计入腾讯链路。）`
    : `${sentence} (The push through Tencent arrived late, after the direct send; it counts for Tencent.)`;
}

function describeLink(d: Diagnosis, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const name = linkName(d.link, locale);
  switch (d.link) {
    case 'both-shown':
      return zh
        ? `${name}：腾讯链路和厂商直连都送达了手机。`
        : `${name}: the push through Tencent and the direct ${d.vendor.kind} push both showed.`;
    case 'tencent-side':
      return zh
        ? `${name}：厂商直连（${d.vendor.kind}）送达了，经腾讯的推送丢失。${presenceHint(d.presence, locale)}`
        : `${name}: the direct ${d.vendor.kind} push showed, the one through Tencent was lost. ${presenceHint(d.presence, locale)}`;
    case 'vendor-side': {
      const refused =
        d.vendor.error === null
          ? null
          : zh
            ? (d.vendor.error.zh?.message ?? d.vendor.error.message)
            : d.vendor.error.message;
      if (refused !== null)
        return zh
          ? `${name}：${d.vendor.kind} 拒绝了直连推送：${refused}`
          : `${name}: ${d.vendor.kind} refused the direct push: ${refused}`;
      return zh
        ? `${name}：手机体检正常，但厂商（${d.vendor.kind}）没有投递：检查配额、消息分类（classification / category）和设备令牌。`
        : `${name}: the phone checks out, but ${d.vendor.kind} delivered nothing: check the quota, the message classification and the device token.`;
    }
    case 'phone-side': {
      const checks = (d.doctorFailing ?? []).join(', ');
      return zh
        ? `${name}：两条链路都没有到达，而手机体检有失败项：${checks}。`
        : `${name}: nothing reached the phone, and the doctor flags it: ${checks}.`;
    }
    case 'undecided':
      return zh
        ? `${name}：缺少判断所需的事实（没有体检报告，或某条链路的结果未知）。`
        : `${name}: a fact is missing (no doctor report, or one path's outcome is unknown).`;
  }
}
