import { applySeedToGlance, createGlanceMock, loadNamedState, parseSeed, startGlanceMock, trustedHeadersActor } from '../src';
import { identity } from './helpers/personas';

const STATE = 'shared-image-with-accepted-member';

/** A member list with the image's id and the timestamps taken out: what both appliers must agree on. */
const comparable = (text: string, imageId: string) =>
  text.replaceAll(imageId, '{image}').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '{time}');

describe('one state, two appliers', () => {
  it('when a named state is put in the store and applied through the API, then the member sees the same answers', async () => {
    const stored = await startGlanceMock({ seed: loadNamedState(STATE) });
    const throughApi = await startGlanceMock();
    try {
      const storedId = loadNamedState(STATE).images![0].id!;
      const { imageIds } = await applySeedToGlance(throughApi.url, trustedHeadersActor(), loadNamedState(STATE));
      for (const path of ['/v2/images/{image}/members', '/v2/images/{image}/members/member-project']) {
        const read = async (url: string, id: string) =>
          comparable(await (await fetch(`${url}${path.replace('{image}', id)}`, { headers: identity('member-project') })).text(), id);
        expect(await read(throughApi.url, imageIds.image)).toBe(await read(stored.url, storedId));
      }
    } finally {
      await stored.close();
      await throughApi.close();
    }
  });

  it('when the same document comes as JSON or YAML, then it is the same seed', () => {
    const yaml = 'images:\n  - key: a\n    owner: p\n    members:\n      - member: q\n        status: accepted\n';
    const json = '{"images": [{"key": "a", "owner": "p", "members": [{"member": "q", "status": "accepted"}]}]}';
    expect(parseSeed(yaml)).toEqual(parseSeed(json, 'seed', 'json'));
    expect(createGlanceMock().seed(parseSeed(yaml)).images[0].key).toBe('a');
  });
});
