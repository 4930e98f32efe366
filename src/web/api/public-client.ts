import type { z } from 'zod';
import type {
  ComplaintAdditionResponse,
  ComplaintLookupResponse,
  ExportDictionaryResponse,
  PublicCaseListQuery,
  PublicCaseListResponse,
  PublicCaseOut,
  PublicComplaintRequest,
  PublicComplaintResponse,
  PublicOfficeResponse,
  PublicStatementsResponse,
  PublicStatsResponse,
} from '../../shared/schemas/public.ts';
import { query, request, type Door } from './http.ts';

type Out<T extends z.ZodType> = z.output<T>;
export type ComplaintBody = z.input<typeof PublicComplaintRequest>;
export type ComplaintReceipt = Out<typeof PublicComplaintResponse>;
export type ComplaintStatus = Out<typeof ComplaintLookupResponse>;
export type PublicCaseList = Out<typeof PublicCaseListResponse>;
export type PublicCase = Out<typeof PublicCaseOut>;
export type PublicStats = Out<typeof PublicStatsResponse>;
export type ExportDictionary = Out<typeof ExportDictionaryResponse>;
export type PublicStatements = Out<typeof PublicStatementsResponse>;
export type PublicOffice = Out<typeof PublicOfficeResponse>;
export type PublicCaseQuery = Partial<z.input<typeof PublicCaseListQuery>>;

const BASE = '/api/public/v1';

/** The public door: no cookie, no CSRF token (it needs neither). */
const publicDoor: Door = { credentials: 'omit' };

const call = <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> =>
  request<T>(publicDoor, method, `${BASE}${path}`, body);

/** The public API (`/api/public/v1`), typed by the shared zod schemas. */
export const publicApi = {
  fileComplaint: (body: ComplaintBody) => call<ComplaintReceipt>('POST', '/complaints', body),
  /** The office's own address, phone, hours and emergency number (jurisdiction profile). */
  office: () => call<PublicOffice>('GET', '/office'),
  /** The confirmation number and passphrase travel in the body, never in a URL. */
  lookup: (confirmationNumber: string, passphrase: string) =>
    call<ComplaintStatus>('POST', '/complaints/lookup', { confirmationNumber, passphrase }),
  addInformation: (confirmationNumber: string, passphrase: string, text: string) =>
    call<Out<typeof ComplaintAdditionResponse>>('POST', '/complaints/information', {
      confirmationNumber,
      passphrase,
      text,
    }),
  cases: (q: PublicCaseQuery) =>
    call<PublicCaseList>('GET', `/cases${query(q as Record<string, string>)}`),
  getCase: (logNumber: string) =>
    call<PublicCase>('GET', `/cases/${encodeURIComponent(logNumber)}`),
  stats: (q: Record<string, string | number | undefined>) =>
    call<PublicStats>('GET', `/stats${query(q)}`),
  statements: (q: Record<string, string | number | undefined>) =>
    call<PublicStatements>('GET', `/statements${query(q)}`),
  dictionary: () => call<ExportDictionary>('GET', '/export/dictionary'),
};
