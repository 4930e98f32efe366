import type { ProgressSink } from '../server/importers/chicago/import-chicago.ts';

/**
 * A progress bar with rows/s and ETA on a terminal; plain progress lines (at most one every two
 * seconds per file) when output is not a terminal.
 */
export function progressSink(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  const tty = Boolean(stream.isTTY);
  let file = '';
  let total = 0;
  let started = 0;
  let lastPrint = 0;
  const render = (done: number, final = false): void => {
    const elapsed = (performance.now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 && total > done ? Math.round((total - done) / rate) : 0;
    if (tty) {
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(
        `\r${bar} ${done}/${total} ${Math.round(rate)} rows/s ETA ${eta}s  ${file.slice(0, 40)}\x1b[K${final ? '\n' : ''}`,
      );
    } else if (final || performance.now() - lastPrint > 2000) {
      lastPrint = performance.now();
      stream.write(
        `${file}: ${done}/${total} entities, ${Math.round(rate)}/s${final ? ', done' : `, ETA ${eta}s`}\n`,
      );
    }
  };
  let last = 0;
  return {
    start(name, count) {
      file = name;
      total = count;
      started = performance.now();
      lastPrint = 0;
      last = 0;
      render(0);
    },
    tick(done) {
      last = done;
      render(done);
    },
    finish() {
      render(Math.max(last, total), true);
    },
  };
}
