/**
 * An interceptor given to startGlanceMock (or added with `use`) wraps the
 * requests of every namespace, those made before and after it was added, and
 * knows whose request it is; one added to a namespace's front door sees that
 * namespace's requests only.
 */
import { createGlanceMock, startGlanceMock, type Interceptor, type RunningGlanceMock } from '../src';
import { personas } from './helpers/personas';
import { serveHandle } from './helpers/serve-handle';

/** An interceptor that notes `namespace method path status` of every exchange it wraps. */
function noting(): { interceptor: Interceptor; seen: string[] } {
  const seen: string[] = [];
  const interceptor: Interceptor = async (request, next) => {
    const response = await next();
    seen.push(`${request.namespace ?? '?'} ${request.method} ${request.rawPath} ${response.status}`);
    return response;
  };
  return { interceptor, seen };
}

describe('interceptors around every namespace', () => {
  let glance: RunningGlanceMock;
  const given = noting();
  beforeAll(async () => {
    glance = await startGlanceMock({ interceptors: [given.interceptor] });
    glance.namespace('before');
  });
  afterAll(() => glance.close());
  beforeEach(() => {
    given.seen.length = 0;
  });

  it('when requests go to the default namespace, a namespace made before and one made on first use, then the interceptor given to startGlanceMock sees each with its namespace', async () => {
    await fetch(`${glance.url}/v2/images`, { headers: personas.owner });
    await fetch(`${glance.url}/_ns/before/v2/images`, { headers: personas.owner });
    await fetch(`${glance.url}/v2/images/nothing-here`, { headers: { ...personas.owner, 'X-Glance-Mock-Namespace': 'later' } });
    expect(given.seen).toEqual([' GET /v2/images 200', 'before GET /v2/images 200', 'later GET /v2/images/nothing-here 404']);
  });

  it("when a namespace's journal is read, then its entries name the namespace", async () => {
    await fetch(`${glance.url}/_ns/journaled/v2/images`, { headers: personas.owner });
    const journal = (await (await fetch(`${glance.url}/_ns/journaled/_mock/requests`)).json()) as {
      requests: Array<{ namespace: string; path: string }>;
    };
    expect(journal.requests.map((entry) => [entry.namespace, entry.path])).toEqual([['journaled', '/v2/images']]);
  });

  it('when an interceptor added with use is removed, then no namespace calls it any more', async () => {
    const added = noting();
    glance.use(added.interceptor);
    await fetch(`${glance.url}/_ns/before/v2/images`, { headers: personas.owner });
    glance.remove(added.interceptor);
    await fetch(`${glance.url}/_ns/before/v2/images`, { headers: personas.owner });
    await fetch(`${glance.url}/_ns/after-removal/v2/images`, { headers: personas.owner });
    expect(added.seen).toEqual(['before GET /v2/images 200']);
    expect(given.seen).toHaveLength(3);
  });
});

describe("an interceptor on one namespace's front door", () => {
  it('when requests go to two namespaces and the default one, then it sees its own namespace’s only', async () => {
    const mock = createGlanceMock();
    const own = noting();
    mock.namespace('a').frontDoor.use(own.interceptor);
    const served = await serveHandle(mock);
    try {
      await fetch(`${served.url}/_ns/a/v2/images`, { headers: personas.owner });
      await fetch(`${served.url}/_ns/b/v2/images`, { headers: personas.owner });
      await fetch(`${served.url}/v2/images`, { headers: personas.owner });
      expect(own.seen).toEqual(['a GET /v2/images 200']);
    } finally {
      await served.close();
    }
  });
});
