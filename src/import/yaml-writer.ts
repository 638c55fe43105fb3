/**
 * A written config section → YAML text formatted like examples/: keys in the order the language
 * reference lists them, short lists and single-line items in flow style (`users: [a, b]`,
 * `- {user: x, role: manager}`, `- weekly: {from: "mon 09:00", to: "fri 18:00"}`), times quoted,
 * multi-line descriptions as block literals, a blank line between top-level sections, and the
 * header comment on top. Built with the `yaml` Document API, so quoting is always valid YAML.
 * Pure and deterministic: the same input gives the same bytes.
 */
import {Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node} from 'yaml'
import type {
  WrittenConfig,
  WrittenEscalationPolicy,
  WrittenLayer,
  WrittenRotation,
  WrittenSchedule,
  WrittenService,
  WrittenShiftEvent,
  WrittenTeam,
} from '../config/written.js'

/** The part of a config one file holds. */
export type WrittenFile = Omit<WrittenConfig, 'users'>

/** Key order of every mapping, as docs/language.md writes them. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  top: ['version', 'owner', 'teams', 'schedules', 'escalation_policies', 'services'],
  team: ['name', 'description', 'members'],
  schedule: ['name', 'description', 'time_zone', 'teams', 'layers', 'rotations'],
  rotation: ['name', 'events'],
  event: ['name', 'time_zone', 'start', 'end', 'repeat', 'members', 'shifts_per_member', 'everyone', 'effective_from', 'effective_until'],
  layer: ['name', 'users', 'turn', 'handoff', 'rotation_start', 'start', 'end', 'restrictions'],
  policy: ['name', 'description', 'team', 'repeat', 'handoff_notifications', 'rules'],
  service: ['name', 'description', 'escalation_policy', 'team', 'acknowledgement_timeout', 'auto_resolve_timeout', 'urgency', 'alert_grouping', 'auto_pause_notifications'],
}

const TIME_LIKE = /^([a-z]{3} )?\d{2}:\d{2}(:\d{2})?$/
/** Words YAML 1.1 tools (older editors, linters) read as booleans: quoted so every reader agrees. */
const YAML11_BOOLEAN = /^(y|yes|n|no|on|off)$/i

export function renderYaml(file: WrittenFile, headerLines: readonly string[]): string {
  const top = new YAMLMap()
  const sections: [keyof WrittenFile, (value: never) => Node][] = [
    ['version', (v: number) => new Scalar(v)],
    ['owner', (v: string) => str(v)],
    ['teams', (v: Record<string, WrittenTeam>) => keyed(v, team)],
    ['schedules', (v: Record<string, WrittenSchedule>) => keyed(v, schedule)],
    ['escalation_policies', (v: Record<string, WrittenEscalationPolicy>) => keyed(v, policy)],
    ['services', (v: Record<string, WrittenService>) => keyed(v, service)],
  ]
  let previousWasSection = false
  for (const [name, build] of sections) {
    const value = file[name]
    if (value === undefined) continue
    const key = new Scalar(name)
    const isSection = name !== 'version' && name !== 'owner'
    // A blank line before each section (and after the version/owner block), as in the examples.
    if (top.items.length > 0 && (isSection || previousWasSection)) key.spaceBefore = true
    previousWasSection = isSection
    top.items.push(new Pair(key, build(value as never)))
  }
  const first = top.items[0]?.key as Scalar | undefined
  const comment = headerLines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n')
  const doc = new Document()
  doc.contents = top
  if (first) first.commentBefore = comment
  else doc.commentBefore = comment
  return doc.toString({lineWidth: 0, flowCollectionPadding: false, indentSeq: true})
}

function keyed<T extends object>(objects: Record<string, T>, build: (o: T) => YAMLMap): YAMLMap {
  const map = new YAMLMap()
  for (const [key, value] of Object.entries(objects)) map.items.push(new Pair(new Scalar(key), build(value)))
  return map
}

function team(t: WrittenTeam): YAMLMap {
  return ordered('team', {...t, members: t.members && blockOf(t.members.map((m) => flowMap(m)))})
}

