import type { IncomingHttpHeaders } from 'node:http';
import { GlanceErrors } from '../domain/glance-errors';

/** The part of the data to send: `start` inclusive, `end` exclusive. */
export interface ByteSpan {
  start: number;
  end: number;
}

/**
 * Glance's `get_range_from_request` and download serializer
 * (glance/common/wsgi.py, glance/api/v2/image_data.py) over webob's Range and
 * ContentRange parsers: one range only; `Range` wins over the `Content-Range`
 * that older clients send. Undefined: the whole image, 200. `size` is null
 * for an image without data, where Glance's comparison fails (a 500).
 */
export function requestedSpan(headers: IncomingHttpHeaders, size: number | null): ByteSpan | undefined | 'server-error' {
  const range = headers.range;
  if (range !== undefined) return fromRange(range, size);
  const contentRange = headers['content-range'];
  if (contentRange !== undefined) return fromContentRange(contentRange, size);
  return undefined;
}

function fromRange(header: string, size: number | null): ByteSpan | 'server-error' {
  if (header.includes(',')) throw GlanceErrors.multipleRanges();
  const match = /^bytes *= *(\d*) *- *(\d*)/i.exec(header);
  if (!match) throw GlanceErrors.invalidRange();
  const [, first, last] = match;
  // webob: `bytes=-` is int('') (a ValueError, so Glance's 500).
  if (first === '' && last === '') return 'server-error';
  const start = first === '' ? -Number(last) : Number(first);
  const end = first === '' || last === '' ? null : Number(last) + 1;
  if (end !== null && start >= end) throw GlanceErrors.invalidRange();
  if (size === null) return 'server-error';
  if (start >= size) throw GlanceErrors.rangeStartBeyond('Range', size - 1);
  const offset = start >= 0 ? start : Math.abs(start) < size ? size + start : 0;
  return { start: offset, end: end !== null && end < size ? end : size };
}

function fromContentRange(header: string, size: number | null): ByteSpan | 'server-error' {
  const match = /^bytes (?:(\d+)-(\d+)|[*])\/(?:(\d+)|[*])/.exec(header);
  if (!match) throw GlanceErrors.invalidContentRange();
  const [, first, last, total] = match;
  const start = first === undefined ? null : Number(first);
  const stop = last === undefined ? null : Number(last) + 1;
  const length = total === undefined ? null : Number(total);
  if (!contentRangeValid(start, stop, length)) throw GlanceErrors.invalidContentRange();
  if (start === null || stop === null || size === null) return 'server-error';
  if (length === null && stop > size) throw GlanceErrors.contentRangeStopBeyond(size - 1);
  if (start >= size) throw GlanceErrors.rangeStartBeyond('Content-Range', size - 1);
  return { start, end: stop };
}

/** webob's `_is_content_range_valid(..., response=True)`. */
function contentRangeValid(start: number | null, stop: number | null, length: number | null): boolean {
  if (start === null || stop === null) return start === stop && (length === null || length >= 0);
  if (length === null) return start >= 0 && start < stop;
  if (start >= stop || stop > length) return false;
  return start >= 0 && start < length;
}
