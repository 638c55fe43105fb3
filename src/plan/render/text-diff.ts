import {diffLines} from 'diff'

export interface TextDiffLine {
  readonly sign: '+' | '-' | ' '
  readonly text: string
}

/** Line diff of two multi-line texts (descriptions), for the text and markdown renderers. */
export function textDiff(before: string, after: string): TextDiffLine[] {
  const lines: TextDiffLine[] = []
  for (const part of diffLines(before, after)) {
    const sign = part.added ? '+' : part.removed ? '-' : ' '
    const body = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value
    for (const text of body.split('\n')) lines.push({sign, text})
  }
  return lines
}
