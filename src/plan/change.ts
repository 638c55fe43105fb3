import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {ResourceType} from '../model/keys.js'
import type {Schedule} from '../model/schedule.js'
import type {Service} from '../model/service.js'
import type {Team} from '../model/team.js'
import type {User} from '../model/user.js'

/** The model value of any managed resource type. */
export type Resource = User | Team | Schedule | EscalationPolicy | Service

/** One field that differs, with values already in human form (emails, keys, `30m`, `mon 10:00 Asia/Tokyo`). */
export interface FieldChange {
  /** Dotted path in YAML terms, e.g. `layers[0].users`, `rules[1].delay`. */
  readonly path: string
  readonly before: unknown
  readonly after: unknown
}

interface ChangeBase {
  readonly type: ResourceType
  /** YAML key (email for users). */
  readonly key: string
}

/**
 * What the plan will do to one resource (octoDNS-style Create/Update/Delete). `adopt` takes over
 * an unmarked object that matches a config object by name (only with --adopt): apply writes the
 * ownership marker and any field changes in one update.
 */
export type Change =
  | (ChangeBase & {readonly kind: 'create'; readonly after: Resource})
  | (ChangeBase & {
      readonly kind: 'update' | 'adopt'
      readonly id: string
      readonly before: Resource
      readonly after: Resource
      readonly fields: readonly FieldChange[]
    })
  | (ChangeBase & {readonly kind: 'delete'; readonly id: string; readonly before: Resource})

export type ChangeKind = Change['kind']
