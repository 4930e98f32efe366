import nodemailer from 'nodemailer';

/*
 * Email through SMTP (issue 18 item 2; ADR 0033): nodemailer with the settings of the
 * environment (config.ts, OVERSIGHT_SMTP_*). The one question asked of a mail server is whether
 * it accepted the message; the answer (its id, or its refusal) is what the outbox records.
 */

/** SMTP settings from the environment (README "Letters by email"). */
export interface MailSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  /** The sender, e.g. `COPA <letters@example.gov>`. */
  from: string;
  /** Milliseconds to wait for the connection, the greeting and each answer. */
  timeoutMs: number;
}

/** One message to one recipient, plain text. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The language of the text (Content-Language), e.g. `es`. */
  language: string;
}

/** What the server answered. */
export type MailResult =
  { ok: true; messageId: string } | { ok: false; code: 'refused' | 'timeout'; detail: string };

export interface Mailer {
  send(message: MailMessage): Promise<MailResult>;
}

/** The id the server gave the message ("250 OK: queued as 1A2B3C"), else its Message-ID. */
function serverId(response: string, messageId: string): string {
  return /queued as\s+(\S+)/i.exec(response)?.[1] ?? messageId;
}

/** A mailer over one SMTP server; each send opens and closes its own connection. */
export function smtpMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          headers: { 'Content-Language': message.language },
        });
        if (info.rejected.length > 0) {
          return { ok: false, code: 'refused', detail: String(info.response) };
        }
        return { ok: true, messageId: serverId(String(info.response), info.messageId) };
      } catch (error) {
        const e = error as { code?: string; response?: string; message?: string };
        // nodemailer names a timeout ETIMEDOUT (connection, greeting or an answer that never came)
        if (e.code === 'ETIMEDOUT') {
          return { ok: false, code: 'timeout', detail: e.message ?? 'timed out' };
        }
        return { ok: false, code: 'refused', detail: e.response ?? e.message ?? String(error) };
      }
    },
  };
}
