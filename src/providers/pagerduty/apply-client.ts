import type {QueryParams} from './client/query-string.js'

/**
 * The part of PagerDutyClient that apply uses, as a structural type so apply can be driven by
 * the real client (against api.pagerduty.com or the sandbox) without depending on its class.
 * POST returns the parsed body (`{<singular>: object}`); `findExisting` must return the same
 * shape. The client adds the `From` header on POST /users itself (its `from` option).
 */
export interface ApplyClient {
  get<T>(path: string, params?: QueryParams): Promise<T>
  listAll<T>(path: string, wrapperKey: string, params?: QueryParams): Promise<T[]>
  post<T>(path: string, body: unknown, options?: {readonly findExisting?: () => Promise<T | undefined>}): Promise<T>
  put<T = unknown>(path: string, body?: unknown): Promise<T | undefined>
  delete(path: string): Promise<void>
}
