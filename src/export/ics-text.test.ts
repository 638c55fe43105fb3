import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {foldLine} from './ics-text.js'

const unfold = (s: string): string => s.replace(/\r\n /g, '')

describe('ics text primitives', () => {
  it('folds any line into ≤ 75-octet lines of whole UTF-8 characters that unfold to the original', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 200}), (s) => {
        const line = 'SUMMARY:' + s.replace(/[\r\n]/g, '')
        const folded = foldLine(line)
        const physical = folded.split('\r\n')
        // Whole code points per line: re-decoding the UTF-8 of each line gives it back unchanged.
        return unfold(folded) === line && physical.every((l) => Buffer.byteLength(l) <= 75 && Buffer.from(l).toString('utf8') === l)
      }),
      {numRuns: 300},
    )
  })

  it('cuts ASCII lines at exactly 75 octets, continuation lines included', () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom(...'abc ;,:\\'), maxLength: 400}), (s) => {
        const physical = foldLine('DESCRIPTION:' + s).split('\r\n')
        return physical.slice(0, -1).every((l) => l.length === 75) && (physical.at(-1)?.length ?? 0) <= 75 && unfold(physical.join('\r\n')) === 'DESCRIPTION:' + s
      }),
      {numRuns: 200},
    )
  })

  it('fills lines to exactly 75 octets before folding', () => {
    const folded = foldLine('X'.repeat(200)).split('\r\n')
    expect(folded.map((l) => l.length)).toEqual([75, 75, 52])
  })
})
