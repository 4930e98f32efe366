import type { z } from 'zod';

/**
 * What a presenter gives: what the response schema of its route takes (the route's serializer
 * parses it on the way out, so a presenter may give dates as strings the schema accepts).
 */
export type Presented<T extends z.ZodType> = z.input<T>;
