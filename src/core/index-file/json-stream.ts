/**
 * Reads a JSON document whose top level is an object, in pieces of text as they arrive, and hands over
 * each element of its large arrays (`articles`, `feeds`) as soon as it is complete, so that a file of
 * hundreds of megabytes is never held as one string nor parsed as one value. The scan only finds where
 * each value starts and ends (strings are skipped with indexOf); each value is then read by JSON.parse.
 */

export interface JsonStreamHandlers {
  /** A top-level member that is not streamed (or a streamed key whose value is not an array). */
  field(key: string, value: unknown): void;
  /** A streamed top-level array starts (its elements follow, perhaps none). */
  array(key: string): void;
  /** One element of a streamed top-level array, with its index. */
  item(key: string, index: number, value: unknown): void;
}

export interface JsonStreamLimits {
  /** Top-level keys whose array values are handed over element by element. */
  streamed: ReadonlySet<string>;
  /** Longest element of a streamed array, in characters. */
  maxItemChars: number;
  /** Longest other top-level value, in characters. */
  maxFieldChars: number;
}

/** The text is not JSON, or not the shape this reader takes; `message` says where, for the reader. */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    /** The file path of the value at fault ("articles[12]"), or "file". */
    readonly path = 'file',
  ) {
    super(message);
    this.name = 'JsonStreamError';
  }
}

enum State {
  Start,
  FirstKey,
  Key,
  Colon,
  Value,
  FirstItem,
  Item,
  AfterItem,
  AfterValue,
  Done,
}

enum Target {
  Key,
  Field,
  Item,
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Where a number, true, false or null ends. */
const endsScalar = (c: number) => isSpace(c) || c === 0x2c || c === 0x7d || c === 0x5d;

export class JsonObjectStream {
  private state = State.Start;
  /** Characters read before the current piece, for positions in errors. */
  private offset = 0;
  private key = '';
  private itemIndex = 0;
  // The value being captured: its pieces so far and how it ends.
  private capturing = false;
  private target = Target.Field;
  private parts: string[] = [];
  private length = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;

  constructor(
    private readonly handlers: JsonStreamHandlers,
    private readonly limits: JsonStreamLimits,
  ) {}

  /** Reads the next piece of the text; throws JsonStreamError at the first fault. */
  push(text: string): void {
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.capturing) {
        i = this.scan(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      i = this.structural(text, i, c);
    }
    if (this.capturing) this.keep(text, this.captureFrom, n);
    this.captureFrom = 0;
    this.offset += n;
  }

  /** The text has ended: it must have closed the top-level object. */
  end(): void {
    if (this.capturing && this.scalar) this.finish('', 0);
    if (this.state !== State.Done || this.capturing) throw new JsonStreamError('not valid JSON (the file ends too early)');
  }

  private captureFrom = 0;

  private structural(text: string, i: number, c: number): number {
    switch (this.state) {
      case State.Start:
        if (c !== 0x7b) throw new JsonStreamError(`expected a JSON object, found ${JSON.stringify(text[i])} (not a Parallax index file)`);
        this.state = State.FirstKey;
        return i + 1;
      case State.FirstKey:
      case State.Key:
        if (c === 0x7d && this.state === State.FirstKey) {
          this.state = State.Done;
          return i + 1;
        }
        if (c !== 0x22) throw this.unexpected(text, i, 'expected a key');
        return this.begin(Target.Key, text, i);
      case State.Colon:
        if (c !== 0x3a) throw this.unexpected(text, i, 'expected ":"');
        this.state = State.Value;
        return i + 1;
      case State.Value:
        if (c === 0x5b && this.limits.streamed.has(this.key)) {
          this.state = State.FirstItem;
          this.itemIndex = 0;
          this.handlers.array(this.key);
          return i + 1;
        }
        return this.begin(Target.Field, text, i);
      case State.FirstItem:
      case State.Item:
        if (c === 0x5d && this.state === State.FirstItem) {
          this.state = State.AfterValue;
          return i + 1;
        }
        return this.begin(Target.Item, text, i);
      case State.AfterItem:
        if (c === 0x2c) this.state = State.Item;
        else if (c === 0x5d) this.state = State.AfterValue;
        else throw this.unexpected(text, i, 'expected "," or "]"');
        return i + 1;
      case State.AfterValue:
        if (c === 0x2c) this.state = State.Key;
        else if (c === 0x7d) this.state = State.Done;
        else throw this.unexpected(text, i, 'expected "," or "}"');
        return i + 1;
      case State.Done:
        throw this.unexpected(text, i, 'text after the end of the file');
    }
  }

