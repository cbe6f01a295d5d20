"""openstacksdk's image data calls, one per run, for the interop suite.

    /usr/bin/python3 sdk_images.py create NAME FILE
    /usr/bin/python3 sdk_images.py download IMAGE OUTPUT

`create` is the cloud layer's create_image (upload through PUT /file, waiting
for the image to be active); `download` is the image proxy's download_image
into OUTPUT. Prints the image's id, status, size and checksum as JSON; on an
error prints `ExceptionClass: message` on stderr and exits 1.
"""
import json
import sys

import openstack


def view(image):
    return {'id': image.id, 'status': image.status, 'size': image.size, 'checksum': image.checksum,
            'visibility': image.visibility}


def main(argv):
    op = argv[0]
    conn = openstack.connect()
    if op == 'create':
        image = conn.create_image(argv[1], filename=argv[2], disk_format='raw', container_format='bare',
                                  visibility='shared', wait=True, timeout=60)
        result = view(image)
    elif op == 'download':
        image = conn.image.get_image(argv[1])
        conn.image.download_image(image, output=argv[2])
        result = view(image)
    else:
        raise SystemExit('unknown op ' + op)
    print(json.dumps(result))


if __name__ == '__main__':
    try:
        main(sys.argv[1:])
    except Exception as e:  # reported for the test to read
        print('%s: %s' % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
