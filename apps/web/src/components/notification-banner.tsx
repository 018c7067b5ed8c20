import { useEffect, useId, useRef, type ReactNode } from 'react';

type Props = {
  /** `success`: something the user just did went through; `important`: something they need to know. */
  variant?: 'important' | 'success';
  /** The banner's title bar; "Success" or "Important" unless given. */
  title?: string;
  /** What happened, in a sentence or a few words ("Note added"). */
  heading: ReactNode;
  children?: ReactNode;
  /**
   * Tells the user at once and takes focus when it appears (GOV.UK: role="alert", tabindex -1), for
   * the outcome of what they just did. Otherwise a landmark region they come to in reading order.
   * To announce and focus again (the same words after another write), give the banner a new `key`.
   */
  isAlert?: boolean;
};

/** The GOV.UK notification banner. */
export function NotificationBanner({ variant = 'important', title, heading, children, isAlert = variant === 'success' }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isAlert) ref.current?.focus();
  }, [isAlert]);
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${variant === 'success' ? ' govuk-notification-banner--success' : ''}`}
      role={isAlert ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={isAlert ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (variant === 'success' ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
