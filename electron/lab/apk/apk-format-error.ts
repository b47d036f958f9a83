/**
 * Internal failure of the zip / manifest readers; read-apk.ts turns it into a LabError that
 * names the file. `kind` decides the user-facing code (NOT_AN_APK vs APK_UNREADABLE).
 */
export type ApkFormatErrorKind = 'not-zip' | 'corrupt-zip' | 'no-manifest' | 'bad-manifest';

export class ApkFormatError extends Error {
  public readonly kind: ApkFormatErrorKind;

  public constructor(kind: ApkFormatErrorKind, message: string) {
    super(message);
    this.name = 'ApkFormatError';
    this.kind = kind;
  }
}
