/**
 * The virtual lab: Node phones speaking the device side of ADB, for demos and tests.
 */
export interface VirtualPhoneView {
  readonly id: string;
  /** The fixture it takes its identity from, e.g. "xiaomi-hyperos2-android14-2". */
  readonly profile: string;
  readonly port: number;
  readonly serial: string;
  readonly plugged: boolean;
  readonly authorized: boolean;
}

export interface VirtualLabStatus {
  readonly running: boolean;
  readonly phones: readonly VirtualPhoneView[];
}
