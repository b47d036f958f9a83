export interface ShellIo {
  /** Bytes from the host: shell v2 stdin packets or legacy WRTE data. Ends on close-stdin or stream close. */
  readonly stdin: AsyncIterable<Buffer>;
  /** Resolves when flow control has accepted the bytes (one WRTE in flight, <= negotiated max payload). */
  stdout(chunk: Buffer | string): Promise<void>;
  /** Legacy shell:/exec: merge this into stdout; shell v2 sends it as id 2. */
  stderr(chunk: Buffer | string): Promise<void>;
  /** Aborted when the host closes the stream or the phone is unplugged. */
  readonly signal: AbortSignal;
}
export interface FileStat {
  readonly mode: number;
  readonly size: number;
  readonly mtime: number;
} // mode incl. S_IFREG 0o100000 / S_IFDIR 0o040000
export interface VirtualFs {
  stat(path: string): FileStat | null;
  list(path: string): Array<{ readonly name: string } & FileStat> | null;
  read(path: string): Buffer | null;
  /** Returns an error message to send as sync FAIL, or undefined on success. */
  write(path: string, data: Buffer, mode: number, mtime: number): string | undefined;
}
export interface DeviceBackend {
  /** For the CNXN banner: device::ro.product.name=..;ro.product.model=..;ro.product.device=..;features=.. (no ':' in values!) */
  bannerProps(): { readonly name: string; readonly model: string; readonly device: string };
  /** adbd features to advertise, e.g. ['shell_v2','cmd','stat_v2','fixed_push_mkdir','apex','abb','fixed_push_symlink_timestamp','abb_exec']. */
  features(): readonly string[];
  /** Runs one shell command line (as `sh -c` would); resolves to the exit status. */
  shell(command: string, io: ShellIo): Promise<number>;
  /** abb / abb_exec: args split on NUL, e.g. ['package','install','-S','1234']. */
  abb(args: readonly string[], io: ShellIo): Promise<number>;
  readonly fs: VirtualFs;
}
