import type { MembersService } from '../domain/members';
import { memberToAdd, statusToSet } from './member-bodies';
import type { Route } from './router';
import { jsonBytesOf } from './json-bytes';
import { memberView, membersView } from './views';

/** `/v2/images/{image_id}/members[/{member_id}]`: parse, call the domain, serialise. */
export function memberRoutes(members: MembersService): Route[] {
  // The store hands an image's members back as the same array until one changes: the list is written once per change.
  const membersBody = jsonBytesOf(membersView);
  return [
    {
      path: '/v2/images/:image_id/members',
      bodiless: ['GET'],
      methods: {
        GET: ({ context, params }) => ({ status: 200, json: membersBody(members.list(context, params.image_id)) }),
        POST: ({ context, params, body }) => {
          const member = memberToAdd(body);
          const created = members.create(context, params.image_id, member);
          // The create response echoes the body's value (a number stays a number); the row holds its text.
          return { status: 200, json: { ...memberView(created), member_id: member } };
        },
      },
    },
    {
      path: '/v2/images/:image_id/members/:member_id',
      bodiless: ['GET', 'DELETE'],
      methods: {
        GET: ({ context, params }) => ({
          status: 200,
          json: memberView(members.show(context, params.image_id, params.member_id)),
        }),
        PUT: ({ context, params, body }) => {
          const status = statusToSet(body);
          return {
            status: 200,
            json: memberView(members.update(context, params.image_id, params.member_id, status)),
          };
        },
        DELETE: ({ context, params }) => {
          members.remove(context, params.image_id, params.member_id);
          return { status: 204 };
        },
      },
    },
  ];
}
