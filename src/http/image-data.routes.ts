import type { ImageDataService } from '../domain/image-data';
import { GlanceErrors } from './webob-errors';
import { requestedSpan } from './byte-range';
import type { Route, RouteResult } from './router';
import { declaredSize, streamInto } from './upload-body';

const OCTET_STREAM = 'application/octet-stream';
/** What eventlet answers when the application raises: no body, no request id, connection closed. */
const EVENTLET_500: RouteResult = {
  status: 500,
  raw: '',
  contentType: 'text/plain',
  headers: { Connection: 'close' },
  order: ['Content-Type', 'Content-Length', 'Connection'],
  withoutRequestId: true,
};

/** `/v2/images/{image_id}/file`: upload (streamed) and download (whole or one range). */
export function imageDataRoutes(data: ImageDataService): Route[] {
  return [
    {
      path: '/v2/images/:image_id/file',
      bodiless: ['GET'],
      methods: {
        GET: ({ context, params, headers: asked }) => {
          const { image, bytes } = data.download(context, params.image_id);
          const span = requestedSpan(asked, image.size ?? null);
          if (span === 'server-error') return EVENTLET_500;
          // Glance's store has no data for an image without location: webob's empty 204.
          if (!bytes) return { status: 204 };
          const size = bytes.length;
          const { start, end } = span ?? { start: 0, end: size };
          const headers: Record<string, string> = { 'Content-Type': OCTET_STREAM };
          if (span) headers['Content-Range'] = `bytes ${start}-${end - 1}/${size}`;
          if (image.checksum) headers['Content-Md5'] = image.checksum;
          headers['Content-Length'] = String(end - start);
          return { status: span ? 206 : 200, bytes: [...bytes.slice(start, end)], headers };
        },
        PUT: async ({ context, params, headers, stream }) => {
          // The deserializer's check, before the controller's: exactly this type, parameters allowed.
          const contentType = headers['content-type'];
          if (contentType === undefined) throw GlanceErrors.uploadMediaType('text/plain');
          if (contentType.split(';', 1)[0] !== OCTET_STREAM) throw GlanceErrors.uploadMediaType(contentType);
          const upload = data.beginUpload(context, params.image_id, declaredSize(headers));
          if (stream) await streamInto(stream, upload);
          upload.finish();
          return { status: 204, raw: '', contentType: 'text/html; charset=UTF-8', order: ['Content-Type', 'Content-Length'] };
        },
      },
    },
  ];
}
