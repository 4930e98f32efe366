import type { PublicStatementRow } from '../../repositories/statements.repository.ts';
import { isoRequired } from '../../repositories/sql.ts';

/*
 * The published statements as an Atom 1.0 feed (RFC 4287; issue 22 item 2), for newsrooms and
 * readers that follow the office. Built from the same public rows as the JSON list (published
 * only, never a staff name), every text escaped.
 */

/** Escapes text for XML character data and attribute values (XML 1.0 §2.4, §3.3.3). */
export function xmlText(s: string): string {
  return (
    s
      // characters XML 1.0 does not allow at all (§2.2) are dropped rather than sent invalid
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** An entry's title: the statement's first words (Atom requires a title; statements have none). */
function titleOf(text: string): string {
  const line = text.trim().split(/\s+/).join(' ');
  return line.length <= 80 ? line : `${line.slice(0, 79)}…`;
}

export interface FeedOptions {
  /** The feed's own absolute URL (its id and rel="self"). */
  selfUrl: string;
  /** The public statements page, absolute (rel="alternate"). */
  pageUrl: string;
  title: string;
  /** Language of the feed when filtered to one. */
  language?: string | undefined;
  /** When nothing is published, the feed's `updated` (Atom requires one). */
  epoch: Date;
}

export function statementsFeed(rows: readonly PublicStatementRow[], o: FeedOptions): string {
  const updated = rows.reduce(
    (latest, r) => (new Date(r.published_at) > latest ? new Date(r.published_at) : latest),
    o.epoch,
  );
  const entries = rows.map((r) => {
    const published = isoRequired(r.published_at);
    const cases = r.log_numbers.map((n) => `    <category term="${xmlText(n)}"/>`).join('\n');
    return [
      `  <entry xml:lang="${xmlText(r.language)}">`,
      `    <id>urn:uuid:${xmlText(r.id)}</id>`,
      `    <title>${xmlText(titleOf(r.text))}</title>`,
      `    <published>${published}</published>`,
      `    <updated>${published}</updated>`,
      `    <link rel="alternate" href="${xmlText(o.pageUrl)}"/>`,
      ...(cases ? [cases] : []),
      `    <content type="text">${xmlText(r.text)}</content>`,
      `  </entry>`,
    ].join('\n');
  });
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom"${o.language ? ` xml:lang="${xmlText(o.language)}"` : ''}>`,
    `  <id>${xmlText(o.selfUrl)}</id>`,
    `  <title>${xmlText(o.title)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${xmlText(o.title)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(o.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(o.pageUrl)}"/>`,
    ...entries,
    `</feed>`,
    '',
  ].join('\n');
}
