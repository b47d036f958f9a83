/** The vendor message class of a scenario message, from its vendor fields (the categories included). */
import { describe, expect, it } from 'vitest';
import { messageClass, type MessageSpec, type VendorFields } from '../../../shared/scenarios';

const withVendor = (vendor: VendorFields): MessageSpec => ({
  kind: 'text',
  conversation: 'c2c',
  sender: { id: 'a' },
  text: 'hi',
  push: { vendor },
});
const granted = { highClassChannelIds: ['pushlab_im'] };

describe('messageClass with the OPPO and vivo categories', () => {
  it('vivo: the category decides when set (an operational one is low), else the classification', () => {
    expect(messageClass(withVendor({ vivoCategory: 'IM' }), 'vivo')).toBe('high');
    expect(messageClass(withVendor({ vivoCategory: 'ORDER', vivoClassification: 0 }), 'vivo')).toBe('high');
    expect(messageClass(withVendor({ vivoCategory: 'MARKETING', vivoClassification: 1 }), 'vivo')).toBe(
      'low',
    );
    expect(messageClass(withVendor({ vivoClassification: 0 }), 'vivo')).toBe('low');
    expect(messageClass(withVendor({}), 'vivo')).toBe('high');
  });

  it('OPPO: a marketing category is low on any channel; a service one still needs a granted channel', () => {
    expect(
      messageClass(withVendor({ oppoCategory: 'NEWS', oppoChannelId: 'pushlab_im' }), 'oppo', granted),
    ).toBe('low');
    expect(
      messageClass(withVendor({ oppoCategory: 'IM', oppoChannelId: 'pushlab_im' }), 'oppo', granted),
    ).toBe('high');
    expect(messageClass(withVendor({ oppoCategory: 'IM', oppoChannelId: 'other' }), 'oppo', granted)).toBe(
      'unknown',
    );
    expect(messageClass(withVendor({ oppoCategory: 'IM' }), 'oppo', granted)).toBe('low');
  });

  it('Meizu stays unclassified (noticeMsgType is sent, but the class model does not use it yet)', () => {
    expect(messageClass(withVendor({ meizuNoticeMsgType: 0 }), 'meizu')).toBe('none');
  });
});
