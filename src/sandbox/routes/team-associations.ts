import type {SandboxContext} from '../context.js'
import type {PolicyRec, ScheduleRec, ServiceRec} from '../state.js'

/** What ties a team down: its policies, schedules and (via policies) services. */
export function teamAssociations(ctx: SandboxContext, teamId: string) {
  const policies: PolicyRec[] = ctx.state.escalation_policies.filter((p) => p.teams.includes(teamId))
  const schedules: ScheduleRec[] = ctx.state.schedules.filter((s) => s.teams.includes(teamId))
  const policyIds = new Set(policies.map((p) => p.id))
  const services: ServiceRec[] = ctx.state.services.filter((s) => policyIds.has(s.escalation_policy))
  return {
    policies,
    schedules,
    services,
    describe(): string[] {
      const out: string[] = []
      if (policies.length > 0) out.push(`Team has ${policies.length} associated escalation policies`)
      if (services.length > 0) out.push(`Team has ${services.length} associated services`)
      if (schedules.length > 0) out.push(`Team has ${schedules.length} associated schedules`)
      return out
    },
    /** The team's policies that reach the user directly or through a schedule they rotate in. */
    policiesReaching(userId: string): PolicyRec[] {
      return policies.filter((p) =>
        p.rules.some((r) =>
          r.targets.some((t) =>
            t.kind === 'user' ? t.id === userId : ctx.state.schedules.some((s) => s.id === t.id && s.layers.some((l) => l.users.includes(userId))),
          ),
        ),
      )
    },
  }
}
