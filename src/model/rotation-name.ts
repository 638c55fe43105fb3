/**
 * Names of shift-based rotations. PagerDuty's v3 rotations have no name, so oncall carries the
 * config's rotation name in its events' names, `<rotation> · <event>` (providers/pagerduty/v3/
 * event-names.ts); validate refuses the separator in rotation names (config/rules/shift-events.ts).
 */
export const ROTATION_SEPARATOR = ' · '

/** The name of an unnamed rotation at `position` (1-based). */
export function defaultRotationName(position: number): string {
  return `Rotation ${position}`
}
