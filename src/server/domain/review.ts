/**
 * The four-eyes rule for what the office says publicly (issue 22 items 2–3): a statement, or a
 * free-text answer to a press inquiry, is reviewed by a person other than its author before it
 * is published or sent. Returns the reason a review is refused, or null when it may proceed.
 */
export function reviewRefusal(authorId: string | null, reviewerId: string): string | null {
  if (authorId !== null && authorId === reviewerId) {
    return 'The reviewer must be a different person from the author.';
  }
  return null;
}
