import { describe, expect, it } from 'vitest';
import { stripHeadlineBoilerplate } from '../../../../src/core/text/index';

describe('stripHeadlineBoilerplate', () => {
  it('removes outlet suffixes', () => {
    expect(stripHeadlineBoilerplate('Fed holds rates steady - Reuters')).toBe('Fed holds rates steady');
    expect(stripHeadlineBoilerplate('Fed holds rates steady | CNN')).toBe('Fed holds rates steady');
    expect(stripHeadlineBoilerplate('Fed holds rates steady – BBC News')).toBe('Fed holds rates steady');
  });

  it('removes a suffix naming the known publisher even when it is long', () => {
    expect(stripHeadlineBoilerplate('Fed holds rates steady - The Daily Gazette of Springfield', 'The Daily Gazette of Springfield')).toBe(
      'Fed holds rates steady',
    );
  });

  it('removes wire and label prefixes', () => {
    expect(stripHeadlineBoilerplate('UPDATE 2-Fed holds rates steady')).toBe('Fed holds rates steady');
    expect(stripHeadlineBoilerplate('WATCH: Fed chair speaks')).toBe('Fed chair speaks');
    expect(stripHeadlineBoilerplate('EXCLUSIVE-Fed weighs pause')).toBe('Fed weighs pause');
  });

  it('removes the truncation mark of cut titles', () => {
    expect(stripHeadlineBoilerplate('Fed official says weak data caused by weather  ...')).toBe(
      'Fed official says weak data caused by weather',
    );
  });

  it('keeps hyphenated words and content after a dash', () => {
    expect(stripHeadlineBoilerplate('Coca-Cola profit beats forecasts')).toBe('Coca-Cola profit beats forecasts');
    expect(stripHeadlineBoilerplate('Fed raises rates - and markets shrug it off')).toBe('Fed raises rates - and markets shrug it off');
  });

  it('never strips a headline down to nothing', () => {
    expect(stripHeadlineBoilerplate('WATCH:')).toBe('WATCH:');
    expect(stripHeadlineBoilerplate('Reuters')).toBe('Reuters');
  });
});
