import { useState } from 'react';
import type { ApiError } from '../../api/http.ts';
import { fieldErrorsOf } from '../problems.tsx';

/**
 * A form's submit (issue 20 item 1): the client's check of the body first (`validate` with the
 * shared schema), then the call; the error and its field messages are kept for the alert and
 * the fields, and `busy` while the call runs. Typed input is never cleared by an error.
 */
export function useSubmit() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** Runs `action` unless `invalid`; true when it succeeded. `onError` sees a failed call. */
  const submit = async (
    invalid: ApiError | null,
    action: () => Promise<void>,
    onError?: (err: unknown) => void,
  ): Promise<boolean> => {
    if (invalid) {
      setError(invalid);
      return false;
    }
    setBusy(true);
    try {
      await action();
      setError(null);
      return true;
    } catch (err) {
      setError(err);
      onError?.(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, fields: fieldErrorsOf(error), busy, submit };
}
