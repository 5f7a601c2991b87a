/**
 * PSNR of token images in [-1, 1] (values clamped, peak 1 on the [0, 1]
 * scale), averaged over `count` images laid out one after another.
 */
export function meanPsnr(a: Float32Array, ref: Float32Array, count: number): number {
  const per = a.length / count;
  let sum = 0;
  for (let b = 0; b < count; b++) {
    let se = 0;
    for (let k = b * per; k < (b + 1) * per; k++) {
      const d = (Math.max(-1, Math.min(1, a[k])) - Math.max(-1, Math.min(1, ref[k]))) / 2;
      se += d * d;
    }
    sum += 10 * Math.log10(1 / Math.max(se / per, 1e-10));
  }
  return sum / count;
}
