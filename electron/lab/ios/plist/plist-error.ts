/**
 * A property list PushLab cannot read: truncated, malformed, hostile (offsets out of range,
 * cycles, absurd counts) or beyond the size limits. Callers turn it into a LabError that names
 * the file; `kind` says what went wrong.
 */
export type PlistErrorKind =
  'not-a-plist' | 'truncated' | 'malformed' | 'cyclic' | 'too-large' | 'unsupported';

export class PlistFormatError extends Error {
  public readonly kind: PlistErrorKind;

  public constructor(kind: PlistErrorKind, message: string) {
    super(message);
    this.name = 'PlistFormatError';
    this.kind = kind;
  }
}
