export type EscalationTarget =
  | {
      readonly type: 'schedule'
      readonly key: string
      /**
       * Only while a migration moves the policy from the layer-based schedule of `key` to the
       * shift-based one (plan/migration-plan.ts): this target is the layer-based (legacy) one.
       * Never written in the config; absent otherwise.
       */
      readonly legacy?: true
    }
  | {readonly type: 'user'; readonly email: string}

export interface EscalationRule {
  /** Minutes before escalating to the next rule (PagerDuty: escalation_delay_in_minutes, ≥ 1). */
  readonly delayMinutes: number
  readonly targets: readonly EscalationTarget[]
  /**
   * `round_robin`: one target at a time, in turn (PagerDuty: escalation_rule_assignment_strategy).
   * Absent = PagerDuty's default, every target at once (absent rather than a default value, so
   * configs without it keep their canonical form and fingerprint).
   */
  readonly assignment?: 'round_robin'
}

export const HANDOFF_NOTIFICATIONS = ['if_has_services', 'always'] as const
export type HandoffNotifications = (typeof HANDOFF_NOTIFICATIONS)[number]

export interface EscalationPolicy {
  readonly key: string
  readonly name: string
  readonly description: string
  /** Team key or null. PagerDuty allows at most one team per policy. */
  readonly team: string | null
  /** How many times the whole policy repeats after the last rule (PagerDuty: num_loops, 0..9). */
  readonly repeat: number
  readonly handoffNotifications: HandoffNotifications
  readonly rules: readonly EscalationRule[]
}
