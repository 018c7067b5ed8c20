import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { usePageTitle } from '../../../components/page-title.ts';
import { safeReturnTo, sessionState } from '../../../lib/session.ts';
import { useTRPC } from '../../../lib/trpc.ts';

export function LoginPage() {
  usePageTitle('Sign in');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Nothing from a previous session stays in memory once the sign-in page is showing.
  useEffect(() => {
    queryClient.clear();
  }, [queryClient]);
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      meta: { isLogin: true },
      onSuccess: (me) => {
        sessionState.hasBeenSignedIn = true;
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), me);
        void navigate(safeReturnTo(params.get('returnTo')), { replace: true });
      },
    }),
  );
  const { byField, summary } = formErrors(login.error, { email: 'email', password: 'password' }, 'email');

  return (
    <div className="app-container">
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half-from-desktop">
            {params.get('expired') && !login.error && (
              <div className="govuk-notification-banner" role="region" aria-labelledby="expired-title">
                <div className="govuk-notification-banner__header">
                  <h2 className="govuk-notification-banner__title" id="expired-title">
                    Important
                  </h2>
                </div>
                <div className="govuk-notification-banner__content">
                  <p className="govuk-notification-banner__heading">
                    Your session has ended. Sign in again to carry on where you were.
                  </p>
                </div>
              </div>
            )}
            {params.get('signedOut') && !login.error && (
              <div
                className="govuk-notification-banner govuk-notification-banner--success"
                role="status"
                aria-labelledby="signed-out-title"
              >
                <div className="govuk-notification-banner__header">
                  <h2 className="govuk-notification-banner__title" id="signed-out-title">
                    Success
                  </h2>
                </div>
                <div className="govuk-notification-banner__content">
                  <p className="govuk-notification-banner__heading">You have signed out.</p>
                </div>
              </div>
            )}
            <ErrorSummary errors={summary} />
            <h1 className="govuk-heading-l">Sign in to Muster</h1>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                login.mutate({ email, password });
              }}
            >
              <TextInput
                id="email"
                label="Email address"
                type="email"
                autoComplete="username"
                spellCheck={false}
                value={email}
                errors={byField.email}
                onChange={(e) => setEmail(e.target.value)}
              />
              <TextInput
                id="password"
                label="Password"
                type="password"
                autoComplete="current-password"
                value={password}
                errors={byField.password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <button type="submit" className="govuk-button" disabled={login.isPending}>
                Sign in
              </button>
            </form>
          </div>
        </div>
      </main>
    </div>
  );
}
