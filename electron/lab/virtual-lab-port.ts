/**
 * The seam through which the demo and tests hand the core a virtual lab. The core never imports
 * the lab itself (it lives in test/virtual-lab); shells that want one inject an adapter.
 */
import type { VirtualLabStatus } from '../../shared/domain/lab';

export interface VirtualLabController {
  /**
   * The lab's own adb server, where its phones are announced (never the user's 5037). A core on
   * another server switches to it while the lab runs (virtual-lab-adb.ts).
   */
  readonly adbServer?: { readonly host: string; readonly port: number };
  status(): VirtualLabStatus;
  /** Starts virtual phones (one per demo vendor by default) and connects them to its adb server. */
  start(phoneCount?: number): Promise<VirtualLabStatus>;
  stop(): Promise<VirtualLabStatus>;
  /** Plugs (true) or unplugs (false) one virtual phone, like a USB cable. */
  plug(phoneId: string, plugged: boolean): Promise<VirtualLabStatus>;
  onChange(listener: (status: VirtualLabStatus) => void): () => void;
  /** The run plan (JSON) that tests the running virtual lab; null while it is stopped. */
  demoPlan?(): unknown;
}
