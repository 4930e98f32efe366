/*
 * Whether the office can write to a complainant: one rule for the server (the receipt and the
 * follow page's clocks, domain/public-complaint.ts) and the form (which language question to ask
 * before anything is sent). Pure, no imports.
 */

/** A party as far as letters go: its role and the contact details the case holds for it. */
export interface LetterContact {
  role: string;
  email?: string | null | undefined;
  address?: string | null | undefined;
}

/**
 * Whether the office can write to the complainant: the case holds an email or a postal address
 * for the complainant, or for the intermediary who filed for them (consented to receive news for
 * them). A phone number is not enough: a letter is written (MCC 2-78-120 and COPA's Rules call for
 * an acknowledgement *letter*), and an anonymous complaint (50 ILCS 725/3.8(b)) holds no address.
 * Where this is false nobody may promise a letter: news is on the follow-my-complaint page.
 */
export function receivesLetters(parties: readonly LetterContact[]): boolean {
  const given = (v: string | null | undefined): boolean => (v ?? '').trim() !== '';
  return parties.some(
    (p) =>
      (p.role === 'complainant' || p.role === 'intermediary') &&
      (given(p.email) || given(p.address)),
  );
}
