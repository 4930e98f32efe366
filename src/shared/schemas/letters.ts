import { z } from 'zod';
import {
  DELAY_REASONS,
  LETTER_CHANNELS,
  LETTER_FAILURES,
  LETTER_KINDS,
  LETTER_STATUSES,
  RECIPIENT_KINDS,
} from '../letters.ts';
import { DateOnly, Instant, LanguageCode, LogNumber, Text, Uuid } from './common.ts';

/** POST /api/v1/cases/{logNumber}/letters: write a letter of one kind to everyone it goes to. */
export const DraftLettersRequest = z.strictObject({
  /** Which letter. */
  kind: z.enum(LETTER_KINDS),
  /** Six-month notice: why the investigation is not concluded (MCC 2-78-135 "the reasons"). */
  reasons: z.array(z.enum(DELAY_REASONS)).min(1).max(DELAY_REASONS.length).optional(),
  /** Request for information: what is asked, in each language a recipient is written to. */
  requestedInformation: z.record(LanguageCode, Text(1, 2000)).optional(),
  /** Request for information: the day to answer by. */
  respondBy: DateOnly.optional(),
  /** Also send a paper copy by post to each person emailed who has a postal address. */
  paperCopy: z.boolean().optional(),
});

/** A letter's recipient as addressed; shown only to staff who may see the case's identities. */
export const LetterRecipient = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  address: z.array(z.string()).optional(),
});

/** One letter in the outbox. */
export const LetterOut = z.object({
  id: Uuid,
  logNumber: LogNumber,
  kind: z.enum(LETTER_KINDS),
  /** The language it is written in (the recipient's). */
  language: z.string(),
  /** How it travels; null when there is no way to reach the person (`failure` says why). */
  channel: z.enum(LETTER_CHANNELS).nullable(),
  recipientKind: z.enum(RECIPIENT_KINDS),
  /** The official's code (`mayor`, `superintendent`, …) for a letter to an official. */
  officialCode: z.string().nullable(),
  /** Name and address; null when masked for this viewer or when the page is the address. */
  recipient: LetterRecipient.nullable(),
  recipientMasked: z.boolean(),
  subject: z.string(),
  /** The text as rendered and approved: what is sent. */
  body: z.string(),
  status: z.enum(LETTER_STATUSES),
  attempts: z.number().int(),
  failure: z.enum(LETTER_FAILURES).nullable(),
  /** The mail server's answer to a failed send. */
  failureDetail: z.string().nullable(),
  failedAt: Instant.nullable(),
  /** The id the mail server gave an emailed letter. */
  messageId: z.string().nullable(),
  sentAt: Instant.nullable(),
  approvedAt: Instant.nullable(),
  /** The deadline the letter answers (sending every letter for it meets it). */
  deadlineId: Uuid.nullable(),
  createdAt: Instant,
});
export type LetterOut = z.infer<typeof LetterOut>;

/** A list of letters. */
export const LettersOut = z.object({ items: z.array(LetterOut) });
export type LettersOut = z.infer<typeof LettersOut>;

/** GET /api/v1/outbox/print.pdf: the day whose approved print letters make the batch. */
export const PrintBatchQuery = z.strictObject({ date: DateOnly });
