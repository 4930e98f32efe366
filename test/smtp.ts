import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { MailSettings } from '../src/server/letters/mailer.ts';

/** A message the test's SMTP server accepted, decoded enough to assert on. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The id the server answered with ("queued as <id>"). */
  id: string;
  subject: string;
  text: string;
  headers: string;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1, a port the system picks, for the duration of a
 * test file: no mock of the mail path. `mode` decides its answer to the next message: accept,
 * refuse with 550 (a permanent 5xx), or hang (never answer the sender). `hold()` makes the server
 * sit on the next message until the test releases it: what happens while a send is in flight.
 */
export interface TestSmtp {
  settings: MailSettings;
  received: ReceivedMail[];
  mode: 'accept' | 'refuse' | 'hang';
  /** Holds the next recipient; resolves, once the sender is waiting, with the release. */
  hold(): Promise<() => void>;
  close(): Promise<void>;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) → text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The decoded text body of a single-part message (quoted-printable, base64 or 7/8bit). */
function decodeBody(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}

export async function startSmtp(timeoutMs = 400): Promise<TestSmtp> {
  const box: TestSmtp = {
    settings: {
      host: '127.0.0.1',
      port: 0,
      secure: false,
      from: 'COPA <letters@copa.example>',
      timeoutMs,
    },
    received: [],
    mode: 'accept',
    hold: () =>
      new Promise((resolve) => {
        holding = resolve;
      }),
    close: async () => {},
  };
  let holding: ((release: () => void) => void) | null = null;
  let n = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    closeTimeout: 50,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (box.mode === 'refuse') {
        const error = new Error('5.1.1 Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      if (box.mode === 'hang') {
        return; // never answers: the sender's timeout must end it
      }
      if (holding) {
        const held = holding;
        holding = null;
        held(() => callback());
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const split = raw.indexOf('\r\n\r\n');
        const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
        const id = `Q${++n}T${Date.now().toString(36)}`;
        box.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          id,
          subject: decodeWords(/^subject:\s*(.*)$/im.exec(headers)?.[1] ?? ''),
          text: decodeBody(headers, raw.slice(split + 4)),
          headers,
        });
        callback(null, `Message queued as ${id}`);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  box.settings.port = (server.server.address() as AddressInfo).port;
  box.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return box;
}
