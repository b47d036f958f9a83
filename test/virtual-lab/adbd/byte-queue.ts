/**
 * A FIFO of bytes kept as a list of chunks, so appending and consuming are O(bytes) overall
 * (no re-concatenation of everything on every socket read).
 */
/** Chunked FIFO of bytes. */
export class ByteQueue {
  private chunks: Buffer[] = [];
  /** Offset already consumed in chunks[0]. */
  private head = 0;
  private size = 0;

  /** Bytes waiting. */
  public get length(): number {
    return this.size;
  }

  /** Appends a chunk (kept by reference, not copied). */
  public push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** Copies the first n bytes without consuming them (n <= length). */
  public peek(n: number): Buffer {
    return this.collect(n, false);
  }

  /** Removes and returns the first n bytes (n <= length); zero-copy when they sit in one chunk. */
  public take(n: number): Buffer {
    return this.collect(n, true);
  }

  /** Removes and returns everything queued. */
  public takeAll(): Buffer {
    return this.take(this.size);
  }

  /** Drops everything. */
  public clear(): void {
    this.chunks = [];
    this.head = 0;
    this.size = 0;
  }

  private collect(n: number, consume: boolean): Buffer {
    if (n < 0 || n > this.size) throw new RangeError(`ByteQueue: asked for ${n} bytes, ${this.size} queued`);
    if (n === 0) return Buffer.alloc(0);
    const first = this.chunks[0] as Buffer;
    if (first.length - this.head >= n) {
      const out = first.subarray(this.head, this.head + n);
      if (consume) this.advance(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let copied = 0;
    let index = 0;
    let offset = this.head;
    while (copied < n) {
      const chunk = this.chunks[index] as Buffer;
      const count = Math.min(chunk.length - offset, n - copied);
      chunk.copy(out, copied, offset, offset + count);
      copied += count;
      index += 1;
      offset = 0;
    }
    if (consume) this.advance(n);
    return out;
  }

  private advance(n: number): void {
    this.size -= n;
    let left = n;
    let drop = 0;
    while (left > 0) {
      const chunk = this.chunks[drop] as Buffer;
      const available = chunk.length - this.head;
      if (available > left) {
        this.head += left;
        left = 0;
      } else {
        left -= available;
        this.head = 0;
        drop += 1;
      }
    }
    if (drop > 0) this.chunks.splice(0, drop);
  }
}
