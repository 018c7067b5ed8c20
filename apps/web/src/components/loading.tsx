export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="govuk-body app-loading" role="status">
      {what}…
    </p>
  );
}
