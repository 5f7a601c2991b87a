/** PNGs the edge answers with (base64 in JSON), decoded and compared pixel by pixel. */
import { PNG } from 'pngjs';

/** A decoded PNG: width, height and RGBA bytes. */
export function decodePng(base64: string): PNG {
  return PNG.sync.read(Buffer.from(base64, 'base64'));
}

/** Pixels (x, y) where the two images differ. */
export function differingPixels(a: PNG, b: PNG): [number, number][] {
  const out: [number, number][] = [];
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) out.push([x, y]);
    }
  return out;
}
