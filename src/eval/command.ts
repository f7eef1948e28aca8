import type { Config } from '../config.ts';

export async function runEvalCommand(_config: Config, _args: string[]): Promise<number> {
  throw new Error('eval is not built yet');
}
