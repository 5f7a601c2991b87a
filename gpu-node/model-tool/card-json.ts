/** A model directory's card as JSON, before the node's `parseCard` checks it. */
import { readFile } from 'node:fs/promises';

/** The card's JSON, with an error that says what DIR should be. */
export async function readCardJson(cardPath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(cardPath, 'utf8');
  } catch {
    throw new Error(`${cardPath}: no model card here; DIR must be a model directory (model.json beside its graphs)`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${cardPath}: not JSON (${(e as Error).message})`);
  }
}
