/**
 * Shift-based (REST v3) schedule records of the sandbox state. Event fields stay close to the
 * wire (PagerDuty's ZonedDateTime, member objects); instants that the sandbox compares are epoch ms.
 */
export interface ZonedDateTimeRec {
  date_time: string
  time_zone: string
}

/** `null` is PagerDuty's `empty_member` (a slot nobody covers). */
export type MemberRec = string | null

export interface V3EventRec {
  id: string
  name: string
  start_time: ZonedDateTimeRec
  end_time: ZonedDateTimeRec
  effective_since: number
  effective_until: number | null
  recurrence: string[]
  strategy: {type: 'rotating_member_assignment_strategy'; shifts_per_member: number; members: MemberRec[]} | {type: 'every_member_assignment_strategy'; members: MemberRec[]}
}

export interface V3RotationRec {
  id: string
  events: V3EventRec[]
  /**
   * Set when the rotation was deleted: PagerDuty keeps its past shifts (the active event is cut
   * at the deletion time, future events go), so the final schedule still shows them.
   */
  deleted_at?: number
}

export interface CustomShiftRec {
  id: string
  start: number
  end: number
  assignment_id: string
  member: MemberRec
}

export interface V3OverrideRec {
  id: string
  rotation_id?: string
  custom_shift_id?: string
  start: number
  end: number
  overridden: MemberRec
  overriding: MemberRec
}

export interface V3ScheduleRec {
  id: string
  name: string
  description: string | null
  time_zone: string
  teams: string[]
  rotations: V3RotationRec[]
  custom_shifts: CustomShiftRec[]
  overrides: V3OverrideRec[]
}
