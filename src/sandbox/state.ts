/**
 * The sandbox's account state: plain JSON-serialisable records, close to PagerDuty's wire format
 * but with IDs instead of embedded references and epoch-ms instants for schedule times.
 */
export interface UserRec {
  id: string
  name: string
  email: string
  time_zone: string
  role: string
  color: string
  description: string | null
  job_title: string | null
}

export interface TeamRec {
  id: string
  name: string
  description: string | null
  default_role: string
}

export interface MemberRec {
  team: string
  user: string
  role: 'observer' | 'responder' | 'manager'
}

/** A restriction exactly as PD sends it (daily_restriction / weekly_restriction). */
export interface RestrictionWire {
  type: 'daily_restriction' | 'weekly_restriction'
  start_time_of_day: string
  duration_seconds: number
  start_day_of_week?: number
}

export interface LayerRec {
  id: string
  name: string | null
  start: number
  end: number | null
  rotation_virtual_start: number
  rotation_turn_length_seconds: number
  /** User IDs in rotation order. */
  users: string[]
  restrictions: RestrictionWire[]
}

/** A schedule override: `user` is on call in [start, end) above every layer. */
export interface OverrideRec {
  id: string
  start: number
  end: number
  user: string
}

export interface ScheduleRec {
  id: string
  name: string
  description: string | null
  time_zone: string
  /** Layers in written (POST/PUT) order: index 0 = Layer 1, the lowest precedence. */
  layers: LayerRec[]
  teams: string[]
  /**
   * Overrides in creation order: where they overlap the later one wins (notes §5.3). Absent in
   * state files written before the sandbox simulated overrides.
   */
  overrides?: OverrideRec[]
}

export interface TargetRec {
  id: string
  /** schedule_v3: a shift-based schedule (SandboxState.v3_schedules). */
  kind: 'user' | 'schedule' | 'schedule_v3'
}

export interface RuleRec {
  id: string
  escalation_delay_in_minutes: number
  targets: TargetRec[]
  /** Echoed as sent: the spec types it as a string but its example is an object (notes §3.5). */
  escalation_rule_assignment_strategy?: unknown
}

export interface PolicyRec {
  id: string
  name: string
  description: string | null
  num_loops: number
  on_call_handoff_notifications: string
  rules: RuleRec[]
  teams: string[]
}

export interface ServiceRec {
  id: string
  name: string
  description: string | null
  escalation_policy: string
  auto_resolve_timeout: number | null
  acknowledgement_timeout: number | null
  status: string
  created_at: number
  alert_creation: string
  incident_urgency_rule: unknown
  support_hours: unknown
  scheduled_actions: unknown[]
  alert_grouping_parameters: unknown
  auto_pause_notifications_parameters: unknown
  /** A response play reference, echoed as stored (absent in state files written before it was kept). */
  response_play?: unknown
}

import type {V3ScheduleRec} from './v3/records.js'

export interface SandboxState {
  version: 1
  users: UserRec[]
  teams: TeamRec[]
  members: MemberRec[]
  schedules: ScheduleRec[]
  escalation_policies: PolicyRec[]
  services: ServiceRec[]
  /** Shift-based (REST v3) schedules; absent in state files written before the sandbox served /v3. */
  v3_schedules?: V3ScheduleRec[]
  /** PRNG state for IDs, persisted so a restarted sandbox continues the same sequence. */
  idSeed: number
  /** Every ID ever issued: PagerDuty never reuses a deleted ID. */
  issuedIds: string[]
}

export function emptyState(idSeed = 1): SandboxState {
  return {version: 1, users: [], teams: [], members: [], schedules: [], escalation_policies: [], services: [], idSeed, issuedIds: []}
}
