import {describe, expect, it} from 'vitest'
import {canonicalTimeZone, isKnownTimeZone} from './time-zone.js'

describe('canonicalTimeZone', () => {
  it.each([
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['US/Eastern', 'America/New_York'],
    ['Japan', 'Asia/Tokyo'],
    ['asia/tokyo', 'Asia/Tokyo'],
    ['Tokyo', 'Asia/Tokyo'],
    ['Eastern Time (US & Canada)', 'America/New_York'],
    ['Asia/Tokyo', 'Asia/Tokyo'],
    ['Europe/London', 'Europe/London'],
    ['Mars/Olympus', 'Mars/Olympus'],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical)
  })

  it('agrees with the config side for links whose ICU name is the old one', () => {
    const icu = (z: string) => new Intl.DateTimeFormat('en-US', {timeZone: z}).resolvedOptions().timeZone
    for (const z of ['Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'Etc/UTC']) expect(canonicalTimeZone(z)).toBe(icu(z))
    expect(canonicalTimeZone('Kyiv')).toBe(icu('Europe/Kyiv'))
  })

  it('maps every Rails name to a zone the runtime knows', () => {
    for (const name of ['UTC', 'Tokyo', 'Kyiv', 'Buenos Aires', 'Abu Dhabi', 'Newfoundland', 'Alaska']) {
      expect(isKnownTimeZone(name)).toBe(true)
    }
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false)
  })
})

describe('answers are cached per name without changing them', () => {
  it('gives the same answer on every call, for Rails names, padded names and unknown names', () => {
    for (let i = 0; i < 3; i++) {
      expect(canonicalTimeZone('Tokyo')).toBe('Asia/Tokyo')
      expect(canonicalTimeZone(' Asia/Tokyo ')).toBe('Asia/Tokyo')
      expect(canonicalTimeZone('Mars/Olympus_Mons')).toBe('Mars/Olympus_Mons')
      expect(isKnownTimeZone('Tokyo')).toBe(true)
      expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false)
    }
  })
})
