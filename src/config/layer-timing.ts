import type {LocalDateTime} from '../model/time.js'
import {tryParseDuration} from './duration.js'
import {firstHandoffAtOrAfter, isBefore, isTimeOfDay, parseWeeklyTime, toLocalDateTime} from './local-time.js'
import type {WrittenLayer} from './written.js'

export interface LayerTiming {
  readonly turnSeconds: number
  readonly rotationStart: LocalDateTime
  readonly start: LocalDateTime
  readonly end: LocalDateTime | null
}

export interface TimingProblem {
  readonly code: string
  /** The layer field to point at. */
  readonly field: keyof WrittenLayer
  readonly message: string
  readonly hint?: string
}

export const DAY_SECONDS = 86_400
export const WEEK_SECONDS = 604_800

/** Seconds of `daily`, `weekly` or a duration; undefined when unparseable. */
export function turnSeconds(turn: string): number | undefined {
  return turn === 'daily' ? DAY_SECONDS : turn === 'weekly' ? WEEK_SECONDS : tryParseDuration(turn)
}

/**
 * Applies docs/language.md "Layer timing rules" to one written layer: the rotation anchor,
 * the counting window and the turn length, or the reasons they cannot be computed. Shared by
 * the `layer-timing` rule (which reports the problems) and the normalizer (which needs the values).
 */
export function analyzeLayerTiming(layer: WrittenLayer): {timing?: LayerTiming; problems: TimingProblem[]} {
  // The rule and the normalizer both ask, for every layer of the config: compute once per layer.
  const known = analyzed.get(layer)
  if (known) return {timing: known.timing, problems: [...known.problems]}
  const result = analyze(layer)
  analyzed.set(layer, result)
  return {timing: result.timing, problems: [...result.problems]}
}

const analyzed = new WeakMap<WrittenLayer, {timing?: LayerTiming; problems: TimingProblem[]}>()

function analyze(layer: WrittenLayer): {timing?: LayerTiming; problems: TimingProblem[]} {
  const problems: TimingProblem[] = []
  const seconds = turnSeconds(layer.turn)
  const date = (field: 'start' | 'end' | 'rotation_start'): LocalDateTime | undefined => {
    const text = layer[field]
    if (text === undefined) return undefined
    const local = toLocalDateTime(text)
    if (local === undefined) problems.push({code: 'invalid-date', field, message: `\`${text}\` is not a date that exists`})
    return local
  }
  const start = date('start')
  const end = date('end')
  const rotationStart = date('rotation_start')

  let anchor: LocalDateTime | undefined
  if (layer.handoff !== undefined && layer.rotation_start !== undefined) {
    problems.push({code: 'handoff-and-rotation-start', field: 'handoff', message: '`handoff` and `rotation_start` exclude each other', hint: 'keep one of them'})
  } else if (layer.rotation_start !== undefined) {
    anchor = rotationStart
  } else if (layer.handoff !== undefined) {
    anchor = handoffAnchor(layer, layer.handoff, start, problems)
  } else {
    problems.push({code: 'missing-handoff', field: 'turn', message: 'the layer needs `handoff` or `rotation_start`', hint: handoffHint(layer.turn)})
  }

  const effectiveStart = start ?? (layer.start === undefined ? rotationStart : undefined)
  if (effectiveStart !== undefined && end !== undefined && !isBefore(effectiveStart, end)) {
    problems.push({code: 'end-before-start', field: 'end', message: `\`end\` (${end}) must be after \`start\` (${effectiveStart})`})
  }
  if (problems.length > 0 || seconds === undefined || anchor === undefined || effectiveStart === undefined) return {problems}
  return {timing: {turnSeconds: seconds, rotationStart: anchor, start: effectiveStart, end: end ?? null}, problems}
}

function handoffAnchor(layer: WrittenLayer, handoff: string, start: LocalDateTime | undefined, problems: TimingProblem[]): LocalDateTime | undefined {
  const weekly = parseWeeklyTime(handoff)
  const daily = isTimeOfDay(handoff)
  if (layer.turn === 'weekly' && !weekly) {
    problems.push({code: 'handoff-mismatch', field: 'handoff', message: `a weekly turn needs \`handoff: <weekday> HH:MM\`, not \`${handoff}\``, hint: 'e.g. `handoff: mon 10:00`'})
    return undefined
  }
  if (layer.turn === 'daily' && !daily) {
    problems.push({code: 'handoff-mismatch', field: 'handoff', message: `a daily turn needs \`handoff: HH:MM\`, not \`${handoff}\``, hint: 'e.g. `handoff: "09:00"`'})
    return undefined
  }
  if (layer.turn !== 'weekly' && layer.turn !== 'daily') {
    problems.push({code: 'handoff-mismatch', field: 'handoff', message: `\`handoff\` works with \`turn: daily\` or \`turn: weekly\`, not \`turn: ${layer.turn}\``, hint: handoffHint(layer.turn)})
    return undefined
  }
  if (layer.start === undefined) {
    problems.push({code: 'missing-start', field: 'handoff', message: '`handoff` needs `start`: the first handoff at or after it begins the rotation', hint: 'add e.g. `start: 2026-01-05`'})
    return undefined
  }
  if (start === undefined) return undefined
  return weekly ? firstHandoffAtOrAfter(start, weekly.time, weekly.day) : firstHandoffAtOrAfter(start, handoff)
}

function handoffHint(turn: string): string {
  if (turn === 'weekly') return 'add e.g. `handoff: mon 10:00` and `start: 2026-01-05`'
  if (turn === 'daily') return 'add e.g. `handoff: "09:00"` and `start: 2026-01-05`'
  return "add `rotation_start: <YYYY-MM-DDTHH:MM>` (users[0]'s first turn begins there)"
}
