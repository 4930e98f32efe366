import type { z } from 'zod';
import type { PublicOfficeResponse } from '../../../shared/schemas/public.ts';
import type { OfficeContact } from '../../domain/profiles/profile.ts';

/** The office's contact details from the profile, field by field, each language beside. */
export function presentOffice(o: OfficeContact): z.output<typeof PublicOfficeResponse> {
  return {
    name: o.name.en,
    nameEs: o.name.es,
    address: [...o.address],
    phone: o.phone,
    phoneE164: o.phoneE164,
    hours: o.hours.en,
    hoursEs: o.hours.es,
    emergencyPhone: o.emergencyPhone,
    source: o.source,
  };
}
