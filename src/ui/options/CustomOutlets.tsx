import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  customOutletFromInput,
  type CustomOutletError,
  type CustomOutletField,
  type CustomOutletInput,
  type CustomOutletListing,
} from '../../messaging/protocol-options';
import { type MessageName, t } from '../i18n';
import { ask } from '../../messaging/client';
import { ErrorNote, Loading, useFailure } from './SectionStates';

const ERROR_MESSAGE: Record<CustomOutletError['code'], MessageName> = {
  'name-missing': 'customErrorNameMissing',
  'name-too-long': 'customErrorNameTooLong',
  'name-no-id': 'customErrorNameNoId',
  'domains-missing': 'customErrorDomainsMissing',
  'domain-invalid': 'customErrorDomainInvalid',
  'domain-taken': 'customErrorDomainTaken',
  'feed-invalid': 'customErrorFeedInvalid',
  'section-invalid': 'customErrorSectionInvalid',
};

const errorMessage = (e: CustomOutletError) => t(ERROR_MESSAGE[e.code], e.value ?? '');

/** "a.com, b.com" or one per line → ["a.com", "b.com"]. */
const splitList = (text: string) => text.split(/[\s,]+/).filter((s) => s !== '');

/** One feed per line: its URL, then optionally a section name ("https://x.org/rss World"). */
function feedLines(text: string): CustomOutletInput['feeds'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [url, ...section] = line.split(/\s+/);
      return { url, section: section.join(' ') };
    });
}

/** Add an outlet Parallax does not know (name, domains, feeds), and remove the reader's outlets. */
export function CustomOutlets({ onChange }: { onChange(): void }) {
  const [list, setList] = useState<CustomOutletListing[] | null>(null);
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const [feeds, setFeeds] = useState('');
  const [errors, setErrors] = useState<CustomOutletError[]>([]);
  const [status, setStatus] = useState('');
  const failure = useFailure();

  const load = () => ask({ type: 'custom-outlets/list' }).then(setList, failure.fail);
  useEffect(() => {
    void load();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const input: CustomOutletInput = { name, domains: splitList(domains), feeds: feedLines(feeds) };
    // Checked here first for instant per-field messages; the worker checks again before storing.
    const local = customOutletFromInput(input);
    const result = local.ok
      ? await ask({ type: 'custom-outlets/add', input }).catch((e: unknown) => {
          failure.fail(e);
          return null;
        })
      : local;
    if (result === null) return;
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('');
      const first = result.errors[0]?.field;
      if (first) document.getElementById(`custom-${first}`)?.focus();
      return;
    }
    setErrors([]);
    failure.clear();
    setName('');
    setDomains('');
    setFeeds('');
    setStatus(t('customAdded', result.outlet.name));
    await load();
    onChange();
  };

  const remove = async (item: CustomOutletListing) => {
    try {
      await ask({ type: 'custom-outlets/remove', id: item.id });
      setStatus(t('customRemoved', item.outlet.name));
      await load();
      onChange();
    } catch (e) {
      failure.fail(e);
    }
  };

  const fieldErrors = (field: CustomOutletField) => errors.filter((e) => e.field === field);
  const field = (id: CustomOutletField, label: string, hint: string, control: (props: Record<string, string | boolean>) => JSX.Element) => {
    const own = fieldErrors(id);
    const describedBy = [`custom-${id}-hint`, own.length > 0 ? `custom-${id}-error` : ''].filter(Boolean).join(' ');
    return (
      <div class={`field${own.length > 0 ? ' has-error' : ''}`}>
        <label for={`custom-${id}`}>{label}</label>
        {control({ id: `custom-${id}`, 'aria-describedby': describedBy, 'aria-invalid': own.length > 0 ? 'true' : 'false' })}
        <span id={`custom-${id}-hint`} class="muted small">
          {hint}
        </span>
        {own.length > 0 ? (
          <ul id={`custom-${id}-error`} class="field-error" data-testid={`custom-error-${id}`}>
            {own.map((e, i) => (
              <li key={i}>{errorMessage(e)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  };

  return (
    <div class="custom-outlets" data-testid="custom-outlets">
      <h3>{t('customTitle')}</h3>
      <p class="muted">{t('customIntro')}</p>
      <ErrorNote error={failure.error} />
      <form class="custom-form" onSubmit={(e) => void submit(e)} noValidate>
        {field('name', t('customName'), t('customNameHint'), (p) => (
          <input type="text" {...p} value={name} onInput={(e) => setName(e.currentTarget.value)} autocomplete="off" />
        ))}
        {field('domains', t('customDomains'), t('customDomainsHint'), (p) => (
          <input
            type="text"
            {...p}
            value={domains}
            onInput={(e) => setDomains(e.currentTarget.value)}
            autocomplete="off"
            spellcheck={false}
          />
        ))}
        {field('feeds', t('customFeeds'), t('customFeedsHint'), (p) => (
          <textarea {...p} rows={3} value={feeds} onInput={(e) => setFeeds(e.currentTarget.value)} spellcheck={false} />
        ))}
        <div class="row">
          <button type="submit" class="button primary" data-testid="custom-add">
            {t('customAdd')}
          </button>
          <span class="muted small" role="status" data-testid="custom-status">
            {status}
          </span>
        </div>
      </form>
      <ul class="plain-list" data-testid="custom-list" aria-label={t('customListLabel')}>
        {list === null ? (
          <Loading as="li" />
        ) : list.length === 0 ? (
          <li class="muted">{t('customNone')}</li>
        ) : (
          list.map((item) => (
            <li key={item.id} class="list-row" data-testid="custom-outlet" data-outlet={item.id}>
              <div class="grow wrap">
                <strong>{item.outlet.name}</strong>
                <span class="muted small"> {item.outlet.domains.join(', ')}</span>
                {item.outlet.feeds.length > 0 ? <span class="muted small"> · {t('customFeedCount', item.outlet.feeds.length)}</span> : null}
              </div>
              <button type="button" class="button" onClick={() => void remove(item)} data-testid="custom-remove">
                {t('remove')}
                <span class="visually-hidden"> {item.outlet.name}</span>
              </button>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
