import type {AnySchemaObject} from 'ajv'
import {describe, expect, it} from 'vitest'
import {loadSchema} from './schema.js'
import type {WrittenConfig, WrittenUrgencyLevel, WrittenUserRole} from './written.js'

/**
 * Keeps written.ts and schemas/oncall.schema.json in step. `DeepRequired` forces the sample to
 * carry every property the TypeScript types declare (and TypeScript's excess-property check
 * refuses any they do not); the walk then demands that each object in the sample has exactly
 * the properties its schema declares, and that every object definition of the schema was seen.
 */
type DeepRequired<T> = T extends (infer U)[]
  ? DeepRequired<U>[]
  : T extends object
    ? {[K in keyof T]-?: DeepRequired<NonNullable<T[K]>>}
    : T

const sample: DeepRequired<WrittenConfig> = {
  version: 1,
  owner: 'sample',
  templates: {weekly: {turn: 'weekly'}},
  users: [{email: 'a@example.com', name: 'A', time_zone: 'Asia/Tokyo', role: 'user'}],
  teams: {t: {name: 'T', description: 'd', members: [{user: 'a@example.com', role: 'manager'}], holidays: {country: 'JP', region: '13'}}},
  schedules: {
    s: {
      name: 'S',
      description: 'd',
      time_zone: 'Asia/Tokyo',
      teams: ['t'],
      rollout: 'next_handoff',
      overrides: 'exclusive',
      layers: [
        {
          name: 'L',
          users: ['a@example.com'],
          turn: 'weekly',
          handoff: 'mon 10:00',
          rotation_start: '2026-01-05T10:00',
          start: '2026-01-05',
          end: '2026-12-31',
          restrictions: [{daily: {from: '09:00', to: '18:00'}}, {weekly: {from: 'mon 09:00', to: 'fri 18:00'}}, {weekdays: {from: '09:00', to: '18:00'}}],
          rollout: {at: '2026-03-16T10:00'},
        },
      ],
      rules: {
        min_people: {value: 4, severity: 'error'},
        max_consecutive_days: {value: 7, severity: 'warning'},
        max_share: 0.5,
        max_nights_share: 0.5,
        max_weekend_share: 0.5,
        max_holiday_share: 0.5,
      },
      holidays: {country: 'DE', region: 'BY'},
      rotations: [
        {
          name: 'R',
          events: [
            {
              name: 'E',
              time_zone: 'Europe/Berlin',
              start: '2026-01-05T09:00',
              end: '2026-01-05T17:00',
              repeat: {every_weeks: 2, on: ['mon', 'tue']},
              members: ['a@example.com'],
              shifts_per_member: 2,
              everyone: false,
              effective_from: '2026-01-05',
              effective_until: '2026-12-31',
              rollout: 'immediate',
            },
          ],
        },
      ],
    },
  },
  escalation_policies: {
    p: {
      name: 'P',
      description: 'd',
      team: 't',
      repeat: 1,
      handoff_notifications: 'always',
      rules: [{delay: '5m', assignment: 'round_robin', targets: [{schedule: 's'}, {user: 'a@example.com'}]}],
    },
  },
  services: {
    a: {
      name: 'A',
      description: 'd',
      escalation_policy: 'p',
      team: 't',
      acknowledgement_timeout: '30m',
      auto_resolve_timeout: 'disabled',
      urgency: {
        support_hours: {time_zone: 'Asia/Tokyo', days: ['mon'], from: '09:00', to: '18:00'},
        during: 'high',
        outside: 'low',
        scheduled_actions: [{at: 'support_hours_start', to: 'high'}],
      },
      alert_grouping: {type: 'time', timeout: '5m'},
      auto_pause_notifications: '10m',
    },
    b: {
      name: 'B',
      description: 'd',
      escalation_policy: 'p',
      team: 't',
      acknowledgement_timeout: '30m',
      auto_resolve_timeout: '4h',
      urgency: 'severity_based',
      alert_grouping: {type: 'intelligent', window: '5m'},
      auto_pause_notifications: 'disabled',
    },
    c: {
      name: 'C',
      description: 'd',
      escalation_policy: 'p',
      team: 't',
      acknowledgement_timeout: '30m',
      auto_resolve_timeout: '4h',
      urgency: 'low',
      alert_grouping: {type: 'content_based', aggregate: 'any', fields: ['source'], window: '5m'},
      auto_pause_notifications: 'disabled',
    },
  },
  overrides: [{schedule: 's', user: 'a@example.com', start: '2026-12-01T09:00', end: '2026-12-02T09:00+09:00', note: 'dentist', rotation: 'Weekdays', replaces: 'b@example.com'}],
  time_off: [{user: 'a@example.com', from: '2026-12-24', to: '2026-12-27T10:00', time_zone: 'Asia/Tokyo', cover: 'next_in_rotation', note: 'holidays'}],
  rules: {
    min_people: 3,
    max_consecutive_days: 7,
    max_share: {value: 0.5, severity: 'error'},
    max_nights_share: 0.5,
    max_weekend_share: 0.5,
    max_holiday_share: 0.5,
    min_rest_hours: {value: 12, severity: 'warning'},
    no_double_booking: {value: true, severity: 'error'},
    nights: {from: '22:00', to: '07:00'},
  },
}

