/** Public surface of the PagerDuty client. */
export {PagerDutyClient, type PagerDutyClientOptions, type PostOptions, type WaitNotice} from './pagerduty-client.js'
export {
  PagerDutyApiError,
  PagerDutyClientUsageError,
  PagerDutyNetworkError,
  PagerDutyOutcomeUnknownError,
  PagerDutyPaginationLimitError,
  PagerDutyRateLimitWaitError,
  PagerDutyResponseError,
} from './errors.js'
export {
  ConnectionOptionsError,
  REGION_URLS,
  resolveConnectionOptions,
  resolveFrom,
  type ConnectionFlags,
  type ConnectionOptions,
  type Region,
} from './connection-options.js'
export type {HttpMethod, RequestEvent, RequestListener} from './request-event.js'
export type {QueryParams} from './query-string.js'
