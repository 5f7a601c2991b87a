/**
 * Image encoding for results and previews: PNG with pngjs, JPEG with jpeg-js
 * (both pure JS, no native build), and a box-filter downscale for previews.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbImage } from '../sampler/tokens';

export function encodePng(img: RgbImage): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  return new Uint8Array(PNG.sync.write(png));
}

export function decodePng(bytes: Uint8Array): RgbImage {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) };
}

export function encodeJpeg(img: RgbImage, quality = 85): Uint8Array {
  const out = jpeg.encode({ width: img.width, height: img.height, data: Buffer.from(img.data) }, quality);
  return new Uint8Array(out.data);
}

/** Box-filter downscale so the longer side is at most `maxSide` (never upscales). */
export function downscale(img: RgbImage, maxSide: number): RgbImage {
  const factor = Math.ceil(Math.max(img.width, img.height) / maxSide);
  if (factor <= 1) return img;
  const width = Math.floor(img.width / factor);
  const height = Math.floor(img.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let ch = 0; ch < 4; ch++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          for (let dx = 0; dx < factor; dx++)
            sum += img.data[((y * factor + dy) * img.width + x * factor + dx) * 4 + ch];
        }
        data[(y * width + x) * 4 + ch] = sum / (factor * factor);
      }
    }
  }
  return { width, height, data };
}
