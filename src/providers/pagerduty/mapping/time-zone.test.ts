import {describe, expect, it} from 'vitest'
import {canonicalTimeZone, isKnownTimeZone} from './time-zone.js'

describe('canonicalTimeZone', () => {
  it.each([
    ['UTC', 'Etc/UTC'],
    ['Etc/UTC', 'Etc/UTC'],
    ['GMT', 'Etc/UTC'],
    ['US/Eastern', 'America/New_York'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Tokyo', 'Asia/Tokyo'],
    ['Eastern Time (US & Canada)', 'America/New_York'],
    ['Kyiv', 'Europe/Kyiv'],
    ['Asia/Tokyo', 'Asia/Tokyo'],
    ['Europe/London', 'Europe/London'],
    ['Mars/Olympus', 'Mars/Olympus'],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical)
  })

  it('maps every alias to a zone the runtime knows', () => {
    for (const name of ['UTC', 'Tokyo', 'Kyiv', 'Buenos Aires', 'Abu Dhabi', 'Newfoundland', 'Alaska']) {
      expect(isKnownTimeZone(name)).toBe(true)
    }
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false)
  })
})
