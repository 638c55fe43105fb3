import {describe, expect, it} from 'vitest'
import {formatDiagnostic, sortDiagnostics} from './diagnostic.js'

describe('formatDiagnostic', () => {
  it('puts position, severity, code, message, path and hint on one line', () => {
    expect(
      formatDiagnostic({
        severity: 'error',
        code: 'unknown-field',
        message: 'unknown field `escalation_polcy`',
        file: 'oncall.yaml',
        line: 3,
        col: 5,
        path: 'services.api.escalation_polcy',
        hint: 'did you mean `escalation_policy`?',
      }),
    ).toBe(
      'oncall.yaml:3:5: error unknown-field unknown field `escalation_polcy` (at services.api.escalation_polcy) — did you mean `escalation_policy`?',
    )
  })
  it('omits what is unknown', () => {
    expect(formatDiagnostic({severity: 'warning', code: 'x', message: 'a\nb'})).toBe('warning x a b')
    expect(formatDiagnostic({severity: 'error', code: 'x', message: 'm', file: 'f.yaml'})).toBe('f.yaml: error x m')
  })
})

describe('sortDiagnostics', () => {
  it('orders by file, line and column', () => {
    const sorted = sortDiagnostics([
      {severity: 'error', code: 'b', message: '', file: 'b.yaml', line: 1, col: 1},
      {severity: 'error', code: 'a', message: '', file: 'a.yaml', line: 2, col: 1},
      {severity: 'error', code: 'c', message: '', file: 'a.yaml', line: 1, col: 9},
    ])
    expect(sorted.map((d) => d.code)).toEqual(['c', 'a', 'b'])
  })
})
