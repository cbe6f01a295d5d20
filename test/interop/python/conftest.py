"""pytest fixtures: one `glance-mock serve` for the whole run, a namespace per test.

The server is started once per session (per pytest-xdist worker), as the README's
command starts it; each test gets a namespace of its own (`/_ns/<name>`), made from
the start-up seed on first use and dropped after the test, so tests may run in any
order and in parallel workers without seeing each other's images.

GLANCE_MOCK_URL points the suite at a server that is already running instead.
"""
import hashlib
import os
import re
import subprocess
from pathlib import Path

import openstack
import pytest
import requests

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / 'scenarios' / 'demo-seed.yaml'
START_TIMEOUT_S = 30
CALL_TIMEOUT_S = 30


@pytest.fixture(scope='session')
def glance_mock_url():
    """The URL of a `glance-mock serve` started for this session (or GLANCE_MOCK_URL)."""
    if os.environ.get('GLANCE_MOCK_URL'):
        yield os.environ['GLANCE_MOCK_URL'].rstrip('/')
        return
    command = ['node', str(REPO / 'bin' / 'glance-mock.js'), 'serve', '--port', '0', '--seed', str(SEED)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # The first line on stdout is the URL line: `glance-mock listening on http://127.0.0.1:PORT (...)`.
        line = server.stdout.readline()
        match = re.search(r'listening on (http://\S+)', line)
        if not match:
            raise RuntimeError('glance-mock did not start: %r %s' % (line, server.stderr.read()))
        yield match.group(1)
    finally:
        server.terminate()
        server.wait(timeout=START_TIMEOUT_S)


@pytest.fixture
def namespace(request, glance_mock_url):
    """This test's namespace: its base URL (`<server>/_ns/<name>`), dropped after the test."""
    worker = os.environ.get('PYTEST_XDIST_WORKER', 'main')
    digest = hashlib.sha256(request.node.nodeid.encode()).hexdigest()[:12]
    name = '%s-%s' % (worker, digest)
    yield '%s/_ns/%s' % (glance_mock_url, name)
    requests.delete('%s/_mock/namespaces/%s' % (glance_mock_url, name), timeout=CALL_TIMEOUT_S)


@pytest.fixture
def control(namespace):
    """POST/GET/DELETE on this namespace's /_mock API: `control.post('/seed', json=...)`."""
    return Control(namespace + '/_mock')


def connect(namespace, user='admin', project='admin'):
    """openstacksdk logged in through the namespace's built-in Keystone (password `secret`, as in the demo seed)."""
    return openstack.connect(
        load_yaml_config=False,
        load_envvars=False,
        auth_url=namespace + '/identity/v3',
        username=user,
        password='secret',
        project_name=project,
        user_domain_name='Default',
        project_domain_name='Default',
        identity_api_version='3',
    )


@pytest.fixture
def cloud(namespace):
    """openstacksdk as admin, inside this test's namespace."""
    conn = connect(namespace)
    yield conn
    conn.close()


class Control:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, **kwargs):
        return requests.request(method, self.base + path, timeout=CALL_TIMEOUT_S, **kwargs)

    def post(self, path, **kwargs):
        return self.call('POST', path, **kwargs)

    def get(self, path, **kwargs):
        return self.call('GET', path, **kwargs)

    def delete(self, path, **kwargs):
        return self.call('DELETE', path, **kwargs)
