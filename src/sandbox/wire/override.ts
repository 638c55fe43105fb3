import type {SandboxContext} from '../context.js'
import type {OverrideRec} from '../state.js'
import {formatInZone} from '../time-format.js'
import {userRef} from './user.js'

/** An Override as PD returns it: {id, start, end, user}, instants in `zone`'s offset. */
export function overrideWire(ctx: SandboxContext, o: OverrideRec, zone: string): Record<string, unknown> {
  return {id: o.id, start: formatInZone(o.start, zone), end: formatInZone(o.end, zone), user: userRef(ctx, o.user)}
}
