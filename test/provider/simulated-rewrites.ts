import type {PdSchedule, PdScheduleLayer, Read} from '../../src/providers/pagerduty/dto.js'
import {instantToIso, parseInstant} from '../../src/providers/pagerduty/mapping/wall-clock.js'

/**
 * What PagerDuty does to a schedule between write and read (notes/pagerduty-api.md §4), as a
 * pure function for round-trip tests of the mapping (the sandbox does the same over HTTP):
 * layers without an id get one, updated layers keep theirs, layers the body leaves out are kept
 * as stored; a layer start in the past becomes the time of the write; every timestamp comes back
 * re-offset (here into `readZone`); GET lists layers highest first; read-only decorations appear.
 */
export function rewriteScheduleWrite(
  body: PdSchedule,
  options: {id: string; now: Date; stored?: Read<PdSchedule>; readZone: string; newLayerId: () => string},
): Read<PdSchedule> {
  const now = options.now.getTime()
  const storedLayers = writtenOrder(options.stored)
  const sentIds = new Set(body.schedule_layers.flatMap((l) => (l.id ? [l.id] : [])))
  const written: PdScheduleLayer[] = body.schedule_layers.map((layer) => {
    const start = Math.max(parseInstant(layer.start), now)
    return {
      ...layer,
      id: layer.id ?? options.newLayerId(),
      start: instantToIso(start, options.readZone),
      end: layer.end ? instantToIso(parseInstant(layer.end), options.readZone) : null,
      rotation_virtual_start: instantToIso(parseInstant(layer.rotation_virtual_start), options.readZone),
    }
  })
  const untouched = storedLayers.filter((l) => l.id !== undefined && !sentIds.has(l.id))
  const allWritten = [...untouched, ...written]
  return {
    ...body,
    id: options.id,
    schedule_layers: allWritten
      .map((l) => ({...l, rendered_schedule_entries: [], rendered_coverage_percentage: 0}))
      .reverse(),
    users: [],
    final_schedule: {name: 'Final Schedule', rendered_schedule_entries: []},
  } as Read<PdSchedule>
}

/** Stored layers in written order (the stored object is in GET order: highest first). */
function writtenOrder(stored: Read<PdSchedule> | undefined): PdScheduleLayer[] {
  return stored ? [...stored.schedule_layers].reverse() : []
}
