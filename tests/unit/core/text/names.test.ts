import { describe, expect, it } from 'vitest';
import { namesIn } from '../../../../src/core/text/names';
import { tokenizeWithSurfaces } from '../../../../src/core/text/tokenize';

/** The surfaces of `text` that namesIn calls names. */
function names(text: string): string[] {
  const { surfaces } = tokenizeWithSurfaces(text);
  const flags = namesIn(text, surfaces);
  return surfaces.filter((_, index) => flags[index]);
}

describe('namesIn', () => {
  it('takes the capitalised words of a sentence-case text, not its opening capital', () => {
    expect(names('Obama meets Merkel over trade deal in Berlin')).toEqual(['Merkel', 'Berlin']);
    expect(names('The Fed holds rates as Janet Yellen speaks')).toEqual(['Fed', 'Janet', 'Yellen']);
  });

  it('takes only acronyms from a title-case headline, where every word is capitalised', () => {
    expect(names('Fed Up Documentary Takes Aim At Sugar Industry')).toEqual([]);
    expect(names('NASA Probe Sends First Close Pictures Of Pluto')).toEqual(['NASA']);
  });

  it('works in other cased scripts and finds none in a script without case', () => {
    expect(names('Путин встретился с Ангелой Меркель в Москве')).toEqual(['Ангелой', 'Меркель', 'Москве']);
    expect(names('Η Ελλάδα και η Γερμανία υπέγραψαν συμφωνία')).toEqual(['Ελλάδα', 'Γερμανία']);
    expect(names('اجتماع وزراء الخارجية العرب في القاهرة')).toEqual([]);
  });
});
