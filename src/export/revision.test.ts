import {describe, expect, it} from 'vitest'
import {renderCalendar} from './calendar-feed.js'
import {readPreviousRevisions, REVISION_EPOCH, reviseEvents} from './revision.js'

const draft = {uid: 'u1', start: 0, end: 3_600_000, summary: 's', description: 'd'}

describe('revisions', () => {
  it('starts at 0, keeps the sequence while content is unchanged, bumps it on change', () => {
    const [first] = reviseEvents([draft], false, new Map())
    expect(first).toMatchObject({sequence: 0, revisedAt: REVISION_EPOCH})
    const ics = renderCalendar({name: 'n', description: '', busy: false, events: [first!]})
    const prev = readPreviousRevisions(ics)
    expect(prev.get('u1')).toEqual({sequence: 0, contentHash: first?.contentHash})
    expect(reviseEvents([draft], false, prev)[0]).toEqual(first)
    const changed = reviseEvents([{...draft, end: 7_200_000}], false, prev)[0]
    expect(changed).toMatchObject({sequence: 1, revisedAt: REVISION_EPOCH + 1000})
    expect(reviseEvents([draft], true, prev)[0]?.sequence).toBe(1) // busy flag is visible content too
  })

  it('hashes content as earlier versions did (a new hash would bump every SEQUENCE once)', () => {
    expect(reviseEvents([draft], false, new Map())[0]?.contentHash).toBe('f67514030f6490d8')
  })

  it('ignores files it did not write', () => {
    expect(readPreviousRevisions('garbage').size).toBe(0)
  })
})
