import { useEffect, useState } from 'react';
import { publicApi } from '../../api/public-client.ts';
import type { PublicOffice } from '../../api/public-client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The office's details, read once per page load: they change with the profile, not per page. */
let officeOnce: Promise<PublicOffice> | null = null;

function useOffice(): PublicOffice | null {
  const [office, setOffice] = useState<PublicOffice | null>(null);
  useEffect(() => {
    let live = true;
    officeOnce ??= publicApi.office();
    officeOnce.then(
      (o) => live && setOffice(o),
      () => {
        officeOnce = null; // try again on the next page
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return office;
}

/** "In an emergency, call 911", the number a link a phone can dial. */
function Emergency({ phone, className }: { phone: string; className: string }) {
  const { t } = useI18n();
  return (
    <p className={`text-bold ${className}`}>
      {t('pub.complaint.emergency')}{' '}
      <a className="usa-link" href={`tel:${phone}`}>
        {phone}
      </a>
      .
    </p>
  );
}

/** The emergency number where the form starts: the form is not for emergencies. */
export function EmergencyLine() {
  const office = useOffice();
  return office ? <Emergency phone={office.emergencyPhone} className="margin-y-2" /> : null;
}

/**
 * The office's own door on every public page (issue 23 item 10): address, phone and hours from
 * the jurisdiction profile (GET /api/public/v1/office), and the emergency number.
 */
export function OfficeContact() {
  const { t, bilingual } = useI18n();
  const office = useOffice();
  if (!office) {
    return null;
  }
  return (
    <section
      className="ovs-office margin-y-2"
      aria-labelledby="office-contact-title"
      data-testid="office-contact"
    >
      <h2 id="office-contact-title" className="font-sans-md margin-y-1">
        {t('pub.office.title', { name: bilingual(office.name, office.nameEs) })}
      </h2>
      <Emergency phone={office.emergencyPhone} className="margin-y-1" />
      <dl className="ovs-dl margin-y-1">
        <dt>{t('pub.office.phone')}</dt>
        <dd>
          <a className="usa-link" href={`tel:${office.phoneE164}`}>
            {office.phone}
          </a>
        </dd>
        <dt>{t('pub.office.address')}</dt>
        <dd>
          <address className="ovs-address">
            {office.address.map((line) => (
              <span key={line} className="display-block">
                {line}
              </span>
            ))}
          </address>
        </dd>
        <dt>{t('pub.office.hours')}</dt>
        <dd>{bilingual(office.hours, office.hoursEs)}</dd>
      </dl>
    </section>
  );
}
