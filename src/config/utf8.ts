/**
 * TextDecoder({fatal: true}) says *that* bytes are not UTF-8 but not *where*; these find the
 * first offending byte so that the diagnostic can point at it.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0) return i
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    // Overlong forms, surrogates and values above U+10FFFF.
    const second = bytes[i + 1] ?? 0
    if (b === 0xe0 && second < 0xa0) return i
    if (b === 0xed && second > 0x9f) return i
    if (b === 0xf0 && second < 0x90) return i
    if (b === 0xf4 && second > 0x8f) return i
    i += length
  }
  return bytes.length
}

/** 1-based line and column (in characters, counting each valid UTF-8 sequence once) of a byte offset. */
export function positionOfOffset(bytes: Uint8Array, offset: number): {line: number; col: number} {
  let line = 1
  let col = 1
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (b === 0x0a) {
      line++
      col = 1
    } else if ((b & 0xc0) !== 0x80) col++
  }
  return {line, col}
}
