import type {DesiredState} from '../model/state.js'
import type {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import type {PdTeam, RawAccount, Read} from '../providers/pagerduty/dto.js'
import {parseDescription} from '../providers/pagerduty/ownership.js'
import {readAccount} from '../providers/pagerduty/read-account.js'
import {readScoped, type ReadScope} from '../providers/pagerduty/read-scoped.js'

/**
 * How plan (and apply) read the account (issue 14): the whole account with list endpoints
 * (`full`, the API minimum for a config that manages most of it) or only what the config can
 * touch (`scoped`, see providers/pagerduty/read-scoped.ts). `auto` picks from the config's size.
 */
export const REFRESH_MODES = ['auto', 'scoped', 'full'] as const
export type RefreshMode = (typeof REFRESH_MODES)[number]

/**
 * Above this many estimated requests a scoped read is not worth it: each config team costs two
 * requests (name, members) where a full read pays one members call per team plus one page per 100
 * objects, so a config with dozens of teams manages a large part of any account it lives in,
 * and listing is about as cheap, and sees everything.
 */
export const SCOPED_READ_LIMIT = 40

export interface ReadStrategy {
  readonly kind: 'scoped' | 'full'
  /** Requests a scoped read would take when nothing has to be listed in full (no new objects). */
  readonly scopedEstimate: number
  /** One line for --verbose. */
  readonly reason: string
}

export function chooseReadStrategy(desired: DesiredState, mode: RefreshMode = 'auto'): ReadStrategy {
  const teams = desired.teams.size
  const outside = emailsOutsideTeams(desired).length
  const estimate = teams === 0 ? Number.POSITIVE_INFINITY : 2 * teams + 4 + outside
  const sizes = `${teams} team${teams === 1 ? '' : 's'}, ${outside} user${outside === 1 ? '' : 's'} outside their members`
  if (mode === 'full') return {kind: 'full', scopedEstimate: estimate, reason: 'full: --refresh=full lists the whole account'}
  if (teams === 0) return {kind: 'full', scopedEstimate: estimate, reason: 'full: the config has no teams to scope the read by'}
  if (mode === 'scoped' || estimate <= SCOPED_READ_LIMIT) {
    return {
      kind: 'scoped',
      scopedEstimate: estimate,
      reason: `scoped: about ${estimate} requests (${sizes}); owned objects outside the config's teams are seen only with --refresh=full`,
    }
  }
  return {kind: 'full', scopedEstimate: estimate, reason: `full: a scoped read would take about ${estimate} requests (${sizes}), over ${SCOPED_READ_LIMIT}`}
}

export interface AccountRead {
  readonly raw: RawAccount
  readonly strategy: ReadStrategy
  /** Extra lines for --verbose: types a scoped read listed in full, and why. */
  readonly notes: readonly string[]
}

/** Reads the account the way `strategy` says. */
export async function readForPlan(
  client: Pick<PagerDutyClient, 'listAll' | 'get'>,
  desired: DesiredState,
  strategy: ReadStrategy,
): Promise<AccountRead> {
  if (strategy.kind === 'full') return {raw: await readAccount(client, {membersFor: teamOfInterest(desired)}), strategy, notes: []}
  const {raw, report} = await readScoped(client, scopeOf(desired))
  const notes = report.listedInFull.map(({type, missing}) => `read: listed all ${type} (${missing} is not linked to the config's teams yet)`)
  if (report.fetchedById > 0) notes.push(`read: fetched ${report.fetchedById} referenced object(s) by ID`)
  return {raw, strategy, notes}
}

export function scopeOf(desired: DesiredState): ReadScope {
  const objects = (m: ReadonlyMap<string, {readonly key: string; readonly name: string}>) => [...m.values()].map(({key, name}) => ({key, name}))
  return {
    owner: desired.owner,
    teams: objects(desired.teams),
    schedules: [...desired.schedules.values()].filter((s) => s.rotations === undefined).map(({key, name}) => ({key, name})),
    v3Schedules: [...desired.schedules.values()].filter((s) => s.rotations !== undefined).map(({key, name}) => ({key, name})),
    escalationPolicies: objects(desired.escalationPolicies),
    services: objects(desired.services),
    emails: allEmails(desired),
  }
}

/**
 * Members are read only for teams this config owns or may adopt (same name as a config team):
 * the request budget is one members call per managed team, not one per team in the account.
 */
export function teamOfInterest(desired: DesiredState): (team: Read<PdTeam>) => boolean {
  const names = new Set([...desired.teams.values()].map((t) => t.name.toLowerCase()))
  return (team) => {
    const {marker} = parseDescription(team.description)
    if (marker) return marker.owner === desired.owner
    return names.has(team.name.toLowerCase())
  }
}

function allEmails(desired: DesiredState): string[] {
  return [...new Set([...desired.users.keys(), ...desired.referencedUsers])].sort()
}

function emailsOutsideTeams(desired: DesiredState): string[] {
  const members = new Set([...desired.teams.values()].flatMap((t) => t.members.map((m) => m.email)))
  return allEmails(desired).filter((e) => !members.has(e))
}
