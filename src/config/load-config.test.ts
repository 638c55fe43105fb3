import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkSources, loadConfig} from './load-config.js'

const NOW = new Date('2026-03-01T00:00:00Z')
const check = (text: string) => checkSources([{file: 'c.yaml', text}], {now: NOW}).diagnostics

describe('schema errors point at the exact line and column', () => {
  it('a bad value merged in with `<<: *anchor`: where the template writes it', () => {
    const text = [
      'version: 1',
      'owner: t',
      'templates:',
      '  weekly: &weekly',
      '    turn: weeklyy',
      '    handoff: mon 10:00',
      '    start: 2026-01-05',
      'schedules:',
      '  s:',
      '    time_zone: UTC',
      '    layers:',
      '      - <<: *weekly',
      '        users: [a@x.io]',
      '',
    ].join('\n')
    expect(check(text)).toEqual([expect.objectContaining({code: 'invalid-format', line: 5, col: 11, path: 'schedules.s.layers[0].turn'})])
  })

  it('an unknown field: at the key, with did-you-mean', () => {
    const text = ['version: 1', 'owner: t', 'services:', '  api:', '    escalation_polcy: p', ''].join('\n')
    const d = check(text)
    expect(d).toContainEqual({
      severity: 'error',
      code: 'unknown-field',
      message: 'unknown field `escalation_polcy`',
      file: 'c.yaml',
      line: 5,
      col: 5,
      path: 'services.api.escalation_polcy',
      hint: 'did you mean `escalation_policy`?',
    })
    expect(d).toContainEqual(expect.objectContaining({code: 'missing-field', line: 4, col: 3, path: 'services.api'}))
  })
  it('a wrong value: at the value, inside flow collections too', () => {
    const text = ['version: 1', 'owner: t', 'schedules:', '  s:', '    time_zone: UTC', '    layers:', '      - {users: [x@example.com], turn: fortnight, rotation_start: 2026-01-05T10:00}', ''].join('\n')
    const [d] = check(text)
    expect(d).toMatchObject({code: 'invalid-format', line: 7, col: 40, path: 'schedules.s.layers[0].turn'})
  })
  it('an enum: lists the allowed values and the nearest', () => {
    const text = 'version: 1\nowner: t\nservices:\n  a: {escalation_policy: p, urgency: hihg}\n'
    const [d] = check(text)
    expect(d).toMatchObject({code: 'invalid-value', line: 4, col: 38, hint: 'did you mean `high`? allowed values: high, low, severity_based; or a mapping with support_hours, during, outside, scheduled_actions'})
  })
  it('a wrong type', () => {
    const [d] = check('version: 1\nowner: t\nteams: [a, b]\n')
    expect(d).toMatchObject({code: 'wrong-type', message: 'must be a mapping, not a list', line: 3, col: 8})
  })
  it('a merged directory: positions in the file that holds the entry', () => {
    const {diagnostics} = checkSources(
      [
        {file: 'a.yaml', text: 'version: 1\nowner: t\n'},
        {file: 'b.yaml', text: '\n\nescalation_policies:\n  p:\n    rules:\n      - delay: 5m\n        targets: [{schedule: nope}]\n'},
      ],
      {now: NOW},
    )
    expect(diagnostics).toContainEqual(expect.objectContaining({code: 'unknown-reference', file: 'b.yaml', line: 7, col: 30}))
  })
})

