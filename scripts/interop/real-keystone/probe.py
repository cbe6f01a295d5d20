"""Record how a Keystone answers the calls clients make (start.sh's users), for comparison with
glance-mock's built-in Keystone. Python 3 stdlib only; talks to 127.0.0.1 only.

    /usr/bin/python3 probe.py http://127.0.0.1:5000/identity > keystone-probe.txt

Prints each call's status, headers (Date, Server, Connection left out; tokens shortened) and body.
"""
import http.client
import json
import sys
import urllib.parse

BASE = urllib.parse.urlsplit(sys.argv[1] if len(sys.argv) > 1 else 'http://127.0.0.1:5000/identity')
DEMO_PASSWORD = sys.argv[2] if len(sys.argv) > 2 else 'demo-pw'


def call(label, method, path, body=None, headers=None):
    c = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=10)
    hdrs = dict(headers or {})
    data = None
    if body is not None:
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        hdrs.setdefault('Content-Type', 'application/json')
    c.request(method, BASE.path + path, body=data, headers=hdrs)
    r = c.getresponse()
    b = r.read()
    print('=== %s: %s %s -> %d' % (label, method, path, r.status))
    for k, v in r.getheaders():
        if k.lower() in ('date', 'server', 'connection', 'keep-alive'):
            continue
        if k.lower() == 'x-subject-token':
            v = v[:12] + '...'
        print('  %s: %s' % (k, v))
    print('  BODY', b.decode())
    return r, b


def pw(user, password, scope=None):
    a = {'auth': {'identity': {'methods': ['password'], 'password': {'user': dict(user, password=password)}}}}
    if scope:
        a['auth']['scope'] = scope
    return a


