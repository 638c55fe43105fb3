import {formatSpanInZone} from '../../schedule/format-local.js'
import {overrideInstant} from '../../schedule/override-time.js'
import {timeOffCovers} from '../../schedule/time-off-covers.js'
import {overrideRotation, rotationOverrides} from '../../schedule/v3/rotation-overrides.js'
import type {WrittenSchedule} from '../written.js'
import {didYouMean} from '../did-you-mean.js'
import {midnightAfter, toLocalDateTime} from '../local-time.js'
import type {Rule, RuleContext} from './context.js'

/**
 * `overrides:` and `time_off:` (docs/language.md, "Overrides and time off"): schedules that exist,
 * real times, end after start, no two overrides of one schedule overlapping, nothing entirely in
 * the past (a warning: remove it), and time off that somebody can cover.
 */
export const overridesValid: Rule = (ctx) => {
  checkOverrides(ctx)
  checkTimeOff(ctx)
  checkCovers(ctx)
  checkRotationOverrides(ctx)
}

function checkOverrides(ctx: RuleContext): void {
  const {schedules} = ctx.config
  const placed: {schedule: string; start: number; end: number; index: number}[] = []
  ;(ctx.config.overrides ?? []).forEach((o, index) => {
    const path = ['overrides', index] as const
    const schedule = schedules.get(o.schedule)
    if (!schedule) {
      const hint = didYouMean(o.schedule, schedules.keys()) ?? (schedules.size > 0 ? `known: ${[...schedules.keys()].slice(0, 10).join(', ')}` : 'no schedule is defined')
      ctx.report({code: 'unknown-reference', message: `unknown schedule \`${o.schedule}\``, path: [...path, 'schedule'], hint})
      return
    }
    unknownUser(ctx, o.user, [...path, 'user'])
    for (const field of ['rotation', 'replaces'] as const) {
      if (o[field] === undefined || schedule.rotations !== undefined) continue
      ctx.report({code: 'override-rotation-on-layers', message: `schedule ${o.schedule} is layer-based: \`${field}:\` is for shift-based schedules (overrides of layer-based schedules are above every layer)`, path: [...path, field]})
    }
    if (o.replaces !== undefined) unknownUser(ctx, o.replaces, [...path, 'replaces'])
    const start = overrideInstant(o.start, schedule.time_zone)
    const end = overrideInstant(o.end, schedule.time_zone)
    if (start === undefined) ctx.report({code: 'invalid-override-time', message: `start ${o.start} is not a date-time`, path: [...path, 'start']})
    if (end === undefined) ctx.report({code: 'invalid-override-time', message: `end ${o.end} is not a date-time`, path: [...path, 'end']})
    if (start === undefined || end === undefined) return
    if (end <= start) {
      ctx.report({code: 'override-end-before-start', message: `the override ends (${o.end}) before it starts (${o.start})`, path: [...path, 'end']})
      return
    }
    if (end <= ctx.now.getTime()) {
      ctx.report({severity: 'warning', code: 'override-in-past', message: `the override ended at ${o.end}: it changes nothing, remove it`, path, atKey: true})
    }
    // Shift-based schedules: overrides of different rotations may overlap (checkRotationOverrides).
    if (schedule.rotations !== undefined) return
    const clash = placed.find((p) => p.schedule === o.schedule && p.start < end && p.end > start)
    if (clash) {
      ctx.report({
        code: 'overlapping-overrides',
        message: `overlaps overrides[${clash.index}] of schedule ${o.schedule} (${formatSpanInZone(clash.start, clash.end, schedule.time_zone)})`,
        path: [...path, 'start'],
        hint: 'one person per schedule at a time: shorten one of them',
      })
    }
    placed.push({schedule: o.schedule, start, end, index})
  })
}

function checkTimeOff(ctx: RuleContext): void {
  ;(ctx.config.time_off ?? []).forEach((t, index) => {
    const path = ['time_off', index] as const
    unknownUser(ctx, t.user, [...path, 'user'])
    if (t.cover !== undefined && t.cover !== 'next_in_rotation') {
      unknownUser(ctx, t.cover, [...path, 'cover'])
      if (t.cover.toLowerCase() === t.user.toLowerCase()) ctx.report({code: 'cover-is-off', message: `${t.cover} cannot cover their own time off`, path: [...path, 'cover']})
    }
    const from = toLocalDateTime(t.from)
    const to = t.to.includes('T') ? toLocalDateTime(t.to) : midnightAfter(t.to)
    if (from === undefined) ctx.report({code: 'invalid-time-off', message: `from ${t.from} is not a date`, path: [...path, 'from']})
    if (to === undefined) ctx.report({code: 'invalid-time-off', message: `to ${t.to} is not a date`, path: [...path, 'to']})
    if (from === undefined || to === undefined) return
    if (to <= from) {
      ctx.report({code: 'time-off-end-before-start', message: `the time off ends (${t.to}) before it starts (${t.from})`, path: [...path, 'to']})
      return
    }
    // Local times, maybe in each schedule's zone: a day of slack makes "has passed" true in every zone.
    if (to < new Date(ctx.now.getTime() - 86_400_000).toISOString().slice(0, 16)) {
      ctx.report({severity: 'warning', code: 'time-off-in-past', message: `the time off ended (${t.to}): it changes nothing, remove it`, path, atKey: true})
    }
    const onAnySchedule = [...ctx.config.schedules.values()].some((s) => rotationPeople(s).some((u) => u.toLowerCase() === t.user.toLowerCase()))
    if (!onAnySchedule) {
      ctx.report({severity: 'warning', code: 'time-off-not-on-call', message: `${t.user} is in no rotation of this config: the time off needs no cover`, path: [...path, 'user']})
    }
  })
}

