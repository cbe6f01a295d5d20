import type { ImageRecord } from '../domain/images';
import type { MemberRecord } from '../domain/members.types';

/** glance.api.v2.image_members.ResponseSerializer: keys in Glance's order. */
export function memberView(member: MemberRecord) {
  return {
    member_id: member.memberId,
    image_id: member.imageId,
    status: member.status,
    created_at: member.createdAt,
    updated_at: member.updatedAt,
    schema: '/v2/schemas/member',
  };
}

export function membersView(members: readonly MemberRecord[]) {
  return { members: members.map(memberView), schema: '/v2/schemas/members' };
}

/** glance.api.v2.images.ResponseSerializer._format_image. */
export function imageView(image: ImageRecord) {
  // Extra properties come first, in the order they were given.
  return {
    ...image.extra,
    name: image.name,
    disk_format: image.disk_format,
    container_format: image.container_format,
    visibility: image.visibility,
    size: image.size ?? null,
    virtual_size: image.virtual_size ?? null,
    status: image.status,
    checksum: image.checksum ?? null,
    protected: image.protected,
    min_ram: image.min_ram,
    min_disk: image.min_disk,
    owner: image.owner,
    os_hidden: image.os_hidden,
    os_hash_algo: image.os_hash_algo ?? null,
    os_hash_value: image.os_hash_value ?? null,
    id: image.id,
    created_at: image.created_at,
    updated_at: image.updated_at,
    tags: image.tags,
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: '/v2/schemas/image',
  };
}
