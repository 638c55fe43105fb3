import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {PdTeamMember, RawAccount} from '../../src/providers/pagerduty/dto.js'

/** A RawAccount from test/fixtures/pagerduty/<name>.json (teamMembers is a JSON object keyed by team id). */
export function loadRawAccount(name: string): RawAccount {
  const path = fileURLToPath(new URL(`../fixtures/pagerduty/${name}.json`, import.meta.url))
  const json = JSON.parse(readFileSync(path, 'utf8')) as Omit<RawAccount, 'teamMembers'> & {
    teamMembers: Record<string, PdTeamMember[]>
  }
  return {...json, teamMembers: new Map(Object.entries(json.teamMembers))}
}
