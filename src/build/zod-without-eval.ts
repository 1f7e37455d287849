/**
 * A Vite plugin that takes the Function constructor out of Zod as bundled into the extension. Zod runs
 * jitless there (src/core/zod-config.ts), so its code generation is never used, but the code stays in
 * the bundle and the stores' linters flag it (`DANGEROUS_EVAL`). Each `const F = Function;` in Zod's core
 * becomes a function that throws: Zod's eval probe then answers "no eval", as under a strict CSP, and its
 * compiler, never reached, could not run. The build fails if Zod's code no longer has the line, so an
 * upgrade cannot silently bring the eval back.
 */
import type { Plugin } from 'vite';

const ZOD_FILES = /[\\/]zod[\\/]v4[\\/]core[\\/](util|doc|compile)\.js$/;
const FUNCTION_ALIAS = /const F = Function;/g;
const NO_EVAL = `const F = function () { throw new EvalError('Zod runs without code generation in this extension'); };`;

/** Zod's core module's code with its Function constructor replaced; throws when there is none to replace. */
export function withoutFunctionConstructor(code: string, id: string): string {
  const replaced = code.replace(FUNCTION_ALIAS, NO_EVAL);
  if (replaced === code) throw new Error(`${id}: no "const F = Function;" to replace; check how this Zod version evaluates code`);
  return replaced;
}

export function zodWithoutEval(): Plugin {
  return {
    name: 'parallax:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!ZOD_FILES.test(id)) return null;
      return { code: withoutFunctionConstructor(code, id), map: null };
    },
  };
}
