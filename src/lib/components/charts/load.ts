import type { Chart as ChartType, ChartConfiguration } from 'chart.js';

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
