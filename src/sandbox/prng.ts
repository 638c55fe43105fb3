/**
 * mulberry32: a tiny seeded PRNG. IDs and fault injection draw from it so that a run with the same
 * seed and the same requests is reproducible (tests must not depend on Math.random).
 */
export function nextRandom(state: {seed: number}): number {
  state.seed = (state.seed + 0x6d2b79f5) | 0
  let t = state.seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
