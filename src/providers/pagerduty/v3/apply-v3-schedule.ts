import type {Schedule, ShiftRotation} from '../../../model/schedule.js'
import type {Change} from '../../../plan/change.js'
import {pairRotations} from '../../../plan/shift-pairing.js'
import type {OperationContext} from '../apply-operations.js'
import type {Read} from '../dto.js'
import {parseInstant} from '../mapping/wall-clock.js'
import {parseDescription} from '../ownership.js'
import type {PdEventMember, PdEventV3, PdRotationV3, PdScheduleV3} from './dto-v3.js'
import {rotationNameFromWire} from './event-names.js'
import {listV3Schedules, v3SchedulesById} from './read-v3-schedules.js'
import {currentEvents} from './schedule-from-pd-v3.js'
import {eventToPd, utcIso, v3MetadataToPd} from './schedule-to-pd-v3.js'

/**
 * The API calls behind a change of a shift-based (v3) schedule (docs/shift-based-schedules.md,
 * "Plan and apply"):
 *
 * - create: POST /v3/schedules (metadata only, the ownership marker in the description), then per
 *   rotation POST …/rotations (empty body) and POST …/events;
 * - update: PUT the metadata fields that changed; rotations paired as the plan paired them
 *   (shift-pairing.ts): a live rotation the config no longer has is DELETEd (its past shifts stay,
 *   the running event ends now), a new one is created; events within a rotation are paired by
 *   equality, then by name (reconcileEvents);
 * - delete: DELETE /v3/schedules/{id} (PagerDuty refuses while a policy targets it: the plan
 *   orders policy updates first).
 *
 * Every step is idempotent against a re-read: if apply stops half-way, the next plan reads what
 * was done (an owned schedule, rotations, events) and plans only the rest.
 */
export async function runV3ScheduleChange(change: Change, ctx: OperationContext): Promise<string> {
  switch (change.kind) {
    case 'create':
      return createV3(change.after as Schedule, ctx)
    case 'update':
    case 'adopt':
      await updateV3(change, ctx)
      return change.id
    case 'delete':
      await ctx.client.delete(`/v3/schedules/${change.id}`)
      return change.id
  }
}

async function createV3(schedule: Schedule, ctx: OperationContext): Promise<string> {
  const created = await ctx.client.post<{schedule?: {id?: string}}>('/v3/schedules', {schedule: v3MetadataToPd(schedule, ctx)}, {
    findExisting: () => findOwned(schedule, ctx),
  })
  const id = created?.schedule?.id
  if (typeof id !== 'string') throw new Error('PagerDuty answered POST /v3/schedules without an id')
  ctx.ids.recordV3Schedule(schedule.key, id)
  const rotations = schedule.rotations ?? []
  for (const [i, rotation] of rotations.entries()) await createRotation(id, rotation, i + 1, ctx)
  return id
}

/** A v3 schedule a lost POST may have created: same name and this config's marker for this key. */
async function findOwned(schedule: Schedule, ctx: OperationContext): Promise<{schedule: Read<PdScheduleV3>} | undefined> {
  const refs = (await listV3Schedules(ctx.client, {query: schedule.name})).filter((r) => r.summary === schedule.name)
  const found = (await v3SchedulesById(ctx.client, refs.map((r) => r.id))).find((s) => {
    const marker = parseDescription(s.description).marker
    return marker?.owner === ctx.owner && marker.key === schedule.key
  })
  return found ? {schedule: found} : undefined
}

async function createRotation(scheduleId: string, rotation: ShiftRotation, position: number, ctx: OperationContext): Promise<void> {
  const made = await ctx.client.post<{rotation?: {id?: string}}>(`/v3/schedules/${scheduleId}/rotations`, {})
  const rotationId = made?.rotation?.id
  if (typeof rotationId !== 'string') throw new Error(`PagerDuty answered POST /v3/schedules/${scheduleId}/rotations without an id`)
  for (const event of rotation.events) {
    await ctx.client.post(`/v3/schedules/${scheduleId}/rotations/${rotationId}/events`, {event: eventToPd(event, rotation.name, position, ctx)})
  }
}

