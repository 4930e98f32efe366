import { useState } from 'react';
import { Button, Fieldset, TextInput } from '@trussworks/react-uswds';
import { api } from '../../../api/client.ts';
import { TextArea, TextField, binder } from '../../../components/form/fields.tsx';
import { Field, ProblemAlert } from '../../../components/problems.tsx';
import { rosterLine } from '../../../components/roster-line.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { officerLine, withDraftOfficer, type IntakeForm, type StepProps } from './intake-form.ts';

/** Step 4: the officers the complainant names, found in the roster or as given. */
export function OfficersStep({ form, update }: Omit<StepProps, 'fields'>) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Array<{ id: string; line: string; name: string }> | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const given = form.draftOfficer;
  const setGiven = (patch: Partial<IntakeForm['draftOfficer']>) =>
    update({ draftOfficer: { ...given, ...patch } });
  const bind = binder(
    given,
    setGiven,
    (k) => `officer-${k}`,
    (k) => `officer-${k}`,
  );
  const search = async () => {
    if (!q.trim()) {
      return;
    }
    try {
      const r = await api.searchMembers(q.trim());
      setResults(
        r.items.map((m) => ({
          id: m.id,
          line: rosterLine(t, m),
          name: `${m.firstName} ${m.lastName}`,
        })),
      );
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const addGiven = () => update(withDraftOfficer(form));
  return (
    <>
      <p>{t('intake.officerNote')}</p>
      <ProblemAlert error={error} />
      <Field id="member-q" label={t('intake.memberSearch')}>
        <div className="usa-search usa-search--small" role="search">
          <TextInput
            id="member-q"
            name="member-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
          />
          <Button type="button" onClick={() => void search()}>
            {t('common.search')}
          </Button>
        </div>
      </Field>
      {results ? (
        results.length === 0 ? (
          <p>{t('intake.memberNone')}</p>
        ) : (
          <ul className="usa-list" aria-live="polite" data-testid="member-results">
            {results.map((m) => (
              <li key={m.id}>
                {m.line}{' '}
                <Button
                  type="button"
                  unstyled
                  disabled={form.officers.some((x) => x.memberId === m.id)}
                  onClick={() =>
                    update({
                      officers: [
                        ...form.officers,
                        { memberId: m.id, roster: m.line, name: '', star: '', description: '' },
                      ],
                    })
                  }
                >
                  {t('intake.memberAdd', { name: m.name })}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <Fieldset legend={t('intake.officer.given')} className="margin-top-3">
        <p className="usa-hint">{t('intake.officer.givenHint')}</p>
        <TextField {...bind.text('name')} label={t('intake.officer.name')} optional />
        <TextField
          {...bind.text('star')}
          inputMode="numeric"
          label={t('intake.officer.starLabel')}
          optional
        />
        <TextArea
          {...bind.text('description')}
          label={t('intake.officer.description')}
          hint={t('intake.officer.descriptionHint')}
          optional
        />
        <Button
          type="button"
          outline
          className="margin-top-2"
          disabled={withDraftOfficer(form) === form}
          onClick={addGiven}
        >
          {t('intake.officer.addGiven')}
        </Button>
      </Fieldset>
      <h3>{t('intake.officers')}</h3>
      {form.officers.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul className="usa-list" data-testid="chosen-officers">
          {form.officers.map((o, i) => (
            <li key={i}>
              {officerLine(t, o)}{' '}
              <Button
                type="button"
                unstyled
                onClick={() => update({ officers: form.officers.filter((_, j) => j !== i) })}
              >
                {t('intake.officer.remove', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