describe('loadConfig', () => {
  it('loads a directory recursively in path order and maps resources to their source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-load-'))
    mkdirSync(join(dir, 'team'))
    writeFileSync(join(dir, 'a.yaml'), 'version: 1\nowner: t\nusers:\n  - {email: Aiko@Example.com, name: Aiko}\n')
    writeFileSync(
      join(dir, 'team', 'b.yml'),
      [
        'schedules:',
        '  primary:',
        '    time_zone: Japan',
        '    layers:',
        '      - {users: [aiko@example.com], turn: weekly, handoff: mon 10:00, start: 2026-01-07}',
        'escalation_policies:',
        '  p: {rules: [{delay: 5m, targets: [{schedule: primary}]}]}',
        'services:',
        '  api: {escalation_policy: p}',
        '',
      ].join('\n'),
    )
    writeFileSync(join(dir, 'notes.txt'), 'not config')
    const result = await loadConfig(dir, {now: NOW})
    expect(result.files).toEqual([join(dir, 'a.yaml'), join(dir, 'team', 'b.yml')])
    expect(result.diagnostics.map((d) => d.code)).toEqual(['time-zone-alias'])
    expect(result.state?.schedules.get('primary')?.timeZone).toBe('Asia/Tokyo')
    expect(result.state?.schedules.get('primary')?.layers[0]?.rotationStart).toBe('2026-01-12T10:00')
    expect([...(result.state?.users.keys() ?? [])]).toEqual(['aiko@example.com'])
    expect(result.sourceMap.get('schedule:primary')).toEqual({file: join(dir, 'team', 'b.yml'), line: 2, col: 3})
    expect(result.sourceMap.get('user:aiko@example.com')).toEqual({file: join(dir, 'a.yaml'), line: 4, col: 5})
  })

  it('has no state when there is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-load-'))
    writeFileSync(join(dir, 'oncall.yaml'), 'version: 1\nowner: t\nservices:\n  api: {escalation_policy: missing}\n')
    const result = await loadConfig(join(dir, 'oncall.yaml'), {now: NOW})
    expect(result.state).toBeUndefined()
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unknown-reference'])
  })

  it('requires version and owner somewhere and agreement across files', () => {
    const {diagnostics} = checkSources(
      [
        {file: 'a.yaml', text: 'version: 1\nowner: a\n'},
        {file: 'b.yaml', text: 'owner: b\n'},
      ],
      {now: NOW},
    )
    expect(diagnostics).toEqual([expect.objectContaining({code: 'conflicting-owner', file: 'b.yaml', line: 1, col: 8})])
    const missing = checkSources([{file: 'a.yaml', text: 'teams: {}\n'}], {now: NOW}).diagnostics
    expect(missing.map((d) => d.code)).toEqual(['missing-owner', 'missing-version'])
  })
})

describe('list items', () => {
  it('a repeated weekday points at the repeat', () => {
    const text = 'version: 1\nowner: t\nservices:\n  a:\n    escalation_policy: p\n    urgency: {support_hours: {time_zone: UTC, days: [mon, tue, mon], from: "09:00", to: "17:00"}}\n'
    const d = check(text).find((x) => x.code === 'duplicate-item')
    expect(d).toMatchObject({message: 'lists `mon` twice', line: 6, col: 64, path: 'services.a.urgency.support_hours.days[2]'})
  })
})

describe('where each resource is defined (sourceMap)', () => {
  it('points at the key in the file that defines it, through `<<: *anchor` merges too, in section and key order', () => {
    const a = ['version: 1', 'owner: t', 'templates:', '  more: &more', '    web: {name: Web}', 'teams:', '  <<: *more', '  app: {name: App}', ''].join('\n')
    const b = ['teams:', '  ops: {name: Ops}', '  app: {name: Again}', 'services:', '  api: {escalation_policy: p}', 'escalation_policies:', '  p: {rules: [{delay: 5m, targets: [{user: a@x.io}]}]}', ''].join('\n')
    const {sourceMap} = checkSources(
      [
        {file: 'a.yaml', text: a},
        {file: 'b.yaml', text: b},
      ],
      {now: NOW},
    )
    expect([...sourceMap]).toEqual([
      ['team:app', {file: 'a.yaml', line: 8, col: 3}], // defined first in a.yaml; b.yaml's repeat is a duplicate
      ['team:ops', {file: 'b.yaml', line: 2, col: 3}],
      ['team:web', {file: 'a.yaml', line: 5, col: 5}], // merged in: where the template writes it
      ['escalation_policy:p', {file: 'b.yaml', line: 7, col: 3}],
      ['service:api', {file: 'b.yaml', line: 5, col: 3}],
    ])
  })
})
