import { expect } from 'vitest';

/*
 * The shelter story's leak list (issue 22): shared by the integration tests of the public answer
 * and the browser journey of the day the story runs (e2e/press-day.e2e.ts), which imports it
 * without the integration kit's server.
 */

/**
 * Every name, star, unit and rank of the case's people, the civilians' details, the story's
 * places and the dates of its events (received, canvasses): none may be in a public answer.
 */
export const LEAKS: Array<string | RegExp> = [
  'Kowalczyk',
  'Whitfield',
  'Roster',
  'Demo',
  '10231',
  '11872',
  '12990',
  /"0[12]0"/,
  'Police Officer',
  'Sergeant',
  'Larry',
  'Snelling',
  'Volunteer Vee',
  '312-555-0142',
  'Lobby Volunteers',
  'Seriousness',
  /lobby/i,
  // the story's words for the place (the statistics' `casesAtShelterSites` is a field name)
  /shelter (volunteer|site|canvass)|side shelter/i,
  'Ogden',
  '3315',
  'D010',
  '10th District',
  'Near West Side',
  'sexual contact',
  'failure to intervene',
  'minor',
  '@',
  '2023-09-18',
  '2023-09-20',
  '2023-09-22',
];

export function expectNoLeak(body: string): void {
  for (const leak of LEAKS) {
    if (typeof leak === 'string') {
      expect(body, String(leak)).not.toContain(leak);
    } else {
      expect(body, String(leak)).not.toMatch(leak);
    }
  }
}
