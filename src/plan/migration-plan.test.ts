import {describe, expect, it} from 'vitest'
import {aDesiredState, aLayer, aLiveResource, aLiveState, aSchedule, anEscalationPolicy} from '../../test/builders.js'
import {normalizeRotations} from '../config/shift-based.js'
import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {Schedule} from '../model/schedule.js'
import {layerScheduleToShiftBased} from '../migrate/layer-to-shift.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {makePlan} from './make-plan.js'
import {nextHandoff} from './migration-plan.js'
import {planSchemaErrors} from './plan-schema.js'
import {renderJson} from './render/json.js'
import {renderMarkdown} from './render/markdown.js'
import {renderText} from './render/text.js'

const KEY = 'consumer-app-primary'
// Wednesday 2026-03-04 09:00 in Tokyo; the weekly handoff is Monday 10:00, so H = 2026-03-09 10:00 JST.
const NOW = Date.parse('2026-03-04T00:00:00Z')
const H = Date.parse('2026-03-09T01:00:00Z')
const legacy = aSchedule({key: KEY, layers: [aLayer({users: ['aiko@example.com', 'ken@example.com', 'mei@example.com']})]})
const clock = ZoneClock.of('Asia/Tokyo')
const shiftBased: Schedule = {
  ...legacy,
  layers: [],
  rotations: normalizeRotations(layerScheduleToShiftBased(legacy, NOW, (t) => clock.toLocal(t)).rotations, 'Asia/Tokyo', (e) => e, (z) => z),
}
const policy = anEscalationPolicy({rules: [{delayMinutes: 15, targets: [{type: 'schedule', key: KEY}, {type: 'user', email: 'aiko@example.com'}]}]})
const withTargets = (...targets: EscalationPolicy['rules'][number]['targets']): EscalationPolicy => ({...policy, rules: [{delayMinutes: 15, targets}]})
const legacyTarget = {type: 'schedule', key: KEY, legacy: true} as const
const v3Target = {type: 'schedule', key: KEY} as const
const aiko = {type: 'user', email: 'aiko@example.com'} as const
const WINDOW = {start: NOW, end: NOW + 6 * 7 * 86_400_000}
const plan = (now: number, live: Parameters<typeof aLiveState>[0], allowDestroy = false) =>
  makePlan(aDesiredState({schedules: [shiftBased], escalationPolicies: [policy]}), aLiveState(live), {adopt: false, migration: {now, allowDestroy}})

function coverage(schedules: readonly Schedule[]): string[] {
  return schedules.flatMap((s) => computeShifts(s, WINDOW).final.map((x) => `${x.user} ${new Date(x.start).toISOString()} ${new Date(x.end).toISOString()}`)).sort()
}

