/**
 * What an offline push for a message says, by Tencent's display rules (seed 001 for APNs, seeds
 * 003/004 for Android titles). Pure: no phone, no state.
 */
import type { Platform } from '../../domain/device';
import { platformFacts } from '../../platforms/platform-facts';
import type { Bilingual, MessageSpec } from '../types';

export interface DisplayContext {
  readonly platform: Platform;
}

/** The message is not pushed at all. */
export interface NoPush {
  readonly pushed: false;
  readonly reason: Bilingual;
  readonly rules: readonly string[];
}

/** The message is pushed with this wording. */
export interface PushDisplay {
  readonly pushed: true;
  /** The element's text, or the desc that replaces it. */
  readonly content: string;
  /** The seed's formatted line ("Nickname:content", "Name (Group Name):content", or the content). */
  readonly line: string;
  /** false when the seeds leave the exact line open (desc override, group sender without a name). */
  readonly lineExact: boolean;
  /** Expected title; null when the seeds do not say what it is on this platform. */
  readonly title: string | null;
  readonly rules: readonly string[];
}

export type DisplayResult = NoPush | PushDisplay;

/** Placeholders for elements that have no text of their own (seed 001 table). */
export const ELEMENT_PLACEHOLDERS = { image: '[image]', audio: '[audio]', file: '[file]' } as const;

/** The content of the message element before any override, or null when it is not pushed. */
function elementContent(message: MessageSpec): { content: string | null; rule: string } {
  switch (message.kind) {
    case 'text':
      if (message.text === undefined) throw new TypeError('A text message needs `text`.');
      return { content: message.text, rule: 'seed.text' };
    case 'image':
    case 'audio':
    case 'file':
      return { content: ELEMENT_PLACEHOLDERS[message.kind], rule: 'seed.element-placeholders' };
    case 'custom': {
      if (message.custom === undefined) throw new TypeError('A custom message needs `custom`.');
      // Either desc counts: offlinePushInfo.desc or the custom element's own Desc (reference §4).
      const desc = nonEmpty(message.push?.desc) ?? nonEmpty(message.custom.desc);
      return desc === null
        ? { content: null, rule: 'seed.custom-no-desc' }
        : { content: desc, rule: 'seed.custom-desc' };
    }
  }
}

function nonEmpty(value: string | undefined): string | null {
  return value !== undefined && value !== '' ? value : null;
}

/** The display rules: what the push shows for this message, or that it is not pushed. */
export function displayText(message: MessageSpec, context: DisplayContext): DisplayResult {
  const element = elementContent(message);
  if (element.content === null) {
    return {
      pushed: false,
      rules: [element.rule],
      reason: {
        en: 'A custom message without desc is not pushed offline: Tencent cannot tell what to show.',
        zhCN: '未设置 desc 的自定义消息不会离线推送：腾讯无法判断展示什么。',
      },
    };
  }
  const rules: string[] = [element.rule];
  const desc = nonEmpty(message.push?.desc);
  const overridden = desc !== null && message.kind !== 'custom';
  const content = overridden ? desc : element.content;
  if (overridden) rules.push('seed.title-desc-override');

  let line = content;
  // offlinePushInfo.desc "is displayed as the push content" (seed 001), but the seeds do not say
  // whether the sender prefix stays, so only the desc itself is certain.
  let lineExact = desc === null;
  if (message.conversation === 'c2c') {
    rules.push('seed.c2c-format');
    const nickname = nonEmpty(message.sender.nickname);
    if (nickname !== null && lineExact) line = `${nickname}:${content}`;
  } else {
    rules.push('seed.group-format');
    const name = nonEmpty(message.sender.groupNameCard) ?? nonEmpty(message.sender.nickname);
    const group = nonEmpty(message.groupName);
    if (name !== null && group !== null && lineExact) line = `${name} (${group}):${content}`;
    // "If neither is available, no name is displayed": the rest of the line is not specified.
    else lineExact = false;
  }

  return { pushed: true, content, line, lineExact, title: titleFor(message, context, rules), rules };
}

/** Expected title: the override, else Android's default (nickname, else sender ID) for one-to-one. */
function titleFor(message: MessageSpec, context: DisplayContext, rules: string[]): string | null {
  const title = nonEmpty(message.push?.title);
  if (title !== null) {
    if (!rules.includes('seed.title-desc-override')) rules.push('seed.title-desc-override');
    return title;
  }
  // Seed 004 defines the default title for Android; nothing in the seeds defines it for groups or iOS.
  if (platformFacts(context.platform).defaultC2cTitle && message.conversation === 'c2c') {
    rules.push('seed.default-title');
    return nonEmpty(message.sender.nickname) ?? message.sender.id;
  }
  return null;
}
