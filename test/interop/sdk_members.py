"""openstacksdk's image-member calls, one per run, for the interop suite.

    /usr/bin/python3 sdk_members.py OP IMAGE [MEMBER [STATUS]]

OP is members, add, get, find, update or remove. IMAGE is an id, or a name
when it starts with `name:` (then resolved with find_image). The connection
comes from the OS_* variables. Prints the result as JSON on stdout; on an
error prints `ExceptionClass: status: message` on stderr and exits 1.
"""
import json
import sys

import openstack
from keystoneauth1 import exceptions as ksa_exceptions
from openstack import exceptions


def view(member):
    if member is None:
        return None
    return {'member_id': member.member_id, 'image_id': member.image_id, 'status': member.status}


def main(argv):
    op, image_arg, rest = argv[0], argv[1], argv[2:]
    conn = openstack.connect()
    image = image_arg
    if image_arg.startswith('name:'):
        image = conn.image.find_image(image_arg[len('name:'):], ignore_missing=False)
    if op == 'members':
        result = [view(m) for m in conn.image.members(image)]
    elif op == 'add':
        result = view(conn.image.add_member(image, member_id=rest[0]))
    elif op == 'get':
        result = view(conn.image.get_member(rest[0], image))
    elif op == 'find':
        result = view(conn.image.find_member(rest[0], image))
    elif op == 'update':
        result = view(conn.image.update_member(rest[0], image, status=rest[1]))
    elif op == 'remove':
        conn.image.remove_member(rest[0], image, ignore_missing=False)
        result = 'removed'
    else:
        raise SystemExit('unknown op %s' % op)
    print(json.dumps(result, sort_keys=True))


if __name__ == '__main__':
    try:
        main(sys.argv[1:])
    except (exceptions.SDKException, ksa_exceptions.ClientException) as e:
        status = getattr(e, 'status_code', None) or getattr(e, 'http_status', None)
        print('%s: %s: %s' % (type(e).__name__, status, e), file=sys.stderr)
        sys.exit(1)
