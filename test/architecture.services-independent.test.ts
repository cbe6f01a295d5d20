/**
 * Glance and Keystone stand side by side behind the front door: neither
 * imports the other, and what both use (the shared helpers, the front door)
 * imports neither.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(__dirname, '..', 'src');

/** Every module a folder's files import, as paths below src/ (`keystone/views`). */
function importsOf(folder: string): Array<{ file: string; target: string }> {
  const dir = join(SRC, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((match) => ({
        file: `${folder}/${name}`,
        target: relative(SRC, resolve(dirname(join(dir, name)), match[1])),
      }));
    });
}

const into = (folders: string[]) => (edge: { target: string }) => folders.some((folder) => edge.target.startsWith(`${folder}/`));

describe('the services and their shared parts', () => {
  it('when the Glance service is read, then nothing in it imports Keystone', () => {
    expect(importsOf('http').filter(into(['keystone']))).toEqual([]);
  });

  it('when Keystone is read, then nothing in it imports the Glance service', () => {
    expect(importsOf('keystone').filter(into(['http']))).toEqual([]);
  });

  it('when the shared helpers and the front door are read, then they import neither service', () => {
    expect([...importsOf('shared'), ...importsOf('wire')].filter(into(['http', 'keystone']))).toEqual([]);
  });

  it('when the import scan is checked on a known import, then it finds it', () => {
    expect(importsOf('keystone')).toContainEqual({ file: 'keystone/keystone-reply.ts', target: 'shared/python-json' });
  });
});
