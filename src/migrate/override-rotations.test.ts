import {join} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {aLayer, aSchedule} from '../../test/builders.js'
import {loadDesiredState} from '../app/load-desired-state.js'
import {normalizeRotations} from '../config/shift-based.js'
import type {Schedule} from '../model/schedule.js'
import type {DesiredState} from '../model/state.js'
import {effectiveOverrides} from '../schedule/effective-overrides.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {layerScheduleToShiftBased} from './layer-to-shift.js'
import {addRotationsToOverrides, overrideEntryFiles, overrideRotationEdits, overridesWithRotations} from './override-rotations.js'
import {compareForms} from './prove.js'

describe('addRotationsToOverrides (the split of an override into one entry per rotation)', () => {
  const text = [
    '# December',
    'overrides:',
    '  # Naoki takes the day.',
    '  - {schedule: primary, user: n@x.io, start: 2026-12-08T10:00, end: 2026-12-09T10:00, note: conference}   # keep me',
    '  - {schedule: other, user: o@x.io, start: 2026-12-08T10:00, end: 2026-12-09T10:00}',
    '  - schedule: primary',
    '    user: m@x.io',
    '    start: 2026-12-20T10:00',
    '    end: 2026-12-21T10:00 # block entry',
    '',
    'time_off:',
    '  - {user: t@x.io, from: 2026-12-30, to: 2026-12-31}',
    '',
  ].join('\n')

  it('splits a flow entry and a block entry into one copy per rotation in place; comments and other entries stay byte for byte', () => {
    const out = addRotationsToOverrides(text, 'primary', [
      {index: 0, rotations: ['Weekly primary', 'Business hours (2)']},
      {index: 2, rotations: ['Nights', 'Days']},
    ])
    expect(out).toBe(
      [
        '# December',
        'overrides:',
        '  # Naoki takes the day.',
        '  - {schedule: primary, user: n@x.io, start: 2026-12-08T10:00, end: 2026-12-09T10:00, note: conference, rotation: Weekly primary}',
        '  - {schedule: primary, user: n@x.io, start: 2026-12-08T10:00, end: 2026-12-09T10:00, note: conference, rotation: Business hours (2)}   # keep me',
        '  - {schedule: other, user: o@x.io, start: 2026-12-08T10:00, end: 2026-12-09T10:00}',
        '  - schedule: primary',
        '    user: m@x.io',
        '    start: 2026-12-20T10:00',
        '    end: 2026-12-21T10:00 # block entry',
        '    rotation: Nights',
        '  - schedule: primary',
        '    user: m@x.io',
        '    start: 2026-12-20T10:00',
        '    end: 2026-12-21T10:00 # block entry',
        '    rotation: Days',
        '',
        'time_off:',
        '  - {user: t@x.io, from: 2026-12-30, to: 2026-12-31}',
        '',
      ].join('\n'),
    )
    const parsed = parse(out as string) as {overrides: {rotation?: string; schedule: string}[]}
    expect(parsed.overrides.map((o) => o.rotation ?? null)).toEqual(['Weekly primary', 'Business hours (2)', null, 'Nights', 'Days'])
  })

  it('one rotation: the entry just gains `rotation:`; names YAML would misread are quoted', () => {
    const one = addRotationsToOverrides(text, 'primary', [{index: 0, rotations: ['Nights: weekend, #2']}])
    const parsed = parse(one as string) as {overrides: {rotation?: string}[]}
    expect(parsed.overrides[0]?.rotation).toBe('Nights: weekend, #2')
    expect(parsed.overrides.length).toBe(3)
    expect(addRotationsToOverrides(text, 'primary', [{index: 0, rotations: ['true']}])).toContain('rotation: "true"}')
  })

  it('refuses (null) an entry of another schedule, one that already names a rotation, and a flow list', () => {
    expect(addRotationsToOverrides(text, 'primary', [{index: 1, rotations: ['A']}])).toBeNull()
    expect(addRotationsToOverrides(text.replace('note: conference}', 'rotation: A}'), 'primary', [{index: 0, rotations: ['A']}])).toBeNull()
    expect(addRotationsToOverrides('overrides: [{schedule: primary, user: n@x.io, start: 2026-12-08T10:00, end: 2026-12-09T10:00}]\n', 'primary', [{index: 0, rotations: ['A']}])).toBeNull()
  })

  it('overrideEntryFiles: each joined entry\'s file, index there and line', () => {
    expect(overrideEntryFiles([{file: 'a.yaml', text: 'version: 1\n'}, {file: 'b.yaml', text}, {file: 'c.yaml', text: 'overrides:\n  - {schedule: x, user: y@x.io, start: 2026-01-01T00:00, end: 2026-01-02T00:00}\n'}])).toEqual([
      {file: 'b.yaml', index: 0, line: 4},
      {file: 'b.yaml', index: 1, line: 5},
      {file: 'b.yaml', index: 2, line: 6},
      {file: 'c.yaml', index: 0, line: 2},
    ])
  })
})

