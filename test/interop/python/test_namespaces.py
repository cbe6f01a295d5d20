"""Namespaces seen from openstacksdk: one server, a private cloud per test."""
import requests

from conftest import CALL_TIMEOUT_S, connect

DEMO_IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c'
DEMO_PROJECT = 'cdb477d9329c450e996cae2d02a2c44f'
ALT_PROJECT = '2f4e6a8c0b1d4e3f9a7c5b3d1e0f2a4c'


def test_a_namespace_starts_from_the_start_up_seed(cloud):
    members = [(m.member_id, m.status) for m in cloud.image.members(DEMO_IMAGE)]
    assert members == [(DEMO_PROJECT, 'pending')]


def test_the_catalog_points_back_into_the_namespace(cloud, namespace):
    endpoint = cloud.image.get_endpoint()
    assert endpoint.startswith(namespace + '/image')


def test_what_one_namespace_changes_another_does_not_see(cloud, glance_mock_url):
    cloud.image.add_member(DEMO_IMAGE, member_id=ALT_PROJECT)
    assert sorted(m.member_id for m in cloud.image.members(DEMO_IMAGE)) == sorted([DEMO_PROJECT, ALT_PROJECT])
    other = connect(glance_mock_url + '/_ns/someone-else')
    try:
        assert [m.member_id for m in other.image.members(DEMO_IMAGE)] == [DEMO_PROJECT]
    finally:
        other.close()
        requests.delete(glance_mock_url + '/_mock/namespaces/someone-else', timeout=CALL_TIMEOUT_S)


def test_the_header_selects_the_same_namespace_as_the_path(cloud, namespace, glance_mock_url):
    image = cloud.image.create_image(name='by-path', disk_format='raw', container_format='bare', visibility='shared')
    name = namespace.rsplit('/', 1)[1]
    res = requests.get(
        glance_mock_url + '/v2/images/' + image.id,
        headers={'X-Glance-Mock-Namespace': name, 'X-Auth-Token': 'admin-token'},
        timeout=CALL_TIMEOUT_S,
    )
    assert res.status_code == 200
    assert res.json()['name'] == 'by-path'
    assert requests.get(glance_mock_url + '/v2/images/' + image.id, headers={'X-Auth-Token': 'admin-token'}, timeout=CALL_TIMEOUT_S).status_code == 404


def test_a_bad_namespace_name_is_a_400_naming_it(glance_mock_url):
    res = requests.get(glance_mock_url + '/_ns/no%20spaces/v2/images', timeout=CALL_TIMEOUT_S)
    assert res.status_code == 400
    assert res.headers['Content-Type'] == 'application/problem+json'
    assert res.json()['field'] == 'namespace'
