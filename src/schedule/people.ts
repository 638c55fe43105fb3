import type {Schedule} from '../model/schedule.js'

/** Everyone a schedule can put on call (layer users or shift-based event members), in written order, repeats kept. */
export function peopleOf(schedule: Schedule): string[] {
  return [...schedule.layers.flatMap((l) => l.users), ...(schedule.rotations ?? []).flatMap((r) => r.events.flatMap((e) => e.members))]
}

/** The name of what produced a shift: `Shift.layer` indexes layers, or rotations of a shift-based schedule. */
export function sourceName(schedule: Schedule, index: number): string | undefined {
  return schedule.rotations !== undefined ? schedule.rotations[index]?.name : schedule.layers[index]?.name
}
