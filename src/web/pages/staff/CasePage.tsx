import { Tag } from '@trussworks/react-uswds';
import type { ComponentType } from 'react';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Agencies } from './case/agencies/Agencies.tsx';
import { Allegations } from './case/allegations/Allegations.tsx';
import { Assignments } from './case/assignments/Assignments.tsx';
import { Deadlines } from './case/deadlines/Deadlines.tsx';
import { DutyStatus } from './case/duty-status/DutyStatus.tsx';
import { FromComplainant } from './case/from-complainant/FromComplainant.tsx';
import { CaseLetters } from './case/letters/CaseLetters.tsx';
import { Parties } from './case/parties/Parties.tsx';
import { PressInquiries } from './case/press/PressInquiries.tsx';
import { ReportedOfficers } from './case/reported-officers/ReportedOfficers.tsx';
import { caseCtx, type CaseCtx } from './case/section.tsx';
import { SourceHistory } from './case/source-history/SourceHistory.tsx';
import { Stage } from './case/stage/Stage.tsx';
import { Statements } from './case/statements/Statements.tsx';
import { Summary } from './case/summary/Summary.tsx';
import { Timeline } from './case/timeline/Timeline.tsx';

/** The letters section, shown in the full view of a case only. */
function FullViewLetters(ctx: CaseCtx) {
  return ctx.c.view === 'full' ? <CaseLetters {...ctx} /> : null;
}

/** The case page's sections, in page order; each decides what of it the case's abilities show. */
const SECTIONS: ReadonlyArray<ComponentType<CaseCtx>> = [
  Summary,
  Stage,
  Timeline,
  Parties,
  FromComplainant,
  SourceHistory,
  ReportedOfficers,
  Allegations,
  DutyStatus,
  Agencies,
  Assignments,
  Deadlines,
  FullViewLetters,
  Statements,
  PressInquiries,
];

/**
 * One case with every section (each in its folder under `case/`); action forms appear only for
 * abilities the server grants.
 */
export function CasePage({ logNumber }: { logNumber: string }) {
  const { t } = useI18n();
  usePageTitle(t('case.title', { logNumber }));
  const { data: c, error, reload } = useLoad(() => api.getCase(logNumber), [logNumber]);
  if (!c) {
    return (
      <>
        <h1>{t('case.title', { logNumber })}</h1>
        {error ? <ProblemAlert error={error} /> : <p>{t('app.loading')}</p>}
      </>
    );
  }
  const ctx = caseCtx(c, reload);
  return (
    <>
      <h1 data-testid="case-title">
        {t('case.title', { logNumber: c.logNumber })}{' '}
        {c.restricted ? <Tag className="bg-secondary-dark">{t('case.restricted')}</Tag> : null}
      </h1>
      <ProblemAlert error={error} onReload={() => void reload()} />
      {SECTIONS.map((Section, i) => (
        <Section key={i} {...ctx} />
      ))}
    </>
  );
}
