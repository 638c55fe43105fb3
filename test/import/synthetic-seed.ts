/**
 * A large organisation as raw PagerDuty objects (the shape of H8's plan/apply bench, src/bench/
 * plan-apply.ts: 2,000 users, 300 teams of 7, 500 schedules, 500 policies, 1,000 services), made
 * as a person would (no markers, UI-style layer anchors), for the import request budget test.
 */
import type {SeedFile} from '../../src/sandbox/index.js'

export const SIZES = {users: 2000, teams: 300, schedules: 500, policies: 500, services: 1000} as const

const uid = (i: number) => `PU${String(i % SIZES.users).padStart(4, '0')}`
const members = (t: number) => Array.from({length: 7}, (_, m) => uid(t * 7 + m))
const ref = (type: string, id: string) => ({id, type})

export function syntheticSeed(): SeedFile {
  const users = Array.from({length: SIZES.users}, (_, i) => ({id: uid(i), name: `User ${i}`, email: `user${String(i).padStart(4, '0')}@example.com`, time_zone: 'Asia/Tokyo', role: 'user'}))
  const teams = Array.from({length: SIZES.teams}, (_, t) => ({
    id: `PT${t}`,
    name: `Team ${t}`,
    members: members(t).map((user, m) => ({user, role: m === 0 ? 'manager' : 'responder'})),
  }))
  const schedules = Array.from({length: SIZES.schedules}, (_, s) => {
    const team = members(s % SIZES.teams)
    const zone = s % 2 === 0 ? 'Asia/Tokyo' : 'Europe/London'
    return {
      id: `PS${s}`,
      name: `Schedule ${s}`,
      time_zone: zone,
      teams: [ref('team_reference', `PT${s % SIZES.teams}`)],
      schedule_layers: [
        {name: 'Weekly', start: '2026-01-05T00:00:00Z', rotation_virtual_start: '2026-01-05T10:00:00Z', rotation_turn_length_seconds: 604_800, users: team.slice(1, 5).map((id) => ({user: ref('user_reference', id)}))},
        ...(s % 5 === 0
          ? [
              {
                name: 'Business hours',
                start: '2026-01-05T00:00:00Z',
                rotation_virtual_start: '2026-01-05T09:00:00Z',
                rotation_turn_length_seconds: 86_400,
                users: team.slice(5).map((id) => ({user: ref('user_reference', id)})),
                restrictions: [{type: 'weekly_restriction', start_time_of_day: '09:00:00', duration_seconds: 378_000, start_day_of_week: 1}],
              },
            ]
          : []),
      ],
    }
  })
  const policies = Array.from({length: SIZES.policies}, (_, p) => ({
    id: `PP${p}`,
    name: `Policy ${p}`,
    num_loops: 1,
    teams: [ref('team_reference', `PT${p % SIZES.teams}`)],
    escalation_rules: [
      {escalation_delay_in_minutes: 15, targets: [ref('schedule_reference', `PS${p}`)]},
      {escalation_delay_in_minutes: 30, targets: [ref('user_reference', members(p % SIZES.teams)[0] as string)]},
    ],
  }))
  const services = Array.from({length: SIZES.services}, (_, v) => ({
    id: `PV${v}`,
    name: `Service ${v}`,
    escalation_policy: ref('escalation_policy_reference', `PP${v % SIZES.policies}`),
    incident_urgency_rule: {type: 'constant', urgency: v % 3 === 0 ? 'high' : 'low'},
    alert_grouping_parameters: v % 2 === 0 ? {type: 'time', config: {timeout: 10}} : {type: null},
  }))
  return {users, teams, schedules, escalation_policies: policies, services}
}
