import { z } from 'zod';
import { LogNumber, Uuid } from '../schemas/common.ts';

/** The path parameters of a case (`/cases/:logNumber`). */
export const CaseParams = z.strictObject({ logNumber: LogNumber });
/** The path parameters of a thing known by its id (`/…/:id`). */
export const IdParams = z.strictObject({ id: Uuid });
/** The path parameters of a thing of a case (`/cases/:logNumber/…/:id`). */
export const CaseItemParams = z.strictObject({ logNumber: LogNumber, id: Uuid });
/** The answer of a write that made one thing: its id. */
export const Created = z.object({ id: Uuid });
