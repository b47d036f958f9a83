/**
 * Extracts what PushLab needs from a compiled AndroidManifest.xml. Attributes are matched by
 * android attr id first (the framework does the same, and obfuscators blank the names), then
 * by name in the android namespace.
 */
import { ApkFormatError } from './apk-format-error';
import { RES_TYPE, walkAxml, type AxmlAttribute } from './binary-xml';

export interface ManifestInfo {
  readonly packageName: string;
  readonly versionCode: number;
  readonly versionName: string | null;
  readonly minSdk: number | null;
  readonly targetSdk: number | null;
  /** null when absent or a resource reference (@string/app_name), which needs resources.arsc. */
  readonly label: string | null;
  readonly testOnly: boolean;
}

const ANDROID_NS = 'http://schemas.android.com/apk/res/android';

const ATTR = {
  label: { id: 0x01010001, name: 'label' },
  minSdkVersion: { id: 0x0101020c, name: 'minSdkVersion' },
  versionCode: { id: 0x0101021b, name: 'versionCode' },
  versionName: { id: 0x0101021c, name: 'versionName' },
  targetSdkVersion: { id: 0x01010270, name: 'targetSdkVersion' },
  testOnly: { id: 0x01010272, name: 'testOnly' },
  versionCodeMajor: { id: 0x01010576, name: 'versionCodeMajor' },
} as const;

type Attrs = readonly AxmlAttribute[];

function find(attrs: Attrs, key: keyof typeof ATTR): AxmlAttribute | undefined {
  const { id, name } = ATTR[key];
  return (
    attrs.find((a) => a.resourceId === id) ??
    attrs.find((a) => a.resourceId === null && a.ns === ANDROID_NS && a.name === name)
  );
}

const isInt = (a: AxmlAttribute): boolean =>
  a.dataType >= RES_TYPE.FIRST_INT && a.dataType <= RES_TYPE.LAST_INT;

function stringOf(a: AxmlAttribute | undefined): string | null {
  if (!a) return null;
  if (a.dataType === RES_TYPE.STRING) return a.raw ?? a.string(a.data);
  if (a.dataType === RES_TYPE.REFERENCE) return null;
  if (isInt(a)) return String(a.data | 0);
  return a.raw;
}

/** Integer attributes may also arrive as decimal strings; codenames ("VanillaIceCream") give null. */
function intOf(a: AxmlAttribute | undefined): number | null {
  if (!a) return null;
  if (isInt(a)) return a.data | 0;
  const text = stringOf(a);
  return text !== null && /^-?\d{1,10}$/.test(text.trim()) ? Number.parseInt(text, 10) : null;
}

/** Parses the manifest; throws ApkFormatError('bad-manifest') when it is not a usable manifest. */
export function parseManifest(xml: Buffer): ManifestInfo {
  const found: { root?: Attrs; usesSdk?: Attrs; application?: Attrs } = {};
  walkAxml(xml, (element) => {
    if (element.depth === 1) {
      if (element.name !== 'manifest')
        throw new ApkFormatError('bad-manifest', 'its root element is not <manifest>');
      found.root ??= element.attributes;
    } else if (element.depth === 2 && element.name === 'uses-sdk') found.usesSdk ??= element.attributes;
    else if (element.depth === 2 && element.name === 'application') found.application ??= element.attributes;
  });
  const manifest = found.root;
  if (manifest === undefined) throw new ApkFormatError('bad-manifest', 'it has no <manifest> element');
  const pkg = manifest.find((a) => a.ns === null && a.name === 'package');
  const packageName = stringOf(pkg);
  if (packageName === null) throw new ApkFormatError('bad-manifest', 'it declares no package name');

  const code = intOf(find(manifest, 'versionCode')) ?? 0;
  const major = intOf(find(manifest, 'versionCodeMajor')) ?? 0;
  // Long version code = major << 32 | (unsigned) versionCode, as PackageInfo.getLongVersionCode().
  const versionCode = major !== 0 ? major * 2 ** 32 + (code >>> 0) : code;

  const sdk: Attrs = found.usesSdk ?? [];
  const app: Attrs = found.application ?? [];
  const testOnly = find(app, 'testOnly');
  return {
    packageName,
    versionCode,
    versionName: stringOf(find(manifest, 'versionName')),
    minSdk: intOf(find(sdk, 'minSdkVersion')),
    targetSdk: intOf(find(sdk, 'targetSdkVersion')),
    label: stringOf(find(app, 'label')),
    testOnly:
      testOnly !== undefined && (isInt(testOnly) ? testOnly.data !== 0 : stringOf(testOnly) === 'true'),
  };
}
