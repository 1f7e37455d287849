import { describe, expect, it } from 'vitest';
import { customOutletFromInput, hostOf, slugify } from '../../../src/messaging/protocol-options';

describe('custom outlet check', () => {
  it('builds a registry outlet from the form, with the id from the name and hosts from pasted URLs', () => {
    const result = customOutletFromInput({
      name: '  Le Journal Local ',
      domains: ['https://www.Journal-Local.fr/actualite', 'journal-local.fr'],
      feeds: [
        { url: 'https://journal-local.fr/rss.xml', section: '' },
        { url: ' ', section: 'x' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      outlet: {
        id: 'le-journal-local',
        name: 'Le Journal Local',
        domains: ['www.journal-local.fr', 'journal-local.fr'],
        feeds: [{ url: 'https://journal-local.fr/rss.xml', section: 'Main' }],
      },
    });
  });

  it('names each bad field: missing name, public suffix, bad feed URL', () => {
    const result = customOutletFromInput({
      name: '',
      domains: ['co.uk', '192.168.1.1'],
      feeds: [{ url: 'ftp://x.org/feed', section: 'World' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'name', code: 'name-missing' },
      { field: 'domains', code: 'domain-invalid', value: 'co.uk' },
      { field: 'domains', code: 'domain-invalid', value: '192.168.1.1' },
      { field: 'feeds', code: 'feed-invalid', value: 'ftp://x.org/feed' },
    ]);
  });

  it('asks for a domain, and refuses one another of the reader’s outlets claims', () => {
    const none = customOutletFromInput({ name: 'X', domains: [' '], feeds: [] });
    expect(none.ok ? [] : none.errors).toEqual([{ field: 'domains', code: 'domains-missing' }]);
    const taken = customOutletFromInput({ name: 'X', domains: ['x.org'], feeds: [] }, (h) => (h === 'x.org' ? 'Other X' : null));
    expect(taken.ok ? [] : taken.errors).toEqual([{ field: 'domains', code: 'domain-taken', value: 'x.org (Other X)' }]);
  });

  it('falls back to the domain for the id of a name without Latin letters', () => {
    const result = customOutletFromInput({ name: '東京新聞', domains: ['tokyo-np.co.jp'], feeds: [] });
    expect(result.ok && result.outlet.id).toBe('tokyo-np-co-jp');
    expect(slugify('Ça va, l’Écho!')).toBe('ca-va-l-echo');
    expect(hostOf('HTTP://News.Example.com:8080/a')).toBe('news.example.com');
  });
});
