/**
 * Every member call × persona × visibility, replayed against the mock and
 * compared with what the real Glance Zed answered to the same requests
 * (recorded by scripts/real-glance/probe.py into test/oracle/matrix.*.json).
 */
import type { DbProfileName, PolicyName } from '../src';
import legacyMysql from './oracle/matrix.legacy-mysql.json';
import legacySqlite from './oracle/matrix.legacy-sqlite.json';
import secureRbac from './oracle/matrix.secure-rbac.json';
import { GlanceClient } from './helpers/glance';
import { identity, type Headers } from './helpers/personas';
import { expectMatchesSchema } from './helpers/schemas';

type Recorded = Record<string, [number, string]>;

const RUN = 'run';
const project = (who: string) => `${who}-${RUN}`;
const PERSONAS: Record<string, Headers> = {
  owner: identity(project('owner')),
  member: identity(project('member')),
  member2: identity(project('member2')),
  stranger: identity(project('stranger')),
  admin: identity(project('admin'), 'admin,member,reader'),
  noroles: identity(project('stranger'), ''),
};
const ownProject = (who: string) => (who === 'noroles' ? project('stranger') : project(who));
const PATCH = 'application/openstack-images-v2.1-json-patch';

/** The probe's fixtures: members are added while the image is shared, then its visibility changes. */
async function fixture(glance: GlanceClient, visibility: string): Promise<string> {
  const members = [project('member'), project('member2')];
  if (visibility === 'no-owner') {
    const id = await glance.createImage({ name: 'noowner', visibility: 'shared', owner: null }, PERSONAS.admin);
    for (const m of members) await glance.addMember(id, m, PERSONAS.admin);
    return id;
  }
  const id = await glance.createImage({ name: 'm', visibility: 'shared' }, PERSONAS.owner);
  for (const m of members) await glance.addMember(id, m, PERSONAS.owner);
  if (visibility === 'shared-accepted') {
    await glance.setStatus(id, project('member'), 'accepted', PERSONAS.member);
    await glance.setStatus(id, project('member2'), 'accepted', PERSONAS.member2);
  } else if (visibility !== 'shared') {
    const who = visibility === 'public' ? PERSONAS.admin : PERSONAS.owner;
    const res = await glance
      .patch(`/v2/images/${id}`, [{ op: 'replace', path: '/visibility', value: visibility }], who)
      .set('Content-Type', PATCH);
    if (res.status !== 200) throw new Error(`visibility fixture: ${res.status} ${res.text}`);
  }
  return id;
}

async function call(glance: GlanceClient, op: string, imageId: string, who: string) {
  const headers = { ...PERSONAS[who], Accept: 'application/json' };
  const base = `/v2/images/${imageId}`;
  const member = project('member');
  const own = ownProject(who);
  switch (op) {
    case 'get_image': return glance.get(base, headers);
    case 'list': return glance.get(`${base}/members`, headers);
    case 'show_member': return glance.get(`${base}/members/${member}`, headers);
    case 'show_self': return glance.get(`${base}/members/${own}`, headers);
    case 'show_unknown': return glance.get(`${base}/members/nobody`, headers);
    case 'create': return glance.post(`${base}/members`, { member: `new-${RUN}` }, headers);
    case 'update_member': return glance.put(`${base}/members/${member}`, { status: 'accepted' }, headers);
    case 'update_self': return glance.put(`${base}/members/${own}`, { status: 'accepted' }, headers);
    case 'update_member_bad': return glance.put(`${base}/members/${member}`, { status: 'bogus' }, headers);
    case 'delete_member': return glance.delete(`${base}/members/${member}`, headers);
    case 'delete_self': return glance.delete(`${base}/members/${own}`, headers);
    default: throw new Error(`unknown op ${op}`);
  }
}

/** The probe's one-line summary of a response. */
function summary(res: { status: number; body: Record<string, unknown>; text: string }, imageId: string): string {
  const unrun = (text: string) => text.split(imageId).join('<id>').split(RUN).join('<run>');
  if (res.status === 204) return '';
  if (res.status !== 200) return unrun(String(res.body.message).replace(/<br \/><br \/>\n\n\n$/, ''));
  if ('members' in res.body) {
    expectMatchesSchema('members', res.body);
    const ids = (res.body.members as Array<{ member_id: string }>).map((m) => `'${unrun(m.member_id)}'`);
    return `members=[${ids.join(', ')}]`;
  }
  if ('member_id' in res.body) {
    expectMatchesSchema('member', res.body);
    return `member_id=${unrun(String(res.body.member_id))} status=${String(res.body.status)}`;
  }
  return `image visibility=${String(res.body.visibility)}`;
}

const suites: Array<[string, DbProfileName, PolicyName, Recorded]> = [
  ['legacy policy, mysql profile (Glance on MariaDB)', 'mysql', 'legacy', legacyMysql as unknown as Recorded],
  ['legacy policy, sqlite profile (Glance on SQLite)', 'sqlite', 'legacy', legacySqlite as unknown as Recorded],
  ['secure RBAC (Glance on SQLite with the new defaults)', 'sqlite', 'secure-rbac', secureRbac as unknown as Recorded],
];

describe.each(suites)('member calls as the real Glance answered them: %s', (_label, dbProfile, policy, recorded) => {
  const cells = Object.entries(recorded).map(([key, expected]) => [...key.split('|'), expected] as [string, string, string, [number, string]]);

  it.each(cells)('%s image, %s, %s', async (visibility, who, op, [status, text]) => {
    const glance = new GlanceClient({ dbProfile, policy });
    const imageId = await fixture(glance, visibility);
    const res = await call(glance, op, imageId, who);
    expect({ status: res.status, text: summary(res, imageId) }).toEqual({ status, text });
  });
});
