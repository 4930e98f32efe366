import { z } from 'zod';
import {
  ComplaintAdditionRequest,
  ComplaintAdditionResponse,
  ComplaintLookupRequest,
  ComplaintLookupResponse,
  ExportDictionaryResponse,
  PublicCaseListQuery,
  PublicCaseListResponse,
  PublicCaseOut,
  PublicComplaintRequest,
  PublicComplaintResponse,
  PublicOfficeResponse,
  PublicStatementsQuery,
  PublicStatementsResponse,
  PublicStatsQuery,
  PublicStatsResponse,
} from '../schemas/public.ts';
import { LogNumber } from '../schemas/common.ts';
import { get, post } from './endpoint.ts';

/**
 * The public door's JSON endpoints (`/api/public/v1`; PRODUCT.md §5 public paths): every answer
 * is an allowlist schema of shared/schemas/public.ts. The Atom feed and the open-data files are
 * documents a browser follows by link, declared with their routes.
 */
export const publicApi = {
  fileComplaint: post(
    '/complaints',
    'File a complaint (no sign-in); answers the confirmation number and passphrase once',
    { body: PublicComplaintRequest, response: { 201: PublicComplaintResponse } },
  ),
  /** The confirmation number and passphrase travel in the body, never in a URL. */
  lookup: post(
    '/complaints/lookup',
    'Follow a complaint: confirmation number and passphrase in the body, never the URL',
    { body: ComplaintLookupRequest, response: { 200: ComplaintLookupResponse } },
  ),
  addInformation: post(
    '/complaints/information',
    'Add information to a complaint (confirmation number and passphrase in the body)',
    { body: ComplaintAdditionRequest, response: { 201: ComplaintAdditionResponse } },
  ),
  office: get('/office', "The office's own address, phone, hours and the emergency number", {
    response: { 200: PublicOfficeResponse },
  }),
  cases: get(
    '/cases',
    'Portal: list and search public cases (COPA cases in full; restricted: category and status; BIA-only: status)',
    { querystring: PublicCaseListQuery, response: { 200: PublicCaseListResponse } },
  ),
  getCase: get(
    '/cases/:logNumber',
    'Portal: one case, public fields only, narrative redacted with each basis',
    { params: z.strictObject({ logNumber: LogNumber }), response: { 200: PublicCaseOut } },
  ),
  stats: get(
    '/stats',
    'Aggregate statistics; cells under the threshold suppressed (no differencing)',
    { querystring: PublicStatsQuery, response: { 200: PublicStatsResponse } },
  ),
  statements: get('/statements', 'Published public statements (English and Spanish)', {
    querystring: PublicStatementsQuery,
    response: { 200: PublicStatementsResponse },
  }),
  dictionary: get('/export/dictionary', 'The open-data columns and what they mean', {
    response: { 200: ExportDictionaryResponse },
  }),
};
