import { useEffect, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import { Alert, Button } from '@trussworks/react-uswds';
import { api, onSessionLost, type Session } from '../../api/client.ts';
import { Layout } from '../../components/Layout.tsx';
import { Link, navigate, pageFor, useLocation, type NamedPages } from '../../components/router.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SessionContext } from './session.tsx';
import { SignInForm } from './SignInForm.tsx';
import { OrganizationSignIn } from './OrganizationSignIn.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { IntakePage } from './IntakePage.tsx';
import { QueuePage } from './QueuePage.tsx';
import { CasePage } from './CasePage.tsx';
import { MembersPage, MemberPage } from './MemberPages.tsx';
import { FacilitiesPage } from './FacilitiesPage.tsx';
import { EIS_READER_ROLES, EisAlertsPage } from './EisAlertsPage.tsx';
import { EisBacktestPage } from './EisBacktestPage.tsx';
import { SessionsPage } from './SessionsPage.tsx';
import { NarrativeQueuePage, NarrativeReviewPage } from './NarrativeReviewPages.tsx';
import { OutboxPage } from './OutboxPage.tsx';
import { PressPage } from './press/PressPage.tsx';
import { OfficeStatementsPage } from './OfficeStatementsPage.tsx';
import { PolicyRecommendationsPage, ReportsPage } from './ReportPages.tsx';
import { useSession } from './session.tsx';

const DEMO_PASSWORD = 'oversight-demo';
/** Roles the server lets read the reports (GLOBAL_GRANTS report.read); it checks again. */
const REPORT_ROLES: readonly string[] = [
  'supervisor',
  'chief_administrator',
  'public_information',
  'analyst',
  'auditor',
];

type State =
  | { kind: 'loading' }
  | { kind: 'signedOut'; notice?: string }
  | { kind: 'signedIn'; session: Session };

function SignInPage({ onSignedIn, notice }: { onSignedIn: (s: Session) => void; notice?: string }) {
  const { t } = useI18n();
  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <PageHeading title={t('signIn.title')} />
        {notice ? (
          <Alert type="info" headingLevel="h2" slim>
            {notice}
          </Alert>
        ) : null}
        <p>{t('signIn.intro')}</p>
        <SignInForm onSignedIn={onSignedIn} />
        <OrganizationSignIn />
        <p className="usa-hint margin-top-3">
          {t('signIn.demo', {
            password: DEMO_PASSWORD,
            email: 'chief@copa.example',
            newcomer: 'newcomer@copa.example',
          })}
        </p>
      </div>
    </div>
  );
}

/** Shown above the page when the session ends mid-work; the page stays mounted, input kept. */
function SessionLostPanel({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="session-lost-heading"
      className="usa-alert usa-alert--warning margin-y-3"
      data-testid="session-lost"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="session-lost-heading">
          {t('session.lost.title')}
        </h2>
        <p className="usa-alert__text">{t('session.lost.body')}</p>
        <SignInForm onSignedIn={onSignedIn} idPrefix="resume" />
      </div>
    </section>
  );
}

/** What a staff page may be given: the query string, and the signed-in user's roles. */
interface PageProps {
  search: string;
  roles: readonly string[];
}

/** The staff pages at a fixed path. */
const PAGE_AT: Readonly<Record<string, ComponentType<PageProps>>> = {
  '': DashboardPage,
  '/staff': DashboardPage,
  '/staff/intake': IntakePage,
  '/staff/cases': QueuePage,
  '/staff/narratives': NarrativeQueuePage,
  '/staff/press': PressPage,
  '/staff/outbox': OutboxPage,
  '/staff/statements': OfficeStatementsPage,
  '/staff/members': MembersPage,
  '/staff/facilities': FacilitiesPage,
  '/staff/alerts': EisAlertsPage,
  '/staff/alerts/backtest': EisBacktestPage,
  '/staff/sessions': SessionsPage,
  '/staff/reports': ReportsPage,
  '/staff/policy-recommendations': ({ roles }) => (
    <PolicyRecommendationsPage canManage={roles.includes('chief_administrator')} />
  ),
};

/** The staff pages that name a record: a case, its narrative review, a member. */
const NAMED: NamedPages = [
  [
    /^\/staff\/cases\/([^/]+)\/narrative$/,
    (log) => <NarrativeReviewPage key={log} logNumber={log} />,
  ],
  [/^\/staff\/cases\/([^/]+)$/, (log) => <CasePage key={log} logNumber={log} />],
  [/^\/staff\/members\/([^/]+)$/, (id) => <MemberPage key={id} id={id} />],
];

