#!/usr/bin/env node
// Copies the shared data folders (eval, hsds-3.0, ptv) into data/, replacing what is there.
// Usage: npm run data:update [-- DIR]   (DIR defaults to ../shared beside the repository)
import fs from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared'));
const FOLDERS = ['eval', 'hsds-3.0', 'ptv'];

for (const folder of FOLDERS) {
  const from = path.join(source, folder);
  const to = path.join(root, 'data', folder);
  await fs.access(from);
  await fs.rm(to, { recursive: true, force: true });
  await fs.cp(from, to, { recursive: true });
  // The source may be read-only; the copies are ordinary files of the repository.
  for (const entry of await fs.readdir(to, { recursive: true, withFileTypes: true })) {
    await fs.chmod(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
  await fs.chmod(to, 0o755);
  console.log(`data/${folder} ← ${from}`);
}
