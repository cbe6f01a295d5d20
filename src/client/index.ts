export { GlanceImagesClient, type GlanceImagesClientOptions, type RawRequest } from './glance-images-client';
export { GlanceApiError, parseGlanceError, type ParsedGlanceError } from './glance-api-error';
export type {
  CreateImage,
  GlanceAuth,
  Image,
  ImageList,
  ImageMember,
  ImageMembers,
  ImageVisibility,
  ListImages,
  MemberStatus,
} from './types';
