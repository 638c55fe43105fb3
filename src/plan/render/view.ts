import type {ResourceType} from '../../model/keys.js'
import type {Change, ChangeKind, FieldChange} from '../change.js'
import {migrationLines, migrationNote} from './migration-lines.js'
import {allFields} from '../field-diff.js'
import {isFreeText} from '../human-fields.js'
import type {Plan} from '../plan.js'
import {rolloutLine} from '../rollout-plan.js'
import type {SafetyViolation} from '../safety.js'
import {overrideResourceViews} from './override-view.js'
import {printable} from '../../text/printable.js'
import {shiftPreviewView, type ShiftPreviewView} from './shift-preview-view.js'

/**
 * One view model of a plan that every renderer formats (octoDNS rebuilt the same traversal in
 * each output; here grouping, ordering and wording happen once). Values are already strings.
 */
export type Sign = '+' | '~' | '-'

export interface FieldView {
  readonly sign: Sign
  readonly path: string
  /** Human text of each side; null when that side has no value. */
  readonly before: string | null
  readonly after: string | null
  /** Set when either side is multi-line text: renderers show a line diff of these. */
  readonly text?: {readonly before: string; readonly after: string}
}

export interface ResourceView {
  readonly sign: Sign
  readonly kind: ChangeKind
  readonly type: ResourceType
  readonly key: string
  /** `schedule consumer-app-primary` */
  readonly title: string
  /** Extra words after the title, e.g. for an adoption. */
  readonly note: string | null
  readonly fields: readonly FieldView[]
  /** For a schedule change with a shift preview in the plan: who gains and loses on-call time. */
  readonly shifts?: ShiftPreviewView
}

export interface PlanView {
  readonly resources: readonly ResourceView[]
  readonly summary: Plan['summary']
  /** `Plan: 2 to add, 1 to change, 0 to destroy.` */
  readonly summaryLine: string
  readonly unmanaged: readonly string[]
  readonly conflicts: readonly string[]
  readonly errors: readonly string[]
  readonly warnings: readonly string[]
  readonly violations: readonly string[]
  readonly requestCount: number
  /** Layer schedules moving to shift-based: one sentence each (migration-lines.ts). */
  readonly migrations: readonly string[]
}

export const NO_CHANGES = 'No changes. The account matches the configuration.'
/** Instead of NO_CHANGES when conflicts or errors block the plan: "No changes" would read as "all is well". */
export const BLOCKED_NO_CHANGES = 'No changes can be planned: the plan cannot be applied (see the conflicts and errors below).'

/** The first line of a plan without resource changes. */
export function noChangesLine(view: PlanView): string {
  return view.conflicts.length > 0 || view.errors.length > 0 ? BLOCKED_NO_CHANGES : NO_CHANGES
}

/**
 * Every string of the view has passed through printable(): names, descriptions, owners and
 * messages come from the config or the account, and each renderer (terminal, PR comment) gets
 * them with control characters already shown as escapes.
 */
export function planView(plan: Plan, violations: readonly SafetyViolation[] = []): PlanView {
  return printableView(rawPlanView(plan, violations))
}

function rawPlanView(plan: Plan, violations: readonly SafetyViolation[]): PlanView {
  const {create, update, delete: destroy} = plan.summary
  return {
    resources: [...plan.changes.map((c) => withNotManaged(withMigrationNote(withShifts(resourceView(c), plan), c, plan), plan)), ...overrideResourceViews(plan)],
    summary: plan.summary,
    summaryLine: `Plan: ${create} to add, ${update} to change, ${destroy} to destroy.`,
    unmanaged: plan.unmanaged.map(
      (u) => `${u.type} ${u.key}: "${u.name}" (${u.id}) exists, unmanaged (no ownership marker); not created. Run with --adopt to take it over.`,
    ),
    conflicts: plan.conflicts.map(
      (c) => `${c.type} ${c.key}: "${c.name}" (${c.id}) is owned by config "${c.owner}"; rename it in this config or settle ownership with "${c.owner}".`,
    ),
    errors: (plan.errors ?? []).map((e) => e.message),
    warnings: plan.warnings.map((w) => w.message),
    violations: violations.map((v) => v.message),
    requestCount: plan.requestCount,
    migrations: migrationLines(plan),
  }
}

