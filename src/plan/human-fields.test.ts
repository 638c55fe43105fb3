import {describe, expect, it} from 'vitest'
import {aLayer, aSchedule, aService, anEscalationPolicy} from '../../test/builders.js'
import {formatAlertGrouping, formatRestriction, formatTurn, formatUrgency, humanFields, isFreeText} from './human-fields.js'

describe('human field values', () => {
  it('names turns the way the config writes them', () => {
    expect(formatTurn(604_800)).toBe('weekly')
    expect(formatTurn(86_400)).toBe('daily')
    expect(formatTurn(43_200)).toBe('12h')
    expect(formatTurn(2 * 604_800)).toBe('2w')
  })

  it('renders restrictions as windows, across midnight and the week boundary', () => {
    expect(formatRestriction({kind: 'daily', start: '09:00', durationMinutes: 540})).toBe('daily 09:00 → 18:00')
    expect(formatRestriction({kind: 'daily', start: '22:00', durationMinutes: 480})).toBe('daily 22:00 → 06:00')
    expect(formatRestriction({kind: 'weekly', startDay: 1, start: '09:00', durationMinutes: 4 * 1440 + 540})).toBe('mon 09:00 → fri 18:00')
    expect(formatRestriction({kind: 'weekly', startDay: 5, start: '18:00', durationMinutes: 2 * 1440 + 900})).toBe('fri 18:00 → mon 09:00')
  })

  it('lists restrictions daily first, then in week order, whatever order they come in', () => {
    const weekly = (startDay: 1 | 2 | 3 | 4 | 5 | 6 | 7) => ({kind: 'weekly' as const, startDay, start: '09:00', durationMinutes: 540})
    const schedule = aSchedule({layers: [aLayer({restrictions: [weekly(5), weekly(1), {kind: 'daily', start: '22:00', durationMinutes: 60}, weekly(3)]})]})
    expect(humanFields('schedule', schedule).find((f) => f.path === 'layers[0].restrictions')?.value).toEqual([
      'daily 22:00 → 23:00',
      'mon 09:00 → mon 18:00',
      'wed 09:00 → wed 18:00',
      'fri 09:00 → fri 18:00',
    ])
  })

  it('renders daily and weekly handoffs with the schedule zone, and none for other turns', () => {
    const fields = (turnSeconds: number) =>
      humanFields('schedule', aSchedule({timeZone: 'Europe/Berlin', layers: [aLayer({turnSeconds, rotationStart: '2026-03-29T07:30'})]}))
    expect(fields(604_800).find((f) => f.path === 'layers[0].handoff')?.value).toBe('sun 07:30 Europe/Berlin')
    expect(fields(86_400).find((f) => f.path === 'layers[0].handoff')?.value).toBe('07:30 Europe/Berlin')
    expect(fields(43_200).some((f) => f.path === 'layers[0].handoff')).toBe(false)
  })

  it('renders urgency rules and alert grouping in one line each', () => {
    expect(formatUrgency({kind: 'constant', urgency: 'low'})).toBe('low')
    expect(
      formatUrgency({
        kind: 'support_hours',
        supportHours: {timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00'},
        during: 'high',
        outside: 'low', scheduledActions: [],
      }),
    ).toBe('high during mon tue wed thu fri 09:00 → 18:00 Asia/Tokyo, low outside')
    expect(formatAlertGrouping(null)).toBe('none')
    expect(formatAlertGrouping({type: 'time', timeoutMinutes: 0})).toBe('time, until resolved')
    expect(formatAlertGrouping({type: 'time', timeoutMinutes: 90})).toBe('time, timeout 1h30m')
    expect(formatAlertGrouping({type: 'intelligent', windowMinutes: 5})).toBe('intelligent, window 5m')
    expect(formatAlertGrouping({type: 'content_based', aggregate: 'any', fields: ['source', 'class'], windowMinutes: 5})).toBe(
      'content_based, any of [source, class], window 5m',
    )
  })

  it('renders services and policies with durations, keys and emails', () => {
    expect(humanFields('service', aService({autoResolveTimeoutSeconds: null}))).toEqual([
      {path: 'name', value: 'Consumer Api'},
      {path: 'description', value: ''},
      {path: 'escalation_policy', value: 'consumer-app'},
      {path: 'acknowledgement_timeout', value: '30m'},
      {path: 'auto_resolve_timeout', value: 'disabled'},
      {path: 'urgency', value: 'high'},
      {path: 'alert_grouping', value: 'none'},
      {path: 'urgency.scheduled_actions', value: []},
      {path: 'auto_pause_notifications', value: 'disabled'},
    ])
    const policy = anEscalationPolicy({
      rules: [{delayMinutes: 90, targets: [{type: 'user', email: 'z@x.io'}, {type: 'schedule', key: 'a'}]}],
    })
    expect(humanFields('escalation_policy', policy).slice(-2)).toEqual([
      {path: 'rules[0].delay', value: '1h30m'},
      {path: 'rules[0].targets', value: ['schedule:a', 'user:z@x.io']},
    ])
  })

  it('knows which fields are free text', () => {
    expect(isFreeText('name')).toBe(true)
    expect(isFreeText('layers[2].name')).toBe(true)
    expect(isFreeText('description')).toBe(true)
    expect(isFreeText('time_zone')).toBe(false)
    expect(isFreeText('layers[0].users')).toBe(false)
  })
})
