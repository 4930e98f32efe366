import crypto from 'node:crypto';
import { canonicalJson } from '../../audit/audit.ts';
import { JsonText } from '../../db/copy-text.ts';

/** Stable content hash of mapped values: equal content, equal hash, whatever the key order. */
export function contentHash(value: unknown): string {
  return sha1(importCanonicalJson(value), 'hex');
}

/** `crypto.hash` (Node ≥ 20.12): a one-shot digest, several times faster than a Hash object. */
const oneShotHash = (
  crypto as { hash?: (algorithm: string, data: string, encoding: 'hex' | 'base64') => string }
).hash;

/** SHA-1 of a text's UTF-8 bytes; the same digest either way, the faster way when available. */
export function sha1(text: string, encoding: 'hex' | 'base64'): string {
  return oneShotHash
    ? oneShotHash('sha1', text, encoding)
    : crypto.createHash('sha1').update(text).digest(encoding);
}

/**
 * A value's canonical JSON, serialized once: `contentHash` of a row that holds it takes the text
 * as it is (the same text as serializing the value there), and COPY writes it into a jsonb column.
 */
export function canonicalJsonText(value: unknown): JsonText {
  return new JsonText(importCanonicalJson(value));
}

/** Thrown by `canonicalText` for a value it does not serialize itself (see importCanonicalJson). */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain('not a plain value'); // one instance: thrown only to bail out
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * The same text as `canonicalJson` (audit.ts), built in one pass without copying every object:
 * import hashes are stored, so the text must stay byte-identical or a re-import would report
 * every row updated. Values other than plain objects, arrays, dates and primitives (and objects
 * with index-like or `toJSON` keys, which `canonicalJson` orders or serializes differently) are
 * left to `canonicalJson` itself.
 */
export function importCanonicalJson(value: unknown): string {
  try {
    const text = canonicalText(value);
    if (text !== undefined) {
      return text;
    }
  } catch (err) {
    if (err !== NOT_PLAIN) {
      throw err;
    }
  }
  return canonicalJson(value);
}

function canonicalText(value: unknown): string | undefined {
  if (value === null) {
    return 'null';
  }
  switch (typeof value) {
    case 'string':
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
    case 'bigint':
      throw NOT_PLAIN;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) {
        out += ',';
      }
      out += canonicalText(value[i]) ?? 'null';
    }
    return `${out}]`;
  }
  if (value instanceof Date) {
    return JSON.stringify(value);
  }
  if (value instanceof JsonText) {
    return value.text; // made by canonicalJsonText
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw NOT_PLAIN;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const text = canonicalText(record[k]);
    if (text === undefined) {
      continue;
    }
    out += first ? keyText(k) + text : `,${keyText(k)}${text}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * `"key":` of an object key, remembered: the keys of a file's rows are its header's few dozen
 * names, and quoting each again for every row was a third of the hashing (measured).
 */
const KEY_TEXT = new Map<string, string>();
const KEY_TEXT_LIMIT = 10_000;

function keyText(k: string): string {
  let text = KEY_TEXT.get(k);
  if (text === undefined) {
    if (k === 'toJSON' || INDEX_KEY.test(k)) {
      throw NOT_PLAIN;
    }
    text = `${JSON.stringify(k)}:`;
    if (KEY_TEXT.size >= KEY_TEXT_LIMIT) {
      KEY_TEXT.clear();
    }
    KEY_TEXT.set(k, text);
  }
  return text;
}
