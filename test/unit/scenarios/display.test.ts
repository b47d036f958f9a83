import { describe, expect, it } from 'vitest';
import { displayText, type DisplayContext, type PushDisplay } from '../../../shared/scenarios/rules/display';
import type { MessageSpec } from '../../../shared/scenarios/types';

const android = { platform: 'android' } as const;
const ios = { platform: 'ios' } as const;
const sender = { id: 'u42', nickname: 'Denny' };

function pushed(message: MessageSpec, context: DisplayContext = ios): PushDisplay {
  const result = displayText(message, context);
  if (!result.pushed) throw new Error(`expected a push, got: ${result.reason.en}`);
  return result;
}

describe('displayText: element kinds (seed 001 table)', () => {
  it('shows text content after the nickname', () => {
    const d = pushed({ kind: 'text', conversation: 'c2c', sender, text: 'hello' });
    expect(d.line).toBe('Denny:hello');
    expect(d.content).toBe('hello');
    expect(d.lineExact).toBe(true);
    expect(d.rules).toEqual(expect.arrayContaining(['seed.text', 'seed.c2c-format']));
  });

  it.each([
    ['image', '[image]'],
    ['audio', '[audio]'],
    ['file', '[file]'],
  ] as const)('shows %s as %s', (kind, placeholder) => {
    const d = pushed({ kind, conversation: 'c2c', sender });
    expect(d.content).toBe(placeholder);
    expect(d.line).toBe(`Denny:${placeholder}`);
    expect(d.rules).toContain('seed.element-placeholders');
  });

  it("shows a custom element's own desc", () => {
    const d = pushed({
      kind: 'custom',
      conversation: 'c2c',
      sender,
      custom: { data: 'x', desc: 'Order shipped' },
    });
    expect(d.line).toBe('Denny:Order shipped');
    expect(d.rules).toContain('seed.custom-desc');
  });

  it('shows offlinePushInfo.desc for a custom element, without claiming the prefix', () => {
    const d = pushed({
      kind: 'custom',
      conversation: 'c2c',
      sender,
      custom: { data: 'x' },
      push: { desc: 'From push info' },
    });
    expect(d.content).toBe('From push info');
    expect(d.lineExact).toBe(false);
  });

  it.each([undefined, ''])('does not push a custom element without desc (desc=%j)', (desc) => {
    const custom = desc === undefined ? { data: 'x' } : { data: 'x', desc };
    const result = displayText({ kind: 'custom', conversation: 'c2c', sender, custom }, android);
    expect(result.pushed).toBe(false);
    expect(result.rules).toEqual(['seed.custom-no-desc']);
  });

  it('rejects a text message without text instead of guessing', () => {
    expect(() => displayText({ kind: 'text', conversation: 'c2c', sender }, ios)).toThrow(/needs `text`/);
  });
});

describe('displayText: conversation formats', () => {
  it('shows the content alone when the sender has no nickname', () => {
    const d = pushed({ kind: 'text', conversation: 'c2c', sender: { id: 'u42' }, text: 'hi' });
    expect(d.line).toBe('hi');
    expect(d.lineExact).toBe(true);
  });

  it('formats a group message as "Name (Group Name):content" with the name card first', () => {
    const d = pushed({
      kind: 'text',
      conversation: 'group',
      sender: { ...sender, groupNameCard: 'QA Denny' },
      groupName: 'Lab',
      text: 'hi',
    });
    expect(d.line).toBe('QA Denny (Lab):hi');
    expect(d.rules).toContain('seed.group-format');
  });

  it('falls back to the nickname when there is no name card', () => {
    const d = pushed({ kind: 'image', conversation: 'group', sender, groupName: 'Lab' });
    expect(d.line).toBe('Denny (Lab):[image]');
  });

  it('does not invent a line for a group sender without any name', () => {
    const d = pushed({
      kind: 'text',
      conversation: 'group',
      sender: { id: 'u42' },
      groupName: 'Lab',
      text: 'hi',
    });
    expect(d.lineExact).toBe(false);
    expect(d.content).toBe('hi');
  });
});

describe('displayText: overrides and titles', () => {
  it('lets desc replace the content and title set the title', () => {
    const d = pushed(
      { kind: 'text', conversation: 'c2c', sender, text: 'secret', push: { title: 'T', desc: 'D' } },
      android,
    );
    expect(d.content).toBe('D');
    expect(d.line).not.toContain('secret');
    expect(d.lineExact).toBe(false);
    expect(d.title).toBe('T');
    expect(d.rules).toContain('seed.title-desc-override');
  });

  it('uses the nickname as the Android default title, else the sender ID', () => {
    expect(pushed({ kind: 'text', conversation: 'c2c', sender, text: 'a' }, android).title).toBe('Denny');
    const noNick = pushed({ kind: 'text', conversation: 'c2c', sender: { id: 'u42' }, text: 'a' }, android);
    expect(noNick.title).toBe('u42');
    expect(noNick.rules).toContain('seed.default-title');
  });

  it('claims no default title where the seeds define none (iOS, Android groups)', () => {
    expect(pushed({ kind: 'text', conversation: 'c2c', sender, text: 'a' }, ios).title).toBeNull();
    expect(
      pushed({ kind: 'text', conversation: 'group', sender, groupName: 'Lab', text: 'a' }, android).title,
    ).toBeNull();
  });
});
