#!/usr/bin/env node
// Copies what the compiled server reads at run time but tsc does not emit: the browser
// modules of the widget and the report page. Usage: node scripts/copy-assets.mjs [OUT_DIR]
import fs from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
for (const folder of ['widget', 'report-page']) {
  await fs.cp(path.join(root, 'src', folder), path.join(out, folder), { recursive: true, filter: (f) => !f.endsWith('.ts') });
}
