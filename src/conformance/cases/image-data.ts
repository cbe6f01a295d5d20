import type { CaseBody, ConformanceCase, ImageFixture, Persona } from '../types';

const OCTET = { 'Content-Type': 'application/octet-stream' };
const DATA = 'hello world';
const DOWNLOAD_HEADERS = ['content-md5', 'content-length', 'content-range'];
const UNKNOWN = '00000000-0000-0000-0000-000000000000';

interface Spec {
  persona?: Persona;
  fixture?: ImageFixture;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: CaseBody;
}

const withData: ImageFixture = { visibility: 'shared', data: DATA };
const queuedRawBare: ImageFixture = { visibility: 'shared', formats: true };

function make(group: string, prefix: string, defaults: Required<Pick<Spec, 'method' | 'path'>> & Spec) {
  return (name: string, spec: Spec = {}): ConformanceCase => {
    const merged = { ...defaults, ...spec };
    return {
      id: `${prefix}/${name}`,
      group,
      fixtures: [merged.fixture ?? withData],
      persona: merged.persona ?? 'owner',
      method: merged.method,
      path: merged.path,
      headers: merged.headers,
      body: merged.body,
      // Only downloads: elsewhere Content-Length follows the run's project names.
      ...(merged.path.endsWith('/file') ? { compareHeaders: DOWNLOAD_HEADERS } : {}),
    };
  };
}

/** `PUT /v2/images/{id}/file`: status machine, formats, media types, who may upload. */
function uploadCases(): ConformanceCase[] {
  const upload = make('image data: upload', 'image-data/upload', {
    method: 'PUT',
    path: '/v2/images/{image}/file',
    fixture: queuedRawBare,
    headers: OCTET,
    body: { raw: DATA },
  });
  return [
    upload('owner'),
    upload('admin', { persona: 'admin' }),
    upload('member', { persona: 'member' }),
    upload('stranger', { persona: 'stranger' }),
    upload('no-identity', { persona: 'none' }),
    upload('chunked', { body: { chunks: ['hello ', 'world'] } }),
    upload('empty', { body: { raw: '' } }),
    upload('no-formats', { fixture: { visibility: 'shared' } }),
    upload('only-disk-format', { fixture: { visibility: 'shared', properties: { disk_format: 'raw' } } }),
    upload('only-container-format', { fixture: { visibility: 'shared', properties: { container_format: 'bare' } } }),
    upload('active', { fixture: withData }),
    upload('deactivated', { fixture: { ...withData, deactivated: true } }),
    upload('deleted', { fixture: { visibility: 'deleted', formats: true } }),
    upload('unknown-image', { path: `/v2/images/${UNKNOWN}/file` }),
    upload('json-content-type', { headers: { 'Content-Type': 'application/json' } }),
    upload('upper-case-content-type', { headers: { 'Content-Type': 'APPLICATION/octet-stream' } }),
    upload('content-type-parameters', { headers: { 'Content-Type': 'application/octet-stream; charset=utf-8' } }),
    upload('no-content-type', { headers: {} }),
    upload('no-formats-json-accept', { fixture: { visibility: 'shared' }, headers: { ...OCTET, Accept: 'application/json' } }),
    upload('patch-method', { method: 'PATCH' }),
    upload('post-method', { method: 'POST', body: undefined, headers: {} }),
  ];
}

