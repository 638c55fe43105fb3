/**
 * Escaping for each context of the pull-request comment, so that a name from the config or the
 * account is shown as text and never becomes markup: no closed code block, no image, link,
 * mention (`@team`), issue reference or `</details>`. Input has already passed printable() (no
 * control characters, no newlines in single-line values).
 *
 * - raw HTML (inside `<summary>`): entities for `& < >`, plus a zero-width space that breaks what
 *   GitHub links on its own after rendering: `@mentions`, `#123`, `http://`, `www.`.
 * - Markdown inline (table cells, list items, bold headings): the same, plus a backslash before
 *   each character that starts inline markup (`` \ ` * _ [ ] ! | ~ $ ``; `|` ends a table
 *   cell) and before what would start a block at the beginning of a list item (`#`, `-`, `1.`).
 * - code fences: a fence longer than any backtick run in the content (CommonMark: a block closes
 *   only at a fence at least as long as the opening one).
 * - Mermaid task names: letters, digits, marks and a few harmless signs; anything else a space.
 */

/** U+200B, literal: an entity would itself hold a `#` for the rules below. */
const ZWSP = '\u200b'

/** Text for a raw HTML context. */
export function htmlText(text: string): string {
  return breakAutoLinks(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
}

/** Text for a Markdown inline context (table cell, list item, emphasis). */
export function markdownText(text: string): string {
  const escaped = text
    .replace(/[\\`*_[\]!|~$]/g, (ch) => `\\${ch}`)
    // What starts a block at the beginning of a list item: a heading, a list, a quote (> is an entity below).
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
  return breakAutoLinks(escaped)
}

function breakAutoLinks(text: string): string {
  return text
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#/g, `#${ZWSP}`)
    .replace(/(\\?:)(\\?\/\\?\/)/g, `$1${ZWSP}$2`)
    .replace(/\b(www)(\\?\.)/gi, `$1${ZWSP}$2`)
}

/** The fence for a code block holding `lines`: longer than any backtick run in them. */
export function codeFence(lines: readonly string[]): string {
  let longest = 0
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return '`'.repeat(Math.max(3, longest + 1))
}

/** A Mermaid gantt task name or title text: nothing Mermaid or Markdown could read as syntax. */
export function mermaidText(text: string): string {
  return text.replace(/[^\p{L}\p{N}\p{M} .,_@'+\-/]/gu, ' ').replace(/\s+/g, ' ').trim() || '?'
}