describe('overrides in the proof of a migration (retail-org id-platform-primary: weekly nights, business hours on top)', () => {
  const NOW = new Date('2026-11-30T01:00:00Z')
  const window = {start: NOW.getTime(), end: NOW.getTime() + 12 * 7 * 86_400_000}

  async function forms(): Promise<{state: DesiredState; layers: Schedule; shifts: Schedule}> {
    const {state} = await loadDesiredState(join(process.cwd(), 'examples', 'retail-org'), NOW)
    const layers = state.schedules.get('id-platform-primary') as Schedule
    const clock = ZoneClock.of(layers.timeZone)
    const conversion = layerScheduleToShiftBased(layers, NOW.getTime(), (t) => clock.toLocal(t))
    return {state, layers, shifts: {...layers, layers: [], rotations: normalizeRotations(conversion.rotations, layers.timeZone, (e) => e, (z) => z)}}
  }
  const withShiftForm = (state: DesiredState, shifts: Schedule, overrides = state.overrides ?? []) =>
    effectiveOverrides({...state, schedules: new Map([...state.schedules, ['id-platform-primary', shifts]]), overrides})

  it('the override spans two rotations: one entry per rotation proves identical; naming only one leaves the platform lead on call (a difference)', async () => {
    const {state, layers, shifts} = await forms()
    const edits = overrideRotationEdits(shifts, state.overrides ?? [])
    expect(edits).toEqual([{index: 0, rotations: ['Weekly primary', 'Business hours']}])
    const before = effectiveOverrides(state)
    expect(compareForms(layers, shifts, window, {layers: before, shifts: withShiftForm(state, shifts, overridesWithRotations(state.overrides ?? [], edits))})).toEqual([])

    const half = overridesWithRotations(state.overrides ?? [], [{index: 0, rotations: ['Weekly primary']}])
    const differences = compareForms(layers, shifts, window, {layers: before, shifts: withShiftForm(state, shifts, half)})
    expect(differences).toContainEqual({user: 'kenji.takahashi@example.com', start: Date.parse('2026-12-08T01:00:00Z'), end: Date.parse('2026-12-08T09:30:00Z'), onlyIn: 'shifts'})
    expect(differences).toContainEqual({user: 'naoki.inoue@example.com', start: Date.parse('2026-12-08T01:00:00Z'), end: Date.parse('2026-12-08T09:30:00Z'), onlyIn: 'layers'})
    // Without the overrides on either side the proof would not see the override at all.
    expect(compareForms(layers, shifts, window, {layers: before, shifts: []}).length).toBeGreaterThan(0)
  })

  it('time off on the migrated schedule needs no edit: its covers come out the same in both forms', async () => {
    const {state, layers, shifts} = await forms()
    // Misaki is on the weekly rotation; a week off that hits her nights, with the next in rotation covering.
    const timeOff = [{user: 'misaki.yoshida@example.com', from: '2026-12-14T00:00', to: '2026-12-28T00:00', timeZone: null, cover: null, note: null}]
    const withTimeOff = {...state, timeOff}
    const before = effectiveOverrides(withTimeOff)
    expect(before.some((o) => o.schedule === 'id-platform-primary' && o.origin.kind === 'time_off')).toBe(true)
    const edits = overrideRotationEdits(shifts, state.overrides ?? [])
    const after = withShiftForm(withTimeOff, shifts, overridesWithRotations(state.overrides ?? [], edits))
    expect(compareForms(layers, shifts, window, {layers: before, shifts: after})).toEqual([])
    expect(compareForms(layers, shifts, window, {layers: before, shifts: withShiftForm(state, shifts, overridesWithRotations(state.overrides ?? [], edits))}).length).toBeGreaterThan(0)
  })
})

describe('an override where the layer form has nobody on call (the known limit)', () => {
  it('is left as it is, and the proof lists the time only the layer override gave its person', () => {
    const NOW = Date.parse('2026-03-02T00:00:00Z')
    const layers = aSchedule({
      key: 'days',
      timeZone: 'UTC',
      layers: [aLayer({users: ['a@x.io', 'b@x.io'], turnSeconds: 86_400, rotationStart: '2026-03-02T00:00', start: '2026-03-02T00:00', restrictions: [{kind: 'daily', start: '09:00', durationMinutes: 480}]})],
    })
    const conversion = layerScheduleToShiftBased(layers, NOW, (t) => ZoneClock.of('UTC').toLocal(t))
    const shifts: Schedule = {...layers, layers: [], rotations: normalizeRotations(conversion.rotations, 'UTC', (e) => e, (z) => z)}
    // 16:00-19:00: the rotation ends at 17:00, so only 16:00-17:00 has someone to take over.
    const override = {schedule: 'days', user: 'c@x.io', start: Date.parse('2026-03-04T16:00:00Z'), end: Date.parse('2026-03-04T19:00:00Z'), note: null, origin: {kind: 'declared' as const, index: 0}}
    const evening = {...override, start: Date.parse('2026-03-04T18:00:00Z'), origin: {kind: 'declared' as const, index: 1}}
    expect(overrideRotationEdits(shifts, [override, evening])).toEqual([{index: 0, rotations: ['Weekly primary']}])
    const all = overridesWithRotations([override, evening], overrideRotationEdits(shifts, [override, evening]))
    const differences = compareForms(layers, shifts, {start: NOW, end: NOW + 7 * 86_400_000}, {layers: [override], shifts: all.slice(0, 1)})
    expect(differences).toEqual([{user: 'c@x.io', start: Date.parse('2026-03-04T17:00:00Z'), end: Date.parse('2026-03-04T19:00:00Z'), onlyIn: 'layers'}])
  })
})
