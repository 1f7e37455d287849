/**
 * Zod without code generation. Imported first by every entrypoint that validates with Zod: Zod decides
 * whether to compile a schema into a `new Function` when the schema is created, so this must run before
 * any module that declares one. An extension's CSP forbids eval, and Zod's probe for it is itself reported
 * as a CSP violation; the interpreted path is the only one the extension needs.
 */
import { z } from 'zod';

z.config({ jitless: true });
