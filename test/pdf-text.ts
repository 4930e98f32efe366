/**
 * The text of a PDF, page by page (lines joined by a space), read back with pdfjs-dist (the reader browsers use): what a
 * person sees, so accents that printed wrong (a missing glyph, a wrong encoding) fail the test.
 */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : ''))
        .join('')
        // a paragraph wraps where the page ends a line: read it as one run of words
        .replace(/\s*\n\s*/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

/** The names of the fonts a PDF embeds (FontFile2 streams of TrueType subsets). */
export function embeddedFonts(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  return [...text.matchAll(/\/FontName \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1] as string);
}
