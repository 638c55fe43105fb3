/**
 * The one neutraliser for untrusted text shown on a terminal (names, descriptions, marker owners
 * and error messages from the config or from the account). A name holding ESC sequences, BEL or
 * a bare CR could clear the screen or rewrite the line above apply's confirmation prompt ("No
 * changes.") while the plan deletes a service; so every control character becomes a visible
 * escape instead: `\x1b`, `\r`, `\u202e`.
 *
 * Covered: C0 controls and DEL, C1 controls, and the invisible format characters that reorder or
 * hide text (bidirectional overrides and isolates, zero-width joiners, line/paragraph separators,
 * the BOM). Tabs and (where the caller says so) newlines are kept.
 */

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu
const UNSAFE_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu

const NAMED: Readonly<Record<string, string>> = {'\n': '\\n', '\r': '\\r', '\u001b': '\\x1b', '\u0007': '\\x07', '\b': '\\b'}

/** `text` with every control/format character shown as an escape; newlines escaped too unless `multiline`. */
export function printable(text: string, options: {readonly multiline?: boolean} = {}): string {
  return text.replace(options.multiline ? UNSAFE : UNSAFE_OR_NEWLINE, escapeChar)
}

/** Whether `text` holds any character printable() would escape (newlines included). */
export function hasControlCharacters(text: string): boolean {
  UNSAFE_OR_NEWLINE.lastIndex = 0
  return UNSAFE_OR_NEWLINE.test(text)
}

function escapeChar(ch: string): string {
  const named = NAMED[ch]
  if (named) return named
  const code = ch.codePointAt(0) ?? 0
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}
