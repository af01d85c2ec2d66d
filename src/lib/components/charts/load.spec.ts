import { describe, expect, it } from 'vitest';
import type { TooltipItem } from 'chart.js';
import { withValueFormat, type ChartConfig } from './load';

const percent = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 2 }) + '\u00A0%';

describe('chart value format', () => {
	it('writes the value axis and the tooltips of a horizontal bar chart with the format', () => {
		const cfg: ChartConfig = {
			type: 'bar',
			data: { labels: ['Ba Đình'], datasets: [{ label: 'Tỉ lệ tham gia', data: [0.0425] }] },
			options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } }
		};
		const out = withValueFormat(cfg, percent);
		const x = out.options?.scales?.x as { beginAtZero: boolean; ticks: { callback: (v: number) => string } };
		expect(x.beginAtZero).toBe(true);
		expect(x.ticks.callback(0.05)).toBe('0,05\u00A0%');
		const label = out.options?.plugins?.tooltip?.callbacks?.label as (i: TooltipItem<'bar'>) => string;
		expect(label({ dataset: { label: 'Tỉ lệ tham gia' }, parsed: { x: 0.0425, y: 0 } } as unknown as TooltipItem<'bar'>)).toBe(
			'Tỉ lệ tham gia: 0,04\u00A0%'
		);
		expect(out.options?.locale).toBe('vi-VN');
	});

	it('uses the y axis of a line chart and keeps its own tick options', () => {
		const cfg: ChartConfig = {
			type: 'line',
			data: { labels: ['01/11'], datasets: [{ label: 'Lượt thi', data: [2000] }] },
			options: { scales: { y: { ticks: { precision: 0 } } } }
		};
		const y = withValueFormat(cfg, (v) => v.toLocaleString('vi-VN')).options?.scales?.y as {
			ticks: { precision: number; callback: (v: number) => string };
		};
		expect([y.ticks.precision, y.ticks.callback(2000)]).toEqual([0, '2.000']);
	});
});
