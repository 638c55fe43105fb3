import {describe, expect, it} from 'vitest'
import {aLayer, aSchedule, aSmallPlan} from '../../../test/builders.js'
import type {Change} from '../change.js'
import type {Plan} from '../plan.js'
import {planSchemaErrors} from '../plan-schema.js'
import {shiftPreviews} from '../shift-preview.js'
import {renderJson} from './json.js'
import {MAX_GANTT_BARS, renderMarkdown} from './markdown.js'
import {renderText} from './text.js'

const NOW = new Date('2026-03-02T03:00:00Z')

/** aSmallPlan's schedule `primary` swaps a and b in a weekly rotation (turn 8 on 2 Mar: a before, b after). */
function planWithPreview(days = 28): Plan {
  const {plan} = aSmallPlan()
  const names = new Map([['a@x.io', 'Aiko Tanaka']])
  return {...plan, shiftPreviews: shiftPreviews(plan.changes, {now: NOW, days, names})}
}

describe('shift preview in the text plan', () => {
  it('lists who is on call now and each person’s gained and lost weeks in local time under the schedule', () => {
    const text = renderText(planWithPreview(), {color: false})
    const block = text.slice(text.indexOf('~ schedule primary'))
    expect(block).toContain(
      [
        '    Shifts in the next 28 days (Asia/Tokyo):',
        '      On call now: Aiko Tanaka → b@x.io',
        '      Aiko Tanaka:',
        '        + mon 2026-03-09 10:00 – mon 2026-03-16 10:00',
        '        + mon 2026-03-23 10:00 – mon 2026-03-30 10:00',
        '        - mon 2026-03-02 12:00 – mon 2026-03-09 10:00',
        '        - mon 2026-03-16 10:00 – mon 2026-03-23 10:00',
        '        - mon 2026-03-30 10:00 – mon 2026-03-30 12:00',
        // Same hours, nights and weekends: only the number of stretches changes.
        '        load: shifts 3 → 2',
        '      b@x.io:',
      ].join('\n'),
    )
  })

  it('caps the spans per person and counts the rest', () => {
    const text = renderText(planWithPreview(90), {color: false})
    expect(text).toMatch(/ {8}\+ … and \d+ more\n/)
  })

  it('is unchanged for plans without previews', () => {
    const {plan} = aSmallPlan()
    expect(renderText(plan, {color: false})).not.toContain('Shifts in the next')
  })
})

describe('shift preview in the markdown plan', () => {
  it('has a person | gained | lost table and a well-formed mermaid gantt with before and after sections', () => {
    const md = renderMarkdown(planWithPreview())
    expect(md).toContain('**Shifts in the next 28 days (Asia/Tokyo)** · On call now: Aiko Tanaka → b@\u200bx.io')
    expect(md).toContain(
      '| person | gained | lost | load (before → after) |\n|---|---|---|---|\n| Aiko Tanaka | mon 2026-03-09 10:00 – mon 2026-03-16 10:00<br>mon 2026-03-23 10:00 – mon 2026-03-30 10:00 |',
    )
    expect(md).toContain('<br>mon 2026-03-30 10:00 – mon 2026-03-30 12:00 | shifts 3 → 2 |')
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1]
    expect(chart).toBeDefined()
    const lines = (chart ?? '').split('\n')
    expect(lines.slice(0, 4)).toEqual(['gantt', '  title On call (Asia/Tokyo)', '  dateFormat YYYY-MM-DD HH:mm', '  axisFormat %m-%d'])
    expect(lines.filter((l) => l.startsWith('  section '))).toEqual(['  section before', '  section after'])
    const tasks = lines.filter((l) => !l.startsWith('  section ') && lines.indexOf(l) >= 4)
    expect(tasks.length).toBe(10)
    for (const t of tasks) expect(t).toMatch(/^ {2}[^:#;]+ : \d{4}-\d{2}-\d{2} \d{2}:\d{2}, \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(tasks[0]).toBe('  Aiko Tanaka : 2026-03-02 12:00, 2026-03-09 10:00')
  })

  it('caps the bars per side and says so, staying well under the comment limit', () => {
    // Hourly turns for 90 days: 2,160 shifts per side.
    const hourly = aSchedule({key: 'primary', name: 'Primary', layers: [aLayer({users: ['a@x.io', 'b@x.io', 'c@x.io'], turnSeconds: 3600})]})
    const swapped = aSchedule({key: 'primary', name: 'Primary', layers: [aLayer({users: ['b@x.io', 'a@x.io', 'c@x.io'], turnSeconds: 3600})]})
    const {plan} = aSmallPlan()
    const changes = plan.changes.map((c) => (c.type === 'schedule' && c.kind === 'update' ? {...c, before: hourly, after: swapped} : c))
    const md = renderMarkdown({...plan, changes, shiftPreviews: shiftPreviews(changes, {now: NOW, days: 90, names: new Map()})})
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1] ?? ''
    expect(chart.split('\n').filter((l) => / : \d{4}/.test(l)).length).toBe(2 * MAX_GANTT_BARS)
    expect(md).toContain(`Chart capped: before: first ${MAX_GANTT_BARS} of 2160 shifts; after: first ${MAX_GANTT_BARS} of 2160 shifts`)
    expect(md).toContain('… and ')
    expect(md.length).toBeLessThan(20_000)
  })
})