function StaffRoutes() {
  const { pathname, search } = useLocation();
  const { roles } = useSession().user;
  return pageFor(pathname.replace(/\/+$/, ''), PAGE_AT, NAMED, { search, roles }, NotFound);
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('public.notFound.title')} />
      <Link to="/staff/">{t('nav.dashboard')}</Link>
    </>
  );
}

/** The staff application: session check, sign-in, navigation and the page for the path. */
export function StaffApp() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [lost, setLost] = useState(false);
  const { pathname } = useLocation();

  useEffect(() => {
    api
      .session()
      .then((session) => setState({ kind: 'signedIn', session }))
      .catch(() => setState({ kind: 'signedOut' }));
  }, []);
  useEffect(() => onSessionLost(() => setLost(true)), []);

  const signedIn = (session: Session) => {
    setLost(false);
    setState({ kind: 'signedIn', session });
  };
  const signOut = async () => {
    try {
      await api.signOut();
    } finally {
      setState({ kind: 'signedOut', notice: t('session.signedOut') });
      navigate('/staff/');
    }
  };

  const navItems =
    state.kind === 'signedIn'
      ? [
          ['/staff/', 'nav.dashboard'],
          ['/staff/intake', 'nav.intake'],
          ['/staff/cases', 'nav.cases'],
          ['/staff/members', 'nav.members'],
          ['/staff/facilities', 'nav.facilities'],
          // those who approve published narratives (the server checks again)
          ...(state.session.user.roles.some(
            (r) => r === 'public_information' || r === 'chief_administrator',
          )
            ? [
                ['/staff/narratives', 'nav.narratives'],
                // the press-inquiry log: GLOBAL_GRANTS press_inquiry.read
                ['/staff/press', 'nav.press'],
                // what the office says publicly: drafting, review, publishing (issue 22 item 2)
                ['/staff/statements', 'nav.statements'],
              ]
            : []),
          // those who approve letters watch the outbox (the server checks again)
          ...(state.session.user.roles.some(
            (r) => r === 'supervisor' || r === 'chief_administrator',
          )
            ? [['/staff/outbox', 'nav.outbox']]
            : []),
          // the early-intervention queue: readEis in the authorization table (checked again there)
          ...(state.session.user.roles.some((r) => EIS_READER_ROLES.includes(r))
            ? [['/staff/alerts', 'nav.alerts']]
            : []),
          // the statutory reports and the recommendations they list (the server checks again)
          ...(state.session.user.roles.some((r) => REPORT_ROLES.includes(r))
            ? [
                ['/staff/reports', 'nav.reports'],
                ['/staff/policy-recommendations', 'nav.policy'],
              ]
            : []),
        ].map(([href, key]) => (
          <Link
            key={href}
            to={href!}
            className={`usa-nav-link${
              (
                href === '/staff/'
                  ? pathname === '/staff/' || pathname === '/staff'
                  : pathname.startsWith(href!)
              )
                ? ' usa-current'
                : ''
            }`}
          >
            <span>{t(key as 'nav.dashboard')}</span>
          </Link>
        ))
      : [];
  const extra =
    state.kind === 'signedIn' ? (
      <>
        <span className="margin-right-2 font-sans-2xs ovs-signed-in" data-testid="signed-in-as">
          {t('nav.signedInAs', {
            name: state.session.user.displayName,
            agency: state.session.user.agency,
          })}
        </span>
        <Link
          to="/staff/sessions"
          className="margin-right-2 font-sans-2xs"
          data-testid="nav-sessions"
        >
          {t('nav.sessions')}
        </Link>
        <Button
          type="button"
          unstyled
          className="margin-right-2"
          onClick={() => void signOut()}
          data-testid="sign-out"
        >
          {t('nav.signOut')}
        </Button>
      </>
    ) : null;

  return (
    <Layout
      title={t('app.staffName')}
      homeHref="/staff/"
      navItems={navItems}
      extra={extra}
      wideHeader
      footerLinks={
        <a className="usa-link" href="/">
          {t('footer.public')}
        </a>
      }
    >
      {state.kind === 'loading' ? <p>{t('app.loading')}</p> : null}
      {state.kind === 'signedOut' ? (
        <SignInPage onSignedIn={signedIn} {...(state.notice ? { notice: state.notice } : {})} />
      ) : null}
      {state.kind === 'signedIn' ? (
        <SessionContext.Provider value={state.session}>
          {lost ? <SessionLostPanel onSignedIn={signedIn} /> : null}
          <StaffRoutes />
        </SessionContext.Provider>
      ) : null}
    </Layout>
  );
}
