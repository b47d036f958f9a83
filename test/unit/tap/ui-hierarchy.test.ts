import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hierarchyFromOutput } from '../../../electron/lab/android/commands/capture/dump-ui';
import { tapCommand } from '../../../electron/lab/android/commands/capture/tap-screen';
import {
  boundsCenter,
  decodeXmlEntities,
  findNotificationNode,
  parseBounds,
  parseUiHierarchy,
} from '../../../electron/lab/android/parsers/ui-hierarchy';
import { xpathByText, xpathStringLiteral } from '../../../electron/lab/android/tap/appium/xpath-literal';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/uiautomator-dump/${name}.txt`, import.meta.url), 'utf8');

describe('uiautomator dump parser', () => {
  it('reads the real WeCom dump up to where it was cut, keeping nesting and non-ASCII text', () => {
    const h = parseUiHierarchy(fixture('wework-android-truncated-1'));
    expect(h).toMatchObject({ found: true, complete: false });
    expect(h.nodes).toHaveLength(25);
    const tab = h.nodes.find((n) => n.text === '消息');
    expect(tab).toMatchObject({
      resourceId: 'com.tencent.wework:id/nh3',
      className: 'android.widget.TextView',
      packageName: 'com.tencent.wework',
      clickable: true,
      bounds: { left: 326, top: 101, right: 394, bottom: 147 },
    });
    expect(tab?.depth).toBe(13);
    const naf = h.nodes.find((n) => n.resourceId === 'com.tencent.wework:id/ni8');
    expect(naf?.parent).not.toBeNull();
    expect(h.nodes[naf?.parent as number]?.bounds).toEqual({ left: 0, top: 76, right: 108, bottom: 172 });
  });

  it('reads the shade dump with its "dumped to" line, single-quoted values and entities', () => {
    const h = parseUiHierarchy(fixture('composed-shade-2'));
    expect(h).toMatchObject({ found: true, complete: true });
    const titles = h.nodes.filter((n) => n.resourceId === 'android:id/title').map((n) => n.text);
    expect(titles).toEqual(['Order "42" shipped', 'Order "42" shipped']);
    expect(h.nodes.find((n) => n.resourceId === 'android:id/text')?.text).toBe(
      "Tom & Jerry: it's on the way <3",
    );
    expect(h.nodes.find((n) => n.resourceId.endsWith('notification_shelf'))?.bounds).toEqual({
      left: 0,
      top: 0,
      right: 0,
      bottom: 0,
    });
  });

  it('finds the newest row by title, else by text, and taps the middle of that node', () => {
    const h = parseUiHierarchy(fixture('composed-shade-2'));
    expect(findNotificationNode(h, { title: 'Order "42" shipped', text: null })).toMatchObject({
      matched: 'title',
      point: { x: 540, y: 534 },
    });
    expect(
      findNotificationNode(h, { title: 'gone', text: "  Tom & Jerry:  it's on the way <3 " }),
    ).toMatchObject({ matched: 'text', point: { x: 540, y: 600 } });
    expect(findNotificationNode(h, { title: 'Order', text: 'shipped' })).toBeNull();
    expect(findNotificationNode(h, { title: null, text: null })).toBeNull();
  });

  it("turns a dump without hierarchy into the phone's words", () => {
    expect(() =>
      hierarchyFromOutput(
        's1',
        'ERROR: could not get idle state.\ncat: /sdcard/pushlab-ui.xml: No such file or directory\n',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'COMMAND_FAILED',
        hint: expect.stringContaining('kept changing'),
        detail: expect.stringContaining('idle state'),
      }),
    );
    expect(() =>
      hierarchyFromOutput('s1', 'ERROR: null root node returned by UiTestAutomationBridge.\n'),
    ).toThrow(expect.objectContaining({ hint: expect.stringContaining('Unlock') }));
  });

  it('decodes entities without inventing characters, and reads only well-formed bounds', () => {
    expect(decodeXmlEntities('&lt;&#65;&#x1F600;&nbsp;&#99999999;')).toBe('<A😀&nbsp;&#99999999;');
    expect(parseBounds('[1,2][3,4]')).toEqual({ left: 1, top: 2, right: 3, bottom: 4 });
    expect(parseBounds('[5,2][3,4]')).toBeNull();
    expect(parseBounds('1,2,3,4')).toBeNull();
    expect(boundsCenter({ left: 0, top: 0, right: 5, bottom: 5 })).toEqual({ x: 2, y: 2 });
  });
});

describe('nothing from the screen reaches a shell command', () => {
  it('taps only at plain integers', () => {
    expect(tapCommand(540, 534)).toBe('input tap 540 534');
    for (const [x, y] of [
      [1.5, 2],
      [-1, 2],
      [Number.NaN, 1],
      [1, 1e9],
    ] as const)
      expect(() => tapCommand(x, y)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('builds XPath literals for hostile titles', () => {
    expect(xpathStringLiteral('plain')).toBe("'plain'");
    expect(xpathStringLiteral("O'Brien")).toBe(`"O'Brien"`);
    expect(xpathStringLiteral('say "hi"')).toBe(`'say "hi"'`);
    expect(xpathStringLiteral(`it's "x"`)).toBe(`concat('it', "'", 's "x"')`);
    expect(xpathStringLiteral(`'"'`)).toBe(`concat("'", '"', "'")`);
    expect(xpathStringLiteral(`"'`)).toBe(`concat('"', "'")`);
    expect(xpathByText(`a']|//*[@x='`)).toBe(`//*[@text="a']|//*[@x='"]`);
    expect(() => xpathStringLiteral('a\0b')).toThrow();
  });
});
