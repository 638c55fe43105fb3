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
})
