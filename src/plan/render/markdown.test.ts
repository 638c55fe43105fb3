import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aSmallPlan, aTeam} from '../../../test/builders.js'
import {makePlan} from '../make-plan.js'
import {MARKDOWN_MAX_LENGTH, renderMarkdown} from './markdown.js'

describe('renderMarkdown', () => {
  it('renders a heading and one collapsible section per resource', () => {
    expect(renderMarkdown(aSmallPlan().plan)).toBe(
      [
        '### oncall plan: 1 to add, 1 to change, 1 to destroy',
        '',
        '<details><summary><code>+ team app</code></summary>',
        '',
        '| | field | before | after |',
        '|---|---|---|---|',
        '| + | `name` |  | "App" |',
        // Markdown-escaped: no link from [..], no mention or mail link from @ (a zero-width space follows it).
        '| + | `members` |  | \\[a@\u200bx.io (manager)\\] |',
        '',
        '</details>',
        '',
        '<details><summary><code>~ schedule primary</code></summary>',
        '',
        '| | field | before | after |',
        '|---|---|---|---|',
        '| ~ | `layers[0].users` | \\[a@\u200bx.io, b@\u200bx.io\\] | \\[b@\u200bx.io, a@\u200bx.io\\] |',
        '',
        '</details>',
        '',
        '<details><summary><code>- team old</code></summary>',
        '',
        'Deleted from the account.',
        '',
        '</details>',
        '',
        '<sub>API requests: 12</sub>',
        '',
      ].join('\n'),
    )
  })

  it('says there are no changes', () => {
    const text = renderMarkdown(makePlan(aDesiredState(), aLiveState(), {adopt: false}))
    expect(text).toBe('### oncall plan: no changes\n\nThe account matches the configuration.\n\n<sub>API requests: 0</sub>\n')
  })

  it('shows multi-line text as a diff block and escapes table cells', () => {
    const live = aLiveState({teams: [aLiveResource(aTeam({name: 'A | B', description: 'one\ntwo'}))]})
    const plan = makePlan(aDesiredState({teams: [aTeam({name: 'A <b>', description: 'one\n2'})]}), live, {adopt: false})
    const md = renderMarkdown(plan)
    expect(md).toContain('| ~ | `name` | "A \\| B" | "A &lt;b&gt;" |')
    expect(md).toContain(['`description`:', '', '```diff', ' one', '-two', '+2', '```'].join('\n'))
  })

  it('stays under the limit and counts the changes it leaves out', () => {
    const teams = Array.from({length: 400}, (_, i) => aTeam({key: `team-${String(i).padStart(3, '0')}`, description: 'x'.repeat(300)}))
    const plan = makePlan(aDesiredState({teams}), aLiveState(), {adopt: false})
    const md = renderMarkdown(plan)
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_MAX_LENGTH)
    const shown = md.match(/<details>/g)?.length ?? 0
    expect(shown).toBeGreaterThan(50)
    expect(shown).toBeLessThan(400)
    expect(md).toContain(`… and ${400 - shown} more changes not shown`)
    expect(md).toContain('<code>+ team team-000</code>')
    expect(md.endsWith('<sub>API requests: 0</sub>\n')).toBe(true)
  })

  it('honours a smaller limit', () => {
    const md = renderMarkdown(aSmallPlan().plan, {maxLength: 400})
    expect(md.length).toBeLessThanOrEqual(400)
    expect(md).toMatch(/… and [1-3] more changes? not shown/)
  })
})

describe('renderMarkdown notes', () => {
  it('lists at most 20 notes per section and counts the rest', () => {
    const referencedUsers = Array.from({length: 30}, (_, i) => `u${String(i).padStart(2, '0')}@x.io`)
    const md = renderMarkdown(makePlan(aDesiredState({referencedUsers}), aLiveState(), {adopt: false}))
    expect(md.match(/^- user u\d\d@\u200bx\.io/gm)).toHaveLength(20)
    expect(md).toContain('- … and 10 more\n')
  })
})
