import type { Config } from '../config.ts';

export async function runBenchCommand(_config: Config, _args: string[]): Promise<number> {
  throw new Error('bench is not built yet');
}