async function updateV3(change: Extract<Change, {kind: 'update' | 'adopt'}>, ctx: OperationContext): Promise<void> {
  const before = change.before as Schedule
  const after = change.after as Schedule
  ctx.ids.recordV3Schedule(change.key, change.id)
  const metadata = changedMetadata(before, after, ctx, change.kind === 'adopt')
  if (metadata !== null) await ctx.client.put(`/v3/schedules/${change.id}`, {schedule: metadata})

  const live = ctx.ids.liveV3(change.id)
  if (live === undefined) throw new Error(`no live rotations for v3 schedule ${change.id}: build the IdIndex withV3Schedules(raw account)`)
  const now = ctx.now.getTime()
  const liveRotations = live.rotations ?? []
  const liveNames = liveRotations.map((r, i) => rotationNameFromWire(i + 1, currentEvents(r, now).map((e) => e.name)).name)
  const wanted = after.rotations ?? []
  const pairing = pairRotations(liveNames, wanted.map((r) => r.name))
  // Positions as PagerDuty will list the rotations after this apply: kept ones in their order, then new ones.
  const kept = [...pairing.pairs].sort(([a], [b]) => a - b)
  const position = new Map<number, number>(kept.map(([, di], i) => [di, i + 1]))
  pairing.desiredOnly.forEach((di, i) => position.set(di, kept.length + i + 1))

  for (const li of pairing.liveOnly) await ctx.client.delete(`/v3/schedules/${change.id}/rotations/${(liveRotations[li] as PdRotationV3).id}`)
  for (const [li, di] of kept) {
    await reconcileEvents(change.id, liveRotations[li] as PdRotationV3, wanted[di] as ShiftRotation, position.get(di) as number, ctx)
  }
  for (const di of pairing.desiredOnly) await createRotation(change.id, wanted[di] as ShiftRotation, position.get(di) as number, ctx)
}

/** The metadata fields that changed (always with the marker on adoption), or null when none did. */
function changedMetadata(before: Schedule, after: Schedule, ctx: OperationContext, adopt: boolean): Record<string, unknown> | null {
  const full = v3MetadataToPd(after, ctx)
  const body: Record<string, unknown> = {}
  if (before.name !== after.name) body.name = full.name
  if (before.description !== after.description || adopt) body.description = full.description
  if (before.timeZone !== after.timeZone) body.time_zone = full.time_zone
  if ([...before.teams].sort().join('\n') !== [...after.teams].sort().join('\n')) body.teams = full.teams
  return Object.keys(body).length === 0 ? null : body
}

/**
 * One rotation's events brought to the config's. Pairs: first an identical live event (nothing to
 * do), then one with the same name. PagerDuty allows only `effective_until` on an event that has
 * started, so a started event whose content changes is ended now and the config's event created
 * (the plan already turned a change that waits for a handoff into an ending event plus a new one,
 * plan/shift-rollout.ts); an event that has not started is PUT in place with the changed fields
 * only. Live events left over are deleted (a started one ends now, its past shifts stay).
 * Order: ends and deletes first, so the new events never overlap the old ones.
 */
