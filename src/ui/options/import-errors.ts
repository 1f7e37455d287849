/**
 * The worker refuses an index file with one message, "invalid index file: a; b; c (and 4 more)"; the page
 * lists each named row on its own line.
 */
export function importErrorLines(message: string): { lines: string[]; more: number } {
  const body = message.replace(/^invalid index file:\s*/, '');
  if (body === message) return { lines: [message], more: 0 };
  const more = /\s\(and (\d+) more\)$/.exec(body);
  const lines = (more ? body.slice(0, more.index) : body).split('; ').filter((line) => line !== '');
  return { lines, more: more ? Number(more[1]) : 0 };
}
