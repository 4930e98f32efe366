import type { z } from 'zod';
import type { Problem } from '../../shared/schemas/common.ts';
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
import { ApiError } from './client.ts';

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

/** A public call: no cookie, no CSRF token (the public door needs neither). */
async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      credentials: 'omit',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = (data ?? {}) as Partial<Problem>;
    throw new ApiError(res.status, p.code ?? 'error', p.detail ?? res.statusText, p.errors ?? []);
  }
  return data as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

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
