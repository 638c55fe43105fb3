import {describe, expect, it} from 'vitest'
import {MAX_STEM_LENGTH, scheduleFeedFileName, userFeedFileName} from './feed-file-names.js'

describe('userFeedFileName', () => {
  it.each([
    ['aiko.tanaka@example.com', 'aiko.tanaka-at-example.com.ics'],
    ['Aiko.Tanaka@Example.COM', 'aiko.tanaka-at-example.com.ics'],
    ['a+b_c@x.io', 'a~2bb_c-at-x.io.ics'],
    ['józef@x.pl', 'j~c3~b3zef-at-x.pl.ics'],
    ['a/../b@x', 'a~2f..~2fb-at-x.ics'],
  ])('%s → %s', (email, file) => {
    expect(userFeedFileName(email)).toBe(file)
  })
})

describe('file names every file system accepts', () => {
  it('shortens a name too long for a file system (a 245-character email) with a stable hash', () => {
    const long = (tail: string) => `${'a'.repeat(230)}${tail}@example.com`
    const name = userFeedFileName(long('x'))
    expect(long('x')).toHaveLength(243)
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_STEM_LENGTH + 4)
    expect(name).toMatch(/^a{100}~[0-9a-f]{16}\.ics$/)
    expect(userFeedFileName(long('x'))).toBe(name)
    expect(userFeedFileName(long('y'))).not.toBe(name)
    expect(userFeedFileName('aiko.tanaka@example.com')).toBe('aiko.tanaka-at-example.com.ics')
  })

  it('avoids the device names Windows reserves', () => {
    expect(scheduleFeedFileName('con')).toBe('con_.ics')
    expect(scheduleFeedFileName('NUL')).toBe('NUL_.ics')
    expect(scheduleFeedFileName('lpt1')).toBe('lpt1_.ics')
    expect(userFeedFileName('aux')).toBe('aux_.ics')
    expect(scheduleFeedFileName('console')).toBe('console.ics')
    expect(scheduleFeedFileName('con-primary')).toBe('con-primary.ics')
  })
})
