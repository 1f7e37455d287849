/**
 * The browser's own on-device summarizer (Chrome's built-in Summarizer API), feature-detected. Only a
 * model already on the device is used: Parallax never calls a network model, and does not start a model
 * download on the reader's behalf.
 */

interface Summarizer {
  summarize(text: string): Promise<string>;
  destroy(): void;
}

interface SummarizerApi {
  availability(options?: object): Promise<string>;
  create(options?: object): Promise<Summarizer>;
}

const OPTIONS = { type: 'tldr', format: 'plain-text', length: 'short', outputLanguage: 'en' } as const;

function api(): SummarizerApi | null {
  const candidate = (globalThis as { Summarizer?: Partial<SummarizerApi> }).Summarizer;
  return candidate && typeof candidate.availability === 'function' && typeof candidate.create === 'function'
    ? (candidate as SummarizerApi)
    : null;
}

/** Whether this browser has an on-device summarizer ready to use now. */
export async function deviceSummaryAvailable(): Promise<boolean> {
  const summarizer = api();
  if (!summarizer) return false;
  try {
    return (await summarizer.availability(OPTIONS)) === 'available';
  } catch {
    return false;
  }
}

/** A summary of `text` written on the device; throws when the summarizer is absent or fails. */
export async function summarizeOnDevice(text: string): Promise<string> {
  const summarizer = api();
  if (!summarizer || !(await deviceSummaryAvailable())) throw new Error('no on-device summarizer');
  const session = await summarizer.create(OPTIONS);
  try {
    return await session.summarize(text);
  } finally {
    session.destroy();
  }
}
