/**
 * What `npm start`'s banner suggests trying, for the model clients offer first
 * (the first `GET /v1/models` lists that serves some size well: the node's
 * default): a curl line and the same with the command-line client, with a
 * prompt for a prompted model, else its first label (or class id 0).
 */
import type { ModelView } from '@ras/shared/http';

/** The prompt the banner and the README suggest (every word in the scenes model's vocabulary). */
export const EXAMPLE_PROMPT = 'a small red circle at the top left and a large blue square in the middle';

type Offered = Pick<ModelView, 'name' | 'prompted' | 'labels' | 'sizes'>;

/** The model a client offers first: the first listed that serves some size well, or null. */
export function firstOffered<M extends Offered>(models: M[]): M | null {
  return models.find((m) => m.sizes.length > 0) ?? null;
}

/** The banner's "Try" lines for `model` behind the worker at `url` with `apiKey`. */
export function tryLines(url: string, apiKey: string, model: Offered | null): string {
  if (!model) return 'No model serves any size well (only test models): see the README, "The embedded model".';
  const condition = model.prompted
    ? { prompt: EXAMPLE_PROMPT }
    : model.labels.length
      ? { label: model.labels[0] }
      : { classId: 0 };
  const body = JSON.stringify({ model: model.name, condition, seed: 7 });
  const words = 'prompt' in condition ? condition.prompt : 'label' in condition ? condition.label : '0';
  return `Try ${model.name} (the image to out.png; jq and base64 decode the JSON answer):
  curl -s ${url}/v1/generations \\
    -H 'authorization: Bearer ${apiKey}' -H 'content-type: application/json' \\
    -d '${body}' | jq -r .png | base64 -d > out.png
or the command-line client, with a progress bar:
  RAS_URL=${url} RAS_API_KEY=${apiKey} npm run -s ras -- generate "${words}" -o out.png`;
}
