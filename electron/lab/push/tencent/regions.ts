/** Tencent IM REST domains by data-centre region (the app's region is fixed at creation). */
export const TENCENT_REGION_DOMAINS = {
  china: 'console.tim.qq.com',
  singapore: 'adminapisgp.im.qcloud.com',
  seoul: 'adminapikr.im.qcloud.com',
  frankfurt: 'adminapiger.im.qcloud.com',
  mumbai: 'adminapiind.im.qcloud.com',
  'silicon-valley': 'adminapiusa.im.qcloud.com',
  jakarta: 'adminapiidn.im.qcloud.com',
} as const;

export type TencentRegion = keyof typeof TENCENT_REGION_DOMAINS;

/** The https base URL for a region. */
export function regionBaseUrl(region: TencentRegion): string {
  return `https://${TENCENT_REGION_DOMAINS[region]}`;
}
