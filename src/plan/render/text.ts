import type {Plan} from '../plan.js'
import type {SafetyViolation} from '../safety.js'
import type {ShiftPreviewView} from './shift-preview-view.js'
import {NO_SHIFT_CHANGES} from './shift-preview-view.js'
import {textDiff} from './text-diff.js'
import {noChangesLine, planView, type FieldView, type PlanView, type Sign} from './view.js'

export interface TextOptions {
  /** ANSI colour; the caller decides (--color/--no-color, NO_COLOR, TTY). */
  readonly color: boolean
  /** Safety violations to show (from assessSafety), if the caller judged them. */
  readonly violations?: readonly SafetyViolation[]
}

/**
 * The plan for a terminal, in Terraform's shape: one block per resource (`+` create, `~`
 * update/adopt, `-` delete) with indented field lines, a summary line, then what the plan will not
 * do and why (unmanaged, conflicts, errors, warnings, safety), and the API request count.
 */
export function renderText(plan: Plan, options: TextOptions): string {
  const view = planView(plan, options.violations)
  const c = palette(options.color)
  const out: string[] = []
  if (view.resources.length === 0) out.push(c.bold(noChangesLine(view)))
  for (const r of view.resources) {
    out.push(c.sign(r.sign, `${r.sign} ${r.title}`) + (r.note === null ? '' : ` ${c.dim(r.note)}`))
    for (const f of r.fields) out.push(...fieldLines(f, c))
    if (r.shifts) out.push(...shiftLines(r.shifts, c))
  }
  if (view.resources.length > 0) out.push('', c.bold(view.summaryLine))
  out.push(...section('Migrations (layer-based → shift-based, docs/shift-based-schedules.md):', '→', view.migrations, (s) => s))
  out.push(...section('Unmanaged (exist in the account without an ownership marker):', '!', view.unmanaged, c.yellow))
  out.push(...section('Conflicts (owned by another config; the plan cannot be applied):', '✗', view.conflicts, c.red))
  out.push(...section('Errors:', '✗', view.errors, c.red))
  out.push(...section('Warnings:', '!', view.warnings, c.yellow))
  out.push(...section('Refused by safety checks:', '✗', view.violations, c.red))
  out.push('', c.dim(`API requests: ${view.requestCount}`))
  return out.join('\n') + '\n'
}

function fieldLines(f: FieldView, c: Palette): string[] {
  const head = `    ${f.sign} ${f.path}:`
  if (f.text) {
    const lines = [c.sign(f.sign, head)]
    for (const l of textDiff(f.text.before, f.text.after)) {
      const line = `        ${l.sign} ${l.text}`.trimEnd()
      lines.push(l.sign === ' ' ? line : c.sign(l.sign === '+' ? '+' : '-', line))
    }
    return lines
  }
  const value = f.sign === '+' ? f.after : f.sign === '-' ? f.before : `${f.before} → ${f.after}`
  return [c.sign(f.sign, `${head} ${value}`)]
}

/** A terminal is not a calendar: this many people and spans per sign, the rest counted. */
const MAX_PEOPLE = 10
const MAX_SPANS = 4

function shiftLines(v: ShiftPreviewView, c: Palette): string[] {
  const out = [`    ${c.dim(v.heading + ':')}`, `      ${v.nowLine}`]
  if (v.people.length === 0) out.push(`      ${c.dim(NO_SHIFT_CHANGES)}`)
  for (const p of v.people.slice(0, MAX_PEOPLE)) {
    out.push(`      ${p.label}:`)
    out.push(...spanLines('+', p.gained, c), ...spanLines('-', p.lost, c))
    if (p.load !== null) out.push(`        ${c.dim(`load: ${p.load}`)}`)
  }
  const hidden = v.people.length - MAX_PEOPLE
  if (hidden > 0) out.push(`      … and ${hidden} more ${hidden === 1 ? 'person' : 'people'}`)
  return out
}

function spanLines(sign: '+' | '-', spans: readonly string[], c: Palette): string[] {
  const lines = spans.slice(0, MAX_SPANS).map((s) => c.sign(sign, `        ${sign} ${s}`))
  if (spans.length > MAX_SPANS) lines.push(c.sign(sign, `        ${sign} … and ${spans.length - MAX_SPANS} more`))
  return lines
}

function section(title: string, bullet: string, lines: readonly string[], colour: (s: string) => string): string[] {
  if (lines.length === 0) return []
  return ['', colour(title), ...lines.map((l) => `  ${colour(bullet)} ${l}`)]
}

interface Palette {
  sign(sign: Sign, text: string): string
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  yellow(text: string): string
}

function palette(enabled: boolean): Palette {
  const wrap = (code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text)
  const green = wrap(32)
  const yellow = wrap(33)
  const red = wrap(31)
  return {
    sign: (sign, text) => (sign === '+' ? green : sign === '~' ? yellow : red)(text),
    bold: wrap(1),
    dim: wrap(2),
    red,
    yellow,
  }
}