describe('planMigrations: a layer schedule moves to its shift-based form at a handoff', () => {
  it('the next handoff is the legacy schedule\'s next shift boundary at least an hour ahead', () => {
    expect(nextHandoff(legacy, NOW)).toBe(H)
    // 40 minutes before a handoff: too close to apply safely, so the one after.
    expect(nextHandoff(legacy, H - 40 * 60_000)).toBe(H + 7 * 86_400_000)
  })

  it('start: ends the legacy layers at H, creates the shift-based schedule from H, points the policy at both; pages reach exactly the person on call', () => {
    const old = aLiveResource(legacy, {id: 'PLEGACY'})
    const p = plan(NOW, {schedules: [old], escalationPolicies: [aLiveResource(withTargets(legacyTarget, aiko), {id: 'PPOL'})]})
    expect(p.changes.map((c) => `${c.kind} ${c.type} ${c.key}${c.kind === 'create' ? '' : ` ${c.id}`}`)).toEqual([
      `create schedule ${KEY}`,
      `update schedule ${KEY} PLEGACY`,
      'update escalation_policy consumer-app PPOL',
    ])
    const created = p.changes[0]?.kind === 'create' ? (p.changes[0].after as Schedule) : undefined
    const ended = p.changes[1]?.kind === 'update' ? (p.changes[1].after as Schedule) : undefined
    expect(created?.rotations?.flatMap((r) => r.events.map((e) => e.effectiveFrom))).toEqual(['2026-03-09T10:00'])
    expect(ended?.layers.map((l) => l.end)).toEqual(['2026-03-09T10:00'])
    const policyChange = p.changes[2]
    expect(policyChange?.kind === 'update' && (policyChange.after as EscalationPolicy).rules[0]?.targets).toEqual([legacyTarget, v3Target, aiko])
    // What a page to the policy reaches: the union of both schedules is the old schedule, shift for shift.
    expect(coverage([ended as Schedule, created as Schedule])).toEqual(coverage([legacy]))
    expect(coverage([ended as Schedule]).length).toBeGreaterThan(0)
    expect(coverage([created as Schedule]).length).toBeGreaterThan(0)
    expect(p.migrations).toEqual([
      {key: KEY, phase: 'start', legacyId: 'PLEGACY', handoff: '2026-03-09T01:00:00.000Z', handoffLocal: '2026-03-09T10:00', timeZone: 'Asia/Tokyo', policies: ['consumer-app'], deletesLegacy: false},
    ])
    const text = renderText(p, {color: false})
    expect(text).toContain(`schedule ${KEY} moves from layer-based (PLEGACY) to shift-based at the handoff 2026-03-09 10:00 Asia/Tokyo`)
    expect(text).toContain('nobody twice, nobody missed')
    expect(text).toContain(`~ schedule ${KEY} (the layer-based schedule PLEGACY: its layers end at the handoff)`)
    expect(text).toContain(`schedule:${KEY} (layer-based, until the migration's handoff)`)
    // The migrations entry, the legacy target and the created shift-based schedule follow the plan schema.
    expect(planSchemaErrors(JSON.parse(renderJson(p)))).toEqual([])
    // The pull-request comment has the same sentence.
    expect(renderMarkdown(p)).toContain('**Migrations**')
    expect(renderMarkdown(p)).toContain('to shift-based at the handoff 2026-03-09 10:00 Asia/Tokyo')
    expect(renderMarkdown(p)).toContain('(and deletes it with --allow-destroy).')
    expect(JSON.parse(renderJson(p)).migrations[0]).toMatchObject({legacy_id: 'PLEGACY', handoff_local: '2026-03-09T10:00', deletes_legacy: false})
  })

  it('transition: once applied and before H, nothing to do', () => {
    const endedLegacy = aLiveResource({...legacy, layers: legacy.layers.map((l) => ({...l, end: '2026-03-09T10:00'}))}, {id: 'PLEGACY'})
    const created = plan(NOW, {schedules: [aLiveResource(legacy, {id: 'PLEGACY'})]}).changes[0]
    const live3 = aLiveResource(created?.kind === 'create' ? (created.after as Schedule) : shiftBased, {id: 'PV3'})
    const p = plan(NOW + 86_400_000, {schedules: [endedLegacy, live3], escalationPolicies: [aLiveResource(withTargets(legacyTarget, v3Target, aiko))]})
    expect(p.changes).toEqual([])
    expect(p.migrations?.[0]).toMatchObject({phase: 'transition', handoff: '2026-03-09T01:00:00.000Z'})
    expect(renderText(p, {color: false})).toContain('policy consumer-app targets both schedules until then; plan again after it to finish')
  })

  it('finish: after H the policy drops the legacy target; the legacy schedule is deleted only with --allow-destroy and only when no other policy uses it', () => {
    const history = aLiveResource({...legacy, layers: []}, {id: 'PLEGACY'})
    // Its events started at H, in the past now: the read aligns a past start with the config's (plan/shift-rollout.ts).
    const live3 = aLiveResource(shiftBased, {id: 'PV3'})
    const both = aLiveResource(withTargets(legacyTarget, v3Target, aiko), {id: 'PPOL'})
    const after = H + 3600_000
    const kept = plan(after, {schedules: [history, live3], escalationPolicies: [both]})
    expect(kept.changes.map((c) => `${c.kind} ${c.type}`)).toEqual(['update escalation_policy'])
    expect(kept.changes[0]?.kind === 'update' && (kept.changes[0].after as EscalationPolicy).rules[0]?.targets).toEqual([v3Target, aiko])
    expect(kept.warnings.map((w) => w.code)).toEqual(['MIGRATED_LEGACY_SCHEDULE_KEPT'])

    const destroyed = plan(after, {schedules: [history, live3], escalationPolicies: [both]}, true)
    expect(destroyed.changes.map((c) => `${c.kind} ${c.type}${c.kind === 'delete' ? ` ${c.id}` : ''}`)).toEqual(['update escalation_policy', 'delete schedule PLEGACY'])
    expect(renderText(destroyed, {color: false})).toContain('policy consumer-app drops the layer-based schedule (PLEGACY), which this plan deletes.')

    // Converged: the policy moved, the legacy schedule kept (no --allow-destroy) → no changes.
    const moved = aLiveResource(withTargets(v3Target, aiko), {id: 'PPOL'})
    expect(plan(after, {schedules: [history, live3], escalationPolicies: [moved]}).changes).toEqual([])
    // Another config's policy still pages the legacy schedule: not deleted, and the warning names it.
    const foreign = aLiveResource(anEscalationPolicy({key: 'other', name: 'Other team', rules: [{delayMinutes: 5, targets: [legacyTarget]}]}), {id: 'PFOREIGN', owner: 'other'})
    const blocked = plan(after, {schedules: [history, live3], escalationPolicies: [moved, foreign]}, true)
    expect(blocked.changes).toEqual([])
    expect(blocked.warnings[0]?.message).toContain('"Other team" PFOREIGN')
  })

  it('without the migration option a plan stays as before (no migrations field)', () => {
    const p = makePlan(aDesiredState({schedules: [legacy]}), aLiveState({schedules: [aLiveResource(legacy)]}), {adopt: false})
    expect(p).not.toHaveProperty('migrations')
  })
})

