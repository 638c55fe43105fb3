import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {replaceLayersWithRotations} from './replace-layers.js'

const ROTATIONS = [{name: 'Weekly', events: [{name: 'Weekly', start: '2026-01-05T10:00', end: '2026-01-12T10:00', repeat: 'weekly' as const, members: ['a@x.io', 'b@x.io']}]}]

describe('replaceLayersWithRotations', () => {
  it('splices the block in place: the comment above layers:, other schedules, flow maps and trailing comments stay byte for byte', () => {
    const text = [
      'schedules:',
      '  other: {time_zone: UTC, layers: [{users: [c@x.io], turn: daily, handoff: "09:00", start: 2026-01-05}]}',
      '  primary:',
      '    time_zone: Asia/Tokyo   # keep',
      '    # the rota',
      '    layers:',
      '      - users: [a@x.io, b@x.io]',
      '        turn: weekly',
      '    teams: [t]',
      '# end',
      '',
    ].join('\n')
    const out = replaceLayersWithRotations(text, 'primary', ROTATIONS, 'migrated')
    expect(out).toBe(
      [
        'schedules:',
        '  other: {time_zone: UTC, layers: [{users: [c@x.io], turn: daily, handoff: "09:00", start: 2026-01-05}]}',
        '  primary:',
        '    time_zone: Asia/Tokyo   # keep',
        '    # the rota',
        '    # migrated',
        '    rotations:',
        '      - name: Weekly',
        '        events:',
        '          - name: Weekly',
        '            start: 2026-01-05T10:00',
        '            end: 2026-01-12T10:00',
        '            repeat: weekly',
        '            members: [a@x.io, b@x.io]',
        '    teams: [t]',
        '# end',
        '',
      ].join('\n'),
    )
    expect(parse(out as string).schedules.primary.rotations[0].events[0].members).toEqual(['a@x.io', 'b@x.io'])
  })

  it('a file that ends right after the layers block, without a newline, stays without one', () => {
    const out = replaceLayersWithRotations('schedules:\n  p:\n    layers:\n      - turn: weekly', 'p', ROTATIONS, 'm')
    expect(out?.endsWith('members: [a@x.io, b@x.io]')).toBe(true)
    expect(parse(out as string).schedules.p.rotations).toHaveLength(1)
  })

  it('null when this file does not define the schedule with layers:', () => {
    expect(replaceLayersWithRotations('schedules:\n  p:\n    layers: []\n', 'q', ROTATIONS, 'm')).toBeNull()
    expect(replaceLayersWithRotations('users: []\n', 'p', ROTATIONS, 'm')).toBeNull()
  })
})
