/**
 * The calendar and time-zone arithmetic lives once in `src/shared/dates.ts`, where the web app
 * uses it too (issue 20 item 3). This re-export keeps the jurisdiction profiles and the importer
 * (changed by other work in the same session) compiling; new code imports `shared/dates.ts`.
 */
export * from '../../shared/dates.ts';
