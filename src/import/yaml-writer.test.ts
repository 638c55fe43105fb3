import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {renderYaml, type WrittenFile} from './yaml-writer.js'

const FILE: WrittenFile = {
  version: 1,
  owner: 'acme',
  teams: {ops: {name: 'Ops', description: 'Line one\nLine two', members: [{user: 'a@example.com', role: 'manager'}, {user: 'b@example.com'}]}},
  schedules: {
    primary: {
      time_zone: 'Asia/Tokyo',
      name: 'yes',
      layers: [{turn: 'daily', users: ['a@example.com', 'b@example.com'], name: 'L', handoff: '09:00', start: '2026-01-05', restrictions: [{weekly: {from: 'mon 09:00', to: 'fri 18:00'}}]}],
    },
  },
}

describe('renderYaml', () => {
  it('writes keys in the language order, flow style for short items, quoted times, header on top', () => {
    expect(renderYaml(FILE, ['yaml-language-server: $schema=../schemas/oncall.schema.json', 'Imported.'])).toBe(
      [
        '# yaml-language-server: $schema=../schemas/oncall.schema.json',
        '# Imported.',
        'version: 1',
        'owner: acme',
        '',
        'teams:',
        '  ops:',
        '    name: Ops',
        '    description: |-',
        '      Line one',
        '      Line two',
        '    members:',
        '      - {user: a@example.com, role: manager}',
        '      - {user: b@example.com}',
        '',
        'schedules:',
        '  primary:',
        '    name: "yes"',
        '    time_zone: Asia/Tokyo',
        '    layers:',
        '      - name: L',
        '        users: [a@example.com, b@example.com]',
        '        turn: daily',
        '        handoff: "09:00"',
        '        start: 2026-01-05',
        '        restrictions:',
        '          - weekly: {from: "mon 09:00", to: "fri 18:00"}',
        '',
      ].join('\n'),
    )
  })

  it('reads back as the same data', () => {
    expect(parse(renderYaml(FILE, ['x']))).toEqual(FILE)
  })

  it('writes shift-based rotations: events in the language order, members and `on:` in flow style, an rrule with EXDATE lines as a block', () => {
    const shiftBased: WrittenFile = {
      version: 1,
      owner: 'acme',
      schedules: {
        support: {
          time_zone: 'Europe/Berlin',
          rotations: [
            {
              name: 'Weekend',
              events: [
                {members: ['a@example.com', 'b@example.com'], repeat: {every_weeks: 2, on: ['sat', 'sun']}, start: '2026-01-10T09:00', end: '2026-01-10T17:00', shifts_per_member: 2},
                {name: 'Exceptions', start: '2026-01-05T09:00', end: '2026-01-05T17:00', repeat: {rrule: 'FREQ=DAILY\nEXDATE:20260106T080000Z'}, members: ['a@example.com'], everyone: true},
              ],
            },
          ],
        },
      },
    }
    const text = renderYaml(shiftBased, [])
    expect(text).toContain(
      [
        '    rotations:',
        '      - name: Weekend',
        '        events:',
        '          - start: 2026-01-10T09:00',
        '            end: 2026-01-10T17:00',
        '            repeat: {every_weeks: 2, on: [sat, sun]}',
        '            members: [a@example.com, b@example.com]',
        '            shifts_per_member: 2',
        '          - name: Exceptions',
      ].join('\n'),
    )
    expect(parse(text)).toEqual(shiftBased)
  })
})
