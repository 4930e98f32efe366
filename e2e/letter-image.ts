/**
 * The image of a printed letter for docs/screenshots (issue 18 "Done when"): the shelter story's
 * six-month notice in Spanish, rendered by the product's own template and PDF code, then drawn
 * by pdf.js in Chromium — what the printer prints, not a page of the app. Called by
 * `npm run screenshots`; `node --import tsx e2e/letter-image.ts` makes it alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { renderLetter, writtenDate } from '../src/server/domain/letters.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { lettersPdf } from '../src/server/letters/pdf.ts';
import { launch } from './browser.ts';

const require = createRequire(import.meta.url);

/** Writes `<out>/letter-six-month-notice-es.png`. */
export async function letterImage(browser: Browser, out: string): Promise<void> {
  const pack = chicagoProfile.letters.packs['es']!;
  const letter = renderLetter(pack, 'six_month_notice', {
    officeName: pack.officeName,
    officePhone: chicagoProfile.office.phone,
    officeAddress: chicagoProfile.office.address.join(', '),
    logNumber: '2023-0001234',
    letterDate: writtenDate(pack, '2024-03-21'),
    receivedDate: writtenDate(pack, '2023-09-18'),
    generalNature: chicagoProfile.categories.sexual_misconduct.label.es,
    reasons: [
      pack.delayReasons.witnesses_not_yet_interviewed,
      pack.delayReasons.parallel_criminal_proceeding,
    ].join('; '),
  });
  const pdf = await lettersPdf([
    {
      letterhead: {
        officeName: pack.officeName,
        address: chicagoProfile.office.address,
        phone: chicagoProfile.office.phone,
      },
      date: writtenDate(pack, '2024-03-21'),
      recipient: [
        'Voluntaria de ejemplo',
        'Lobby Volunteers',
        '100 W. Example St.',
        'Chicago, IL 60612',
      ],
      subject: letter.subject,
      body: letter.body,
      reference: '2023-0001234 · ejemplo',
    },
  ]);
  const page = await browser.newPage({ viewport: { width: 940, height: 1200 } });
  await page.setContent(
    '<!doctype html><body style="margin:0;background:#fff"><canvas id="c"></canvas></body>',
  );
  await page.addScriptTag({
    type: 'module',
    content: fs.readFileSync(require.resolve('pdfjs-dist/build/pdf.mjs'), 'utf8'),
  });
  await page.waitForFunction('globalThis.pdfjsLib !== undefined');
  // a string: the e2e files are type-checked without the DOM library
  await page.evaluate(
    `(async ([data, worker]) => {
      const lib = globalThis.pdfjsLib;
      lib.GlobalWorkerOptions.workerSrc = URL.createObjectURL(
        new Blob([worker], { type: 'text/javascript' }),
      );
      const doc = await lib.getDocument({ data: Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) }).promise;
      const p = await doc.getPage(1);
      const viewport = p.getViewport({ scale: 1.5 });
      const canvas = document.getElementById('c');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await p.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    })(${JSON.stringify([
      pdf.toString('base64'),
      fs.readFileSync(require.resolve('pdfjs-dist/build/pdf.worker.mjs'), 'utf8'),
    ])})`,
  );
  await page.locator('#c').screenshot({ path: path.join(out, 'letter-six-month-notice-es.png') });
  await page.close();
  console.log('docs/screenshots/letter-six-month-notice-es.png');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const browser = await launch();
  try {
    await letterImage(browser, fileURLToPath(new URL('../docs/screenshots/', import.meta.url)));
  } finally {
    await browser.close();
  }
}
