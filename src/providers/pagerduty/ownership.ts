/**
 * The ownership marker: how `oncall` recognises the PagerDuty objects it manages.
 *
 * PagerDuty has no tags on teams, schedules, escalation policies or services, but all of them
 * have a free-text `description` that round-trips unchanged, so the marker is one line of
 * plain text, written as the last line of the description:
 *
 *   Managed by oncall (owner: consumer-app, key: consumer-app-primary). Edit in git, not here.
 *
 * The owner says which config manages the object (only that config may change or delete it);
 * the key is the object's YAML key, so renaming the object in PagerDuty or in YAML does not lose
 * its identity. The model's description never contains the marker: reading strips it, writing
 * appends it.
 *
 * Reading is lenient where a person may have touched the text (a marker line that is no longer
 * last is still found, CRLF line ends are accepted) and strict about the marker itself: a line
 * whose wording, owner or key does not match exactly is not a marker, so a tampered marker
 * makes the object unmanaged rather than silently owned by someone.
 */

/**
 * Owners and keys may not contain characters that would make the marker ambiguous, nor control
 * or invisible format characters: a hand-made marker whose owner holds ESC sequences would reach
 * the terminal through every message that names the owner. Such a line is not a marker.
 */
const TOKEN = String.raw`[^\s,()\p{Cc}\p{Cf}]+`
const MARKER_LINE = new RegExp(
  String.raw`^Managed by oncall \(owner: (${TOKEN}), key: (${TOKEN})\)\. Edit in git, not here\.$`,
  'u',
)
const TOKEN_ONLY = new RegExp(`^${TOKEN}$`, 'u')

/** PagerDuty's documented limit for team descriptions (spec: Team.description maxLength). */
export const TEAM_DESCRIPTION_MAX_LENGTH = 1024

export interface OwnershipMarker {
  readonly owner: string
  readonly key: string
}

export interface ParsedDescription {
  /** The description without the marker line: what the model holds. */
  readonly text: string
  /** The marker, or null when the description carries none (or a tampered one). */
  readonly marker: OwnershipMarker | null
}

export function formatMarker(marker: OwnershipMarker): string {
  for (const [what, value] of [['owner', marker.owner], ['key', marker.key]] as const) {
    if (!TOKEN_ONLY.test(value)) {
      throw new Error(`ownership marker ${what} ${JSON.stringify(value)} must not contain spaces, commas, parentheses or control characters`)
    }
  }
  return `Managed by oncall (owner: ${marker.owner}, key: ${marker.key}). Edit in git, not here.`
}

/** Splits a live description into its own text and the marker (the last marker line wins). */
export function parseDescription(description: string | null | undefined): ParsedDescription {
  const raw = description ?? ''
  const lines = raw.split(/\r?\n/)
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = MARKER_LINE.exec((lines[i] ?? '').trim())
    if (match) {
      // appendMarker joins with exactly one newline; dropping the line drops only that one.
      const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n')
      return {text, marker: {owner: match[1] as string, key: match[2] as string}}
    }
  }
  return {text: raw.replace(/\r\n/g, '\n'), marker: null}
}

/** The description to write: the model text followed by the marker line. */
export function appendMarker(text: string, marker: OwnershipMarker): string {
  const line = formatMarker(marker)
  return text === '' ? line : `${text}\n${line}`
}

/** appendMarker, refusing a result longer than the API accepts (teams: 1024 characters). */
export function describeWithMarker(text: string, marker: OwnershipMarker, maxLength?: number): string {
  const description = appendMarker(text, marker)
  if (maxLength !== undefined && description.length > maxLength) {
    const room = maxLength - formatMarker(marker).length - 1
    throw new Error(
      `description of ${marker.key} is too long: PagerDuty allows ${maxLength} characters and the ownership marker needs ` +
        `${maxLength - room}, so at most ${room} are left for the text (it has ${text.length})`,
    )
  }
  return description
}
