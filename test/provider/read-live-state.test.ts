import {describe, expect, it} from 'vitest'
import type {RawAccount} from '../../src/providers/pagerduty/dto.js'
import {liveStateFromRaw} from '../../src/providers/pagerduty/read-live-state.js'
import {loadRawAccount} from './load-fixture.js'

const now = new Date('2026-11-24T00:00:00Z')
const raw = loadRawAccount('account')
const live = liveStateFromRaw(raw, {now, requestCount: 9})

const byKey = <T extends {value: {key: string}}>(list: readonly T[], key: string): T => {
  const found = list.find((r) => r.value.key === key)
  if (!found) throw new Error(`no ${key} in ${list.map((r) => r.value.key).join(', ')}`)
  return found
}

describe('liveStateFromRaw: users', () => {
  it('keys users by lower-cased email and canonicalises zones (Rails names, UTC)', () => {
    expect([...live.users.keys()]).toEqual(['aiko.tanaka@example.com', 'ken.sato@example.com', 'mei.suzuki@example.com'])
    expect(live.users.get('ken.sato@example.com')).toMatchObject({
      id: 'PU2',
      owner: 'consumer-app',
      value: {email: 'ken.sato@example.com', name: 'Ken Sato', timeZone: 'Asia/Tokyo', role: 'limited_user'},
    })
    expect(live.users.get('mei.suzuki@example.com')?.value.timeZone).toBe('UTC')
    expect(live.users.get('aiko.tanaka@example.com')?.owner).toBeNull()
  })
})

describe('liveStateFromRaw: teams', () => {
  it('reads the marker key and owner, strips the marker, maps and sorts members', () => {
    expect(byKey(live.teams, 'consumer-app')).toMatchObject({
      id: 'PT1',
      owner: 'consumer-app',
      value: {
        key: 'consumer-app',
        name: 'Consumer App',
        description: 'Mobile app and its BFF',
        members: [
          {email: 'aiko.tanaka@example.com', role: 'manager'},
          {email: 'ken.sato@example.com', role: 'responder'},
        ],
      },
    })
  })

  it('derives keys for unmarked objects, unique by suffix in id order', () => {
    expect(byKey(live.teams, 'payments').id).toBe('PT2')
    expect(byKey(live.teams, 'payments-2').id).toBe('PT3')
    expect(byKey(live.teams, 'payments')).toMatchObject({owner: null, value: {description: 'made by hand'}})
  })

  it('shows a member whose user is not in the account instead of dropping it', () => {
    expect(byKey(live.teams, 'payments').value.members).toEqual([{email: 'unknown-user:PU404', role: 'observer'}])
  })
})

describe('liveStateFromRaw: schedules', () => {
  const primary = byKey(live.schedules, 'consumer-app-primary').value

  it('reverses the highest-first GET order, drops ended layers, reads wall-clock times in the zone', () => {
    expect(primary.layers.map((l) => l.name)).toEqual(['Weekly primary', 'Nights 12h'])
    expect(primary.layers[0]).toEqual({
      name: 'Weekly primary',
      users: ['aiko.tanaka@example.com', 'ken.sato@example.com', 'mei.suzuki@example.com'],
      turnSeconds: 604800,
      rotationStart: '2026-01-05T10:00',
      start: '2026-11-20T14:13:27', // PagerDuty moved it to the time of the write: seconds kept
      end: null,
      restrictions: [
        {kind: 'daily', start: '09:00', durationMinutes: 540},
        {kind: 'weekly', startDay: 1, start: '09:00', durationMinutes: 6300},
      ],
    })
    // Written in UTC by the server, read back in Asia/Tokyo.
    expect(primary.layers[1]).toMatchObject({start: '2026-01-05T08:00', rotationStart: '2026-01-05T08:00', turnSeconds: 43200})
  })

  it('maps teams to keys and strips the marker', () => {
    expect(primary).toMatchObject({description: 'Weekly primary rotation', timeZone: 'Asia/Tokyo', teams: ['consumer-app']})
  })

  it('resolves zone aliases and converts across DST', () => {
    const ops = byKey(live.schedules, 'ops-ny')
    expect(ops.owner).toBeNull()
    expect(ops.value.timeZone).toBe('America/New_York')
    expect(ops.value.layers).toEqual([
      {
        name: 'Layer 1',
        users: ['mei.suzuki@example.com', 'aiko.tanaka@example.com'],
        turnSeconds: 86400,
        rotationStart: '2026-03-08T03:00', // 07:00Z is just after the spring-forward gap
        start: '2026-07-01T09:00', // EDT
        end: '2027-01-01T00:00', // EST
        restrictions: [{kind: 'daily', start: '22:00', durationMinutes: 600}],
      },
    ])
  })

  it('keeps a layer whose end is in the future and drops it once now passes the end', () => {
    const later = liveStateFromRaw(raw, {now: new Date('2027-01-01T05:00:00Z')})
    expect(byKey(later.schedules, 'ops-ny').value.layers).toEqual([])
  })

  it('can read layers in written order if PagerDuty ever stops reversing them', () => {
    const asWritten = liveStateFromRaw(raw, {now, layerOrderOnRead: 'as-written'})
    expect(byKey(asWritten.schedules, 'consumer-app-primary').value.layers.map((l) => l.name)).toEqual([
      'Nights 12h',
      'Weekly primary',
    ])
  })
})

