/**
 * Glance's in-flight format inspection (glance/common/format_inspector.py),
 * run on an upload when the image has no virtual size yet and its container
 * format is `bare`: `raw` gives the data's size, `qcow2` the size in its
 * header. A zero size, a format that does not match, or a format the mock
 * does not inspect (vhd, vhdx, vmdk, vdi, qed) leaves `virtual_size` null.
 */
export class VirtualSizeInspector {
  private readonly header = Buffer.alloc(QCOW_HEADER_BYTES);
  private seen = 0;

  constructor(private readonly diskFormat: string | null) {}

  static applies(image: { virtual_size?: number | null; container_format: string | null }): boolean {
    return !image.virtual_size && image.container_format === 'bare';
  }

  eat(chunk: Buffer): void {
    if (this.seen < QCOW_HEADER_BYTES) chunk.copy(this.header, this.seen, 0, Math.min(chunk.length, QCOW_HEADER_BYTES - this.seen));
    this.seen += chunk.length;
  }

  virtualSize(): number | null {
    const size = this.measure();
    return size > 0 ? size : null;
  }

  private measure(): number {
    if (this.diskFormat === 'raw') return this.seen;
    if (this.diskFormat === 'qcow2' && this.seen >= QCOW_HEADER_BYTES && this.header.subarray(0, 4).equals(QCOW_MAGIC)) {
      return Number(this.header.readBigUInt64BE(24));
    }
    return 0;
  }
}

const QCOW_HEADER_BYTES = 512;
const QCOW_MAGIC = Buffer.from([0x51, 0x46, 0x49, 0xfb]);