// Enumerations: Record<Union, true> fails to compile when a member is missing or extra.
const USER_ROLES: Record<WrittenUserRole, true> = {
  admin: true,
  limited_user: true,
  observer: true,
  owner: true,
  read_only_user: true,
  restricted_access: true,
  read_only_limited_user: true,
  user: true,
}
const URGENCY_LEVELS: Record<WrittenUrgencyLevel, true> = {high: true, low: true, severity_based: true}

describe('written.ts follows schemas/oncall.schema.json', () => {
  const {schema, validatorFor, validate} = loadSchema()
  const definitions = schema.definitions as Record<string, AnySchemaObject>

  it('the fully populated sample is valid', () => {
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true)
  })

  it('every object in the sample has exactly the properties of its schema', () => {
    const visited = new Set<string>()
    const mismatches: string[] = []
    const seenKeys = new Map<AnySchemaObject, Set<string>>()
    const walk = (node: AnySchemaObject, value: unknown, path: string): void => {
      if (typeof node.$ref === 'string') {
        const name = node.$ref.replace('#/definitions/', '')
        visited.add(name)
        walk(definitions[name] ?? {}, value, path)
        return
      }
      const alternatives = (node.oneOf ?? node.anyOf) as AnySchemaObject[] | undefined
      if (alternatives) {
        const branch = alternatives.find((b) => validatorFor(b)(value))
        if (!branch) mismatches.push(`${path}: no branch matches`)
        else walk(branch, value, path)
        return
      }
      if (Array.isArray(value) && node.items) value.forEach((v, i) => walk(node.items as AnySchemaObject, v, `${path}[${i}]`))
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return
      const record = value as Record<string, unknown>
      if (node.properties) {
        const expected = Object.keys(node.properties as object).sort()
        const actual = Object.keys(record).sort()
        const seen = seenKeys.get(node) ?? new Set<string>()
        actual.forEach((k) => seen.add(k))
        seenKeys.set(node, seen)
        // "Exactly one of" objects (targets, restrictions) are unions in TypeScript: each sample
        // holds one key, and together the samples must cover them all (checked below).
        const oneOf = node.maxProperties === 1
        const ok = oneOf ? actual.every((k) => expected.includes(k)) : expected.join() === actual.join()
        if (!ok) mismatches.push(`${path}: schema has [${expected}], type has [${actual}]`)
        for (const key of actual) {
          const sub = (node.properties as Record<string, AnySchemaObject>)[key]
          if (sub) walk(sub, record[key], `${path}.${key}`)
        }
      } else if (typeof node.additionalProperties === 'object') {
        for (const [key, v] of Object.entries(record)) walk(node.additionalProperties as AnySchemaObject, v, `${path}.${key}`)
      }
    }
    walk(schema, sample, '$')
    for (const [node, seen] of seenKeys) {
      const missing = Object.keys(node.properties as object).filter((k) => !seen.has(k))
      if (missing.length > 0) mismatches.push(`${String(node.description)}: no sample for [${missing}]`)
    }
    expect(mismatches).toEqual([])
    const objectDefinitions = Object.entries(definitions)
      .filter(([, d]) => d.type === 'object')
      .map(([name]) => name)
    expect(objectDefinitions.filter((name) => !visited.has(name))).toEqual([])
  })

  it('enumerations agree', () => {
    expect(Object.keys(USER_ROLES).sort()).toEqual([...(definitions.user?.properties as Record<string, AnySchemaObject>).role?.enum].sort())
    expect(Object.keys(URGENCY_LEVELS).sort()).toEqual([...(definitions.urgency_level?.enum as string[])].sort())
  })
})
