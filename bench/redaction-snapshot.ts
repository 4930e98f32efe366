/**
 * Runs the redaction engine over every labelled narrative, bare and as the portal runs it (with
 * the case's record names and the roster's lexicon), and writes the redacted texts and spans as
 * JSON lines: a refactor of the engine must leave this output byte-for-byte the same.
 *   node --import tsx bench/redaction-snapshot.ts <engine module> <out file>
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadNarrativeSample, loadRecordNames } from '../test/redaction-corpus.ts';

const [modulePath = 'src/server/redaction/engine.ts', out = '/tmp/redaction-snapshot.jsonl'] =
  process.argv.slice(2);
const engine = (await import(path.resolve(modulePath))) as {
  redactNarrative: (text: string, options?: object) => unknown;
};
const sample = loadNarrativeSample();
const records = loadRecordNames(new Set(sample.map((n) => n.crId)));
const lines: string[] = [];
for (const n of sample) {
  const bare = engine.redactNarrative(n.text);
  const portal = engine.redactNarrative(n.text, {
    nameLexicon: records.lexicon,
    recordNames: records.byCase.get(n.crId) ?? [],
  });
  lines.push(JSON.stringify({ key: `${n.file}:${n.line}`, bare, portal }));
}
fs.writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${sample.length} narratives → ${out}`);
