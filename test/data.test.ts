import fs from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';

/**
 * The copies in data/ follow the shared data folder beside the repository, when there is
 * one (a clone alone has only the copies): a changed or added source file fails here
 * until `npm run data:update` copies it in.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '..', 'shared');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

for (const folder of ['eval', 'hsds-3.0', 'ptv']) {
  t.test(`data/${folder} is in step with the shared data`, async (t) => {
    const source = path.join(SHARED, folder);
    const present = await fs.access(source).then(() => true, () => false);
    if (!present) {
      t.pass(`no shared ${folder} beside the repository: the copy is all there is`);
      return;
    }
    const copy = path.join(ROOT, 'data', folder);
    const files = await filesUnder(source);
    t.same(await filesUnder(copy), files, 'the same files (run npm run data:update)');
    for (const file of files) {
      const [a, b] = await Promise.all([fs.readFile(path.join(source, file)), fs.readFile(path.join(copy, file))]);
      if (!a.equals(b)) t.fail(`${folder}/${file} differs from the shared copy (run npm run data:update)`);
    }
  });
}
