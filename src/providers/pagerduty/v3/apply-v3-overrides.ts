/**
 * Applies the override part of a plan for one shift-based (v3) schedule: deletes (exclusive
 * schedules only) one by one, then every create in one `POST /v3/schedules/{id}/overrides`
 * (`{overrides: [...]}`, answered wrapped in `overrides`). Each override names its rotation by
 * ID: the schedule is read once here, because the rotations may have been created by this very
 * apply, and their names come from their events' names (event-names.ts), as the plan read them.
 * Like v2 overrides they carry no marker: a POST whose answer was lost is followed by a read, and
 * only the overrides still missing are sent again.
 */
import {identity, type PlannedOverride, type ScheduleOverridePlan} from '../../../plan/override-plan.js'
import type {ApplyClient} from '../apply-client.js'
import type {IdIndex} from '../id-index.js'
import type {PdScheduleV3} from './dto-v3.js'
import {isAmbiguous} from '../ambiguous-failure.js'
import {readV3Overrides, rotationNamesById} from './read-v3-overrides.js'

type Line = (text: string) => void

export async function applyV3Overrides(
  client: ApplyClient,
  plan: ScheduleOverridePlan,
  ids: IdIndex,
  now: Date,
  line: Line,
): Promise<{created: number; deleted: number}> {
  const scheduleId = ids.v3ScheduleId(plan.schedule)
  if (scheduleId === undefined) throw new Error(`shift-based schedule "${plan.schedule}" not found in PagerDuty`)
  const path = `/v3/schedules/${encodeURIComponent(scheduleId)}/overrides`
  let deleted = 0
  for (const o of plan.delete) {
    await client.delete(`${path}/${encodeURIComponent(o.id ?? '')}`)
    deleted++
    line(`- override ${plan.schedule}: ${o.user} ${o.start} – ${o.end} (rotation ${o.rotation ?? ''}) deleted`)
  }
  if (plan.create.length === 0) return {created: 0, deleted}
  const live = await client.get<{schedule?: PdScheduleV3}>(`/v3/schedules/${encodeURIComponent(scheduleId)}`)
  const rotationIds = new Map([...rotationNamesById(live.schedule ?? {}, now.getTime())].map(([id, name]) => [name, id]))
  const user = (email: string) => ({type: 'user_member', user_id: ids.requireId('user', email)})
  const body = (list: readonly PlannedOverride[]) => ({
    overrides: list.map((o) => {
      const rotationId = rotationIds.get(o.rotation ?? '')
      if (rotationId === undefined) throw new Error(`schedule ${plan.schedule} has no rotation named "${o.rotation ?? ''}" in PagerDuty`)
      return {type: 'override_shift', rotation_id: rotationId, start_time: o.start, end_time: o.end, overridden_member: user(o.replaces ?? ''), overriding_member: user(o.user)}
    }),
  })
  try {
    await client.post(path, body(plan.create))
  } catch (error) {
    // The answer may have been lost after PagerDuty created some or all: look before sending again.
    const emailOf = new Map([...plan.create.flatMap((o) => [o.user, o.replaces ?? ''])].map((e) => [ids.id('user', e) ?? '', e]))
    const namesById = new Map([...rotationIds].map(([name, id]) => [id, name]))
    const since = Math.min(...plan.create.map((o) => Date.parse(o.start)))
    const until = Math.max(...plan.create.map((o) => Date.parse(o.end)))
    const present = new Set(
      (await readV3Overrides(client, scheduleId, {since, until}, (id) => emailOf.get(id))).map((o) =>
        identity({user: o.user, start: o.start, end: o.end, rotation: o.rotationId === undefined ? null : (namesById.get(o.rotationId) ?? null), replaces: o.overridden}),
      ),
    )
    const missing = plan.create.filter((o) => !present.has(identity(o)))
    if (missing.length === 0) return {created: plan.create.length, deleted}
    if (missing.length === plan.create.length && !isAmbiguous(error)) throw error
    await client.post(path, body(missing))
  }
  line(`+ overrides ${plan.schedule}: ${plan.create.length} created`)
  return {created: plan.create.length, deleted}
}
