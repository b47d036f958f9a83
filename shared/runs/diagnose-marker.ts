/**
 * Which path a notification came from in diagnose mode. The vendor path's direct send carries an
 * invisible marker at the end of the text it shows (or of the sender name it starts with), so a
 * Tencent push that arrives late, during the vendor path's capture, is never counted for the vendor.
 *
 * Why a zero-width marker in the shown text, and not `ext` or an extra: the capture reads the
 * notification dump, which prints the title and text but neither the click intent's extras (where
 * `ext` goes) nor a vendor's own fields, so only what is shown can tell the two pushes apart.
 * ZERO WIDTH SPACE + WORD JOINER are default-ignorable code points: Android draws nothing for them,
 * Java's and JavaScript's trim() keep them, and no scenario text contains them; "same message, other
 * link" holds for what the user sees. Unavoidable: the text is 2 characters (6 UTF-8 bytes) longer
 * for the vendor's limits. Unconfirmed: whether a real vendor server strips such characters; if it
 * does, the vendor's record comes without the marker and is counted for the vendor only when
 * Tencent's own push already showed (then it cannot be Tencent's), else the vendor path is unknown.
 * Pure.
 */
import type { MessageSpec } from '../scenarios/types';
import type { ObservedRecord } from './types';

export const DIRECT_PATH_MARKER = '\u200B\u2060';

const nonEmpty = (value: string | undefined): value is string => value !== undefined && value !== '';
const mark = (value: string): string => `${value}${DIRECT_PATH_MARKER}`;

/**
 * The message the vendor path sends: the field the shown line ends with gets the marker (the desc
 * that replaces the content, the text, the custom element's desc); for an image, audio or file
 * without desc, the title override or the sender name the line starts with. null: nothing shown
 * can carry it (the message is not pushed, or it has no name to mark), so it goes unmarked.
 */
export function markDirectMessage(message: MessageSpec): MessageSpec | null {
  if (message.push?.disabled === true) return null;
  if (nonEmpty(message.push?.desc))
    return { ...message, push: { ...message.push, desc: mark(message.push.desc) } };
  if (message.kind === 'text')
    return nonEmpty(message.text) ? { ...message, text: mark(message.text) } : null;
  if (message.kind === 'custom') {
    const custom = message.custom;
    return custom !== undefined && nonEmpty(custom.desc)
      ? { ...message, custom: { ...custom, desc: mark(custom.desc) } }
      : null;
  }
  // A placeholder ("[image]"): the title override shows as the title; else the sender's name.
  if (nonEmpty(message.push?.title))
    return { ...message, push: { ...message.push, title: mark(message.push.title) } };
  const { sender } = message;
  if (message.conversation === 'group' && nonEmpty(sender.groupNameCard))
    return { ...message, sender: { ...sender, groupNameCard: mark(sender.groupNameCard) } };
  if (nonEmpty(sender.nickname))
    return { ...message, sender: { ...sender, nickname: mark(sender.nickname) } };
  return null;
}

const strip = (value: string | null): string | null =>
  value === null ? null : value.replaceAll(DIRECT_PATH_MARKER, '');

/** True when the record's title or text carries the vendor path's marker. */
export function carriesMarker(record: ObservedRecord): boolean {
  return (
    record.title?.includes(DIRECT_PATH_MARKER) === true || record.text?.includes(DIRECT_PATH_MARKER) === true
  );
}

/** The record as the user reads it: the marker removed, so it compares with the scenario's expectation. */
export function withoutMarker(record: ObservedRecord): ObservedRecord {
  return { ...record, title: strip(record.title), text: strip(record.text) };
}

/** Whose push a record seen after the direct send is: the vendor's, Tencent's (late), or not knowable. */
export type RecordPath = 'vendor' | 'tencent-late' | 'unknown';

export function pathOfRecord(
  record: ObservedRecord,
  facts: {
    /** The direct send carried the marker (markDirectMessage gave a message). */
    readonly marked: boolean;
    /** Tencent's push showed within its own window: one message gives one push, so a later record is not it. */
    readonly tencentShown: boolean | null;
  },
): RecordPath {
  const textsSeen = record.redacted !== true && (record.title !== null || record.text !== null);
  if (textsSeen && carriesMarker(record)) return 'vendor';
  if (facts.tencentShown === true) return 'vendor';
  return textsSeen && facts.marked ? 'tencent-late' : 'unknown';
}
