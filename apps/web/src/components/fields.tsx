import type { ReactNode } from 'react';
import { dateParts, type DatePart, type DateParts } from '../lib/date-parts.ts';

type Base = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  isLabelHidden?: boolean;
  className?: string;
};

function describedBy(id: string, hint: unknown, errors: string[] | undefined) {
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

export function ErrorMessage({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {errors.join(' ')}
    </p>
  );
}

const groupClass = (errors: string[] | undefined, extra = '') =>
  ['govuk-form-group', errors?.length ? 'govuk-form-group--error' : '', extra].filter(Boolean).join(' ');

const labelClass = (hidden: boolean | undefined) => (hidden ? 'govuk-label govuk-visually-hidden' : 'govuk-label govuk-label--s');

export function TextInput({
  id,
  label,
  hint,
  errors,
  isLabelHidden,
  className,
  ...input
}: Base & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>) {
  return (
    <div className={groupClass(errors)}>
      <label className={labelClass(isLabelHidden)} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} errors={errors} />
      <input
        id={id}
        className={['govuk-input', errors?.length ? 'govuk-input--error' : '', className ?? ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, errors)}
        {...input}
      />
    </div>
  );
}

export function Textarea({
  id,
  label,
  hint,
  errors,
  isLabelHidden,
  ...input
}: Base & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>) {
  return (
    <div className={groupClass(errors)}>
      <label className={labelClass(isLabelHidden)} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} errors={errors} />
      <textarea
        id={id}
        className={['govuk-textarea', errors?.length ? 'govuk-textarea--error' : ''].filter(Boolean).join(' ')}
        rows={3}
        aria-describedby={describedBy(id, hint, errors)}
        {...input}
      />
    </div>
  );
}

export type Option = { value: string; label: string; isDisabled?: boolean };

export function Select({
  id,
  label,
  hint,
  errors,
  isLabelHidden,
  options,
  placeholder,
  className,
  ...select
}: Base & { options: Option[]; placeholder?: string } & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>) {
  return (
    <div className={groupClass(errors, className)}>
      <label className={labelClass(isLabelHidden)} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} errors={errors} />
      <select
        id={id}
        className={['govuk-select', errors?.length ? 'govuk-select--error' : ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, errors)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.isDisabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of radios in a fieldset; the legend names the question. */
export function Radios({
  id,
  legend,
  hint,
  errors,
  options,
  value,
  onChange,
  isInline,
  isSmall = true,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  isInline?: boolean;
  isSmall?: boolean;
}) {
  return (
    <div className={groupClass(errors)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, errors)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} errors={errors} />
        <div
          className={['govuk-radios', isInline ? 'govuk-radios--inline' : '', isSmall ? 'govuk-radios--small' : '']
            .filter(Boolean)
            .join(' ')}
        >
          {options.map((o, i) => (
            <div className="govuk-radios__item" key={o.value}>
              <input
                className="govuk-radios__input"
                id={i === 0 ? id : `${id}-${o.value}`}
                name={id}
                type="radio"
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id : `${id}-${o.value}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** A group of checkboxes; `checked` maps each option to whether it is ticked. */
export function Checkboxes({
  id,
  legend,
  hint,
  errors,
  options,
  checked,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  options: Option[];
  checked: Record<string, boolean>;
  onChange: (value: string, isChecked: boolean) => void;
}) {
  return (
    <div className={groupClass(errors)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, errors)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} errors={errors} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((o, i) => (
            <div className="govuk-checkboxes__item" key={o.value}>
              <input
                className="govuk-checkboxes__input"
                id={i === 0 ? id : `${id}-${o.value}`}
                type="checkbox"
                checked={checked[o.value] ?? false}
                onChange={(e) => onChange(o.value, e.target.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? id : `${id}-${o.value}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

const datePartLabels: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' };

/**
 * GOV.UK date input: day, month and year in three boxes, in a fieldset whose legend names the date.
 * Read the parts with `parseDate` (lib/date-parts.ts) when the form is sent. `errorParts` are the
 * boxes a message is about (a missing month, a day the month does not have); without them an error
 * highlights all three. The ids are `${id}-day`, `${id}-month` and `${id}-year`.
 */
export function DateInput({
  id,
  legend,
  hint = 'For example, 27 3 2007',
  errors,
  errorParts,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  errorParts?: DatePart[] | undefined;
  value: DateParts;
  onChange: (next: DateParts) => void;
}) {
  const hasError = Boolean(errors?.length);
  const isInError = (part: DatePart) => hasError && (!errorParts?.length || errorParts.includes(part));
  return (
    <div className={groupClass(errors)}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, errors)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} errors={errors} />
        <div className="govuk-date-input" id={id}>
          {dateParts.map((part) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {datePartLabels[part]}
                </label>
                <input
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  className={[
                    'govuk-input govuk-date-input__input',
                    part === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2',
                    isInError(part) ? 'govuk-input--error' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={isInError(part) || undefined}
                  value={value[part]}
                  onChange={(e) => onChange({ ...value, [part]: e.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