function schedule(s: WrittenSchedule): YAMLMap {
  return ordered('schedule', {
    ...s,
    teams: s.teams && flowSeq(s.teams),
    layers: s.layers && blockOf(s.layers.map(layer)),
    rotations: s.rotations && blockOf(s.rotations.map(rotation)),
  })
}

function rotation(r: WrittenRotation): YAMLMap {
  return ordered('rotation', {...r, events: blockOf(r.events.map(shiftEvent))})
}

function shiftEvent(e: WrittenShiftEvent): YAMLMap {
  const repeat = e.repeat
  return ordered('event', {
    ...e,
    members: flowSeq(e.members),
    // `{every_weeks: 2, on: [sat]}` on one line; an rrule (possibly with EXDATE lines) as text.
    repeat: typeof repeat === 'string' || 'rrule' in repeat ? repeat : flowMap({...repeat, ...('on' in repeat && repeat.on ? {on: flowSeq(repeat.on)} : {})}),
  })
}

function layer(l: WrittenLayer): YAMLMap {
  return ordered('layer', {
    ...l,
    users: flowSeq(l.users),
    restrictions: l.restrictions && blockOf(l.restrictions.map((r) => ordered(null, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, flowMap(v)]))))),
  })
}

function policy(p: WrittenEscalationPolicy): YAMLMap {
  return ordered('policy', {
    ...p,
    rules: blockOf(p.rules.map((r) => ordered(null, {delay: r.delay, assignment: r.assignment, targets: blockOf(r.targets.map((t) => ordered(null, t)))}))),
  })
}

function service(s: WrittenService): YAMLMap {
  const urgency = s.urgency
  return ordered('service', {
    ...s,
    urgency:
      urgency === undefined || typeof urgency === 'string'
        ? urgency
        : ordered(null, {
            support_hours: flowMap({...urgency.support_hours, days: flowSeq(urgency.support_hours.days)}),
            during: urgency.during,
            outside: urgency.outside,
            scheduled_actions: urgency.scheduled_actions && blockOf(urgency.scheduled_actions.map((a) => flowMap(a))),
          }),
    alert_grouping: s.alert_grouping && flowMap({...s.alert_grouping, ...('fields' in s.alert_grouping ? {fields: flowSeq(s.alert_grouping.fields)} : {})}),
  })
}

/** A block mapping with keys in the language's order (null: as given); undefined values are left out. */
function ordered(kind: keyof typeof ORDER | null, value: object): YAMLMap {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined)
  if (kind !== null) {
    const order = ORDER[kind] as readonly string[]
    entries.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
  }
  const map = new YAMLMap()
  for (const [k, v] of entries) map.items.push(new Pair(new Scalar(k), toNode(v)))
  return map
}

function flowMap(value: object): YAMLMap {
  const map = ordered(null, value)
  map.flow = true
  return map
}

function flowSeq(items: readonly unknown[]): YAMLSeq {
  const seq = blockOf(items.map(toNode))
  seq.flow = true
  return seq
}

function blockOf(items: readonly Node[]): YAMLSeq {
  const seq = new YAMLSeq()
  seq.items.push(...items)
  return seq
}

function toNode(value: unknown): Node {
  if (value instanceof YAMLMap || value instanceof YAMLSeq || value instanceof Scalar) return value
  if (typeof value === 'string') return str(value)
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return new Scalar(value)
  if (Array.isArray(value)) return flowSeq(value)
  return ordered(null, value as object)
}

/** Times quoted (`"09:00"`, `"mon 09:00"`), as docs/language.md asks, and YAML 1.1 booleans; multi-line text as a block literal. */
function str(value: string): Scalar {
  const scalar = new Scalar(value)
  if (TIME_LIKE.test(value) || YAML11_BOOLEAN.test(value)) scalar.type = Scalar.QUOTE_DOUBLE
  else if (value.includes('\n')) scalar.type = Scalar.BLOCK_LITERAL
  return scalar
}
