"""The control plane from Python: seed through /_mock/seed, call the mock with
openstacksdk, check the calls through /_mock/verify, and make Glance fail on
purpose through /_mock/faults (a 503, with openstacksdk's retries counted).
Every test works in its own namespace."""
import keystoneauth1.session
import openstack.exceptions
import pytest

SEEDED_IMAGE = '7a1d0c3e-5b2f-4e8a-9c6d-1f0e2d3c4b5a'
ADMIN_PROJECT = '6d3e8a6e0c5b4d8f9a1e2b3c4d5e6f70'
ALT_PROJECT = '2f4e6a8c0b1d4e3f9a7c5b3d1e0f2a4c'
MEMBERS = '/v2/images/{image_id}/members'
# A fault rule matches the path as sent; openstacksdk reaches Glance through the
# catalog's `/image` endpoint, so its calls are under /image.
SDK_MEMBERS = '/image' + MEMBERS


def seed_shared_image(control):
    res = control.post(
        '/seed',
        json={'images': [{'id': SEEDED_IMAGE, 'name': 'seeded', 'visibility': 'shared', 'owner': ADMIN_PROJECT}]},
    )
    assert res.status_code in (200, 201), res.text
    return res


def test_a_seeded_image_is_shared_with_openstacksdk_and_the_call_is_verified(control, cloud):
    seed_shared_image(control)
    member = cloud.image.add_member(SEEDED_IMAGE, member_id=ALT_PROJECT)
    assert (member.member_id, member.status) == (ALT_PROJECT, 'pending')

    verified = control.post('/verify', json={'method': 'POST', 'path': MEMBERS, 'count': 1})
    assert verified.status_code == 200, verified.text
    assert verified.json() == {'ok': True, 'count': 1}


def test_a_verification_that_does_not_hold_is_a_422_with_the_count(control, cloud):
    seed_shared_image(control)
    list(cloud.image.members(SEEDED_IMAGE))
    verified = control.post('/verify', json={'method': 'POST', 'path': MEMBERS, 'atLeast': 1})
    assert verified.status_code == 422, verified.text
    assert verified.json()['count'] == 0


def test_an_injected_503_is_openstacksdks_error_after_its_retries_and_verify_counts_them(control, cloud, monkeypatch):
    seed_shared_image(control)
    # No `times`: the rule answers every retry until it is deleted.
    rule = control.post('/faults', json={'method': 'GET', 'path': SDK_MEMBERS, 'response': {'status': 503}})
    assert rule.status_code == 201, rule.text
    # openstacksdk retries an image call answered 503 (`image_status_code_retries`, 5 by default),
    # keystoneauth waiting 0.5 s, 1 s, 2 s ... between tries: the waits are noted, not slept.
    retries = cloud.config.get_status_code_retries('image')
    assert retries > 0
    waits = []
    monkeypatch.setattr(keystoneauth1.session.time, 'sleep', waits.append)

    with pytest.raises(openstack.exceptions.HttpException) as failure:
        list(cloud.image.members(SEEDED_IMAGE))
    assert failure.value.status_code == 503
    assert len(waits) == retries

    # Every try reached the mock and was answered 503: the client's retries, made visible.
    verified = control.post('/verify', json={'method': 'GET', 'path': MEMBERS, 'status': 503, 'count': retries + 1})
    assert verified.status_code == 200, verified.text
    assert verified.json() == {'ok': True, 'count': retries + 1}

    assert control.delete('/faults/' + rule.json()['id']).status_code == 200
    assert list(cloud.image.members(SEEDED_IMAGE)) == []
    verified = control.post('/verify', json={'method': 'GET', 'path': MEMBERS, 'status': 200, 'count': 1})
    assert verified.status_code == 200, verified.text


def test_a_fault_in_one_namespace_leaves_another_alone(control, cloud, glance_mock_url):
    from conftest import Control, connect

    seed_shared_image(control)
    control.post('/faults', json={'method': 'GET', 'path': SDK_MEMBERS, 'response': {'status': 503}})
    other_base = glance_mock_url + '/_ns/fault-free'
    other = connect(other_base)
    try:
        Control(other_base + '/_mock').post(
            '/seed', json={'images': [{'id': SEEDED_IMAGE, 'visibility': 'shared', 'owner': ADMIN_PROJECT}]}
        )
        assert list(other.image.members(SEEDED_IMAGE)) == []
        journal = Control(other_base + '/_mock').get('/requests')
        assert journal.status_code == 200
    finally:
        other.close()
        Control(glance_mock_url + '/_mock').delete('/namespaces/fault-free')
