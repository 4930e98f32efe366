import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/*
 * Letters on paper (issue 18 item 2; ADR 0033): one PDF per letter, or one for the day's mail,
 * with the office's letterhead from the profile and the DejaVu fonts embedded, so every accent
 * prints as written whatever the printer has installed.
 */

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** The letterhead: the office's name in the letter's language, its address and phone. */
export interface Letterhead {
  officeName: string;
  address: string[];
  phone: string;
}

/** One letter as printed: the head, the date line, the envelope block, the text. */
export interface PrintedLetter {
  letterhead: Letterhead;
  /** The date written out in the letter's language. */
  date: string;
  /** Name and address lines of the recipient (the envelope window). */
  recipient: string[];
  subject: string;
  body: string;
  /** Small print at the foot: the log number and the letter id, to match a returned envelope. */
  reference: string;
}

/** Renders letters into one PDF, each starting on a new page. */
export async function lettersPdf(letters: readonly PrintedLetter[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, autoFirstPage: false });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const letter of letters) {
    doc.addPage();
    doc.font('bold').fontSize(13).text(letter.letterhead.officeName);
    doc
      .font('body')
      .fontSize(9)
      .text([...letter.letterhead.address, letter.letterhead.phone].join(' · '));
    doc.moveDown(2);
    doc.fontSize(10).text(letter.date, { align: 'right' });
    doc.moveDown();
    doc.text(letter.recipient.join('\n'));
    doc.moveDown(2);
    doc.font('bold').fontSize(11).text(letter.subject);
    doc.moveDown();
    doc.font('body').fontSize(11);
    for (const paragraph of letter.body.split(/\n{2,}/)) {
      doc.text(paragraph, { align: 'left' });
      doc.moveDown(0.8);
    }
    doc.moveDown();
    doc.fontSize(7).fillColor('#555555').text(letter.reference).fillColor('#000000');
  }
  if (letters.length === 0) {
    doc.addPage();
  }
  doc.end();
  return done;
}
