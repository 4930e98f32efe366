/**
 * Renders one page of a PDF to a PNG (issue 18 "Done when": a page of the PDF report in
 * docs/screenshots/). pdf.js (pdfjs-dist) draws the page in the Debian Chromium through
 * playwright-core, served from a loopback server, so the image is what a PDF reader shows.
 *
 *   npx tsx scripts/pdf-page-png.ts report.pdf docs/screenshots/report-page1.png [page]
 *
 * docs/reports.md has the three commands that make the report PDF first.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { launch } from '../e2e/browser.ts';

const [pdfPath, pngPath, pageArg] = process.argv.slice(2);
if (!pdfPath || !pngPath) {
  console.error('usage: pdf-page-png.ts <file.pdf> <out.png> [page number, default 1]');
  process.exit(1);
}
const pageNumber = Number(pageArg ?? '1');
const PDFJS = path.resolve(import.meta.dirname, '../node_modules/pdfjs-dist/legacy/build');

const HTML = `<!doctype html><html><body style="margin:0;background:#fff">
<canvas id="page"></canvas>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
const doc = await pdfjs.getDocument('/file.pdf').promise;
const page = await doc.getPage(${pageNumber});
const viewport = page.getViewport({ scale: 2 });
const canvas = document.getElementById('page');
canvas.width = viewport.width;
canvas.height = viewport.height;
await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
window.rendered = true;
</script></body></html>`;

const files: Record<string, [string, string]> = {
  '/pdf.mjs': [path.join(PDFJS, 'pdf.mjs'), 'text/javascript'],
  '/pdf.worker.mjs': [path.join(PDFJS, 'pdf.worker.mjs'), 'text/javascript'],
  '/file.pdf': [path.resolve(pdfPath), 'application/pdf'],
};
const server = http.createServer((req, res) => {
  const file = files[req.url ?? ''];
  if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
  } else if (file) {
    res.writeHead(200, { 'content-type': file[1] }).end(fs.readFileSync(file[0]));
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(
    () => (globalThis as unknown as { rendered?: boolean }).rendered === true,
    null,
    {
      timeout: 60_000,
    },
  );
  await page.locator('#page').screenshot({ path: pngPath });
  console.log(`page ${pageNumber} of ${pdfPath} → ${pngPath}`);
} finally {
  await browser.close();
  server.close();
}