  private begin(target: Target, text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (target === Target.Key && c !== 0x22) throw this.unexpected(text, i, 'expected a key');
    if (c === 0x7d || c === 0x5d || c === 0x2c || c === 0x3a) throw this.unexpected(text, i, 'expected a value');
    this.capturing = true;
    this.target = target;
    this.parts = [];
    this.length = 0;
    this.captureFrom = i;
    this.inString = c === 0x22;
    this.scalar = c !== 0x22 && c !== 0x7b && c !== 0x5b;
    this.depth = c === 0x7b || c === 0x5b ? 1 : 0;
    this.escaped = false;
    return this.scalar ? i : i + 1;
  }

  /** Advances through the captured value from `i`; returns where scanning goes on. */
  private scan(text: string, i: number): number {
    const n = text.length;
    if (this.scalar) {
      while (i < n && !endsScalar(text.charCodeAt(i))) i++;
      if (i < n) this.finish(text, i);
      return i;
    }
    while (i < n) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          // The string goes on in the next piece; a run of backslashes at the end may escape its first character.
          this.escaped = backslashesBefore(text, n, i) % 2 === 1;
          return n;
        }
        if (backslashesBefore(text, quote, i) % 2 === 1) {
          i = quote + 1;
          continue;
        }
        this.inString = false;
        i = quote + 1;
        if (this.depth === 0) {
          this.finish(text, i);
          return i;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      i++;
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.depth === 0) {
          this.finish(text, i);
          return i;
        }
      }
    }
    return n;
  }

  /** Keeps the captured characters of this piece, within the value's size limit. */
  private keep(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.length += to - from;
    const max = this.target === Target.Item ? this.limits.maxItemChars : this.limits.maxFieldChars;
    if (this.length > max) {
      throw new JsonStreamError(`larger than ${max.toLocaleString('en-US')} characters (no Parallax file holds such a value)`, this.path());
    }
    this.parts.push(text.slice(from, to));
  }

  private finish(text: string, end: number): void {
    this.keep(text, this.captureFrom, end);
    this.capturing = false;
    const raw = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const near = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
      const why = `not valid JSON (${error instanceof Error ? error.message : String(error)} in ${JSON.stringify(near)})`;
      throw new JsonStreamError(why, this.path());
    }
    if (this.target === Target.Key) {
      this.key = value as string;
      this.state = State.Colon;
    } else if (this.target === Target.Field) {
      this.state = State.AfterValue;
      this.handlers.field(this.key, value);
    } else {
      this.state = State.AfterItem;
      this.handlers.item(this.key, this.itemIndex++, value);
    }
  }

  /** Where the captured value sits in the file. */
  private path(): string {
    if (this.target === Target.Item) return `${this.key}[${this.itemIndex}]`;
    return this.target === Target.Field ? this.key : 'file';
  }

  private unexpected(text: string, i: number, what: string): JsonStreamError {
    return new JsonStreamError(`not valid JSON (${what}, found ${JSON.stringify(text[i])} at character ${this.offset + i + 1})`);
  }
}

/** How many backslashes stand right before `end`, not looking before `start`. */
function backslashesBefore(text: string, end: number, start: number): number {
  let count = 0;
  for (let j = end - 1; j >= start && text.charCodeAt(j) === 0x5c; j--) count++;
  return count;
}
