import { publicApi as door } from '../../shared/api/public.ts';
import type { AnswerOf, BodyOf, QueryOf } from '../../shared/api/endpoint.ts';
import { caller } from './http.ts';

export type ComplaintBody = BodyOf<typeof door.fileComplaint>;
export type ComplaintReceipt = AnswerOf<typeof door.fileComplaint>;
export type ComplaintStatus = AnswerOf<typeof door.lookup>;
export type PublicCaseList = AnswerOf<typeof door.cases>;
export type PublicCase = AnswerOf<typeof door.getCase>;
export type PublicStats = AnswerOf<typeof door.stats>;
export type ExportDictionary = AnswerOf<typeof door.dictionary>;
export type PublicStatements = AnswerOf<typeof door.statements>;
export type PublicOffice = AnswerOf<typeof door.office>;
export type PublicCaseQuery = QueryOf<typeof door.cases>;

type Filter = Record<string, string | number | undefined>;

/** The public door: no cookie, no CSRF token (it needs neither). */
const call = caller({ credentials: 'omit' }, '/api/public/v1');

/** The public API (`/api/public/v1`), called from the endpoints the server serves (shared/api). */
export const publicApi = {
  fileComplaint: (body: ComplaintBody) => call(door.fileComplaint, { body }),
  /** The office's own address, phone, hours and emergency number (jurisdiction profile). */
  office: () => call(door.office),
  /** The confirmation number and passphrase travel in the body, never in a URL. */
  lookup: (confirmationNumber: string, passphrase: string) =>
    call(door.lookup, { body: { confirmationNumber, passphrase } }),
  addInformation: (confirmationNumber: string, passphrase: string, text: string) =>
    call(door.addInformation, { body: { confirmationNumber, passphrase, text } }),
  cases: (query: PublicCaseQuery) => call(door.cases, { query }),
  getCase: (logNumber: string) => call(door.getCase, { params: { logNumber } }),
  // the pages' filters, read from the address bar: the server checks them
  stats: (query: Filter) => call(door.stats, { query }),
  statements: (query: Filter) => call(door.statements, { query }),
  dictionary: () => call(door.dictionary),
};
