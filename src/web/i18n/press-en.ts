/**
 * English messages of the press-inquiry log (issue 22 item 3), kept apart from the staff catalog
 * so parallel work merges cleanly. Spread into en.ts.
 */
export const pressEn = {
  'nav.press': 'Press',
  'press.title': 'Press inquiries',
  'press.intro':
    'Questions from reporters across the office, oldest first, with the deadline the office committed to. An answer is a published statement, or free text that a second person reviews before it counts. An answer never quotes what the public may not read of a case.',
  'press.showOpen': 'Open',
  'press.showAnswered': 'Answered',
  'press.noOpen': 'No open press inquiries.',
  'press.noAnswered': 'No answered press inquiries yet.',
  'press.log': 'Log a press inquiry',
  'press.reporter': 'Reporter',
  'press.respondBy': 'Committed to answer by',
  'press.respondByHint': 'The time the office told the reporter it would answer by.',
  'press.cases':
    'Cases it is about (log numbers, separated by spaces or commas; none for a general question)',
  'press.received': 'Received {when}',
  'press.waiting': 'waiting {days} d',
  'press.due': 'Answer by {when}',
  'press.noDeadline': 'No deadline committed',
  'press.overdue': 'Overdue',
  'press.otherCases': '{n} case(s) you may not open',
  'press.noCase': 'No case',
  'press.state.open': 'Open',
  'press.state.awaiting_review': 'Answer awaiting review',
  'press.state.answered': 'Answered',
  'press.answerStatement': 'Answer with statement ({language})',
  'press.answeredStatement': 'Answered with a published statement',
  'press.writeAnswer': 'Write an answer',
  'press.answerText': 'Answer (a second person reviews it before it is sent)',
  'press.sendForReview': 'Send for review',
  'press.writtenBy': 'Written by {name}',
  'press.reviewedBy': 'Reviewed by {name}',
  'press.answeredBy': 'Answered by {name}, {when}',
  'press.approve': 'Approve this answer',
  'press.ownAnswer': 'You wrote this answer: another person must review it.',
  'press.caseLink': 'All press inquiries',
  'dash.press': 'Press inquiries',
  'dash.pressCounts': '{open} open, {overdue} past the committed deadline.',
  'dash.pressOpen': 'Open the press log',
} as const;
