import type {Plan} from '../plan.js'
import type {SafetyViolation} from '../safety.js'
import {textDiff} from './text-diff.js'
import {planView, type FieldView, type ResourceView} from './view.js'

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
      ? '### oncall plan: no changes\n\nThe account matches the configuration.\n'
      : `### oncall plan: ${view.summary.create} to add, ${view.summary.update} to change, ${view.summary.delete} to destroy\n`
  const notes = [
    noteSection('Unmanaged (exist in the account without an ownership marker)', view.unmanaged),
    noteSection('Conflicts (owned by another config; the plan cannot be applied)', view.conflicts),
    noteSection('Errors', view.errors),
    noteSection('Warnings', view.warnings),
    noteSection('Refused by safety checks', view.violations),
  ].join('')
  const footer = `\n<sub>API requests: ${view.requestCount}</sub>\n`

  const budget = max - heading.length - notes.length - footer.length - 100 // room for the "… and N more" line
  const blocks: string[] = []
  let used = 0
  for (const r of view.resources) {
    const block = resourceBlock(r)
    if (used + block.length + 1 > budget) break // + 1: the newline that joins blocks
    blocks.push(block)
    used += block.length + 1
  }
  const hidden = view.resources.length - blocks.length
  const more = hidden > 0 ? `\n… and ${hidden} more change${hidden === 1 ? '' : 's'} not shown (run \`oncall plan\` for the full plan)\n` : ''
  return [heading, blocks.length > 0 ? '\n' + blocks.join('\n') : '', more, notes, footer].join('')
}

function resourceBlock(r: ResourceView): string {
  const title = `<code>${r.sign} ${escapeHtml(r.title)}</code>${r.note === null ? '' : ` ${escapeHtml(r.note)}`}`
  const body: string[] = []
  const plain = r.fields.filter((f) => !f.text)
  if (r.kind === 'delete') body.push(`Deleted from the account.`)
  if (plain.length > 0) {
    body.push('| | field | before | after |', '|---|---|---|---|')
    for (const f of plain) body.push(`| ${f.sign} | \`${f.path}\` | ${cell(f.before)} | ${cell(f.after)} |`)
  }
  for (const f of r.fields.filter((f) => f.text)) body.push(...textBlock(f))
  return `<details><summary>${title}</summary>\n\n${body.join('\n')}\n\n</details>\n`
}

function textBlock(f: FieldView): string[] {
  const lines = textDiff(f.text?.before ?? '', f.text?.after ?? '').map((l) => `${l.sign}${l.text}`)
  const fence = lines.some((l) => l.includes('```')) ? '~~~~' : '```'
  return ['', `\`${f.path}\`:`, '', `${fence}diff`, ...lines, fence]
}

function noteSection(title: string, lines: readonly string[]): string {
  if (lines.length === 0) return ''
  const shown = lines.slice(0, MAX_NOTES).map((l) => `- ${escapeHtml(l.length > MAX_NOTE_LENGTH ? l.slice(0, MAX_NOTE_LENGTH - 1) + '…' : l)}`)
  if (lines.length > MAX_NOTES) shown.push(`- … and ${lines.length - MAX_NOTES} more`)
  return `\n**${title}**\n\n${shown.join('\n')}\n`
}

function cell(value: string | null): string {
  return value === null ? '' : escapeHtml(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
