/** A field where the reader types a site to add, with its button and its error said beside it. */
export interface SiteFieldProps {
  /** The input's id; `${id}-error`, `${id}-input` and `${id}-add` name its error and test ids. */
  id: string;
  label: string;
  addLabel: string;
  value: string;
  error: string;
  placeholder?: string;
  disabled?: boolean;
  onInput(value: string): void;
  onSubmit(event: Event): void;
}

export function SiteField({ id, label, addLabel, value, error, placeholder, disabled, onInput, onSubmit }: SiteFieldProps) {
  return (
    <>
      <form class="row wrap-row" onSubmit={onSubmit} noValidate>
        <label class="search">
          <span>{label}</span>
          <input
            id={id}
            type="text"
            value={value}
            placeholder={placeholder}
            onInput={(e) => onInput(e.currentTarget.value)}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={error ? `${id}-error` : undefined}
            spellcheck={false}
            autocomplete="off"
            data-testid={`${id}-input`}
          />
        </label>
        <button type="submit" class="button" disabled={disabled} data-testid={`${id}-add`}>
          {addLabel}
        </button>
      </form>
      {error ? (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export interface SiteRowProps {
  /** The site as shown, and as a screen reader hears it after the button's label. */
  name: string;
  testId: string;
  /** Attributes that tell tests (and styles) which site the row is: `{ 'data-host': … }`. */
  data: Record<string, string>;
  actionLabel: string;
  actionTestId?: string;
  disabled?: boolean;
  onAction(): void;
}

/** One site of a list, with the button that takes it off the list. */
export function SiteRow({ name, testId, data, actionLabel, actionTestId, disabled, onAction }: SiteRowProps) {
  return (
    <li class="list-row" data-testid={testId} {...data}>
      <span class="grow wrap">{name}</span>
      <button type="button" class="button" disabled={disabled} onClick={onAction} data-testid={actionTestId}>
        {actionLabel}
        <span class="visually-hidden"> {name}</span>
      </button>
    </li>
  );
}
