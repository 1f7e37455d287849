import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutFunctionConstructor } from '../../../src/build/zod-without-eval';

const zodCore = join(dirname(createRequire(import.meta.url).resolve('zod/package.json')), 'v4/core');

describe('Zod as bundled into the extension', () => {
  it.each(['util.js', 'doc.js', 'compile.js'])('has no Function constructor left in %s', (file) => {
    const code = readFileSync(join(zodCore, file), 'utf8');
    expect(code).toMatch(/\bFunction;/);
    const bundled = withoutFunctionConstructor(code, file);
    // Comments aside (they speak of `new Function`), no code reaches the constructor any more.
    const uncommented = bundled.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    expect(uncommented).not.toMatch(/=\s*Function\s*;|new Function\b|[^.\w]Function\(/);
  });

  it('replaces the constructor with one that throws, which Zod’s eval probe reads as “no eval”', () => {
    const probe = withoutFunctionConstructor('const F = Function;\ntry { new F(""); ok = true } catch { ok = false }', 'probe.js');
    const scope = { ok: null as boolean | null };
    new Function('scope', probe.replaceAll('ok =', 'scope.ok ='))(scope);
    expect(scope.ok).toBe(false);
  });

  it('fails the build when a Zod version evaluates code some other way', () => {
    expect(() => withoutFunctionConstructor('const G = globalThis.Function;', 'zod/v4/core/util.js')).toThrow(/no "const F = Function;"/);
  });
});