describe('planMigrations and the safety checks', () => {
  it('a handoff within 24 hours is not a change of who is on call (the shift-based schedule takes over then)', async () => {
    const {assessSafety} = await import('./safety.js')
    const soon = H - 3 * 3600_000
    const live = aLiveState({schedules: [aLiveResource(legacy, {id: 'PLEGACY'})], escalationPolicies: [aLiveResource(withTargets(legacyTarget, aiko))]})
    const p = makePlan(aDesiredState({schedules: [shiftBased], escalationPolicies: [policy]}), live, {adopt: false, migration: {now: soon, allowDestroy: false}})
    expect(p.migrations?.[0]?.handoff).toBe('2026-03-09T01:00:00.000Z')
    expect(assessSafety(p, live, {allowDestroy: false, force: false, now: new Date(soon)}).map((v) => v.code)).toEqual([])
    // Without the migration entry the same legacy update would count as a change within the day.
    expect(assessSafety({...p, migrations: []}, live, {allowDestroy: false, force: false, now: new Date(soon)}).map((v) => v.code)).toContain('ONCALL_CHANGES_SOON')
  })
})

describe('planMigrations after an interrupted apply', () => {
  it('legacy layers already end at H but the shift-based schedule and the policy were not written: the next plan does only those', () => {
    const endedLegacy = aLiveResource({...legacy, layers: legacy.layers.map((l) => ({...l, end: '2026-03-09T10:00'}))}, {id: 'PLEGACY'})
    const p = plan(NOW + 3600_000, {schedules: [endedLegacy], escalationPolicies: [aLiveResource(withTargets(legacyTarget, aiko), {id: 'PPOL'})]})
    expect(p.changes.map((c) => `${c.kind} ${c.type}`)).toEqual(['create schedule', 'update escalation_policy'])
    expect(p.migrations?.[0]).toMatchObject({phase: 'transition', handoff: '2026-03-09T01:00:00.000Z'})
    const created = p.changes[0]?.kind === 'create' ? (p.changes[0].after as Schedule) : undefined
    expect(created?.rotations?.flatMap((r) => r.events.map((e) => e.effectiveFrom))).toEqual(['2026-03-09T10:00'])
  })
})

describe('migrationPreviewChanges', () => {
  it('previews a starting migration as one move through its key: from the legacy schedule to the config form', async () => {
    const {migrationPreviewChanges} = await import('./migration-plan.js')
    const {shiftPreviews} = await import('./shift-preview.js')
    const desired = aDesiredState({schedules: [shiftBased], escalationPolicies: [policy]})
    const p = plan(NOW, {schedules: [aLiveResource(legacy, {id: 'PLEGACY'})], escalationPolicies: [aLiveResource(withTargets(legacyTarget, aiko))]})
    const changes = migrationPreviewChanges(p.changes, p.migrations ?? [], desired)
    expect(changes.map((c) => `${c.kind} ${c.type}`)).toEqual(['update schedule', 'update escalation_policy'])
    const [preview] = shiftPreviews(changes, {now: new Date(NOW), days: 28, names: new Map()})
    expect(preview?.people).toEqual([])
    // Each half alone would read as everyone gaining (the new schedule) and losing (the ended layers) their shifts.
    const halves = shiftPreviews(p.changes, {now: new Date(NOW), days: 28, names: new Map()})
    expect(halves.every((h) => h.people.length > 0)).toBe(true)
  })
})