async function reconcileEvents(scheduleId: string, rotation: PdRotationV3, want: ShiftRotation, position: number, ctx: OperationContext): Promise<void> {
  const now = ctx.now.getTime()
  const base = `/v3/schedules/${scheduleId}/rotations/${rotation.id}/events`
  const live = currentEvents(rotation, now)
  const desired = want.events.map((e) => eventToPd(e, want.name, position, ctx))
  const used = new Set<number>()
  const pairOf = new Map<number, number>()
  desired.forEach((d, di) => {
    const li = live.findIndex((l, i) => !used.has(i) && sameEvent(l, d, now))
    if (li >= 0) {
      used.add(li)
      pairOf.set(di, li)
    }
  })
  desired.forEach((d, di) => {
    if (pairOf.has(di)) return
    const li = live.findIndex((l, i) => !used.has(i) && l.name === d.name)
    if (li >= 0) {
      used.add(li)
      pairOf.set(di, li)
    }
  })
  const ends: (() => Promise<unknown>)[] = []
  const puts: (() => Promise<unknown>)[] = []
  const posts: (() => Promise<unknown>)[] = []
  live.forEach((l, li) => {
    if (!used.has(li)) ends.push(() => ctx.client.delete(`${base}/${l.id}`))
  })
  desired.forEach((d, di) => {
    const li = pairOf.get(di)
    const l = li === undefined ? undefined : live[li]
    const create = () => ctx.client.post(base, {event: d})
    if (l === undefined) return posts.push(create)
    if (sameEvent(l, d, now)) return
    const started = parseInstant(l.effective_since) <= now
    if (!started) return puts.push(() => ctx.client.put(`${base}/${l.id}`, {event: changedEventFields(l, d)}))
    if (sameContent(l, d) && sameSince(l, d, now)) return puts.push(() => ctx.client.put(`${base}/${l.id}`, {event: {effective_until: d.effective_until ?? null}}))
    ends.push(() => ctx.client.put(`${base}/${l.id}`, {event: {effective_until: utcIso(now)}}))
    posts.push(create)
  })
  for (const step of [...ends, ...puts, ...posts]) await step()
}

/** Same content, name and effective range (a start in the past equals any other past start). */
function sameEvent(l: PdEventV3, d: PdEventV3, now: number): boolean {
  return l.name === d.name && sameContent(l, d) && sameSince(l, d, now) && instantOrNull(l.effective_until) === instantOrNull(d.effective_until)
}

/** What a started event cannot change: times, zone, recurrence, strategy (empty_member slots are not the config's: ignored). */
function sameContent(l: PdEventV3, d: PdEventV3): boolean {
  const users = (members: readonly PdEventMember[]) => members.flatMap((m) => (m.type === 'user_member' ? [m.user_id] : []))
  const spm = (e: PdEventV3) => (e.assignment_strategy.type === 'rotating_member_assignment_strategy' ? e.assignment_strategy.shifts_per_member : null)
  return (
    parseInstant(l.start_time.date_time) === parseInstant(d.start_time.date_time) &&
    parseInstant(l.end_time.date_time) === parseInstant(d.end_time.date_time) &&
    l.start_time.time_zone === d.start_time.time_zone &&
    l.recurrence.join('\n') === d.recurrence.join('\n') &&
    l.assignment_strategy.type === d.assignment_strategy.type &&
    spm(l) === spm(d) &&
    users(l.assignment_strategy.members).join(',') === users(d.assignment_strategy.members).join(',')
  )
}

function sameSince(l: PdEventV3, d: PdEventV3, now: number): boolean {
  const a = parseInstant(l.effective_since)
  const b = parseInstant(d.effective_since)
  return a === b || (a <= now && b <= now)
}

function instantOrNull(iso: string | null | undefined): number | null {
  return iso === null || iso === undefined ? null : parseInstant(iso)
}

/** The PUT body of an event that has not started: only the fields that differ (lossless). */
function changedEventFields(l: PdEventV3, d: PdEventV3): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  if (l.name !== d.name) body.name = d.name
  if (parseInstant(l.start_time.date_time) !== parseInstant(d.start_time.date_time) || l.start_time.time_zone !== d.start_time.time_zone) body.start_time = d.start_time
  if (parseInstant(l.end_time.date_time) !== parseInstant(d.end_time.date_time) || l.end_time.time_zone !== d.end_time.time_zone) body.end_time = d.end_time
  if (parseInstant(l.effective_since) !== parseInstant(d.effective_since)) body.effective_since = d.effective_since
  if (instantOrNull(l.effective_until) !== instantOrNull(d.effective_until)) body.effective_until = d.effective_until ?? null
  if (l.recurrence.join('\n') !== d.recurrence.join('\n')) body.recurrence = d.recurrence
  const strategyOf = (e: PdEventV3) => JSON.stringify({...e.assignment_strategy, members: e.assignment_strategy.members.filter((m) => m.type === 'user_member')})
  if (strategyOf(l) !== strategyOf(d)) body.assignment_strategy = d.assignment_strategy
  return body
}
