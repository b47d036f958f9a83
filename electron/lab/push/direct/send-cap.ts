/**
 * How many pushes one phone may take a day through a vendor sender, for the class one send has:
 * the plan sender's class fields over the scenario's (the builders' own precedence, oppoClass /
 * vivoClass and the rest), so a scenario of a capped class counts even when the plan names no
 * class. The run preflight compares it with the sends per phone in that class, so a run never
 * burns a lab's daily quota by surprise. null = that class is not capped per device (service
 * categories, private messages, test messages), or the plan cannot tell (a Mi Push channel is
 * private or public as the Mi console registered it; the emulator and the vendor decide then).
 */
import { VENDOR_SEND_LIMITS as LIMITS, type LimitedVendor } from '../../../../shared/push/vendor-limits';
import type { PlanSender } from '../../../../shared/runs/plan';
import { OPPO_SERVICE_CATEGORIES } from '../../../../shared/runs/plan-vendor-senders';
import type { VendorFields } from '../../../../shared/scenarios/types';
import { oppoClass } from '../oppo/message';
import { vivoClass } from '../vivo/message';

export interface VendorSendCap {
  readonly vendor: LimitedVendor;
  readonly perDevicePerDay: number;
  readonly en: string;
  readonly zh: string;
}

export function vendorSendCap(
  config: Extract<PlanSender, { kind: LimitedVendor }>,
  vendor?: VendorFields,
): VendorSendCap | null {
  const low = (which: LimitedVendor, en: string, zh: string): VendorSendCap | null => {
    const count = LIMITS[which].perDevicePerDay.low.count;
    return count === null
      ? null
      : {
          vendor: which,
          perDevicePerDay: count,
          en: `${en} (${count} a phone a day)`,
          zh: `${zh}（每台手机每天 ${count} 条）`,
        };
  };
  switch (config.kind) {
    case 'xiaomi':
      return null;
    case 'huawei':
    case 'honor':
      // importance LOW is the news & marketing class; test messages have their own quota.
      return config.testMessage === true ||
        ((config.kind === 'huawei' ? vendor?.huaweiImportance : vendor?.honorImportance) ??
          config.importance) !== 'LOW'
        ? null
        : config.kind === 'huawei'
          ? low(
              'huawei',
              "HMS's cap on LOW importance (marketing) messages",
              '华为对 LOW 重要性（营销类）消息的限额',
            )
          : low(
              'honor',
              "Honor's cap on LOW importance (marketing) messages",
              '荣耀对 LOW 重要性（营销类）消息的限额',
            );
    case 'oppo': {
      const { category } = oppoClass(vendor, config);
      return (OPPO_SERVICE_CATEGORIES as readonly string[]).includes(category)
        ? null
        : low(
            'oppo',
            `OPPO's cap on ${category} (marketing) messages`,
            `OPPO 对 ${category}（营销类）消息的限额`,
          );
    }
    case 'vivo':
      // Test pushes are not counted; system messages are not capped per device. The class as the
      // vivo builder derives it (an operational category alone means 0).
      return (config.pushMode ?? 'test') === 'test' || vivoClass(vendor, config).classification === 1
        ? null
        : low('vivo', "vivo's cap on operational messages", 'vivo 对运营消息的限额');
    case 'meizu':
      return (config.noticeMsgType ?? vendor?.meizuNoticeMsgType ?? 1) === 1
        ? null
        : low('meizu', "Flyme's cap on public (公信) messages", '魅族对公信消息的限额');
  }
}
