import {describe, expect, it} from 'vitest'
import {userFeedFileName} from './feed-file-names.js'

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
