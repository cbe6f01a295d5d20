/**
 * Model-based: random sequences of image and member calls by random callers,
 * against a simple model of Glance's sharing rules (legacy policy). After every
 * step the mock's visible state must match the model: who sees which image,
 * who sees which member rows, image lists, the quota's 413, the duplicate's
 * 409, deleted images never coming back, and refused requests changing
 * nothing. fast-check shrinks a failure to
 * the shortest sequence of calls, printed one per line.
 */
import fc from 'fast-check';
import { identity } from '../helpers/personas';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './support/fuzz-config';
import type { Profile } from './support/answers';
import { startFuzzMock, type FuzzMock, type WireAnswer } from './support/wire';

const PROJECTS = ['pa', 'pb', 'pc', 'pd'] as const;
const ADMIN = 'adm';
type Caller = (typeof PROJECTS)[number] | typeof ADMIN;
type Visibility = 'shared' | 'private';
type Status = 'pending' | 'accepted' | 'rejected';
const QUOTA = 3;
const MAX_IMAGES = 4;

interface ModelImage {
  id: string;
  owner: Caller;
  visibility: Visibility;
  members: Map<string, Status>;
  deleted: boolean;
}

interface Model {
  images: ModelImage[];
}

interface Real {
  mock: FuzzMock;
}

const headersOf = (caller: Caller) => (caller === ADMIN ? identity(ADMIN, 'admin,member,reader') : identity(caller));
const isAdmin = (caller: Caller) => caller === ADMIN;

function visible(image: ModelImage, caller: Caller): boolean {
  if (image.deleted) return false;
  return isAdmin(caller) || image.owner === caller || (image.visibility === 'shared' && image.members.has(caller));
}

/** The member rows a caller sees: owners and admins all, members their own. */
/** A member call only the owner (or an admin) may make on a shared image: 404 unseen, 403 otherwise. */
function ownerCallRefusal(image: ModelImage, caller: Caller): 404 | 403 | undefined {
  if (!visible(image, caller)) return 404;
  if (image.visibility !== 'shared' || (!isAdmin(caller) && image.owner !== caller)) return 403;
  return undefined;
}

function visibleMembers(image: ModelImage, caller: Caller): string[] {
  const all = [...image.members.keys()];
  const seen = isAdmin(caller) || image.owner === caller ? all : all.filter((m) => m === caller);
  return seen.sort();
}

async function call(real: Real, caller: Caller, method: string, path: string, body?: unknown): Promise<WireAnswer> {
  return real.mock.send({ method, path, headers: headersOf(caller), body: body === undefined ? undefined : JSON.stringify(body) });
}

function expectStatus(answer: WireAnswer, expected: number, what: string): void {
  if (answer.status !== expected) {
    throw new Error(`${what}: expected ${expected}, the mock answered ${answer.status} ${JSON.stringify(answer.text.slice(0, 200))}`);
  }
}

type Cmd = fc.AsyncCommand<Model, Real>;

class CreateImage implements Cmd {
  constructor(
    readonly owner: Caller,
    readonly visibility: Visibility,
  ) {}
  check = (m: Readonly<Model>) => m.images.length < MAX_IMAGES;
  async run(m: Model, r: Real) {
    const answer = await call(r, this.owner, 'POST', '/v2/images', { name: `model-${m.images.length}`, visibility: this.visibility });
    expectStatus(answer, 201, this.toString());
    const id = (JSON.parse(answer.text) as { id: string }).id;
    m.images.push({ id, owner: this.owner, visibility: this.visibility, members: new Map(), deleted: false });
  }
  toString = () => `${this.owner} creates a ${this.visibility} image #next`;
}

abstract class OnImage implements Cmd {
  constructor(
    readonly index: number,
    readonly caller: Caller,
  ) {}
  check = (m: Readonly<Model>) => this.index < m.images.length;
  abstract run(m: Model, r: Real): Promise<void>;
}

class DeleteImage extends OnImage {
  async run(m: Model, r: Real) {
    const image = m.images[this.index];
    const expected = !visible(image, this.caller) ? 404 : isAdmin(this.caller) || image.owner === this.caller ? 204 : 403;
    expectStatus(await call(r, this.caller, 'DELETE', `/v2/images/${image.id}`), expected, this.toString());
    if (expected === 204) image.deleted = true;
  }
  override toString = () => `${this.caller} deletes image #${this.index}`;
}

class AddMember extends OnImage {
  constructor(
    index: number,
    caller: Caller,
    readonly member: string,
  ) {
    super(index, caller);
  }
  async run(m: Model, r: Real) {
    const image = m.images[this.index];
    const expected =
      ownerCallRefusal(image, this.caller) ?? (image.members.size >= QUOTA ? 413 : image.members.has(this.member) ? 409 : 200);
    expectStatus(await call(r, this.caller, 'POST', `/v2/images/${image.id}/members`, { member: this.member }), expected, this.toString());
    if (expected === 200) image.members.set(this.member, 'pending');
  }
  override toString = () => `${this.caller} adds member ${this.member} to image #${this.index}`;
}