describe('liveStateFromRaw: escalation policies and services', () => {
  it('maps targets to schedule keys and emails, fills API defaults', () => {
    expect(byKey(live.escalationPolicies, 'consumer-app').value).toEqual({
      key: 'consumer-app',
      name: 'Consumer App',
      description: 'Pages primary, then secondary',
      team: 'consumer-app',
      repeat: 2,
      handoffNotifications: 'always',
      rules: [
        {delayMinutes: 15, targets: [{type: 'schedule', key: 'consumer-app-primary'}]},
        {delayMinutes: 30, targets: [{type: 'schedule', key: 'ops-ny'}, {type: 'user', email: 'aiko.tanaka@example.com'}]},
      ],
    })
    expect(byKey(live.escalationPolicies, 'legacy').value).toMatchObject({
      team: null,
      repeat: 0,
      handoffNotifications: 'if_has_services',
      rules: [{delayMinutes: 5, targets: [{type: 'user', email: 'unknown-user:PU9'}]}],
    })
  })

  it('maps support-hours urgency, content-based grouping and timeouts', () => {
    expect(byKey(live.services, 'consumer-api').value).toEqual({
      key: 'consumer-api',
      name: 'Consumer API',
      description: 'Public API for the app',
      escalationPolicy: 'consumer-app',
      acknowledgementTimeoutSeconds: 1800,
      autoResolveTimeoutSeconds: null,
      urgency: {
        kind: 'support_hours',
        supportHours: {timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00'},
        during: 'high',
        outside: 'low',
        scheduledActions: [],
      },
      alertGrouping: {type: 'content_based', aggregate: 'any', fields: ['source'], windowMinutes: 5},
      autoPauseSeconds: null,
    })
  })

  it('reads 0 timeouts as disabled, a missing urgency rule as constant high, legacy grouping fields', () => {
    expect(byKey(live.services, 'legacy-svc').value).toMatchObject({
      escalationPolicy: 'legacy',
      acknowledgementTimeoutSeconds: null,
      autoResolveTimeoutSeconds: 14400,
      urgency: {kind: 'constant', urgency: 'high'},
      alertGrouping: {type: 'time', timeoutMinutes: 10},
    })
  })
})

describe('liveStateFromRaw: determinism and fingerprints', () => {
  it('does not depend on the order the API listed objects in', () => {
    const shuffled: RawAccount = {
      ...raw,
      users: [...raw.users].reverse(),
      teams: [...raw.teams].reverse(),
      schedules: [...raw.schedules].reverse(),
      escalationPolicies: [...raw.escalationPolicies].reverse(),
      services: [...raw.services].reverse(),
    }
    expect(liveStateFromRaw(shuffled, {now, requestCount: 9})).toEqual(live)
  })

  it('ignores rendered entries, summaries and read-only back-references in the fingerprint', () => {
    const s = raw.schedules[0] as RawAccount['schedules'][number]
    const noisy = {
      ...s,
      final_schedule: {name: 'Final Schedule', rendered_schedule_entries: [{start: 'x'}]},
      escalation_policies: [],
      teams: (s.teams ?? []).map((t) => ({...t, summary: 'Renamed team'})),
    }
    const before = byKey(live.schedules, 'consumer-app-primary').fingerprint
    const after = liveStateFromRaw({...raw, schedules: [noisy, ...raw.schedules.slice(1)]}, {now})
    expect(byKey(after.schedules, 'consumer-app-primary').fingerprint).toBe(before)
    expect(before).toMatch(/^[0-9a-f]{64}$/)
  })

  it('changes the fingerprint when an editable field or a team member changes', () => {
    const s = raw.schedules[0] as RawAccount['schedules'][number]
    const renamed = liveStateFromRaw({...raw, schedules: [{...s, name: 'Other'}, ...raw.schedules.slice(1)]}, {now})
    expect(byKey(renamed.schedules, 'consumer-app-primary').fingerprint).not.toBe(
      byKey(live.schedules, 'consumer-app-primary').fingerprint,
    )
    const members = new Map(raw.teamMembers)
    members.set('PT1', [])
    const emptied = liveStateFromRaw({...raw, teamMembers: members}, {now})
    expect(byKey(emptied.teams, 'consumer-app').fingerprint).not.toBe(byKey(live.teams, 'consumer-app').fingerprint)
  })

  it('passes the request count through', () => {
    expect(live.requestCount).toBe(9)
  })
})
