import {describe, expect, it} from 'vitest'
import {appendMarker, describeWithMarker, formatMarker, parseDescription, TEAM_DESCRIPTION_MAX_LENGTH} from './ownership.js'

const mine = {owner: 'consumer-app', key: 'consumer-app-primary'}

describe('ownership marker', () => {
  it('has the documented wording', () => {
    expect(formatMarker(mine)).toBe(
      'Managed by oncall (owner: consumer-app, key: consumer-app-primary). Edit in git, not here.',
    )
  })

  it.each(['', 'Weekly primary rotation', 'line one\nline two', 'ends with newline\n', '  indented\n\nblank lines'])(
    'round-trips the text %j',
    (text) => {
      const parsed = parseDescription(appendMarker(text, mine))
      expect(parsed).toEqual({text, marker: mine})
    },
  )

  it('puts the marker on the last line, after the own text', () => {
    expect(appendMarker('Mobile app', mine).split('\n')).toEqual(['Mobile app', formatMarker(mine)])
    expect(appendMarker('', mine)).toBe(formatMarker(mine))
  })

  it('reads descriptions without a marker as unowned text', () => {
    expect(parseDescription('Made by hand')).toEqual({text: 'Made by hand', marker: null})
    expect(parseDescription(null)).toEqual({text: '', marker: null})
    expect(parseDescription(undefined)).toEqual({text: '', marker: null})
  })

  it('reports the owner of a marker written by another config', () => {
    const other = appendMarker('Payments', {owner: 'payments', key: 'payments-ep'})
    expect(parseDescription(other).marker).toEqual({owner: 'payments', key: 'payments-ep'})
  })

  it.each([
    'Managed by oncall (owner: consumer-app). Edit in git, not here.',
    'Managed by oncall (owner: consumer-app, key: ). Edit in git, not here.',
    'managed by oncall (owner: consumer-app, key: x). Edit in git, not here.',
    'Managed by oncall (owner: consumer app, key: x). Edit in git, not here.',
    'Managed by oncall (owner: consumer-app, key: x)',
  ])('treats a tampered marker as no marker: %j', (line) => {
    const parsed = parseDescription(`Text\n${line}`)
    expect(parsed.marker).toBeNull()
    expect(parsed.text).toBe(`Text\n${line}`)
  })

  it('still finds the marker when someone added text after it, and keeps that text as drift', () => {
    const parsed = parseDescription(`Mine\n${formatMarker(mine)}\nadded in the UI`)
    expect(parsed).toEqual({text: 'Mine\nadded in the UI', marker: mine})
  })

  it('accepts CRLF line ends', () => {
    expect(parseDescription(`a\r\nb\r\n${formatMarker(mine)}`)).toEqual({text: 'a\nb', marker: mine})
  })

  it('keeps user emails as keys', () => {
    const marker = {owner: 'consumer-app', key: 'aiko.tanaka+oncall@example.com'}
    expect(parseDescription(appendMarker('', marker)).marker).toEqual(marker)
  })

  it('refuses owners or keys that would make the marker ambiguous', () => {
    expect(() => formatMarker({owner: 'a b', key: 'k'})).toThrow(/owner/)
    expect(() => formatMarker({owner: 'a', key: 'k)'})).toThrow(/key/)
  })

  it('refuses a team description that does not leave room for the marker', () => {
    const room = TEAM_DESCRIPTION_MAX_LENGTH - formatMarker(mine).length - 1
    expect(describeWithMarker('x'.repeat(room), mine, TEAM_DESCRIPTION_MAX_LENGTH)).toHaveLength(TEAM_DESCRIPTION_MAX_LENGTH)
    expect(() => describeWithMarker('x'.repeat(room + 1), mine, TEAM_DESCRIPTION_MAX_LENGTH)).toThrow(/at most \d+ are left/)
  })
})

describe('control characters in a marker', () => {
  it('a hand-made marker whose owner or key holds ESC, BEL or bidi characters is not a marker', () => {
    for (const owner of ['x\u001b[2J', 'a\u0007b', 'app\u202e', 'a\u009bb']) {
      expect(parseDescription(`Managed by oncall (owner: ${owner}, key: k). Edit in git, not here.`).marker).toBeNull()
      expect(() => formatMarker({owner, key: 'k'})).toThrow(/control characters/)
    }
    expect(parseDescription('Managed by oncall (owner: app, key: k\u001b[H). Edit in git, not here.').marker).toBeNull()
  })
})
