import {createHash} from 'node:crypto'

/**
 * File names of the per-person feeds, derived from the email so that a person can guess their
 * own URL: lower-cased, `@` becomes `-at-`, and anything outside `a-z 0-9 . _ -` becomes `~` plus
 * two hex digits per UTF-8 octet (`~` is unreserved in URLs, so links need no escaping):
 * `aiko.tanaka@example.com` → `aiko.tanaka-at-example.com.ics`, `a+b@x.io` → `a~2bb-at-x.io.ics`.
 */
export function userFeedFileName(email: string): string {
  const [local = '', ...domainParts] = email.toLowerCase().split('@')
  const safe = (s: string): string =>
    [...Buffer.from(s, 'utf8')].map((b) => (/[a-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `~${b.toString(16).padStart(2, '0')}`)).join('')
  return `${portableStem(`${safe(local)}${domainParts.length > 0 ? '-at-' + safe(domainParts.join('@')) : ''}`, email.toLowerCase())}.ics`
}

/** Schedule feeds are named by the schedule key, which the language limits to `[a-z0-9_-]`. */
export function scheduleFeedFileName(scheduleKey: string): string {
  return `${portableStem(scheduleKey, scheduleKey)}.ics`
}

/** Longest stem kept as it is; file systems allow 255 bytes per name (a 245-character email, escaped, is longer). */
export const MAX_STEM_LENGTH = 120
const KEPT_WHEN_SHORTENED = 100

/** Device names Windows reserves in any case and with any extension (`con.ics` cannot be created). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i

/**
 * A stem every common file system accepts: too long → its first 100 characters, `~` and 16 hex
 * digits of the SHA-256 of `identity` (stable across runs, distinct for names that share the
 * first 100 characters); a Windows device name → `_` appended (`con` → `con_`).
 */
function portableStem(stem: string, identity: string): string {
  let out = stem
  if (out.length > MAX_STEM_LENGTH) out = `${out.slice(0, KEPT_WHEN_SHORTENED)}~${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`
  return out.replace(WINDOWS_RESERVED, '$1_')
}
