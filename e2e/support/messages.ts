// The storefront's own messages, read from locales/<tag>/main.ftl, so tests find controls by
// the accessible names shoppers see in each language.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');
const cache = new Map<string, Map<string, string>>();

function load(locale: string): Map<string, string> {
  let messages = cache.get(locale);
  if (!messages) {
    messages = new Map();
    for (const line of readFileSync(join(root, locale, 'main.ftl'), 'utf8').split('\n')) {
      const m = /^([a-z][a-z0-9_-]*) = (.+)$/.exec(line);
      if (m) messages.set(m[1], m[2]);
    }
    cache.set(locale, messages);
  }
  return messages;
}

/** A single-line message of `locale` with its `{ $name }` placeables filled from `args`. */
export function msg(locale: string, id: string, args: Record<string, string | number> = {}): string {
  const text = load(locale).get(id);
  if (text === undefined) throw new Error(`${locale}: no single-line message ${id}`);
  return text.replace(/\{ *\$([a-z]+) *\}/g, (_, name) => {
    if (!(name in args)) throw new Error(`${locale}: ${id} needs $${name}`);
    return String(args[name]);
  });
}
