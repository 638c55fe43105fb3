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
  return `${safe(local)}${domainParts.length > 0 ? '-at-' + safe(domainParts.join('@')) : ''}.ics`
}

/** Schedule feeds are named by the schedule key, which the language limits to `[a-z0-9_-]`. */
export function scheduleFeedFileName(scheduleKey: string): string {
  return `${scheduleKey}.ics`
}
