import type {Plan} from '../plan.js'
import type {SafetyViolation} from '../safety.js'
import {NO_SHIFT_CHANGES, type GanttBar, type ShiftPreviewView} from './shift-preview-view.js'
import {codeFence, htmlText, markdownText, mermaidText} from './markdown-escape.js'
import {textDiff} from './text-diff.js'
import {BLOCKED_NO_CHANGES, noChangesLine, planView, type FieldView, type ResourceView} from './view.js'

export interface MarkdownOptions {
  readonly violations?: readonly SafetyViolation[]
  /** Upper bound on the comment length; GitHub refuses comments over 65,536 characters. */
  readonly maxLength?: number
}

export const MARKDOWN_MAX_LENGTH = 60_000
/**
 * Notes (unmanaged, conflicts, ...) beyond this many per section are counted, not listed, and each
 * is cut at MAX_NOTE_LENGTH, so the five note sections always fit the limit with room for changes.
 */
const MAX_NOTES = 20
const MAX_NOTE_LENGTH = 400

/**
 * The plan as a pull-request comment: a heading with the summary, one collapsible section per
 * resource with a table of field changes (a ```diff block for multi-line text), then the notes.
 * Resources that would push the comment past `maxLength` are left out and counted.
 */
export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const view = planView(plan, options.violations)
  const max = options.maxLength ?? MARKDOWN_MAX_LENGTH
  const heading =
    view.resources.length === 0
      ? noChangesLine(view) === BLOCKED_NO_CHANGES
        ? `### oncall plan: cannot be applied\n\n${BLOCKED_NO_CHANGES}\n`
        : '### oncall plan: no changes\n\nThe account matches the configuration.\n'
      : `### oncall plan: ${view.summary.create} to add, ${view.summary.update} to change, ${view.summary.delete} to destroy\n`
  const notes = [
    noteSection('Unmanaged (exist in the account without an ownership marker)', view.unmanaged),
    noteSection('Conflicts (owned by another config; the plan cannot be applied)', view.conflicts),
    noteSection('Errors', view.errors),
    noteSection('Migrations', view.migrations),
    noteSection('Warnings', view.warnings),
    noteSection('Refused by safety checks', view.violations),
  ].join('')
  const footer = `\n<sub>API requests: ${view.requestCount}</sub>\n`

  const budget = max - heading.length - notes.length - footer.length - 100 // room for the "… and N more" line
  // Change details first (a schedule's with the note that its preview was left out); previews
  // then replace those notes while room is left, in order, so that a few large previews never
  // push other changes out of the comment.
  const base = (r: ResourceView) => resourceBlock(r, r.shifts ? 'shifts-left-out' : 'plain')
  const shown: ResourceView[] = []
  let used = 0
  for (const r of view.resources) {
    const length = base(r).length
    if (used + length + 1 > budget) break // + 1: the newline that joins blocks
    shown.push(r)
    used += length + 1
  }
  const blocks = shown.map((r) => {
    const short = base(r)
    if (!r.shifts) return short
    const full = resourceBlock(r, 'with-shifts')
    if (used + full.length - short.length > budget) return short
    used += full.length - short.length
    return full
  })
  const hidden = view.resources.length - blocks.length
  const more = hidden > 0 ? `\n… and ${hidden} more change${hidden === 1 ? '' : 's'} not shown (run \`oncall plan\` for the full plan)\n` : ''
  return [heading, blocks.length > 0 ? '\n' + blocks.join('\n') : '', more, notes, footer].join('')
}

/** `shifts-left-out`: the preview did not fit the comment; say so instead of showing it. */
type ShiftsMode = 'plain' | 'with-shifts' | 'shifts-left-out'

function resourceBlock(r: ResourceView, shifts: ShiftsMode): string {
  const title = `<code>${r.sign} ${htmlText(r.title)}</code>${r.note === null ? '' : ` ${htmlText(r.note)}`}`
  const body: string[] = []
  const plain = r.fields.filter((f) => !f.text)
  if (r.kind === 'delete') body.push(`Deleted from the account.`)
  if (plain.length > 0) {
    body.push('| | field | before | after |', '|---|---|---|---|')
    for (const f of plain) body.push(`| ${f.sign} | \`${f.path}\` | ${cell(f.before)} | ${cell(f.after)} |`)
  }
  for (const f of r.fields.filter((f) => f.text)) body.push(...textBlock(f))
  if (r.shifts && shifts === 'with-shifts') body.push(...shiftSection(r.shifts))
  if (r.shifts && shifts === 'shifts-left-out') body.push('', `<sub>${htmlText(r.shifts.heading)}: left out to keep the comment within its size limit (run \`oncall plan\`).</sub>`)
  return `<details><summary>${title}</summary>\n\n${body.join('\n')}\n\n</details>\n`
}

