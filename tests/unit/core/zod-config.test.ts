import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import '../../../src/core/zod-config';

describe('zod-config', () => {
  it('turns Zod’s code generation off, and schemas still check', () => {
    expect(z.config().jitless).toBe(true);
    const schema = z.object({ a: z.string(), b: z.number().optional() });
    expect(schema.safeParse({ a: 'x', b: 1 }).success).toBe(true);
    expect(schema.safeParse({ a: 1 }).success).toBe(false);
  });
});
