import type { ApplicationDetail } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Textarea } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

export function NoteForm({ detail }: { detail: ApplicationDetail }) {
  const trpc = useTRPC();
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState(false);
  const write = useApplicationWrite(detail.id, () => {
    setBody('');
    setSaved(true);
  });
  const mutation = useMutation(trpc.applications.addNote.mutationOptions(write));
  const { byField, summary } = formErrors(mutation.error, { body: 'note-body' }, 'note-body');
  return (
    <form
      noValidate
      aria-label="Add a note"
      onSubmit={(ev) => {
        ev.preventDefault();
        setSaved(false);
        mutation.mutate({ id: detail.id, expectedVersion: detail.version, body });
      }}
    >
      <ErrorSummary errors={summary} />
      {saved && !mutation.error && (
        <p className="govuk-body app-saved" role="status">
          Note added.
        </p>
      )}
      <Textarea id="note-body" label="Note" value={body} errors={byField.body} onChange={(ev) => setBody(ev.target.value)} />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={mutation.isPending}>
        Add note
      </button>
    </form>
  );
}
