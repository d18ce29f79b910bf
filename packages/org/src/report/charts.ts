/** Inline SVG charts: no script, no external asset; every bar carries its value for tests and tooltips. */

export interface Series {
  name: string;
  colour: string;
  values: number[];
}

const esc = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Stacked columns, one per label (a run), one colour per series (a severity). */
export function stackedColumns(id: string, title: string, labels: string[], series: Series[]): string {
  const width = 640;
  const height = 220;
  const pad = { left: 40, bottom: 40, top: 10 };
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = (width - pad.left) / Math.max(1, labels.length);
  const barWidth = Math.max(4, Math.min(48, slot * 0.6));
  const scale = (v: number) => (v / max) * (height - pad.bottom - pad.top);
  const parts: string[] = [];
  labels.forEach((label, i) => {
    let y = height - pad.bottom;
    const x = pad.left + i * slot + (slot - barWidth) / 2;
    for (const s of series) {
      const value = s.values[i] ?? 0;
      if (value === 0) continue;
      const h = scale(value);
      y -= h;
      parts.push(
        `<rect class="bar" data-series="${esc(s.name)}" data-value="${value}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colour}"><title>${esc(label)}: ${value} ${esc(s.name)}</title></rect>`,
      );
    }
    parts.push(
      `<text x="${(x + barWidth / 2).toFixed(1)}" y="${height - pad.bottom + 14}" text-anchor="middle" font-size="10">${esc(label)}</text>`,
    );
  });
  return frame(id, title, width, height, max, pad, parts, series);
}

/** Columns side by side per label (new vs fixed per run). */
export function groupedColumns(id: string, title: string, labels: string[], series: Series[]): string {
  const width = 640;
  const height = 220;
  const pad = { left: 40, bottom: 40, top: 10 };
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (width - pad.left) / Math.max(1, labels.length);
  const barWidth = Math.max(3, Math.min(24, (slot * 0.7) / series.length));
  const scale = (v: number) => (v / max) * (height - pad.bottom - pad.top);
  const parts: string[] = [];
  labels.forEach((label, i) => {
    const x0 = pad.left + i * slot + (slot - barWidth * series.length) / 2;
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const h = scale(value);
      parts.push(
        `<rect class="bar" data-series="${esc(s.name)}" data-value="${value}" x="${(x0 + j * barWidth).toFixed(1)}" y="${(height - pad.bottom - h).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colour}"><title>${esc(label)}: ${value} ${esc(s.name)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(x0 + (barWidth * series.length) / 2).toFixed(1)}" y="${height - pad.bottom + 14}" text-anchor="middle" font-size="10">${esc(label)}</text>`,
    );
  });
  return frame(id, title, width, height, max, pad, parts, series);
}

/** Horizontal bars with a label each (top rules, worst repositories). */
export function horizontalBars(
  id: string,
  title: string,
  rows: { label: string; value: number }[],
  colour: string,
): string {
  const width = 640;
  const rowHeight = 20;
  const labelWidth = 260;
  const height = Math.max(rowHeight, rows.length * rowHeight) + 10;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const parts = rows.map((r, i) => {
    const w = (r.value / max) * (width - labelWidth - 50);
    const y = 5 + i * rowHeight;
    return (
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end" font-size="11">${esc(r.label)}</text>` +
      `<rect class="bar" data-value="${r.value}" x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${colour}"><title>${esc(r.label)}: ${r.value}</title></rect>` +
      `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 14}" font-size="11">${r.value}</text>`
    );
  });
  if (rows.length === 0) parts.push(`<text x="10" y="18" font-size="12">nothing to show</text>`);
  return `<figure><figcaption>${esc(title)}</figcaption><svg id="${id}" data-chart="${id}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="100%">${parts.join('')}</svg></figure>`;
}

function frame(
  id: string,
  title: string,
  width: number,
  height: number,
  max: number,
  pad: { left: number; bottom: number; top: number },
  parts: string[],
  series: Series[],
): string {
  const axis = `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width}" y2="${height - pad.bottom}" stroke="#888"/><text x="${pad.left - 4}" y="${pad.top + 8}" text-anchor="end" font-size="10">${max}</text><text x="${pad.left - 4}" y="${height - pad.bottom}" text-anchor="end" font-size="10">0</text>`;
  const legend = series
    .map(
      (s, i) =>
        `<rect x="${pad.left + i * 90}" y="${height - 16}" width="10" height="10" fill="${s.colour}"/><text x="${pad.left + i * 90 + 14}" y="${height - 7}" font-size="10">${esc(s.name)}</text>`,
    )
    .join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg id="${id}" data-chart="${id}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="100%">${axis}${parts.join('')}${legend}</svg></figure>`;
}