/** Needs the model: covers come from the rotation. */
function checkCovers(ctx: RuleContext): void {
  const state = ctx.state
  if (!state?.timeOff || state.timeOff.length === 0) return
  const {problems} = timeOffCovers(state.schedules.values(), state.timeOff, state.overrides ?? [])
  const now = ctx.now.getTime()
  for (const p of problems) {
    if (p.end <= now) continue
    const zone = state.schedules.get(p.schedule)?.timeZone ?? 'UTC'
    const shift = `${p.schedule} ${formatSpanInZone(p.start, p.end, zone)}`
    if (p.kind === 'no-cover') {
      ctx.report({
        code: 'time-off-uncovered',
        message: `nobody can cover the shift ${shift}: everyone else in the rotation is off too`,
        path: ['time_off', p.index],
        atKey: true,
        hint: 'name a `cover:`, or add a declared override for that shift',
      })
    } else {
      ctx.report({code: 'cover-is-off', message: `the cover ${p.cover ?? ''} is off too during ${shift}`, path: ['time_off', p.index, 'cover']})
    }
  }
}

/** Users need not be declared (they may exist in the account), but a near miss of a known one is a typo. */
function unknownUser(ctx: RuleContext, email: string, path: readonly (string | number)[]): void {
  const known = new Set<string>()
  for (const u of ctx.config.users) known.add(u.email.toLowerCase())
  for (const s of ctx.config.schedules.values()) for (const u of rotationPeople(s)) known.add(u.toLowerCase())
  const lower = email.toLowerCase()
  if (known.has(lower)) return
  const hint = didYouMean(lower, known)
  if (hint) ctx.report({code: 'unknown-user', message: `${email} is neither declared nor in any rotation of this config`, path, hint})
}

/** Everyone a schedule rotates: its layers' users, or its shift-based events' members. */
function rotationPeople(s: WrittenSchedule): string[] {
  return [...(s.layers ?? []).flatMap((l) => l.users), ...(s.rotations ?? []).flatMap((r) => r.events.flatMap((e) => e.members))]
}

/**
 * Overrides of shift-based schedules (needs the model: which rotation an override takes depends
 * on who is on call in its span). `rotation:` must name a rotation; without it the span may touch
 * one rotation only; one that touches none changes nothing (a v3 override only replaces shifts);
 * two overrides of one rotation must not overlap.
 */
function checkRotationOverrides(ctx: RuleContext): void {
  const state = ctx.state
  if (!state?.overrides) return
  const placed: {schedule: string; rotation: number; overridden: string; start: number; end: number; index: number}[] = []
  for (const o of state.overrides) {
    const schedule = state.schedules.get(o.schedule)
    if (schedule?.rotations === undefined || o.origin.kind !== 'declared') continue
    const path = ['overrides', o.origin.index] as const
    const names = schedule.rotations.map((r) => r.name)
    const target = overrideRotation(schedule, o)
    const span = formatSpanInZone(o.start, o.end, schedule.timeZone)
    if (target.kind === 'unknown') {
      ctx.report({
        code: 'unknown-rotation',
        message: `schedule ${o.schedule} has no rotation named \`${target.name}\``,
        path: [...path, 'rotation'],
        hint: didYouMean(target.name, names) ?? `its rotations: ${names.join(', ')}`,
      })
      continue
    }
    if (target.kind === 'ambiguous') {
      ctx.report({
        code: 'override-rotation-ambiguous',
        message: `the override ${span} touches the rotations ${target.names.join(' and ')} of schedule ${o.schedule}: say which with \`rotation:\``,
        path,
        atKey: true,
        hint: 'a shift-based override takes the shifts of one rotation; write one override per rotation to cover several',
      })
      continue
    }
    if (target.kind === 'none') {
      if (o.end > ctx.now.getTime()) {
        ctx.report({
          severity: 'warning',
          code: 'override-changes-nothing',
          message: `no rotation of schedule ${o.schedule} has anyone on call ${span}: the override changes nothing (on a shift-based schedule it only takes existing shifts)`,
          path,
          atKey: true,
        })
      }
      continue
    }
    // Two overrides clash when they take the same member's shifts of one rotation at the same time.
    const pieces = rotationOverrides(schedule, [o])
    const clash = placed.find((p) => p.schedule === o.schedule && pieces.some((q) => q.rotation === p.rotation && q.overridden === p.overridden && p.start < q.end && p.end > q.start))
    if (clash) {
      ctx.report({
        code: 'overlapping-overrides',
        message: `overlaps overrides[${clash.index}] of rotation ${names[clash.rotation] ?? ''} of schedule ${o.schedule} (${formatSpanInZone(clash.start, clash.end, schedule.timeZone)}): both take ${clash.overridden}'s shifts`,
        path: [...path, 'start'],
        hint: 'one override per member of a rotation at a time: shorten one of them',
      })
    }
    placed.push(...pieces.map((p) => ({schedule: o.schedule, rotation: p.rotation, overridden: p.overridden, start: p.start, end: p.end, index: o.origin.index})))
  }
}
