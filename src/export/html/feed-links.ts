/**
 * Subscribe links for a feed. With a base URL the page offers the https link and the webcal://
 * link (which makes calendar apps subscribe rather than download); without one, links are
 * relative to the page and webcal is impossible (it needs a host).
 */
export interface FeedLinks {
  readonly https: string
  readonly webcal: string | null
}

export function feedLinks(path: string, baseUrl: string | undefined): FeedLinks {
  if (baseUrl === undefined) return {https: path, webcal: null}
  const base = baseUrl.replace(/\/+$/, '')
  const url = `${base}/${path}`
  return {https: url, webcal: url.replace(/^https?:\/\//i, 'webcal://')}
}

/** Validates --base-url: absolute http(s) URL without query or fragment (feeds are appended as paths). */
export function checkBaseUrl(baseUrl: string): string | null {
  let u: URL
  try {
    u = new URL(baseUrl)
  } catch {
    return `--base-url "${baseUrl}" is not a URL (e.g. https://oncall.example.com/calendars)`
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `--base-url must start with https:// (got ${u.protocol}//)`
  if (u.search !== '' || u.hash !== '') return '--base-url must not have a query or fragment: feed paths are appended to it'
  return null
}
