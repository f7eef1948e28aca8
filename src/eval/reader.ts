import { understandClient } from '../recommend/client.ts';
import type { EvalCase } from './data.ts';
import { round } from './metrics.ts';

/**
 * How well the situation reader understands notes: the needs, urgency, age and language
 * it reads from a note alone, against the labels of the note (a case's profile, or a
 * labelled note). Needs are counted over all notes (micro precision and recall).
 */

export interface LabelledNote {
  id: string;
  text: string;
  needs: string[];
  urgency: 'acute' | 'soon' | 'routine';
  age?: number;
  language?: string;
}

export interface ReaderScores {
  notes: number;
  need_precision: number;
  need_recall: number;
  /** Notes whose first need read is one of their needs. */
  first_need: number;
  /** Notes whose first need read is their main need (the one labelled first). */
  main_need: number;
  urgency: number;
  /** Of the notes labelled with an age or a language, the share read right. */
  age: number;
  language: number;
}

export interface NoteMisses {
  id: string;
  missed: string[];
  extra: string[];
}

export function notesOfCases(cases: EvalCase[]): LabelledNote[] {
  return cases.map((c) => ({
    id: c.id,
    text: c.text,
    needs: c.profile.needs ?? [],
    urgency: c.profile.urgency ?? 'routine',
    ...(c.profile.age !== undefined ? { age: c.profile.age } : {}),
    ...(c.profile.language ? { language: c.profile.language } : {}),
  }));
}

export function scoreReader(notes: LabelledNote[]): { scores: ReaderScores; misses: NoteMisses[] } {
  let tp = 0;
  let read = 0;
  let labelled = 0;
  let first = 0;
  let main = 0;
  let urgency = 0;
  const age = { right: 0, of: 0 };
  const language = { right: 0, of: 0 };
  const misses: NoteMisses[] = [];
  for (const note of notes) {
    const client = understandClient(note.text);
    const codes = client.needs.map((n) => n.code);
    const hits = codes.filter((c) => note.needs.includes(c));
    tp += hits.length;
    read += codes.length;
    labelled += note.needs.length;
    if (codes[0] && note.needs.includes(codes[0])) first++;
    if (codes[0] && codes[0] === note.needs[0]) main++;
    if (client.urgency.value === note.urgency) urgency++;
    if (note.age !== undefined) {
      age.of++;
      if (client.age === note.age) age.right++;
    }
    if (note.language) {
      language.of++;
      if (client.language === note.language) language.right++;
    }
    const missed = note.needs.filter((c) => !codes.includes(c));
    const extra = codes.filter((c) => !note.needs.includes(c));
    if (missed.length > 0 || extra.length > 0) misses.push({ id: note.id, missed, extra });
  }
  const share = (x: number, of: number) => round(of === 0 ? 0 : x / of);
  return {
    scores: {
      notes: notes.length,
      need_precision: share(tp, read),
      need_recall: share(tp, labelled),
      first_need: share(first, notes.length),
      main_need: share(main, notes.length),
      urgency: share(urgency, notes.length),
      age: share(age.right, age.of),
      language: share(language.right, language.of),
    },
    misses,
  };
}
