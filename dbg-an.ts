import { buildLexicon } from './src/search/lexicon.ts';
import { analyzeQuery, analyze } from './src/search/analysis.ts';
const l = buildLexicon();
for (const q of process.argv.slice(2)) console.log(q, '→', analyzeQuery(q, l).join(' '), '| doc:', analyze(q, l).join(' '));
