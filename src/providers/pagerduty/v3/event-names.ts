/**
 * v3 rotations have no name on the wire, so the config's rotation name travels in its events'
 * names (a decision 16b's import relies on; docs/shift-based-schedules.md, "Plan and apply"):
 *
 * - writing: the PagerDuty event name is `<rotation name> · <event name>` (U+00B7 with a space
 *   each side), unless the rotation's name is the default `Rotation <n>` of its position n
 *   (1-based): then just the event name, which is what PagerDuty's own editor shows;
 * - reading: a rotation whose current events' names all start with the same `X · ` is named X
 *   (the prefix is stripped from the event names); otherwise it is `Rotation <n>`, n its position
 *   among the rotations PagerDuty lists. Validate refuses ` · ` in rotation names
 *   (config/rules/shift-events.ts), so the prefix can never be ambiguous.
 */
import {defaultRotationName, ROTATION_SEPARATOR} from '../../../model/rotation-name.js'

export {defaultRotationName, ROTATION_SEPARATOR}

/** The PagerDuty event name of `eventName` in the rotation at `position` (1-based). */
export function wireEventName(rotationName: string, position: number, eventName: string): string {
  return rotationName === defaultRotationName(position) ? eventName : `${rotationName}${ROTATION_SEPARATOR}${eventName}`
}

/** The rotation's name and its events' model names, from the wire names of its current events. */
export function rotationNameFromWire(position: number, wireNames: readonly string[]): {name: string; eventNames: string[]} {
  const prefixes = wireNames.map((n) => {
    const at = n.indexOf(ROTATION_SEPARATOR)
    return at > 0 ? n.slice(0, at) : null
  })
  const first = prefixes[0]
  if (first !== null && first !== undefined && prefixes.every((p) => p === first)) {
    return {name: first, eventNames: wireNames.map((n) => n.slice(first.length + ROTATION_SEPARATOR.length))}
  }
  return {name: defaultRotationName(position), eventNames: [...wireNames]}
}