/** The owner of the image, whoever that turned out to be, adds a member: reaches the quota and duplicates. */
class OwnerAddsMember implements Cmd {
  constructor(
    readonly index: number,
    readonly member: string,
  ) {}
  check = (m: Readonly<Model>) => this.index < m.images.length;
  run = (m: Model, r: Real) => new AddMember(this.index, m.images[this.index].owner, this.member).run(m, r);
  toString = () => `the owner of image #${this.index} adds member ${this.member}`;
}

/** A member of the image (the n-th, whoever that is) sets its own status. */
class MemberSetsOwnStatus implements Cmd {
  constructor(
    readonly index: number,
    readonly nth: number,
    readonly status: string,
  ) {}
  check = (m: Readonly<Model>) => this.index < m.images.length && m.images[this.index].members.size > 0;
  run(m: Model, r: Real) {
    const members = [...m.images[this.index].members.keys()];
    const member = members[this.nth % members.length];
    return new SetStatus(this.index, member as Caller, member, this.status).run(m, r);
  }
  toString = () => `member no. ${this.nth} of image #${this.index} sets its own status to ${this.status}`;
}

class SetStatus extends OnImage {
  constructor(
    index: number,
    caller: Caller,
    readonly member: string,
    readonly status: string,
  ) {
    super(index, caller);
  }
  async run(m: Model, r: Real) {
    const image = m.images[this.index];
    const canSee = isAdmin(this.caller) || image.owner === this.caller || this.caller === this.member;
    const expected = !visible(image, this.caller)
      ? 404
      : image.visibility !== 'shared' || (!isAdmin(this.caller) && image.owner === this.caller)
        ? 403
        : !image.members.has(this.member) || !canSee
          ? 404
          : !['pending', 'accepted', 'rejected'].includes(this.status)
            ? 400
            : 200;
    const answer = await call(r, this.caller, 'PUT', `/v2/images/${image.id}/members/${this.member}`, { status: this.status });
    expectStatus(answer, expected, this.toString());
    if (expected === 200) image.members.set(this.member, this.status as Status);
  }
  override toString = () => `${this.caller} sets ${this.member}'s status on image #${this.index} to ${this.status}`;
}

class RemoveMember extends OnImage {
  constructor(
    index: number,
    caller: Caller,
    readonly member: string,
  ) {
    super(index, caller);
  }
  async run(m: Model, r: Real) {
    const image = m.images[this.index];
    const expected = ownerCallRefusal(image, this.caller) ?? (!image.members.has(this.member) ? 404 : 204);
    expectStatus(await call(r, this.caller, 'DELETE', `/v2/images/${image.id}/members/${this.member}`), expected, this.toString());
    if (expected === 204) image.members.delete(this.member);
  }
  override toString = () => `${this.caller} removes member ${this.member} from image #${this.index}`;
}

/** Requests Glance refuses while reading them (400), before looking at the image: they must change nothing. */
const REFUSED_REQUESTS = {
  'malformed add': { method: 'POST', tail: '/members', body: '{"member": "pe"' },
  'empty member': { method: 'POST', tail: '/members', body: '{"member": ""}' },
  'no member key': { method: 'POST', tail: '/members', body: '{"members": "pe"}' },
  'list body': { method: 'POST', tail: '/members', body: '["pe"]' },
  'status without key': { method: 'PUT', tail: '/members/pa', body: '{"state": "accepted"}' },
  'delete with a body': { method: 'DELETE', tail: '/members/pa', body: '{"member": "pa"}' },
  'delete image with a body': { method: 'DELETE', tail: '', body: '{}' },
} as const;
type RefusedKind = keyof typeof REFUSED_REQUESTS;

class RefusedCall extends OnImage {
  constructor(
    index: number,
    caller: Caller,
    readonly kind: RefusedKind,
  ) {
    super(index, caller);
  }
  override async run(m: Model, r: Real) {
    const image = m.images[this.index];
    const { method, tail, body } = REFUSED_REQUESTS[this.kind];
    const answer = await r.mock.send({ method, path: `/v2/images/${image.id}${tail}`, headers: headersOf(this.caller), body });
    expectStatus(answer, 400, this.toString());
  }
  override toString = () => `${this.caller} sends a refused request (${this.kind}) about image #${this.index}`;
}

