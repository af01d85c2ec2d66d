import type { Chart as ChartType, ChartConfiguration, TooltipItem } from 'chart.js';

let loaded: Promise<typeof ChartType> | null = null;

/**
 * chart.js is loaded on demand, only on pages that draw a chart (never on the attempt page), and
 * only the pieces used here are registered so the rest is tree-shaken.
 */
export function loadChart(): Promise<typeof ChartType> {
	loaded ??= import('chart.js').then((m) => {
		m.Chart.register(
			m.LineController,
			m.LineElement,
			m.PointElement,
			m.BarController,
			m.BarElement,
			m.CategoryScale,
			m.LinearScale,
			m.Tooltip,
			m.Legend,
			m.Colors
		);
		return m.Chart;
	});
	return loaded;
}

export type ChartConfig = ChartConfiguration<'line' | 'bar', number[], string>;

/**
 * The config with Vietnamese number formatting: chart.js's own number labels follow `locale`,
 * and the value axis's ticks and the tooltips are written by `format` (e.g. "0,42 %").
 */
export function withValueFormat(cfg: ChartConfig, format: (v: number) => string): ChartConfig {
	const options = cfg.options ?? {};
	const axis = options.indexAxis === 'y' ? 'x' : 'y';
	const scales = (options.scales ?? {}) as Record<string, Record<string, unknown>>;
	const scale = scales[axis] ?? {};
	const tooltip = options.plugins?.tooltip ?? {};
	return {
		...cfg,
		options: {
			...options,
			locale: 'vi-VN',
			scales: {
				...scales,
				[axis]: { ...scale, ticks: { ...(scale.ticks as object), callback: (v: number | string) => format(Number(v)) } }
			},
			plugins: {
				...options.plugins,
				tooltip: {
					...tooltip,
					callbacks: {
						...tooltip.callbacks,
						label: (item: TooltipItem<'line' | 'bar'>) =>
							`${item.dataset.label ? item.dataset.label + ': ' : ''}${format(item.parsed[axis] ?? 0)}`
					}
				}
			}
		} as ChartConfig['options']
	};
}
