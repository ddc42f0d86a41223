export { createHttpClient } from "./http-client.js";
export type {
  HttpAuth,
  HttpClient,
  HttpClientOptions,
  HttpMethod,
  HttpRateLimitOptions,
  HttpResponse,
  HttpRetryOptions,
  RequestOptions,
  ValidatedRequestOptions,
} from "./http-client-types.js";
export { findLink, parseLinkHeader, type WebLink } from "./link-header.js";
export { type CursorPage, type CursorPaginationOptions, paginateCursor } from "./paginate-cursor.js";
export { type LinkPage, type LinkPaginationOptions, paginateLink } from "./paginate-link.js";
export { type OffsetPage, type OffsetPaginationOptions, paginateOffset } from "./paginate-offset.js";
export { type NumberedPage, type PageNumberPaginationOptions, paginatePages } from "./paginate-pages.js";
export type { ArrayItem, Page, PaginationOptions } from "./pagination.js";
export { createRedactor, isSecretQueryParam, type Redactor, type RedactorOptions } from "./redactor.js";
export { buildRequestUrl, type QueryParams, type QueryValue } from "./request-url.js";
export { formatFieldPath } from "./response-body.js";
export { TokenBucket, type TokenBucketOptions } from "./token-bucket.js";
