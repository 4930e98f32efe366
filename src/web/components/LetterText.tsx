/**
 * A letter's text as the office wrote it: paragraphs split on blank lines, line breaks kept
 * (findings are one line each), marked with the letter's language for screen readers. The staff
 * preview and the follow-my-complaint page show the same text the same way.
 */
export function LetterText({ body, language }: { body: string; language: string }) {
  return (
    <div lang={language} data-testid="letter-text">
      {body.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} className="ovs-prewrap">
          {paragraph}
        </p>
      ))}
    </div>
  );
}

/** A labelled calendar-date input (the browser's date picker, USWDS input style). */
export function DateInput(p: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label className="usa-label" htmlFor={p.id}>
        {p.label}
      </label>
      <input
        className="usa-input"
        id={p.id}
        name={p.id}
        type="date"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </>
  );
}
