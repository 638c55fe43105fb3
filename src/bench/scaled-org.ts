import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {stringify} from 'yaml'

/**
 * The synthetic organisation of issue 4/14 at any scale: at 1× 2,000 users, 300 teams, 500
 * schedules, 500 escalation policies and 1,000 services. Team t has 7 members; schedule, policy
 * and service i belong to team i mod teams. One team (ONE_TEAM) is its own config with its own
 * owner, as in an organisation where each team owns its config: 9 objects (1 team, 2 schedules,
 * 2 policies, 4 services) at every scale. The rest is one whole-org config, one file per team.
 */
export const ONE_TEAM = 7

export interface OrgSize {
  readonly users: number
  readonly teams: number
  readonly schedules: number
  readonly policies: number
  readonly services: number
}

export function orgSize(scale: number): OrgSize {
  const n = (base: number) => Math.round(base * scale)
  return {users: n(2000), teams: n(300), schedules: n(500), policies: n(500), services: n(1000)}
}

export const benchEmail = (i: number) => `user${String(i).padStart(5, '0')}@example.com`

export function seedUsers(size: OrgSize) {
  return Array.from({length: size.users}, (_, i) => ({name: `User ${i}`, email: benchEmail(i), role: i === 0 ? 'admin' : 'user'}))
}

/** One config file per team: its team, schedules, policies and services. */
function teamFile(size: OrgSize, t: number): Record<string, unknown> {
  const members = Array.from({length: 7}, (_, m) => benchEmail((t * 7 + m) % size.users))
  const mine = (count: number) => Array.from({length: count}, (_, i) => i).filter((i) => i % size.teams === t)
  const schedules: Record<string, unknown> = {}
  for (const s of mine(size.schedules)) {
    schedules[`schedule-${s}`] = {
      time_zone: s % 2 === 0 ? 'Asia/Tokyo' : 'Europe/London',
      teams: [`team-${t}`],
      layers: [
        {name: 'Weekly', users: members.slice(1, 5), turn: 'weekly', handoff: 'mon 10:00', start: '2026-01-05'},
        ...(s % 5 === 0
          ? [{name: 'Business hours', users: members.slice(5), turn: 'daily', handoff: '09:00', start: '2026-01-05', restrictions: [{weekly: {from: 'mon 09:00', to: 'fri 18:00'}}]}]
          : []),
      ],
    }
  }
  const policies: Record<string, unknown> = {}
  for (const p of mine(size.policies)) {
    policies[`policy-${p}`] = {
      team: `team-${t}`,
      repeat: 1,
      rules: [
        {delay: '15m', targets: [{schedule: `schedule-${p}`}]},
        {delay: '30m', targets: [{user: members[0]}]},
      ],
    }
  }
  const services: Record<string, unknown> = {}
  for (let v = 0; v < size.services; v++) {
    const p = v % size.policies
    if (p % size.teams !== t) continue
    services[`service-${v}`] = {
      escalation_policy: `policy-${p}`,
      team: `team-${t}`,
      urgency: v % 3 === 0 ? 'high' : 'low',
      alert_grouping: v % 2 === 0 ? {type: 'time', timeout: '10m'} : null,
    }
  }
  return {
    teams: {[`team-${t}`]: {name: `Team ${t}`, members: members.map((user, m) => (m === 0 ? {user, role: 'manager'} : {user}))}},
    ...(Object.keys(schedules).length > 0 ? {schedules} : {}),
    ...(Object.keys(policies).length > 0 ? {escalation_policies: policies} : {}),
    ...(Object.keys(services).length > 0 ? {services} : {}),
  }
}

/** Writes the whole-org config (every team but ONE_TEAM) and the one-team config under `dir`. */
export function writeOrgConfigs(dir: string, size: OrgSize): {org: string; oneTeam: string} {
  const org = join(dir, 'org')
  const oneTeam = join(dir, 'one-team')
  mkdirSync(join(org, 'teams'), {recursive: true})
  mkdirSync(oneTeam, {recursive: true})
  writeFileSync(join(org, 'oncall.yaml'), stringify({version: 1, owner: 'bench'}))
  for (let t = 0; t < size.teams; t++) {
    if (t === ONE_TEAM) continue
    writeFileSync(join(org, 'teams', `team-${t}.yaml`), stringify(teamFile(size, t)))
  }
  writeFileSync(join(oneTeam, 'oncall.yaml'), stringify({version: 1, owner: `team-${ONE_TEAM}`, ...teamFile(size, ONE_TEAM)}))
  return {org, oneTeam}
}
