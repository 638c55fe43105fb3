/**
 * Hostile names (from the config or the account) in every renderer: control characters never
 * reach the terminal raw, and nothing in a name becomes markup in the pull-request comment.
 */
import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aSchedule, aSmallPlan} from '../../../test/builders.js'
import {formatApplyEvent} from '../../providers/pagerduty/apply-events.js'
import {printable} from '../../text/printable.js'
import {makePlan} from '../make-plan.js'
import type {Plan} from '../plan.js'
import {shiftPreviews} from '../shift-preview.js'
import {renderMarkdown} from './markdown.js'
import {renderText} from './text.js'

const NOW = new Date('2026-03-02T03:00:00Z')
/** Clears the screen, homes the cursor, prints a fake all-clear, rings the bell, and tries Markdown. */
const HOSTILE =
  'Evil\u001b[2J\u001b[HNo changes. The account matches the configuration.\r\u0007\u202e\n```\n' +
  '![img](https://evil.example/x.png) [link](https://evil.example) </details> @acme/oncall #1 http://x.example | cell ```'

// Control characters except the newline (C0, DEL, C1) and bidi overrides.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/

function hostilePlan(): Plan {
  const live = aLiveState({schedules: [aLiveResource(aSchedule({key: 'theirs', name: HOSTILE}), {owner: 'other'})]})
  return makePlan(aDesiredState({schedules: [aSchedule({key: 'primary', name: HOSTILE, description: `line one\n${HOSTILE}`})]}), live, {adopt: false})
}

describe('printable', () => {
  it('shows control and bidi characters as escapes and keeps ordinary text', () => {
    expect(printable('a\u001b[2Jb\r\u0007\u202e\n\tc é 日本')).toBe('a\\x1b[2Jb\\r\\x07\\u202e\\n\tc é 日本')
    expect(printable('one\ntwo\r\n', {multiline: true})).toBe('one\ntwo\\r\n')
  })
})

describe('terminal output', () => {
  it('the text plan shows hostile names with visible escapes, nothing raw', () => {
    const text = renderText(hostilePlan(), {color: false})
    expect(text).not.toMatch(RAW_CONTROL)
    expect(text).toContain('Evil\\x1b[2J\\x1b[HNo changes.')
    // With colour, the only escape sequences are the renderer's own SGR codes.
    const coloured = renderText(hostilePlan(), {color: true})
    expect(coloured.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW_CONTROL)
  })

  it('apply progress lines escape keys and server messages', () => {
    const change = hostilePlan().changes[0]
    if (!change) throw new Error('no change')
    const line = formatApplyEvent({kind: 'failed', change, index: 0, total: 1, ms: 5, message: 'HTTP 400: \u001b[1A\u001b[2KApplied 1 of 1'})
    expect(line).not.toMatch(RAW_CONTROL)
    expect(line).toContain('\\x1b[1A\\x1b[2KApplied')
  })
})

/** The comment without the contents of its fenced code blocks (fences as the renderer writes them). */
function withoutCodeBlocks(md: string): string {
  return md.replace(/^(`{3,})(?:diff|mermaid)\n[\s\S]*?\n\1$/gm, '')
}

describe('pull-request comment', () => {
  const md = renderMarkdown(hostilePlan())

  it('no name closes or opens a code block', () => {
    // Every fence-like line is one the renderer wrote: an opening with an info string, or a bare closing fence.
    const fences = md.split('\n').filter((l) => /^ {0,3}(`{3,}|~{3,})/.test(l))
    for (const f of fences) expect(f).toMatch(/^(`{3,})(diff|mermaid)?$/)
    expect(fences.length % 2).toBe(0)
  })

  it('names never create images, links, mentions, issue references or HTML', () => {
    // Inside code blocks nothing renders; everywhere else the name must stay text.
    const rendered = withoutCodeBlocks(md)
    expect(rendered).toContain('img')
    expect(rendered).not.toMatch(/(?<!\\)!\[img\]/)
    expect(rendered).not.toMatch(/(?<!\\)\[link\]\(/)
    expect(rendered).not.toContain('@acme')
    expect(rendered).not.toContain('#1')
    expect(rendered).not.toContain('http://x')
    expect(rendered.split('</details>').length - 1).toBe(hostilePlan().changes.length)
    expect(md).not.toMatch(RAW_CONTROL)
  })

  it('a table cell keeps to its cell: every row of a field table has four cells', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |'))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2, row).toBe(4)
  })

  it('Mermaid task names hold plain text only', () => {
    const {plan} = aSmallPlan()
    const names = new Map([['a@x.io', HOSTILE]])
    const withPreview = renderMarkdown({...plan, shiftPreviews: shiftPreviews(plan.changes, {now: NOW, days: 28, names})})
    const chart = withPreview.split('```mermaid\n')[1]?.split('\n```')[0] ?? ''
    const tasks = chart.split('\n').filter((l) => / : \d{4}-/.test(l))
    expect(tasks.length).toBeGreaterThan(0)
    for (const t of tasks) expect(t).toMatch(/^ {2}[\p{L}\p{N} .,_@'+\-/]+ : \d{4}-\d\d-\d\d \d\d:\d\d, \d{4}-\d\d-\d\d \d\d:\d\d$/u)
    // The chart block is closed right after its tasks.
    expect(withPreview).toMatch(/```mermaid\n(?:[^`]*\n)```\n/)
  })
})
