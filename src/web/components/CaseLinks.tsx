import { Link } from './router.tsx';

/**
 * The cases a record is about (an office statement), as links separated by commas; `none` when
 * it names no case (an office-wide statement).
 */
export function CaseLinks({
  logNumbers,
  to,
  text = (n) => n,
  none,
}: {
  logNumbers: readonly string[];
  /** The page of a case, by its log number. */
  to: (logNumber: string) => string;
  text?: (logNumber: string) => string;
  none: string;
}) {
  if (logNumbers.length === 0) {
    return none;
  }
  return logNumbers.map((n, i) => (
    <span key={n}>
      {i > 0 ? ', ' : ''}
      <Link to={to(n)}>{text(n)}</Link>
    </span>
  ));
}
