import { describe, expect, it } from 'vitest';
import { categoryLanguage, categoryPlace, countryOfName, countryOfTld } from '../../../../../src/core/outlets/catalogue/places';

describe('places of the source catalogues', () => {
  it("reads Kagi's country names, and gives no country for international outlets", () => {
    expect(countryOfName('United Kingdom')).toBe('GB');
    expect(countryOfName('The Netherlands')).toBe('NL');
    expect(countryOfName('Global')).toBeNull();
    expect(() => countryOfName('Atlantis')).toThrow(/unknown country name "Atlantis"/);
  });

  it('tells place categories from topics, with their country', () => {
    expect(categoryPlace('Australia | Victoria', 'region')).toEqual({ place: true, country: 'AU' });
    expect(categoryPlace('Switzerland (FR)', 'topic')).toEqual({ place: true, country: 'CH' });
    expect(categoryPlace('Europe', 'topic')).toEqual({ place: true, country: null });
    expect(categoryPlace('Healthcare | Germany', 'topic')).toEqual({ place: false, country: 'DE' });
    expect(categoryPlace('Space', 'topic')).toEqual({ place: false, country: null });
    expect(() => categoryPlace('Atlantis | North', 'region')).toThrow(/unknown place category/);
  });

  it('reads country-code top-level domains and BCP 47 languages', () => {
    expect(countryOfTld('thecourier.co.uk')).toBe('GB');
    expect(countryOfTld('castlemainemail.com.au')).toBe('AU');
    expect(countryOfTld('clarin.com')).toBeNull();
    expect(categoryLanguage('gr')).toBe('el');
    expect(categoryLanguage('zh-Hant')).toBe('zh-Hant');
    expect(() => categoryLanguage('english')).toThrow(/BCP 47/);
  });
});
