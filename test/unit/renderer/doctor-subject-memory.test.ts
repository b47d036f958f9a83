import { describe, expect, it } from 'vitest';
import {
  carriedDraft,
  lastAppsOf,
  loadSubjects,
  MAX_REMEMBERED_PHONES,
  rememberSubject,
  SUBJECT_STORAGE_KEY,
} from '../../../renderer/src/doctor/subject-memory';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('subject memory', () => {
  it('remembers one subject per phone, the latest replacing the earlier', () => {
    const storage = memoryStorage();
    rememberSubject(storage, { serial: '3c1a9f2e', package: 'com.example.chat', channelIds: ['im_message'] });
    rememberSubject(storage, { serial: '12345', package: 'com.other.app', channelIds: [] });
    rememberSubject(storage, { serial: '3c1a9f2e', package: 'com.example.chat2', channelIds: ['a', 'b'] });
    expect(loadSubjects(storage)).toEqual([
      { serial: '12345', package: 'com.other.app', channelIds: [] },
      { serial: '3c1a9f2e', package: 'com.example.chat2', channelIds: ['a', 'b'] },
    ]);
  });

  it('keeps only the most recent phones', () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_REMEMBERED_PHONES + 5; i += 1)
      rememberSubject(storage, { serial: `s${i}`, package: 'com.example.chat', channelIds: [] });
    const kept = loadSubjects(storage);
    expect(kept).toHaveLength(MAX_REMEMBERED_PHONES);
    expect(kept[0]?.serial).toBe('s5');
  });

  it('survives corrupt, foreign or unavailable storage', () => {
    expect(loadSubjects(memoryStorage({ [SUBJECT_STORAGE_KEY]: '{not json' }))).toEqual([]);
    expect(loadSubjects(memoryStorage({ [SUBJECT_STORAGE_KEY]: '{"a":1}' }))).toEqual([]);
    expect(
      loadSubjects(
        memoryStorage({
          [SUBJECT_STORAGE_KEY]:
            '[{"serial":"x","package":"a.b","channelIds":[1]},{"serial":"y","package":"a.b","channelIds":["c"]}]',
        }),
      ),
    ).toEqual([{ serial: 'y', package: 'a.b', channelIds: ['c'] }]);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadSubjects(throwing)).toEqual([]);
    expect(rememberSubject(throwing, { serial: 'x', package: 'a.b', channelIds: [] })).toEqual([
      { serial: 'x', package: 'a.b', channelIds: [] },
    ]);
    expect(loadSubjects(null)).toEqual([]);
  });
});

describe('the app carries over between phones', () => {
  const draft = (packageText: string, channelText = '') => ({ packageText, channelText });

  it('opens a phone without its own package with the app last worked on', () => {
    expect(carriedDraft(undefined, draft('com.example.chat', 'im'))).toEqual(draft('com.example.chat', 'im'));
    expect(carriedDraft(draft('  '), draft('com.example.chat'))).toEqual(draft('com.example.chat'));
  });

  it("keeps a phone's own package, and carries nothing when there is nothing", () => {
    expect(carriedDraft(draft('com.other.app'), draft('com.example.chat'))).toBeNull();
    expect(carriedDraft(undefined, null)).toBeNull();
  });

  it('takes the last app per platform from what was remembered', () => {
    const subjects = [
      { serial: 'phone-1', package: 'com.a', channelIds: ['x'] },
      { serial: 'sim:ABCD', package: 'com.example.ios', channelIds: [] },
      { serial: 'phone-2', package: 'com.b', channelIds: ['y', 'z'] },
    ];
    const apps = lastAppsOf(
      subjects,
      (s) => (s.startsWith('sim:') ? 'ios' : 'android'),
      (ids) => ids.join(', '),
    );
    expect(apps).toEqual({ android: draft('com.b', 'y, z'), ios: draft('com.example.ios', '') });
  });
});