function printableView(v: PlanView): PlanView {
  const line = (t: string) => printable(t)
  const lines = (list: readonly string[]) => list.map(line)
  return {
    ...v,
    resources: v.resources.map((r) => ({
      ...r,
      title: line(r.title),
      note: r.note === null ? null : line(r.note),
      fields: r.fields.map((f) => ({
        ...f,
        path: line(f.path),
        before: f.before === null ? null : line(f.before),
        after: f.after === null ? null : line(f.after),
        ...(f.text ? {text: {before: printable(f.text.before, {multiline: true}), after: printable(f.text.after, {multiline: true})}} : {}),
      })),
      ...(r.shifts ? {shifts: printableShifts(r.shifts)} : {}),
    })),
    unmanaged: lines(v.unmanaged),
    conflicts: lines(v.conflicts),
    errors: lines(v.errors),
    warnings: lines(v.warnings),
    violations: lines(v.violations),
    migrations: lines(v.migrations),
  }
}

function printableShifts(v: ShiftPreviewView): ShiftPreviewView {
  const bar = (b: ShiftPreviewView['before'][number]) => ({...b, label: printable(b.label)})
  return {
    ...v,
    heading: printable(v.heading),
    nowLine: printable(v.nowLine),
    people: v.people.map((p) => ({...p, label: printable(p.label)})),
    before: v.before.map(bar),
    after: v.after.map(bar),
  }
}

function resourceView(c: Change): ResourceView {
  const base = {kind: c.kind, type: c.type, key: c.key, title: `${c.type} ${c.key}`}
  switch (c.kind) {
    case 'create':
      return {...base, sign: '+', note: null, fields: allFields(c.type, c.after, 'after').map(fieldView)}
    case 'delete':
      return {...base, sign: '-', note: null, fields: []}
    case 'update':
      return {...base, sign: '~', note: null, fields: c.fields.map(fieldView)}
    case 'adopt': {
      const name = 'name' in c.before ? c.before.name : c.key
      return {...base, sign: '~', note: `(adopt "${name}" ${c.id}: add the ownership marker)`, fields: c.fields.map(fieldView)}
    }
  }
}

/**
 * Which of a migrating key's two schedules a change is about (migration-lines.ts). The key's
 * shift preview (one move, plan/migration-plan.ts) shows under the shift-based schedule only.
 */
function withMigrationNote(view: ResourceView, c: Change, plan: Plan): ResourceView {
  const note = migrationNote(c, plan)
  if (note === null) return view
  const {shifts, ...rest} = view
  const legacy = c.kind !== 'create' && plan.migrations?.some((m) => m.key === c.key && m.legacyId === c.id) === true
  return {...rest, ...(shifts === undefined || legacy ? {} : {shifts}), note: [view.note, note].filter((n) => n !== null).join(' ')}
}

/** `(not managed here: scheduled_actions (1), status (maintenance))` after the title of an object the plan changes. */
function withNotManaged(view: ResourceView, plan: Plan): ResourceView {
  const fields = plan.notManaged?.[`${view.type}:${view.key}`]
  if (fields === undefined || fields.length === 0) return view
  return {...view, note: [view.note, `(not managed here: ${fields.join(', ')})`].filter((n) => n !== null).join(' ')}
}

function withShifts(view: ResourceView, plan: Plan): ResourceView {
  if (view.type !== 'schedule') return view
  const rollouts = (plan.rollouts ?? []).filter((r) => r.schedule === view.key).map(rolloutLine)
  if (rollouts.length > 0) view = {...view, note: [view.note, `(${rollouts.join('; ')})`].filter((n) => n !== null).join(' ')}
  const preview = plan.shiftPreviews?.find((p) => p.schedule === view.key)
  return preview ? {...view, shifts: shiftPreviewView(preview)} : view
}

function fieldView(f: FieldChange): FieldView {
  const sign: Sign = f.before === null ? '+' : f.after === null ? '-' : '~'
  const view: FieldView = {sign, path: f.path, before: formatValue(f.path, f.before), after: formatValue(f.path, f.after)}
  const multiline = [f.before, f.after].some((v) => typeof v === 'string' && v.includes('\n'))
  if (!multiline) return view
  return {...view, text: {before: typeof f.before === 'string' ? f.before : '', after: typeof f.after === 'string' ? f.after : ''}}
}

/** Free text quoted (so spaces and empty strings show), tokens bare, lists in brackets. */
export function formatValue(path: string, value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return `[${value.map(String).join(', ')}]`
  if (typeof value === 'string') return isFreeText(path) ? JSON.stringify(value) : value
  return String(value)
}