/**
 * Caps that keep one schedule's preview to a few kilobytes, so that many changed schedules still
 * fit a pull-request comment: people in the table, spans per cell, bars per gantt section.
 */
const MAX_TABLE_PEOPLE = 20
const MAX_CELL_SPANS = 6
export const MAX_GANTT_BARS = 40

function shiftSection(v: ShiftPreviewView): string[] {
  const out = ['', `**${markdownText(v.heading)}** · ${markdownText(v.nowLine)}`, '']
  if (v.people.length === 0) return [...out, NO_SHIFT_CHANGES]
  out.push('| person | gained | lost | load (before → after) |', '|---|---|---|---|')
  for (const p of v.people.slice(0, MAX_TABLE_PEOPLE)) out.push(`| ${cell(p.label)} | ${spansCell(p.gained)} | ${spansCell(p.lost)} | ${p.load === null ? '' : cell(p.load)} |`)
  const hidden = v.people.length - MAX_TABLE_PEOPLE
  if (hidden > 0) out.push(`| … and ${hidden} more | | | |`)
  return [...out, ...gantt(v)]
}

function spansCell(spans: readonly string[]): string {
  const shown = spans.slice(0, MAX_CELL_SPANS).map((s) => cell(s))
  if (spans.length > MAX_CELL_SPANS) shown.push(`… and ${spans.length - MAX_CELL_SPANS} more`)
  return shown.join('<br>')
}

/** A Mermaid gantt of the final schedule before and after (GitHub renders ```mermaid blocks). */
function gantt(v: ShiftPreviewView): string[] {
  if (v.before.length === 0 && v.after.length === 0) return []
  const lines = ['', '```mermaid', 'gantt', `  title On call (${mermaidText(v.timeZone)})`, '  dateFormat YYYY-MM-DD HH:mm', '  axisFormat %m-%d']
  const capped: string[] = []
  for (const [name, bars, total] of [['before', v.before, v.counts.before], ['after', v.after, v.counts.after]] as const) {
    if (bars.length === 0) continue
    const shown = bars.slice(0, MAX_GANTT_BARS)
    lines.push(`  section ${name}`, ...shown.map(ganttTask))
    if (total > shown.length) capped.push(`${name}: first ${shown.length} of ${total} shifts`)
  }
  lines.push('```')
  if (capped.length > 0) lines.push('', `<sub>Chart capped: ${capped.join('; ')}; the table above says who gains and loses time.</sub>`)
  return lines
}

/** Mermaid ends a task name at `:` and reads `#`, `;`, backticks and more as syntax: mermaidText keeps only plain text. */
function ganttTask(bar: GanttBar): string {
  return `  ${mermaidText(bar.label)} : ${bar.start}, ${bar.end}`
}

function textBlock(f: FieldView): string[] {
  const lines = textDiff(f.text?.before ?? '', f.text?.after ?? '').map((l) => `${l.sign}${l.text}`)
  const fence = codeFence(lines)
  return ['', `\`${f.path}\`:`, '', `${fence}diff`, ...lines, fence]
}

function noteSection(title: string, lines: readonly string[]): string {
  if (lines.length === 0) return ''
  const shown = lines.slice(0, MAX_NOTES).map((l) => `- ${markdownText(l.length > MAX_NOTE_LENGTH ? l.slice(0, MAX_NOTE_LENGTH - 1) + '…' : l)}`)
  if (lines.length > MAX_NOTES) shown.push(`- … and ${lines.length - MAX_NOTES} more`)
  return `\n**${title}**\n\n${shown.join('\n')}\n`
}

/** A table cell: Markdown-escaped (`|` included), so a value never ends the cell or the table. */
function cell(value: string | null): string {
  return value === null ? '' : markdownText(value)
}
