/**
 * What the *-from-pd mappers need besides the object itself: PagerDuty IDs of referenced
 * objects turned into model references (emails and keys), and the clock that decides which
 * schedule layers have ended. Built once per read by read-live-state.ts.
 */
export interface FromPdContext {
  /** Email of a user ID; an ID missing from the account maps to `unknown-user:<id>` so the diff shows it. */
  readonly emailOf: (userId: string) => string
  readonly teamKeyOf: (teamId: string) => string
  readonly scheduleKeyOf: (scheduleId: string) => string
  /** Key of a shift-based (v3) schedule ID (policy targets of type `schedule_v3_reference`); absent = none read. */
  readonly v3ScheduleKeyOf?: (scheduleId: string) => string
  readonly policyKeyOf: (policyId: string) => string
  /** Epoch ms of "now" (injected): layers whose end is at or before it are history. */
  readonly now: number
  /** How GET lists schedule layers: PagerDuty returns the highest layer first (see live-layers.ts). */
  readonly layerOrderOnRead: LayerOrderOnRead
}

export type LayerOrderOnRead = 'highest-first' | 'as-written'

/** Placeholder reference for an ID that is not in the account listing (deleted meanwhile, or not readable). */
export function unknownRef(kind: string, id: string): string {
  return `unknown-${kind}:${id}`
}
