import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseFeed, type ParseFeedOptions } from '../../../src/core/feeds/index';
import type { ParsedFeed } from '../../../src/core/types';

export const FIXTURES = join(__dirname, '../../fixtures/feeds');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Parses a fixture and fails the test unless it is read as a feed. */
export function parseOk(name: string, options?: ParseFeedOptions): { feed: ParsedFeed; warnings: string[] } {
  const result = parseFeed(fixtureBytes(name), options);
  if (!result.ok) throw new Error(`${name} did not parse: ${result.error}`);
  return result;
}

export function parseTextOk(text: string, options?: ParseFeedOptions): { feed: ParsedFeed; warnings: string[] } {
  const result = parseFeed(bytesOf(text), options);
  if (!result.ok) throw new Error(`did not parse: ${result.error}`);
  return result;
}

/** Every string value anywhere in a parsed feed. */
export function allStrings(feed: ParsedFeed): string[] {
  const values: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(feed);
  return values;
}

export function expectIsoUtc(value: string | null): void {
  expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
}
