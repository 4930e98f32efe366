import { api, type Case } from '../../../../api/client.ts';
import { Options, SelectField } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

type Agency = string;

/**
 * The jurisdiction's investigating agencies as the server lists them with the case (from its
 * profile), those not yet leading the case first: the usual addition is the other agency, in
 * parallel or by referral.
 */
export function agencyChoices(c: Case): Agency[] {
  const all = c.investigatingAgencies;
  return [...all.filter((a) => a !== c.leadAgency), ...all.filter((a) => a === c.leadAgency)];
}

const TRACKS = ['criminal', 'administrative'] as const;
const ROLES = ['parallel', 'referred'] as const;

/** Every agency on the case with its track and role; a form to add one. */
export function Agencies(ctx: CaseCtx) {
  const { c } = ctx;
  const { t, label, date } = useI18n();
  const choices = agencyChoices(c);
  const { values: f, field } = useFields<{
    agency: Agency;
    track: (typeof TRACKS)[number];
    role: (typeof ROLES)[number];
  }>({ agency: choices[0]!, track: TRACKS[0], role: ROLES[0] }, 'ag');
  const send = () =>
    api.addAgency(c.logNumber, {
      agency: f.agency,
      track: f.track,
      role: f.role,
    });
  return (
    <Section id="agencies" title={t('case.agencies')}>
      <ul className="usa-list" data-testid="agencies">
        {c.agencies.map((a) => (
          <li key={`${a.agency}-${a.track}-${a.role}`}>
            {a.agency} — {label('track', a.track)}, {label('agencyRole', a.role)} ({date(a.addedAt)}
            )
          </li>
        ))}
      </ul>

      <CaseForm {...ctx} form="agency" onSubmit={send}>
        {(e) => (
          <>
            <SelectField label={t('action.agency')} {...field(e, 'agency')}>
              {choices.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('action.track')} {...field(e, 'track')}>
              <Options values={TRACKS} labelOf={(x) => label('track', x)} />
            </SelectField>
            <SelectField label={t('action.role')} {...field(e, 'role')}>
              <Options values={ROLES} labelOf={(x) => label('agencyRole', x)} />
            </SelectField>
          </>
        )}
      </CaseForm>
    </Section>
  );
}
