import { Card, CardBody, CardGroup, CardHeader } from '@trussworks/react-uswds';
import type { ComponentType } from 'react';
import { Layout } from '../../components/Layout.tsx';
import { Link, pageFor, useLocation, type NamedPages } from '../../components/router.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { CaseListPage, PublicCasePage } from './CasesPage.tsx';
import { ComplaintPage } from './ComplaintPage.tsx';
import { FollowPage } from './FollowPage.tsx';
import { OfficeContact } from './OfficeContact.tsx';
import { OpenDataPage } from './OpenDataPage.tsx';
import { StatementsPage } from './StatementsPage.tsx';
import { StatisticsPage } from './StatisticsPage.tsx';

/** The public pages another piece of work fills in; the home page links to each. */
const PUBLIC_PAGES: ReadonlyArray<{ href: string; key: MessageKey; desc: MessageKey }> = [
  { href: '/complaint', key: 'public.link.complaint', desc: 'public.link.complaint.desc' },
  { href: '/follow', key: 'public.link.follow', desc: 'public.link.follow.desc' },
  { href: '/cases', key: 'public.link.cases', desc: 'public.link.cases.desc' },
  { href: '/statistics', key: 'public.link.stats', desc: 'public.link.stats.desc' },
  { href: '/statements', key: 'public.link.statements', desc: 'public.link.statements.desc' },
  { href: '/open-data', key: 'public.link.openData', desc: 'public.link.openData.desc' },
];

function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('public.home.title')} intro={t('public.home.intro')} />
      <h2>{t('public.home.links')}</h2>
      <CardGroup>
        {PUBLIC_PAGES.map((p) => (
          <Card key={p.href} gridLayout={{ tablet: { col: 4 } }}>
            <CardHeader>
              <h3 className="usa-card__heading">
                <Link to={p.href}>{t(p.key)}</Link>
              </h3>
            </CardHeader>
            <CardBody>
              <p>{t(p.desc)}</p>
            </CardBody>
          </Card>
        ))}
      </CardGroup>
    </>
  );
}

function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('public.notFound.title')} />
      <p>{t('public.notFound.body')}</p>
      <p>
        <Link to="/">{t('public.home.link')}</Link>
      </p>
    </>
  );
}

/** The page at each path (the home page, and each of `PUBLIC_PAGES`). */
const PAGE_AT: Readonly<Record<string, ComponentType>> = {
  '/': HomePage,
  '/complaint': ComplaintPage,
  '/follow': FollowPage,
  '/cases': CaseListPage,
  '/statistics': StatisticsPage,
  '/statements': StatementsPage,
  '/open-data': OpenDataPage,
};

/** The pages that name a record: a published case by its log number. */
const NAMED: NamedPages = [
  [/^\/cases\/([^/]+)$/, (log) => <PublicCasePage key={log} logNumber={log} />],
];

/** The page for a path (the public portal has no nested routes beyond a case's log number). */
function publicPage(pathname: string) {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  return pageFor(path, PAGE_AT, NAMED, {}, NotFoundPage);
}

/** The public portal shell: header, language switch, footer, and the page for the path. */
export function PublicApp() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  // every section, on a phone's menu as on the desktop bar (issue 23 item 10)
  const navItems = PUBLIC_PAGES.map((p) => (
    <Link key={p.href} to={p.href} className="usa-nav-link">
      <span>{t(p.key)}</span>
    </Link>
  ));
  return (
    <Layout
      title={t('app.name')}
      homeHref="/"
      navItems={navItems}
      footerContact={<OfficeContact />}
      footerLinks={
        <>
          <Link to="/open-data">{t('public.link.openData')}</Link>
          {' · '}
          <Link to="/statements">{t('public.link.statements')}</Link>
          {' · '}
          <a className="usa-link" href="/staff/">
            {t('footer.staff')}
          </a>
        </>
      }
    >
      {publicPage(pathname)}
    </Layout>
  );
}
