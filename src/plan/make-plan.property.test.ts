import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aTeam} from '../../test/builders.js'
import {makePlan} from './make-plan.js'
import {renderJson} from './render/json.js'
import {renderMarkdown} from './render/markdown.js'
import {renderText} from './render/text.js'

const keys = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), {maxLength: 6})
const descriptions = fc.constantFrom('', 'x', 'y')

/** Config teams, live teams (ours) and their descriptions, drawn at random. */
const scenario = fc.record({
  desired: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), descriptions), {maxLength: 6}),
  live: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), descriptions), {maxLength: 6}),
})

function build(s: {desired: [string, string][]; live: [string, string][]}, reverse: boolean) {
  const dedupe = (pairs: [string, string][]) => [...new Map(pairs).entries()]
  const order = <T,>(xs: T[]) => (reverse ? [...xs].reverse() : xs)
  const desired = aDesiredState({teams: order(dedupe(s.desired).map(([key, description]) => aTeam({key, description})))})
  const live = aLiveState({teams: order(dedupe(s.live).map(([key, description]) => aLiveResource(aTeam({key, description}), {id: `P-${key}`})))})
  return {desired, live}
}

describe('makePlan properties', () => {
  it('creates exactly config − account, deletes exactly account − config, updates only what differs', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const {desired, live} = build(s, false)
        const plan = makePlan(desired, live, {adopt: false})
        const liveKeys = new Set(live.teams.map((t) => t.value.key))
        const kinds = (kind: string) => plan.changes.filter((c) => c.kind === kind).map((c) => c.key).sort()
        expect(kinds('create')).toEqual([...desired.teams.keys()].filter((k) => !liveKeys.has(k)).sort())
        expect(kinds('delete')).toEqual([...liveKeys].filter((k) => !desired.teams.has(k)).sort())
        const differs = live.teams.filter((l) => desired.teams.get(l.value.key)?.description !== undefined && desired.teams.get(l.value.key)?.description !== l.value.description)
        expect(kinds('update')).toEqual(differs.map((l) => l.value.key).sort())
      }),
    )
  })

  it('renders byte-identical output whatever order the inputs come in', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = build(s, false)
        const b = build(s, true)
        const pa = makePlan(a.desired, a.live, {adopt: false})
        const pb = makePlan(b.desired, b.live, {adopt: false})
        expect(renderJson(pb)).toBe(renderJson(pa))
        expect(renderText(pb, {color: true})).toBe(renderText(pa, {color: true}))
        expect(renderMarkdown(pb)).toBe(renderMarkdown(pa))
      }),
    )
  })

  it('plans nothing against an account that already matches', () => {
    fc.assert(
      fc.property(keys, (ks) => {
        const teams = ks.map((key) => aTeam({key}))
        const plan = makePlan(aDesiredState({teams}), aLiveState({teams: teams.map((t) => aLiveResource(t))}), {adopt: false})
        expect(plan.changes).toEqual([])
      }),
    )
  })
})
