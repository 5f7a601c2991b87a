// Generated from api.js by test/web/public-types.ts; do not edit.
/**
 * An API client.
 * @param {{ baseUrl?: string, apiKey: () => string, fetch?: typeof fetch }} opts
 */
export function createApi(opts: { baseUrl?: string; apiKey: () => string; fetch?: typeof fetch }): {
  /** @returns {Promise<ModelsView>} */
  listModels: () => Promise<ModelsView>;
  /** @param {string} id @returns {Promise<SessionView>} */
  getSession: (id: string) => Promise<SessionView>;
  /** @param {unknown} body @param {StreamHandlers} h */
  generate: (body: unknown, h: StreamHandlers) => Promise<import('../../../shared/src/http/responses').CompleteEvent>;
  /** @param {string} id @param {unknown} body @param {StreamHandlers} h */
  edit: (
    id: string,
    body: unknown,
    h: StreamHandlers,
  ) => Promise<import('../../../shared/src/http/responses').CompleteEvent>;
};
/** A failed call, with the words to show. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status HTTP status, 0 for a failure inside a stream or the network
   * @param {string} [code] the API's error code
   */
  constructor(message: string, status: number, code?: string);
  status: number;
  code: string | undefined;
}
export type ApiErrorBody = import('../../../shared/src/http/responses').ApiErrorBody;
export type CompleteEvent = import('../../../shared/src/http/responses').CompleteEvent;
export type ModelsView = import('../../../shared/src/http/responses').ModelsView;
export type SessionView = import('../../../shared/src/http/responses').SessionView;
export type StreamHandlers = {
  onEvent: (event: string, data: unknown) => void;
  onRetry?: (message: string, seconds: number) => void;
  onWarning?: (text: string) => void;
  signal?: AbortSignal;
};