D = {'name': 'Default'}
PN = {'project': {'name': 'admin', 'domain': D}}
r, b = call('ok name', 'POST', '/v3/auth/tokens', pw({'name': 'admin', 'domain': D}, 'secret', PN))
ADMIN = r.getheader('X-Subject-Token')
admin_pid = json.loads(b)['token']['project']['id']
call('ok ids', 'POST', '/v3/auth/tokens', pw({'name': 'admin', 'domain': {'id': 'default'}}, 'secret', {'project': {'id': admin_pid}}))
call('wrong pw', 'POST', '/v3/auth/tokens', pw({'name': 'admin', 'domain': D}, 'bad', PN))
call('unknown user', 'POST', '/v3/auth/tokens', pw({'name': 'nobody', 'domain': D}, 'bad', PN))
call('user no domain', 'POST', '/v3/auth/tokens', pw({'name': 'admin'}, 'secret', PN))
call('user unknown domain', 'POST', '/v3/auth/tokens', pw({'name': 'admin', 'domain': {'name': 'Nope'}}, 'secret', PN))
call('project unknown', 'POST', '/v3/auth/tokens', pw({'name': 'admin', 'domain': D}, 'secret', {'project': {'name': 'nope', 'domain': D}}))
call('project no domain', 'POST', '/v3/auth/tokens', pw({'name': 'admin', 'domain': D}, 'secret', {'project': {'name': 'admin'}}))
call('project id unknown', 'POST', '/v3/auth/tokens', pw({'name': 'admin', 'domain': D}, 'secret', {'project': {'id': 'nope'}}))
call('no role', 'POST', '/v3/auth/tokens', pw({'name': 'demo', 'domain': D}, DEMO_PASSWORD, PN))
r, b = call('demo ok', 'POST', '/v3/auth/tokens', pw({'name': 'demo', 'domain': D}, DEMO_PASSWORD, {'project': {'name': 'demo', 'domain': {'id': 'default'}}}))
DEMO = r.getheader('X-Subject-Token')
call('unscoped', 'POST', '/v3/auth/tokens', pw({'name': 'admin', 'domain': D}, 'secret'))
call('token method', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['token'], 'token': {'id': ADMIN}}, 'scope': PN}})
call('token method bad', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['token'], 'token': {'id': 'bogus'}}, 'scope': PN}})
call('malformed', 'POST', '/v3/auth/tokens', '{"auth": ')
call('no auth', 'POST', '/v3/auth/tokens', {})
call('empty body', 'POST', '/v3/auth/tokens', b'', {'Content-Type': 'application/json'})
call('totp', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['totp'], 'totp': {}}}})
call('methods missing key', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['password']}}})
call('nocatalog', 'POST', '/v3/auth/tokens?nocatalog', pw({'name': 'admin', 'domain': D}, 'secret', PN))
A = {'X-Auth-Token': ADMIN}
call('validate', 'GET', '/v3/auth/tokens', headers=dict(A, **{'X-Subject-Token': DEMO}))
call('validate head', 'HEAD', '/v3/auth/tokens', headers=dict(A, **{'X-Subject-Token': DEMO}))
call('validate no subject', 'GET', '/v3/auth/tokens', headers=A)
call('validate bogus subject', 'GET', '/v3/auth/tokens', headers=dict(A, **{'X-Subject-Token': 'bogus'}))
call('validate head bogus', 'HEAD', '/v3/auth/tokens', headers=dict(A, **{'X-Subject-Token': 'bogus'}))
call('validate no auth', 'GET', '/v3/auth/tokens', headers={'X-Subject-Token': DEMO})
call('validate bogus auth', 'GET', '/v3/auth/tokens', headers={'X-Subject-Token': DEMO, 'X-Auth-Token': 'bogus'})
call('validate self demo', 'GET', '/v3/auth/tokens', headers={'X-Subject-Token': DEMO, 'X-Auth-Token': DEMO})
call('validate other demo', 'GET', '/v3/auth/tokens', headers={'X-Subject-Token': ADMIN, 'X-Auth-Token': DEMO})
call('projects', 'GET', '/v3/projects', headers=A)
call('projects name', 'GET', '/v3/projects?name=demo', headers=A)
call('projects name dom', 'GET', '/v3/projects?name=demo&domain_id=default', headers=A)
call('projects name none', 'GET', '/v3/projects?name=nosuch', headers=A)
call('projects bogus filter', 'GET', '/v3/projects?foo=bar', headers=A)
call('project id', 'GET', '/v3/projects/' + admin_pid, headers=A)
call('project by name', 'GET', '/v3/projects/demo', headers=A)
call('projects demo', 'GET', '/v3/projects', headers={'X-Auth-Token': DEMO})
call('project admin by demo', 'GET', '/v3/projects/' + admin_pid, headers={'X-Auth-Token': DEMO})
call('project nosuch by demo', 'GET', '/v3/projects/nosuch', headers={'X-Auth-Token': DEMO})
call('projects noauth', 'GET', '/v3/projects')
call('domains', 'GET', '/v3/domains', headers=A)
call('domains name', 'GET', '/v3/domains?name=Default', headers=A)
call('domain id', 'GET', '/v3/domains/default', headers=A)
call('domain nosuch', 'GET', '/v3/domains/Default', headers=A)
call('domains demo', 'GET', '/v3/domains', headers={'X-Auth-Token': DEMO})
call('domain default demo', 'GET', '/v3/domains/default', headers={'X-Auth-Token': DEMO})
call('nosuch path', 'GET', '/v3/nosuch', headers=A)
call('405', 'DELETE', '/v3/domains', headers=A)
call('auth projects', 'GET', '/v3/auth/projects', headers=A)
call('v3 slash', 'GET', '/v3/')
call('root slash', 'GET', '/')
call('root head', 'HEAD', '')
call('v3 json accept', 'GET', '/v3', headers={'Accept': 'application/json'})
call('users me', 'GET', '/v3/users/' + json.loads(call('x', 'GET', '/v3/auth/tokens', headers=dict(A, **{'X-Subject-Token': ADMIN}))[1])['token']['user']['id'], headers=A)
call('auth empty', 'POST', '/v3/auth/tokens', {'auth': {}})
call('identity empty', 'POST', '/v3/auth/tokens', {'auth': {'identity': {}}})
call('methods str', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': 'password'}}})
call('password no user', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['password'], 'password': {}}}})
call('user no name', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['password'], 'password': {'user': {'password': 'x'}}}}})
call('user id unknown', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['password'], 'password': {'user': {'id': 'nope', 'password': 'x'}}}}})
call('no password', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['password'], 'password': {'user': {'name': 'admin', 'domain': D}}}}})
call('token no id', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['token'], 'token': {}}}})
call('scope domain', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['password'], 'password': {'user': {'name': 'admin', 'domain': D, 'password': 'secret'}}}, 'scope': {'domain': {'id': 'default'}}}})
call('scope system', 'POST', '/v3/auth/tokens', {'auth': {'identity': {'methods': ['password'], 'password': {'user': {'name': 'admin', 'domain': D, 'password': 'secret'}}}, 'scope': {'system': {'all': True}}}})
call('auth list', 'POST', '/v3/auth/tokens', [])
call('form content', 'POST', '/v3/auth/tokens', 'a=b', {'Content-Type': 'application/x-www-form-urlencoded'})
call('get v3 auth tokens delete', 'DELETE', '/v3/auth/tokens')
call('opts', 'OPTIONS', '/v3/auth/tokens')
call('opts projects', 'OPTIONS', '/v3/projects')
