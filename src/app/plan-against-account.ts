import type {DesiredState} from '../model/state.js'
import type {LiveState} from '../plan/live-state.js'
import {makePlan} from '../plan/make-plan.js'
import type {Plan} from '../plan/plan.js'
import {assessSafety, type SafetyViolation} from '../plan/safety.js'
import type {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import type {PdTeam, RawAccount, Read} from '../providers/pagerduty/dto.js'
import {IdIndex, liveLayerRefs} from '../providers/pagerduty/id-index.js'
import {normalizeLiveAgainstDesired} from '../providers/pagerduty/mapping/normalize-start.js'
import {parseDescription} from '../providers/pagerduty/ownership.js'
import {readAccount} from '../providers/pagerduty/read-account.js'
import {liveStateFromRaw} from '../providers/pagerduty/read-live-state.js'

export interface PlanRequest {
  readonly desired: DesiredState
  readonly client: Pick<PagerDutyClient, 'listAll' | 'requestCount'>
  /** The instant the account is read at (injected so tests and saved plans are reproducible). */
  readonly now: Date
  readonly adopt: boolean
  readonly allowDestroy: boolean
  readonly force: boolean
}

export interface PlanOutcome {
  readonly plan: Plan
  /** What apply would refuse, judged now so that `plan` already says it. */
  readonly violations: readonly SafetyViolation[]
  readonly live: LiveState
  /** Keys → PagerDuty IDs, for apply. */
  readonly ids: IdIndex
}

/**
 * read the account → map it into the model → diff → judge safety. `plan` prints the outcome;
 * `apply` runs the same function and then executes the plan, so both always agree.
 */
export async function planAgainstAccount(request: PlanRequest): Promise<PlanOutcome> {
  const {desired, client, now} = request
  const raw = await readAccount(client, {membersFor: teamOfInterest(desired)})
  const mapped = liveStateFromRaw(raw, {now, requestCount: client.requestCount})
  const live = normalizeLiveAgainstDesired(mapped, desired, now)
  const plan = makePlan(desired, live, {adopt: request.adopt})
  const violations = assessSafety(plan, live, {allowDestroy: request.allowDestroy, force: request.force})
  return {plan, violations, live, ids: indexOf(live, desired.owner, raw, now)}
}

/**
 * Members are read only for teams this config owns or may adopt (same name as a config team):
 * the request budget is one members call per managed team, not one per team in the account.
 */
function teamOfInterest(desired: DesiredState): (team: Read<PdTeam>) => boolean {
  const names = new Set([...desired.teams.values()].map((t) => t.name.toLowerCase()))
  return (team) => {
    const {marker} = parseDescription(team.description)
    if (marker) return marker.owner === desired.owner
    return names.has(team.name.toLowerCase())
  }
}

function indexOf(live: LiveState, owner: string, raw: RawAccount, now: Date): IdIndex {
  return IdIndex.fromLive(live, owner, liveLayerRefs(raw, now))
}
