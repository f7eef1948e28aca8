import fs from 'node:fs/promises';
import type { Judgments } from './metrics.ts';

/** The evaluation files (format: the evaluation data's README). */

export interface EvalCase {
  id: string;
  text: string;
  profile: {
    needs?: string[];
    urgency?: 'acute' | 'soon' | 'routine';
    municipality?: string;
    age?: number;
    language?: string;
    requires?: string[];
  };
  judgments: Judgments;
  unavailable?: string[];
}

export interface EvalQuery {
  id: string;
  q: string;
  filters?: Record<string, string>;
  judgments: Judgments;
}

export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}