/** The image after an upload, and `GET /v2/images/{id}/file` with and without ranges. */
function downloadCases(): ConformanceCase[] {
  const download = make('image data: download', 'image-data/download', { method: 'GET', path: '/v2/images/{image}/file' });
  const ranges = [
    'bytes=0-4',
    'bytes=6-',
    'bytes=-5',
    'bytes=-50',
    'bytes=3-100',
    'bytes=0-0',
    'bytes=20-30',
    'bytes=5-2',
    'bytes=0-1,3-4',
    'junk',
    'bytes=-0',
  ];
  const contentRanges = ['bytes 1-3/11', 'bytes 1-3/*', 'bytes 1-20/*', 'bytes 20-25/30', 'bytes 3-1/11', 'junk'];
  return [
    download('image-after-upload', { path: '/v2/images/{image}' }),
    download('image-after-empty-upload', { path: '/v2/images/{image}', fixture: { visibility: 'shared', data: '' } }),
    download('image-list-after-upload', { path: '/v2/images?name={tag}-0' }),
    ...(['owner', 'member', 'stranger', 'admin', 'none'] as Persona[]).map((persona) => download(persona, { persona })),
    download('queued', { fixture: queuedRawBare }),
    download('empty', { fixture: { visibility: 'shared', data: '' } }),
    download('empty-with-range', { fixture: { visibility: 'shared', data: '' }, headers: { Range: 'bytes=0-4' } }),
    download('queued-with-invalid-range', { fixture: queuedRawBare, headers: { Range: 'junk' } }),
    download('deleted', { fixture: { visibility: 'deleted', data: DATA } }),
    download('unknown-image', { path: `/v2/images/${UNKNOWN}/file` }),
    download('public-as-stranger', { persona: 'stranger', fixture: { visibility: 'public', data: DATA } }),
    // Secure RBAC: no `reader` role, no image at all (a bare 404); legacy ignores roles.
    download('public-as-noroles', { persona: 'noroles', fixture: { visibility: 'public', data: DATA } }),
    download('upload-public-as-noroles', {
      persona: 'noroles',
      method: 'PUT',
      headers: OCTET,
      body: { raw: DATA },
      fixture: { visibility: 'public', formats: true },
    }),
    download('head', { method: 'HEAD' }),
    download('with-body', { body: { raw: '{}' }, headers: { 'Content-Type': 'application/json' } }),
    ...ranges.map((range) => download(`range/${range}`, { headers: { Range: range } })),
    ...contentRanges.map((range) => download(`content-range/${range}`, { headers: { 'Content-Range': range } })),
    download('range-wins-over-content-range', { headers: { Range: 'bytes=0-0', 'Content-Range': 'bytes 1-3/11' } }),
    ...(['owner', 'member', 'admin'] as Persona[]).map((persona) =>
      download(`deactivated/${persona}`, { persona, fixture: { ...withData, deactivated: true } }),
    ),
  ];
}

/** `PUT`/`DELETE /v2/images/{id}/tags/{tag}`, the tag quota and the `tag` filter. */
function tagCases(): ConformanceCase[] {
  const tag = make('image tags', 'image-tags', {
    method: 'PUT',
    path: '/v2/images/{image}/tags/t-{tag}',
    fixture: { visibility: 'shared' },
  });
  const full = Array.from({ length: 128 }, (_, i) => `t${i}`);
  return [
    tag('add/owner'),
    tag('add/member', { persona: 'member' }),
    tag('add/stranger', { persona: 'stranger' }),
    tag('add/admin', { persona: 'admin' }),
    tag('add/public-as-noroles', { persona: 'noroles', fixture: { visibility: 'public' } }),
    tag('add/unknown-image', { path: `/v2/images/${UNKNOWN}/tags/x` }),
    tag('add/deleted-image', { fixture: { visibility: 'deleted' } }),
    tag('add/existing', { fixture: { visibility: 'shared', tags: ['t-{tag}'] } }),
    tag('add/255-characters', { path: `/v2/images/{image}/tags/${'y'.repeat(255)}` }),
    tag('add/256-characters', { path: `/v2/images/{image}/tags/${'y'.repeat(256)}` }),
    tag('add/with-body', { body: { json: {} }, headers: { 'Content-Type': 'application/json' } }),
    tag('add/129th', { fixture: { visibility: 'shared', tags: full } }),
    tag('add/existing-on-full-image', { fixture: { visibility: 'shared', tags: full }, path: '/v2/images/{image}/tags/t5' }),
    tag('get', { method: 'GET' }),
    tag('image-shows-tag', { method: 'GET', path: '/v2/images/{image}', fixture: { visibility: 'shared', tags: ['t-{tag}', 't-{tag}'] } }),
    tag('delete/owner', { method: 'DELETE', fixture: { visibility: 'shared', tags: ['t-{tag}'] } }),
    tag('delete/missing-tag', { method: 'DELETE' }),
    tag('delete/member', { method: 'DELETE', persona: 'member', fixture: { visibility: 'shared', tags: ['t-{tag}'] } }),
    tag('delete/stranger', { method: 'DELETE', persona: 'stranger', fixture: { visibility: 'shared', tags: ['t-{tag}'] } }),
    tag('delete/unknown-image', { method: 'DELETE', path: `/v2/images/${UNKNOWN}/tags/x` }),
    tag('create-with-129', { method: 'POST', path: '/v2/images', body: { json: { tags: [...full, 'one-more'] } } }),
    tag('create-with-repeats', { method: 'POST', path: '/v2/images', body: { json: { tags: [...full, 't0'] } } }),
    tag('filter/one', { method: 'GET', path: '/v2/images?tag=t-{tag}', fixture: { visibility: 'shared', tags: ['t-{tag}'] } }),
    // MySQL compares tag values in its case-insensitive collation; adding and deleting compare exactly.
    tag('filter/other-case', { method: 'GET', path: '/v2/images?tag=AB-{tag}', fixture: { visibility: 'shared', tags: ['Ab-{tag}'] } }),
    tag('delete/other-case', {
      method: 'DELETE',
      path: '/v2/images/{image}/tags/AB-{tag}',
      fixture: { visibility: 'shared', tags: ['Ab-{tag}'] },
    }),
    tag('filter/all-must-match', {
      method: 'GET',
      path: '/v2/images?tag=t-{tag}&tag=zz',
      fixture: { visibility: 'shared', tags: ['t-{tag}'] },
    }),
  ];
}

