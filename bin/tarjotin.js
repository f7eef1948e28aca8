#!/usr/bin/env node
// The `tarjotin` command. A checkout runs the TypeScript sources through tsx (a
// development dependency), so `npx tarjotin` needs no build step; an installation
// without them (the production image: `npm run build`, production dependencies only)
// runs the compiled JavaScript in dist/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const sources = new URL('../src/cli/main.ts', import.meta.url);

function hasTsx() {
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(sources) && hasTsx()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
} else {
  await import('../dist/cli/main.js');
}
