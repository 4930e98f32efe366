import { Option, type Command } from 'commander';
import { loadConfig } from '../../server/config/config.ts';
import { redactNarrative } from '../../server/redaction/engine.ts';
import { profileOf } from '../../server/runtime.ts';
import { readStdin } from '../stdin.ts';

/**
 * `oversight redact`: one narrative on standard input, the text as the portal would publish it
 * on standard output (issue 17 item 6), for bulk work and for anyone checking the engine
 * (docs/redaction.md). No database is opened: the portal's text for a case with no parties on
 * record and an empty roster, with the configured jurisdiction's street lists and bases.
 */
export function registerRedactCommand(program: Command): void {
  program
    .command('redact')
    .description(
      'read one narrative on standard input and print it as the public portal would publish it',
    )
    .addOption(
      new Option('--lang <lang>', 'language of the legal basis printed with --json')
        .choices(['en', 'es'])
        .default('en'),
    )
    .option(
      '--json',
      'print JSON: the text and every redaction with its kind, recognizer and basis',
    )
    .action(async (opts: { lang: 'en' | 'es'; json?: true }) => {
      const jurisdiction = profileOf(loadConfig().jurisdiction).redaction;
      const text = await readStdin();
      const result = redactNarrative(text, { jurisdiction });
      if (opts.json !== true) {
        process.stdout.write(`${result.text}\n`);
        return;
      }
      const redactions = result.redactions.map((r) => ({
        start: r.start,
        end: r.end,
        original: text.slice(r.start, r.end),
        kind: r.kind,
        recognizer: r.recognizer,
        replacement: r.replacement,
        basis: opts.lang === 'es' ? r.basisEs : r.basis,
      }));
      process.stdout.write(`${JSON.stringify({ text: result.text, redactions }, null, 2)}\n`);
    });
}
