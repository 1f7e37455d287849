/**
 * Entities declared in a document's internal DTD subset, expanded with bounds so that "billion laughs"
 * documents cannot blow up memory or time.
 */

import { HTML_ENTITIES, numericReference } from './entities';

/** Longest replacement text one declared entity may expand to. */
const MAX_ENTITY_LENGTH = 16 * 1024;
/** Total characters all declared-entity references in one document may expand to. */
const MAX_TOTAL_ENTITY_EXPANSION = 1024 * 1024;
const MAX_DECLARED_ENTITIES = 1000;

export const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export class EntityTable {
  private readonly declared = new Map<string, string>();
  private readonly resolved = new Map<string, string | null>();
  private expandedTotal = 0;
  budgetExceeded = false;

  declare(name: string, value: string): void {
    if (this.declared.size >= MAX_DECLARED_ENTITIES || this.declared.has(name)) return;
    this.declared.set(name, value);
  }

  get size(): number {
    return this.declared.size;
  }

  /** Replacement text of a declared entity, or null when undeclared, recursive or too large. */
  expand(name: string): string | null {
    if (!this.declared.has(name)) return null;
    const value = this.resolve(name, []);
    if (value === null) return null;
    if (this.expandedTotal + value.length > MAX_TOTAL_ENTITY_EXPANSION) {
      this.budgetExceeded = true;
      return null;
    }
    this.expandedTotal += value.length;
    return value;
  }

  private resolve(name: string, stack: string[]): string | null {
    const cached = this.resolved.get(name);
    if (cached !== undefined) return cached;
    const raw = this.declared.get(name);
    if (raw === undefined || stack.includes(name) || stack.length > 16) return null;
    stack.push(name);
    let failed = false;
    let out = '';
    let last = 0;
    const pattern = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z_:][\w.:-]*);/g;
    for (let m = pattern.exec(raw); m !== null; m = pattern.exec(raw)) {
      out += raw.slice(last, m.index);
      last = m.index + m[0].length;
      const body = m[1];
      const piece =
        body[0] === '#' ? numericReference(body) : (PREDEFINED[body] ?? this.resolve(body, stack) ?? HTML_ENTITIES.get(body) ?? null);
      if (piece === null) {
        failed = this.declared.has(body);
        if (failed) break;
        out += m[0];
      } else {
        out += piece;
      }
      if (out.length > MAX_ENTITY_LENGTH) {
        failed = true;
        break;
      }
    }
    stack.pop();
    if (!failed) out += raw.slice(last);
    const result = failed || out.length > MAX_ENTITY_LENGTH ? null : out;
    this.resolved.set(name, result);
    if (result === null) this.budgetExceeded = true;
    return result;
  }
}
