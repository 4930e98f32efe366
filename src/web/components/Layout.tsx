import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  GridContainer,
  Header,
  NavCloseButton,
  NavList,
  NavMenuButton,
  Title,
} from '@trussworks/react-uswds';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from './router.tsx';

/** The button that switches the interface between English and Spanish. */
export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'en' ? 'es' : 'en';
  return (
    <button
      type="button"
      className="usa-button usa-button--outline usa-button--unstyled ovs-lang-toggle"
      lang={other}
      aria-label={t('lang.switchLabel')}
      data-testid="language-toggle"
      onClick={() => setLang(other)}
    >
      {t('lang.switchTo')}
    </button>
  );
}

/**
 * The page frame shared by the staff app and the public portal: skip link, USWDS header with
 * navigation and the language switch, `<main>`, footer.
 */
export function Layout({
  title,
  homeHref,
  navItems,
  extra,
  footerLinks,
  footerContact,
  wideHeader = false,
  children,
}: {
  title: string;
  homeHref: string;
  navItems: ReactNode[];
  extra?: ReactNode;
  footerLinks: ReactNode;
  /** How to reach the office, above the footer's links (the public portal). */
  footerContact?: ReactNode;
  /**
   * The header takes the window's width on desktop and its items do not break (the staff app's
   * navigation, account links and language switch need more than the 64rem column at 1366 px).
   */
  wideHeader?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        {t('app.skip')}
      </a>
      <Header
        basic
        showMobileOverlay={expanded}
        {...(wideHeader ? { className: 'ovs-header--wide' } : {})}
      >
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <Link to={homeHref} className="usa-link text-no-underline text-ink">
                {title}
              </Link>
            </Title>
            <NavMenuButton onClick={() => setExpanded((v) => !v)} label={t('nav.menu')} />
          </div>
          {/* PrimaryNav's markup with the close button named in the interface language: the
              component labels it "Close Navigation Menu" in English only (issue 23 item 12) */}
          <nav
            className={`usa-nav${expanded ? ' is-visible' : ''}`}
            aria-label={t('nav.primary')}
            onClick={() => setExpanded(false)}
          >
            <NavCloseButton onClick={() => setExpanded(false)} aria-label={t('nav.closeMenu')} />
            <NavList items={navItems} type="primary" />
            <div className="display-flex flex-align-center margin-top-1 ovs-nav-extra">
              {extra}
              <LanguageToggle />
            </div>
          </nav>
        </div>
      </Header>
      <main id="main-content" className="ovs-main" tabIndex={-1}>
        <GridContainer>{children}</GridContainer>
      </main>
      <footer className="usa-footer usa-footer--slim">
        <GridContainer className="usa-footer__return-to-top">
          <a href="#main-content" className="usa-link">
            {t('footer.top')}
          </a>
        </GridContainer>
        <div className="usa-footer__primary-section">
          <GridContainer>
            {footerContact}
            <p className="margin-y-1">{t('footer.about')}</p>
            <p className="margin-y-1">{footerLinks}</p>
          </GridContainer>
        </div>
      </footer>
    </>
  );
}
