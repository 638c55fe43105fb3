import {describe, expect, it} from 'vitest'
import {checkSources} from './load-config.js'

const check = (body: string) =>
  checkSources([{file: 'c.yaml', text: `version: 1\nowner: t\n${body}`}], {now: new Date('2026-03-01T00:00:00Z')}).diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    path: d.path,
    hint: d.hint,
  }))

describe('schema errors of alternatives (anyOf/oneOf) name the intended branch only', () => {
  it('an unknown alert grouping type: the type, with the known ones', () => {
    expect(check('services:\n  a: {escalation_policy: p, alert_grouping: {type: smart}}\n')).toEqual([
      {code: 'invalid-value', message: '`smart` is not allowed', path: 'services.a.alert_grouping.type', hint: 'allowed values: time, intelligent, content_based'},
    ])
  })
  it('a known alert grouping type: only that branch’s errors', () => {
    expect(check('services:\n  a: {escalation_policy: p, alert_grouping: {type: content_based, window: 5m, field: [x]}}\n')).toEqual([
      {code: 'missing-field', message: 'missing required field `fields`', path: 'services.a.alert_grouping', hint: undefined},
      {code: 'unknown-field', message: 'unknown field `field`', path: 'services.a.alert_grouping.field', hint: 'did you mean `fields`?'},
    ])
  })
  it('an urgency mapping: the support-hours errors, not the enum', () => {
    expect(check('services:\n  a: {escalation_policy: p, urgency: {support_hours: {time_zone: UTC, days: [mon], from: "09:00", to: "18:00"}, durring: low}}\n')).toEqual([
      {code: 'unknown-field', message: 'unknown field `durring`', path: 'services.a.urgency.durring', hint: 'did you mean `during`?'},
    ])
  })
  it('a value of neither kind: both kinds listed', () => {
    expect(check('services:\n  a: {escalation_policy: p, urgency: 3}\n')).toEqual([
      {code: 'invalid-value', message: '`3` is not allowed', path: 'services.a.urgency', hint: 'expected one of: high, low, severity_based | a mapping with support_hours, during, outside, scheduled_actions'},
    ])
  })
  it('a target with two kinds', () => {
    expect(check('escalation_policies:\n  p: {rules: [{delay: 5m, targets: [{schedule: s, user: a@example.com}]}]}\n')).toEqual([
      {code: 'invalid-value', message: 'must have exactly one of: schedule, user', path: 'escalation_policies.p.rules[0].targets[0]', hint: undefined},
    ])
  })
  it('an invalid key', () => {
    expect(check('teams:\n  Web Team: {}\n')).toEqual([
      {code: 'invalid-key', message: 'invalid key `Web Team`', path: 'teams.Web Team', hint: 'keys use lower-case letters, digits, - and _, and start with a letter or digit (at most 64 characters)'},
    ])
  })
})

describe('an enum that has a mapping alternative', () => {
  it('mentions the mapping form too', () => {
    expect(check('services:\n  a: {escalation_policy: p, urgency: medium}\n')).toEqual([
      {
        code: 'invalid-value',
        message: '`medium` is not allowed',
        path: 'services.a.urgency',
        hint: 'allowed values: high, low, severity_based; or a mapping with support_hours, during, outside, scheduled_actions',
      },
    ])
  })
})

describe('a mapping where an enum (without a type) or a mapping is allowed', () => {
  it('reports the mapping branch', () => {
    expect(check('services:\n  a: {escalation_policy: p, urgency: {support_hours: {time_zone: UTC, days: [mon], from: "9", to: "18:00"}}}\n')).toEqual([
      {
        code: 'invalid-format',
        message: '`9` must be a time of day HH:MM between 00:00 and 23:59 (e.g. "09:00")',
        path: 'services.a.urgency.support_hours.from',
        hint: undefined,
      },
    ])
  })
})
