/**
 * Verdict reasons in both shipped languages, kept next to the keys (like the scenario catalog) so
 * the CLI, JUnit and the renderer word a verdict the same way.
 */
import { interpolate } from '../i18n';
import type { Bilingual } from '../scenarios/types';
import type { ReasonKey, VerdictReason } from './types';

export const REASON_TEXTS: Readonly<Record<ReasonKey, Bilingual>> = {
  'pass.shown': { en: 'Shown after {latency} as expected.', zhCN: '按预期显示，耗时 {latency}。' },
  'pass.not-shown': {
    en: 'Nothing showed, as expected, and the positive control on this phone did show.',
    zhCN: '按预期未显示，且本机的对照推送已显示。',
  },
  'pass.shown-despite-prediction': {
    en: 'Shown after {latency} as the product requires, although {fact}.',
    zhCN: '按产品要求显示，耗时 {latency}，尽管{factZh}。',
  },
  'fail.not-shown-in-time': {
    en: 'Not shown within {within}. Run the doctor on this phone to see why.',
    zhCN: '在 {within} 内未显示。请对该手机运行推送就绪检查（`pushlab doctor`）查看原因。',
  },
  'fail.late': {
    en: 'Shown after {latencyMs} ms, later than the {timeoutMs} ms allowed.',
    zhCN: '{latencyMs} 毫秒后才显示，超过允许的 {timeoutMs} 毫秒。',
  },
  'fail.wrong-text': {
    en: 'Wrong {field}: expected {match} "{expected}", shown "{actual}".',
    zhCN: '{field} 不符：应为（{match}）“{expected}”，实际显示“{actual}”。',
  },
  'fail.wrong-channel': {
    en: 'Posted on channel "{actual}", expected "{expected}". Check the ChannelID sent for this vendor.',
    zhCN: '发到了通知渠道“{actual}”，应为“{expected}”。请检查该厂商的 ChannelID。',
  },
  'fail.wrong-sound': {
    en: 'Played sound "{actual}", expected "{expected}".',
    zhCN: '提示音为“{actual}”，应为“{expected}”。',
  },
  'fail.wrong-redirect': {
    en: 'Shown, but tapping it did not open the app where ext says ({detail}).',
    zhCN: '已显示，但点击后未按 `ext` 跳转到应用内对应页面（{detail}）。',
  },
  'inconclusive.tap-unverified': {
    en: 'Shown, but the tap-to-redirect could not be checked ({detail}).',
    zhCN: '已显示，但无法验证点击跳转（{detail}）。',
  },
  'fail.shown-when-must-not': {
    en: 'A notification showed ("{title}" / "{text}") but none may show here.',
    zhCN: '不应显示却显示了通知（“{title}” / “{text}”）。',
  },
  'blocked.setup-failed': {
    en: 'Set-up failed, so the push was not judged: {message}',
    zhCN: '准备步骤失败，未判定推送：{message}',
  },
  'device-lost.lost': {
    en: 'The phone went away during the attempt. Reconnect it and run again.',
    zhCN: '测试中手机断开。请重新连接后再运行。',
  },
  'inconclusive.undecided': {
    en: 'The rules do not settle what should happen here: {why}',
    zhCN: '规则无法确定此处的预期：{why}',
  },
  'inconclusive.undecided-shown': {
    en:
      'A notification showed ("{title}" / "{text}") after {latency}, but it does not ' +
      'count either way: the rules do not settle what should happen here: {why}',
    zhCN: '显示了通知（“{title}” / “{text}”，耗时 {latency}），但不计入判定：规则无法确定此处的预期：{why}',
  },
  'inconclusive.missing-may-be-dropped': {
    en: 'Not shown, but a documented vendor limit may drop it: {why}',
    zhCN: '未显示，但厂商的已知限制可能会丢弃它：{why}',
  },
  'inconclusive.predicted-drop': {
    en: 'Not shown, as the platform predicted: {fact}. The product is not judged on this phone.',
    zhCN: '未显示，与平台预测一致：{factZh}。此手机上无法判定产品行为。',
  },
  'inconclusive.capture-error': {
    en: 'The notification capture failed: {message}',
    zhCN: '通知采集失败：{message}',
  },
  'inconclusive.read-errors': {
    en: 'Nothing was seen, but {readErrors} reads of the notification list failed meanwhile.',
    zhCN: '未看到通知，但期间有 {readErrors} 次读取通知列表失败。',
  },
  'inconclusive.redacted': {
    en: 'The phone hid the notification texts, so they could not be compared.',
    zhCN: '手机隐藏了通知文字，无法比对。',
  },
  'inconclusive.channel-unknown': {
    en: 'The notification channel could not be read (expected "{expected}").',
    zhCN: '无法读取通知渠道（应为“{expected}”）。',
  },
  'inconclusive.no-positive-control': {
    en: 'Nothing showed, but no positive control ran on this phone: a dead channel shows nothing too.',
    zhCN: '未显示，但本机未运行对照推送：通道失效时同样不会显示。',
  },
  'inconclusive.positive-control-missing': {
    en: 'Nothing showed, but the positive control did not show either: the channel itself may be down.',
    zhCN: '未显示，但对照推送也未显示：推送通道本身可能不可用。',
  },
  'inconclusive.before-idle': {
    en: 'Not shown yet; this push arrives only after the phone leaves Doze, which was not observed.',
    zhCN: '尚未显示；该推送要等手机退出 Doze 后才到达，但未观察到退出。',
  },
  'not-run.not-applicable': { en: 'Not run: {why}', zhCN: '未运行：{why}' },
};

/** The reason as a sentence (values are inserted as text; the caller escapes for its output). */
export function describeReason(reason: VerdictReason, locale: 'en' | 'zh-CN' = 'en'): string {
  const text = REASON_TEXTS[reason.key];
  return interpolate(
    locale === 'en' ? text.en : text.zhCN,
    locale === 'en' ? reason.values : zhValues(reason.values),
  );
}

/** In zh-CN a value `x` gives way to its Chinese twin `xZh` where the reason carries one (an error's message). */
function zhValues(values: VerdictReason['values']): VerdictReason['values'] {
  const out: Record<string, string | number> = { ...values };
  for (const [key, value] of Object.entries(values)) if (key.endsWith('Zh')) out[key.slice(0, -2)] = value;
  return out;
}