describe('shift previews and the comment size limit', () => {
  it('never push other changes out: previews that do not fit are left out with a note', () => {
    const hourly = (key: string, users: string[]) => aSchedule({key, layers: [aLayer({users, turnSeconds: 3600})]})
    const changes: Change[] = Array.from({length: 30}, (_, i) => ({
      type: 'schedule',
      key: `s${String(i).padStart(2, '0')}`,
      kind: 'update',
      id: `P${i}`,
      before: hourly(`s${i}`, ['a@x.io', 'b@x.io', 'c@x.io']),
      after: hourly(`s${i}`, ['b@x.io', 'a@x.io', 'c@x.io']),
      fields: [{path: 'layers[0].users', before: ['a@x.io', 'b@x.io', 'c@x.io'], after: ['b@x.io', 'a@x.io', 'c@x.io']}],
    }))
    const {plan} = aSmallPlan()
    const md = renderMarkdown({...plan, changes, summary: {create: 0, update: 30, delete: 0}, shiftPreviews: shiftPreviews(changes, {now: NOW, days: 90, names: new Map()})})
    expect(md.length).toBeLessThanOrEqual(60_000)
    for (const c of changes) expect(md).toContain(`<code>~ schedule ${c.key}</code>`)
    expect(md).not.toContain('not shown')
    const charts = md.split('```mermaid').length - 1
    const leftOut = md.split('left out to keep the comment within its size limit').length - 1
    expect(charts).toBeGreaterThan(0)
    expect(leftOut).toBeGreaterThan(0)
    expect(charts + leftOut).toBe(30)
  })
})

describe('shift preview in the JSON plan', () => {
  it('is in the output, validates against the schema and is byte-identical on repeat', () => {
    const json = renderJson(planWithPreview())
    const doc = JSON.parse(json) as {shift_previews: {schedule: string; people: {user: string}[]}[]}
    expect(planSchemaErrors(doc)).toEqual([])
    expect(doc.shift_previews.map((p) => p.schedule)).toEqual(['primary'])
    expect(doc.shift_previews[0]?.people.map((p) => p.user)).toEqual(['a@x.io', 'b@x.io'])
    expect(renderJson(planWithPreview())).toBe(json)
  })

  it('is rejected by the schema when a preview is malformed', () => {
    const doc = JSON.parse(renderJson(planWithPreview())) as {shift_previews: Record<string, unknown>[]}
    ;(doc.shift_previews[0] as Record<string, unknown>).window = {start: 'monday', end: '2026-03-30T03:00:00.000Z'}
    expect(planSchemaErrors(doc)).toContain('/shift_previews/0/window/start: must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$"')
  })
})

describe('load deltas in words', () => {
  it('names only the figures that change, before → after', async () => {
    const {describeDelta} = await import('./shift-preview-view.js')
    const same = {hours: 336, shifts: 2, nightHours: 126, weekendHours: 96, holidayHours: 58, longestStreakDays: 7}
    expect(describeDelta({user: 'k', before: same, after: {...same, shifts: 1, holidayHours: 62, longestStreakDays: 14}})).toBe(
      'shifts 2 → 1, holidays 58 → 62 h, longest streak 7 → 14 d',
    )
    expect(describeDelta({user: 'k', before: same, after: same})).toBeNull()
    expect(describeDelta(undefined)).toBeNull()
  })
})
