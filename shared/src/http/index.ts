/**
 * The edge's HTTP API shapes (docs/design.md#http-api), shared by the worker and the web
 * page: one zod schema per request body, and the types of every answer.
 */
export {
  conditionSchema,
  maskSchema,
  previewSchema,
  rasSchema,
  rectSchema,
} from './common';
export { type EditRecipe, type EditRequest, editRequestSchema } from './edit';
export { type GenerationRequest, generationRequestSchema, type Recipe } from './generation';
export type {
  ApiErrorBody,
  ApiErrorCode,
  CompleteEvent,
  ModelsView,
  ModelView,
  PreviewEvent,
  ProgressEvent,
  QueuedEvent,
  SessionVersion,
  SessionView,
  StreamEventName,
  Timings,
} from './responses';
