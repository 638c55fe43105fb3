/**
 * One colour per person across the whole page, so someone on two schedules is recognisable at a
 * glance. Light colours (ColorBrewer Set3, then evenly spread hues) so dark text stays readable.
 * Assigned in sorted email order: the same people always get the same colours.
 */
const PALETTE = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69', '#fccde5', '#ccebc5', '#bc80bd', '#ffed6f', '#d9d9d9']

export function personColours(emails: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(emails)].sort()
  const out = new Map<string, string>()
  sorted.forEach((email, i) => {
    const hue = Math.round((i * 137.508) % 360) // golden angle: neighbours differ strongly
    out.set(email, PALETTE[i] ?? `hsl(${hue} 65% 75%)`)
  })
  return out
}
