/**
 * A log-log line plot as a standalone SVG document, drawn by hand: axes with a tick and label at
 * every power of ten, faint grid lines, one polyline with point markers per series, a legend,
 * a title and axis labels.
 */

/** One line of the plot. */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

/** What to draw. */
export interface Plot {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  /** Writes a y tick label (the value is a power of ten). */
  readonly yTick?: (value: number) => string;
}

const W = 640;
const H = 400;
const M = { left: 78, right: 20, top: 40, bottom: 52 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const superscript = (e: number): string => (e >= 0 && e <= 3 ? String(10 ** e) : `1e${e}`);

function decades(values: readonly number[]): [number, number] {
  const logs = values.map(Math.log10);
  return [Math.floor(Math.min(...logs)), Math.ceil(Math.max(...logs))];
}

/** The SVG text of a log-log plot. */
export function logLogSvg(plot: Plot): string {
  const all = plot.series.flatMap((s) => s.points);
  const [x0, x1] = decades(all.map((p) => p[0]));
  const [y0, y1] = decades(all.map((p) => p[1]));
  const sx = (x: number): number =>
    M.left + ((Math.log10(x) - x0) / Math.max(1, x1 - x0)) * (W - M.left - M.right);
  const sy = (y: number): number =>
    H - M.bottom - ((Math.log10(y) - y0) / Math.max(1, y1 - y0)) * (H - M.top - M.bottom);
  const yTick = plot.yTick ?? ((v: number) => String(v));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(plot.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(plot.title)}</text>`,
  ];
  for (let e = x0; e <= x1; e++) {
    const x = sx(10 ** e).toFixed(1);
    out.push(`<line x1="${x}" y1="${M.top}" x2="${x}" y2="${H - M.bottom}" stroke="#e5e5e5"/>`);
    out.push(`<line x1="${x}" y1="${H - M.bottom}" x2="${x}" y2="${H - M.bottom + 5}" stroke="black"/>`);
    out.push(`<text x="${x}" y="${H - M.bottom + 18}" text-anchor="middle">${superscript(e)}</text>`);
  }
  for (let e = y0; e <= y1; e++) {
    const y = sy(10 ** e).toFixed(1);
    out.push(`<line x1="${M.left}" y1="${y}" x2="${W - M.right}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<line x1="${M.left - 5}" y1="${y}" x2="${M.left}" y2="${y}" stroke="black"/>`);
    out.push(
      `<text x="${M.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(yTick(10 ** e))}</text>`,
    );
  }
  out.push(
    `<polyline points="${M.left},${M.top} ${M.left},${H - M.bottom} ${W - M.right},${H - M.bottom}" fill="none" stroke="black"/>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">${escapeXml(plot.xLabel)}</text>`,
    `<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(plot.yLabel)}</text>`,
  );
  plot.series.forEach((series, i) => {
    const color = COLORS[i % COLORS.length]!;
    const points = series.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`);
    out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const p of points) {
      const [cx, cy] = p.split(',');
      out.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${color}"/>`);
    }
    const ly = M.top + 12 + i * 18;
    out.push(
      `<line x1="${M.left + 12}" y1="${ly}" x2="${M.left + 36}" y2="${ly}" stroke="${color}" stroke-width="2"/>`,
    );
    out.push(
      `<text x="${M.left + 42}" y="${ly}" dominant-baseline="middle">${escapeXml(series.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The least-squares slope of log10(y) against log10(x): 1 is linear, 2 quadratic. */
export function logLogSlope(points: readonly (readonly [number, number])[]): number {
  const xs = points.map((p) => Math.log10(p[0]));
  const ys = points.map((p) => Math.log10(p[1]));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}
