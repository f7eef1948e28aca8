// Placeholder until the situation reader lands.
export interface Situation {
  needs: Array<{ code: string; weight: number; cues: string[] }>;
  urgency: 'acute' | 'soon' | 'routine';
  requires: string[];
  age?: number;
  language?: string;
  targetGroups: string[];
}
export function readSituation(_text: string): Situation {
  return { needs: [], urgency: 'routine', requires: [], targetGroups: [] };
}
