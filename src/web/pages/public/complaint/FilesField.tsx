import { useState } from 'react';
import { ErrorMessage, FormGroup, Label } from '@trussworks/react-uswds';
import type { FieldErrors } from '../../../components/problems.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import {
  ACCEPT,
  MAX_FILES,
  MAX_FILE_BYTES,
  toBase64,
  type ComplaintForm,
} from './complaint-form.ts';

/**
 * The files a person attaches (photos, video, audio, PDF), read as base64 in the browser; the
 * server's limits are checked here first, and the server's refusal of a file is shown by name.
 */
export function FilesField({
  files,
  fields,
  onChange,
}: {
  files: ComplaintForm['files'];
  fields: FieldErrors;
  onChange: (files: ComplaintForm['files']) => void;
}) {
  const { t, fieldMessage } = useI18n();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const chooseFiles = async (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    const tooBig = chosen.find((f) => f.size > MAX_FILE_BYTES);
    if (chosen.length > MAX_FILES) {
      setFileProblem(t('pub.complaint.files.tooMany', { max: MAX_FILES }));
    } else if (tooBig) {
      setFileProblem(t('pub.complaint.files.tooBig', { name: tooBig.name }));
    } else {
      setFileProblem(null);
    }
    const ok = chosen.slice(0, MAX_FILES).filter((f) => f.size <= MAX_FILE_BYTES);
    onChange(
      await Promise.all(
        ok.map(async (f) => ({ name: f.name, size: f.size, data: await toBase64(f) })),
      ),
    );
  };
  // the server names a refused file by its place in the list (files.N.data)
  const fileErrors = [
    ...(fileProblem ? [fileProblem] : []),
    ...Object.entries(fields)
      .filter(([k]) => k.startsWith('files'))
      .map(([k, message]) => {
        const name = files[Number(/^files\.(\d+)/.exec(k)?.[1])]?.name;
        return `${name ? `${name}: ` : ''}${fieldMessage(message)}`;
      }),
  ];
  return (
    <FormGroup error={fileErrors.length > 0}>
      <Label htmlFor="files" error={fileErrors.length > 0}>
        {t('pub.complaint.files.label')}
        <span className="usa-hint"> ({t('common.optional')})</span>
      </Label>
      <div className="usa-hint" id="files-hint">
        {t('pub.complaint.files.hint')}
      </div>
      {fileErrors.length > 0 ? (
        <ErrorMessage id="files-error">{fileErrors.join(' ')}</ErrorMessage>
      ) : null}
      <input
        id="files"
        name="files"
        type="file"
        className="usa-file-input"
        multiple
        accept={ACCEPT}
        aria-describedby={fileErrors.length > 0 ? 'files-hint files-error' : 'files-hint'}
        onChange={(ev) => void chooseFiles(ev.target.files)}
      />
      {files.length > 0 ? (
        <ul className="usa-list" data-testid="chosen-files">
          {files.map((f) => (
            <li key={f.name}>
              {f.name} ({Math.ceil(f.size / 1024)} KB)
            </li>
          ))}
        </ul>
      ) : null}
    </FormGroup>
  );
}
