/**
 * The quality benchmark's pictures: a PNG grid of samples (rows = settings,
 * columns = the same seeds) and a quality-vs-time plot (vega-lite → SVG).
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { encodePng } from '../src/engine/images';
import type { RgbImage } from '../src/sampler/tokens';

/** Lays `rows` of equally sized images out in a grid, scaled ×`zoom`, with a gap. */
export function imageGrid(rows: RgbImage[][], zoom = 3, gap = 2): Uint8Array {
  const cell = rows[0][0];
  const cw = cell.width * zoom + gap;
  const ch = cell.height * zoom + gap;
  const width = Math.max(...rows.map((r) => r.length)) * cw + gap;
  const height = rows.length * ch + gap;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  rows.forEach((row, ri) => {
    row.forEach((img, ci) => {
      for (let y = 0; y < img.height * zoom; y++) {
        for (let x = 0; x < img.width * zoom; x++) {
          const src = (Math.floor(y / zoom) * img.width + Math.floor(x / zoom)) * 4;
          const dst = ((ri * ch + gap + y) * width + ci * cw + gap + x) * 4;
          data.set(img.data.subarray(src, src + 4), dst);
        }
      }
    });
  });
  return encodePng({ width, height, data });
}

const escapeXml = (t: string) => t.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `imageGrid(rows, zoom)` as an SVG with its captions: each row's name at its left, the
 * caption numbers over the columns (`perCaption` columns each), the numbered captions below.
 */
export function captionedGrid(
  rows: RgbImage[][],
  rowNames: string[],
  captions: string[],
  perCaption = 1,
  zoom = 2,
): string {
  const gap = 2;
  const png = Buffer.from(imageGrid(rows, zoom, gap)).toString('base64');
  const cw = rows[0][0].width * zoom + gap;
  const ch = rows[0][0].height * zoom + gap;
  const [left, top, line] = [12 + 7 * Math.max(...rowNames.map((n) => n.length)), 22, 16];
  const width = left + Math.max(...rows.map((r) => r.length)) * cw + gap;
  const height = top + rows.length * ch + gap + captions.length * line + 10;
  const text = (x: number, y: number, t: string, anchor = 'start') =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}">${escapeXml(t)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<image x="${left}" y="${top}" width="${width - left}" height="${rows.length * ch + gap}" href="data:image/png;base64,${png}"/>`,
    ...rowNames.map((n, r) => text(left - 6, top + r * ch + ch / 2 + 4, n, 'end')),
    ...captions.map((_, i) =>
      text(left + gap + (i * perCaption * cw + (perCaption * cw) / 2), top - 6, `${i + 1}`, 'middle'),
    ),
    ...captions.map((c, i) => text(8, top + rows.length * ch + gap + (i + 1) * line, `${i + 1}. ${c}`)),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

/** A setting's point on the quality-vs-time plot. */
export interface PlotPoint {
  name: string;
  ms: number;
  fd: number;
}

/** Fréchet distance (lower is better) against wall time, one labelled point per setting. */
export async function qualityPlot(points: PlotPoint[]): Promise<string> {
  const spec = vl.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Quality vs time (same seeds for every setting)',
    width: 520,
    height: 320,
    data: { values: points },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x: { field: 'ms', type: 'quantitative', title: 'wall time for the whole set (ms)' },
          y: { field: 'fd', type: 'quantitative', title: 'Fréchet distance to real data (lower is better)' },
          color: { field: 'name', type: 'nominal', legend: null },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 7, fontSize: 10 },
        encoding: {
          x: { field: 'ms', type: 'quantitative' },
          y: { field: 'fd', type: 'quantitative' },
          text: { field: 'name' },
        },
      },
    ],
  }).spec;
  return new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
}
