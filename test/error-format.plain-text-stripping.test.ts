/**
 * webob's plain-text error bodies strip tags with webob.exc.strip_tags: `<br>`
 * becomes a line break, only the `<!--` and `-->` markers of a comment go (what
 * is between them stays), other tags go, entities stay as written. Bodies from
 * a real Glance Zed for a member id that is not in the member list.
 */
import { GlanceClient } from './helpers/glance';

describe('plain-text error bodies', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeAll(async () => {
    glance = new GlanceClient();
    imageId = await glance.createImage({ visibility: 'shared' });
  });

  it.each<[string, string]>([
    ['a<!--b-->c', 'abc'],
    ['a<!-- b', 'a b'],
    ['a-->b', 'ab'],
    ['<!--<i>-->x', 'x'],
    ['a<!--->b', 'a->b'],
    ['a<-->b', 'a<b'],
    ['<i>x<i>', 'x'],
    ['<<a>>', '>'],
    ['a<br>b', 'a\nb'],
    ['a<Br x>b', 'a\nb'],
    ['a<BR\nx>b', 'a\nb'],
    ['a<i\nb>c', 'ac'],
    ['a&amp;b&lt;c&gt;', 'a&amp;b&lt;c&gt;'],
    ['a<b', 'a<b'],
  ])('when the member id is %j, then the plain body says %j', async (memberId, shown) => {
    const res = await glance.get(`/v2/images/${imageId}/members/${encodeURIComponent(memberId)}`);
    expect(res.status).toBe(404);
    expect(res.text).toBe(`404 Not Found\n\n${shown} not found in the member list of the image ${imageId}.\n\n   `);
  });
});