/** Everything a caller can observe, compared with the model. */
class Observe implements Cmd {
  constructor(readonly caller: Caller) {}
  check = () => true;
  async run(m: Model, r: Real) {
    await expectObservedState(m, r, this.caller);
  }
  toString = () => `${this.caller} looks at every image, its members and the image list`;
}

async function expectObservedState(m: Model, r: Real, caller: Caller): Promise<void> {
  for (const [index, image] of m.images.entries()) {
    const where = `${caller} on image #${index}`;
    const shown = await call(r, caller, 'GET', `/v2/images/${image.id}`);
    expectStatus(shown, visible(image, caller) ? 200 : 404, `${where}: show image`);
    const listed = await call(r, caller, 'GET', `/v2/images/${image.id}/members`);
    expectStatus(listed, !visible(image, caller) ? 404 : image.visibility !== 'shared' ? 403 : 200, `${where}: list members`);
    if (listed.status !== 200) continue;
    const members = (JSON.parse(listed.text) as { members: Array<{ member_id: string; status: string }> }).members;
    const actual = members.map((x) => `${x.member_id}:${x.status}`).sort();
    const wanted = visibleMembers(image, caller).map((x) => `${x}:${image.members.get(x)}`);
    if (actual.join() !== wanted.join())
      throw new Error(`${where}: members ${JSON.stringify(actual)}, the model has ${JSON.stringify(wanted)}`);
  }
  if (isAdmin(caller)) return;
  // A project's default list: its own images, and images shared with it once accepted.
  const list = await call(r, caller, 'GET', '/v2/images?limit=100');
  expectStatus(list, 200, `${caller}: list images`);
  const ids = new Set((JSON.parse(list.text) as { images: Array<{ id: string }> }).images.map((x) => x.id));
  for (const [index, image] of m.images.entries()) {
    const wanted =
      !image.deleted && (image.owner === caller || (image.visibility === 'shared' && image.members.get(caller) === 'accepted'));
    if (ids.has(image.id) !== wanted)
      throw new Error(`${caller}: image #${index} ${wanted ? 'missing from' : 'wrongly in'} the image list`);
  }
}

const caller = fc.constantFrom<Caller>(...PROJECTS, ADMIN);
const project = fc.constantFrom<Caller>(...PROJECTS);
const memberId = fc.constantFrom<string>(...PROJECTS, 'pe');
const index = fc.nat({ max: MAX_IMAGES - 1 });

const createImage = fc.tuple(project, fc.constantFrom<Visibility>('shared', 'shared', 'private')).map(([o, v]) => new CreateImage(o, v));
const addMember = fc.tuple(index, caller, memberId).map(([i, c, mbr]) => new AddMember(i, c, mbr));
const setStatus = fc
  .tuple(index, project)
  .chain(([i, c]) =>
    fc.tuple(
      fc.constant(i),
      fc.constant(c),
      fc.oneof(fc.constant(c), memberId),
      fc.constantFrom('accepted', 'accepted', 'rejected', 'pending', 'bogus'),
    ),
  )
  .map(([i, c, mbr, s]) => new SetStatus(i, c, mbr, s));
/** Repeated entries weigh the draw towards the calls that build up state. */
const commands = [
  createImage,
  createImage,
  addMember,
  fc.tuple(index, memberId).map(([i, mbr]) => new OwnerAddsMember(i, mbr)),
  fc.tuple(index, memberId).map(([i, mbr]) => new OwnerAddsMember(i, mbr)),
  setStatus,
  fc
    .tuple(index, fc.nat(3), fc.constantFrom('accepted', 'rejected', 'pending', 'bogus'))
    .map(([i, n, st]) => new MemberSetsOwnStatus(i, n, st)),
  fc.tuple(index, caller, memberId).map(([i, c, mbr]) => new RemoveMember(i, c, mbr)),
  fc.tuple(index, caller).map(([i, c]) => new DeleteImage(i, c)),
  fc
    .tuple(index, caller, fc.constantFrom(...(Object.keys(REFUSED_REQUESTS) as RefusedKind[])))
    .map(([i, c, k]) => new RefusedCall(i, c, k)),
  caller.map((c) => new Observe(c)),
];

describe.each(['sqlite', 'mysql'] as const)('image sharing against a model, %s profile', (profile: Profile) => {
  let mock: FuzzMock;
  beforeAll(async () => {
    mock = await startFuzzMock({ dbProfile: profile, memberQuota: QUOTA, ids: `model-${profile}` });
  });
  afterAll(() => mock.stop());

  it(
    'when random callers create, share, accept, unshare and delete, then every caller sees what the model says',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'large' }), async (cmds) => {
          mock.mock.reset();
          const model: Model = { images: [] };
          const real: Real = { mock };
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          for (const c of [...PROJECTS, ADMIN] as Caller[]) await expectObservedState(model, real, c);
        }),
        fuzzParams(25),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
