/**
 * Tests assert Glance's texts as literals: a test that took its expected text
 * from the catalog in src would pass with a wrong catalog entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const TEST_DIR = __dirname;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

describe('when the tests are read, then none takes its expected texts from src', () => {
  const files = testFiles(TEST_DIR).filter((file) => file !== __filename);

  it('when a test file imports, then not the message catalog (glance-errors, GlanceMessages)', () => {
    const offenders = files.filter((file) => /glance-errors|GlanceMessages/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(TEST_DIR, file))).toEqual([]);
  });
});
