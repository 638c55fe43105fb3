/**
 * One colour per person across the whole page, so someone on two schedules is recognisable at a
 * glance, and different colours for people who share a schedule, so neighbouring blocks never
 * look alike. Greedy colouring in sorted email order (deterministic): each person takes the first
 * palette colour that nobody sharing a schedule with them already has. Light colours (ColorBrewer
 * Set3, most distinct first) keep dark text readable; past the palette, evenly spread hues.
 */
const PALETTE = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69', '#fccde5', '#d9d9d9', '#ccebc5', '#ffed6f', '#bc80bd']

function colour(i: number): string {
  return PALETTE[i] ?? `hsl(${Math.round(((i - PALETTE.length) * 137.508) % 360)} 65% 78%)` // golden angle
}

/** `groups`: the people of each schedule. */
export function personColours(groups: readonly (readonly string[])[]): Map<string, string> {
  const neighbours = new Map<string, Set<string>>()
  for (const group of groups) {
    for (const a of group) {
      const set = neighbours.get(a) ?? new Set<string>()
      for (const b of group) if (b !== a) set.add(b)
      neighbours.set(a, set)
    }
  }
  const index = new Map<string, number>()
  for (const person of [...neighbours.keys()].sort()) {
    const taken = new Set([...(neighbours.get(person) ?? [])].map((n) => index.get(n)))
    let i = 0
    while (taken.has(i)) i++
    index.set(person, i)
  }
  return new Map([...index].map(([p, i]) => [p, colour(i)]))
}
