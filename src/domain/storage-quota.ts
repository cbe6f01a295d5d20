/**
 * Glance's `user_storage_quota` (glance/api/common.py): a number of bytes,
 * optionally with a unit `B`, `KB`, `MB`, `GB` or `TB` (powers of 1024); 0
 * (Zed's default) is unlimited.
 */
export class StorageQuota {
  readonly bytes: number;

  constructor(readonly setting: string) {
    const match = /^(\d+)((K|M|G|T)?B)?$/.exec(setting);
    if (!match) throw new TypeError(`userStorageQuota must be a number of bytes, optionally with B, KB, MB, GB or TB (got ${setting})`);
    this.bytes = Number(match[1]) * 1024 ** ' KMGT'.indexOf(match[3] ?? ' ');
  }

  /** Bytes the owner may still store besides `imageId`; undefined when unlimited. */
  remaining(owner: string | null, imageId: string, usage: (owner: string | null, except: string) => number): number | undefined {
    if (this.bytes <= 0) return undefined;
    return this.bytes - usage(owner, imageId);
  }
}
