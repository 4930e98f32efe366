/**
 * Every recognizer the engine runs, in the order it runs them. Each proposes spans on its own;
 * `resolve.ts` settles overlaps, and this order only breaks a tie between two proposals of the
 * same kind and extent (the earlier recognizer's replacement stands). A new recognizer is one
 * file under `recognizers/` and one line here (docs/redaction.md "Recognizers").
 */
import type { Recognizer } from './kinds.ts';
import { caseNames } from './recognizers/case-names.ts';
import { cuedAddress } from './recognizers/cued-address.ts';
import { dateOfBirth } from './recognizers/date-of-birth.ts';
import { email } from './recognizers/email.ts';
import { licencePlate } from './recognizers/licence-plate.ts';
import { personNames } from './recognizers/person-names.ts';
import { phone } from './recognizers/phone.ts';
import { recordNames } from './recognizers/record-names.ts';
import { reversedAddress } from './recognizers/reversed-address.ts';
import { shelterLocation } from './recognizers/shelter-location.ts';
import { streetAddress } from './recognizers/street-address.ts';
import { uncuedAddress } from './recognizers/uncued-address.ts';

export const RECOGNIZERS: readonly Recognizer[] = [
  shelterLocation,
  email,
  phone,
  dateOfBirth,
  licencePlate,
  streetAddress,
  cuedAddress,
  reversedAddress,
  uncuedAddress,
  caseNames,
  recordNames,
  personNames,
];

/** The recognizers whose spans the learned tagger must not rule out (`confirmedByModel`). */
export const MODEL_CONFIRMED = new Set(
  RECOGNIZERS.filter((r) => r.confirmedByModel === true).map((r) => r.id),
);
