import {nextRandom} from './prng.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** What an ID generator needs from the state: the PRNG and every ID ever issued (PD never reuses one). */
export interface IdSource {
  idSeed: number
  issuedIds: string[]
}

/** A PagerDuty-style ID: "P" followed by six upper-case letters or digits, never issued before. */
export function newId(source: IdSource, issued: Set<string>): string {
  const rng = {seed: source.idSeed}
  for (;;) {
    let id = 'P'
    for (let i = 0; i < 6; i++) id += ALPHABET[Math.floor(nextRandom(rng) * ALPHABET.length)]
    if (!issued.has(id)) {
      source.idSeed = rng.seed
      issued.add(id)
      source.issuedIds.push(id)
      return id
    }
  }
}

export const PD_ID_PATTERN = /^P[A-Z0-9]{6}$/
