import { MatchersV3 } from '@pact-foundation/pact';

const { regex, iso8601DateTime, fromProviderState, uuid } = MatchersV3;

// The projects of the contracts (literal: they are the callers, not provider data).
export const OWNER = '8f2b8c1a4d3e4f5a9b6c7d8e9f0a1b2c';
export const MEMBER = '3c9d5e7f1a2b4c6d8e0f1a3b5c7d9e1f';
export const STRANGER = '5a7b9c1d3e5f4a6b8c0d2e4f6a8b0c2d';
export const OTHER = '7e1f3a5b7c9d4e2f8a0b2c4d6e8f0a1b';
/** The example image id; the provider hands its own through `fromProviderState('${imageId}')`. */
export const IMAGE = '6e4c1c6e-0c0b-4b0e-9d56-3c3f4f1b2a10';
export const TIME = '2026-01-10T08:00:00Z';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The headers keystonemiddleware hands to Glance for a project, as the client sends them. */
export function trusted(project: string, roles = 'member,reader'): Record<string, string> {
  return { Accept: 'application/json', 'X-Identity-Status': 'Confirmed', 'X-Project-Id': project, 'X-Roles': roles };
}

export const imagePath = (suffix = '') => fromProviderState(`/v2/images/\${imageId}${suffix}`, `/v2/images/${IMAGE}${suffix}`);
export const imageId = () => fromProviderState('${imageId}', IMAGE);
export const timestamp = () => iso8601DateTime(TIME);
export const anyUuid = () => uuid(IMAGE);
export const memberStatus = (example: string) => regex('^(pending|accepted|rejected)$', example);

export function member(memberId: string, status: string) {
  return {
    member_id: memberId,
    image_id: imageId(),
    status,
    created_at: timestamp(),
    updated_at: timestamp(),
    schema: '/v2/schemas/member',
  };
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
};

/**
 * webob's JSON error body for Glance's message. `{image}` in the text stands
 * for the provider's image id (matched as a UUID), `{n}` for a number.
 */
export function glanceError(status: number, text: string) {
  const example = text.replace(/\{image\}/g, IMAGE).replace(/\{n\}/g, '128');
  const pattern = escape(text)
    .replace(/\\\{image\\\}/g, UUID)
    .replace(/\\\{n\\\}/g, '[0-9]+');
  const suffix = '<br /><br />\n\n\n';
  const body = {
    message: text.includes('{') ? regex(`^${pattern}${escape(suffix)}$`, `${example}${suffix}`) : `${text}${suffix}`,
    code: `${status} ${TITLES[status]}`,
    title: TITLES[status],
  };
  return { body, message: example, title: TITLES[status] };
}

export const JSON_TYPE = { 'Content-Type': 'application/json' };
