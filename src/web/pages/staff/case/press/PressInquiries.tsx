import { api } from '../../../../api/client.ts';
import { Link } from '../../../../components/router.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { PressInquiryItem } from '../../press/PressInquiryItem.tsx';
import { PressInquiryFields, usePressInquiryFields } from '../../press/PressInquiryFields.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/**
 * The press inquiries about this case (an inquiry may be about other cases too), each answered
 * with a published statement of the case or in free text reviewed on the press page.
 */
export function PressInquiries(ctx: CaseCtx) {
  const { c, reload, can } = ctx;
  const { t } = useI18n();
  const { bind, reset, body } = usePressInquiryFields('pr');
  if (!c.pressInquiries) {
    return null;
  }
  const published = c.statements.filter((s) => s.status === 'published');
  const speaks = can('case.log_press_inquiry');
  return (
    <Section id="press" title={t('case.pressInquiries')}>
      {c.pressInquiries.length === 0 ? <p>{t('case.noPress')}</p> : null}
      <ul className="usa-list usa-list--unstyled">
        {c.pressInquiries.map((p) => (
          <PressInquiryItem
            key={p.id}
            p={p}
            statements={published}
            canAnswer={speaks}
            // reviewing is the press page's, beside the other answers awaiting review
            canReview={false}
            meId=""
            onChange={reload}
          />
        ))}
      </ul>
      {speaks ? <Link to="/staff/press">{t('press.caseLink')}</Link> : null}

      <CaseForm
        {...ctx}
        form="press"
        onSubmit={() => api.logPressInquiry(c.logNumber, body())}
        reset={reset}
      >
        {(e) => <PressInquiryFields bind={bind} errors={e} idPrefix="pr" />}
      </CaseForm>
    </Section>
  );
}
