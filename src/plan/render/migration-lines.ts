import type {Change} from '../change.js'
import type {ScheduleMigration} from '../migration-plan.js'
import type {Plan} from '../plan.js'

/**
 * Sentences per migration (migration-plan.ts) for the plan's "Migrations" section: when the
 * handoff is, what happens then, and what the next plan does, in words a reviewer can check.
 */
export function migrationLines(plan: Plan): string[] {
  return (plan.migrations ?? []).flatMap(migrationLine)
}

/** Sentences short enough for a PR comment's note (markdown.ts cuts notes at 400 characters). */
function migrationLine(m: ScheduleMigration): string[] {
  const at = `${(m.handoffLocal ?? '').replace('T', ' ')} ${m.timeZone}`
  const one = m.policies.length === 1
  const policies = `${one ? 'policy' : 'policies'} ${m.policies.join(', ')}`
  const verb = (singular: string, plural: string) => (one ? singular : plural)
  switch (m.phase) {
    case 'start':
      return [
        `schedule ${m.key} moves from layer-based (${m.legacyId}) to shift-based at the handoff ${at}: the layer-based schedule's layers end then, ` +
          `the shift-based schedule is created with every event effective from then, and ${m.policies.length === 0 ? 'no policy needs moving' : `${policies} ${verb('targets', 'target')} both schedules`}.`,
        `schedule ${m.key}: until the handoff only the layer-based schedule has anyone on call, from it only the shift-based one, so every page reaches exactly the person on call (nobody twice, nobody missed). ` +
          'The first plan after the handoff removes the layer-based schedule from the policies (and deletes it with --allow-destroy).',
      ]
    case 'transition':
      return [`schedule ${m.key} is moving to shift-based at the handoff ${at}: ${m.policies.length === 0 ? 'nothing to do' : `${policies} ${verb('targets', 'target')} both schedules`} until then; plan again after it to finish.`]
    case 'finish':
      return [
        `schedule ${m.key}: the handoff to shift-based has passed; ${m.policies.length === 0 ? 'no policy of this config targets the layer-based schedule' : `${policies} ${verb('drops', 'drop')} the layer-based schedule`} (${m.legacyId}), ` +
          (m.deletesLegacy ? 'which this plan deletes.' : 'which stays in the account without running layers (see the warning).'),
      ]
  }
}

/** `(layer-based P1: its layers end at the handoff)` / `(shift-based)` beside a migrating key's changes. */
export function migrationNote(c: Change, plan: Plan): string | null {
  if (c.type !== 'schedule') return null
  const m = plan.migrations?.find((x) => x.key === c.key)
  if (m === undefined) return null
  if (c.kind !== 'create' && c.id === m.legacyId) {
    return c.kind === 'delete' ? `(the layer-based schedule ${m.legacyId}, migrated)` : `(the layer-based schedule ${m.legacyId}: its layers end at the handoff)`
  }
  return '(the shift-based schedule)'
}