/** `POST /v2/images/{id}/actions/{deactivate,reactivate}` in every status, by every persona. */
function actionCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const action of ['deactivate', 'reactivate']) {
    const act = make('image actions', `image-actions/${action}`, { method: 'POST', path: `/v2/images/{image}/actions/${action}` });
    const deactivated = { ...withData, deactivated: true };
    const usual = action === 'deactivate' ? withData : deactivated;
    cases.push(
      ...(['owner', 'member', 'stranger', 'admin', 'none'] as Persona[]).map((persona) => act(persona, { persona, fixture: usual })),
      act('active', { fixture: withData }),
      act('deactivated', { fixture: deactivated }),
      act('queued', { fixture: queuedRawBare }),
      act('queued-as-admin', { persona: 'admin', fixture: queuedRawBare }),
      act('deleted', { fixture: { visibility: 'deleted', data: DATA } }),
      act('unknown-image', { path: `/v2/images/${UNKNOWN}/actions/${action}` }),
      act('public-as-noroles', { persona: 'noroles', fixture: { ...usual, visibility: 'public' } }),
      act('with-body', { body: { json: {} }, headers: { 'Content-Type': 'application/json' } }),
      act('get', { method: 'GET' }),
    );
  }
  const other = make('image actions', 'image-actions', {
    method: 'GET',
    path: '/v2/images/{image}',
    fixture: { ...withData, deactivated: true },
  });
  cases.push(
    other('deactivated-image'),
    other('unknown-action', { method: 'POST', path: '/v2/images/{image}/actions/frob' }),
    other('member-accepts-deactivated-image', {
      persona: 'member',
      method: 'PUT',
      path: '/v2/images/{image}/members/{member}',
      body: { json: { status: 'accepted' } },
      headers: { 'Content-Type': 'application/json' },
    }),
  );
  return cases;
}

/** `size_min` / `size_max` over an image with data and one without. */
function sizeFilterCases(): ConformanceCase[] {
  const queries: Array<[string, string]> = [
    ['size-min', 'size_min=5'],
    ['size-max', 'size_max=5'],
    ['size-range', 'size_min=11&size_max=11'],
    ['size-min-zero', 'size_min=0'],
    ['size-min-not-numeric', 'size_min=abc'],
    ['size-max-float', 'size_max=1.5'],
    ['virtual-size-min', 'virtual_size_min=1'],
  ];
  return queries.map(([name, query]) => ({
    id: `image-data/list/${name}`,
    group: 'image data: download',
    fixtures: [withData, queuedRawBare],
    persona: 'owner',
    method: 'GET',
    path: `/v2/images?conformance_tag={tag}&${query}`,
  }));
}

export function imageDataCases(): ConformanceCase[] {
  return [...uploadCases(), ...downloadCases(), ...sizeFilterCases(), ...tagCases(), ...actionCases()];
}
