import {describe, expect, it} from 'vitest'
import {findInvalidUtf8, positionOfOffset} from './utf8.js'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)))

describe('findInvalidUtf8', () => {
  it('returns the length for valid text', () => {
    const b = bytes('a: 田中\n')
    expect(findInvalidUtf8(b)).toBe(b.length)
  })
  it('finds a lone continuation byte', () => {
    expect(findInvalidUtf8(bytes('ab', [0x80], 'c'))).toBe(2)
  })
  it('finds a truncated sequence and an overlong form', () => {
    expect(findInvalidUtf8(bytes('x', [0xe3, 0x81]))).toBe(1)
    expect(findInvalidUtf8(bytes([0xc0, 0xaf]))).toBe(0)
    expect(findInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0)
  })
})

describe('positionOfOffset', () => {
  it('counts lines and characters', () => {
    const b = bytes('a: 1\nname: 田中', [0xff])
    expect(positionOfOffset(b, findInvalidUtf8(b))).toEqual({line: 2, col: 9})
  })
})
