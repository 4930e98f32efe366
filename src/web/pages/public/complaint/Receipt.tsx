import { useState } from 'react';
import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import type { ComplaintReceipt } from '../../../api/public-client.ts';
import { Link } from '../../../components/router.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** The one-time receipt: the confirmation number and passphrase are never shown again. */
export function Receipt({ receipt }: { receipt: ComplaintReceipt }) {
  const { t } = useI18n();
  usePageTitle(t('pub.receipt.title'));
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    const text = [
      `${t('pub.receipt.confirmation')}: ${receipt.confirmationNumber}`,
      `${t('pub.receipt.passphrase')}: ${receipt.passphrase}`,
      `${t('pub.receipt.logNumber')}: ${receipt.logNumber}`,
    ].join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <h1>{t('pub.receipt.title')}</h1>
      <Alert type="warning" headingLevel="h2" slim role="status">
        {t('pub.receipt.warning')}
      </Alert>
      <dl className="ovs-dl">
        <dt>{t('pub.receipt.confirmation')}</dt>
        <dd className="font-mono-lg text-bold" data-testid="confirmation-number">
          {receipt.confirmationNumber}
        </dd>
        <dt>{t('pub.receipt.passphrase')}</dt>
        <dd className="font-mono-lg text-bold" data-testid="passphrase">
          {receipt.passphrase}
        </dd>
        <dt>{t('pub.receipt.logNumber')}</dt>
        <dd data-testid="receipt-log-number">{receipt.logNumber}</dd>
        <dt>{t('pub.receipt.agency')}</dt>
        <dd data-testid="receipt-agency">{receipt.investigatingAgency}</dd>
      </dl>
      <ButtonGroup className="ovs-no-print">
        <Button type="button" outline onClick={() => void copy()}>
          {t('pub.receipt.copy')}
        </Button>
        <Button type="button" outline onClick={() => window.print()}>
          {t('pub.receipt.print')}
        </Button>
      </ButtonGroup>
      <p
        role="status"
        className="ovs-no-print"
        data-testid={copied === 'yes' ? 'copied' : undefined}
      >
        {copied === 'yes'
          ? t('pub.receipt.copied')
          : copied === 'failed'
            ? t('pub.receipt.copyFailed')
            : null}
      </p>
      <p lang={receipt.language} data-testid="acknowledgement" className="ovs-prewrap">
        {receipt.acknowledgement}
      </p>
      {receipt.receivesLetters ? null : (
        <Alert type="info" headingLevel="h2" slim data-testid="no-letters">
          {t('pub.receipt.noLetters')}
        </Alert>
      )}
      <p className="ovs-no-print">
        <Link to="/follow">{t('pub.receipt.follow')}</Link>
      </p>
    </>
  );
}
