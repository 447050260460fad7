/** The chart library (ECharts with only the parts the timeline uses): a lazy chunk, loaded once. */
export type ChartLibrary = typeof import('./echarts-setup');

let loaded: ChartLibrary | null = null;
let loading: Promise<ChartLibrary> | null = null;

/** The library if it is loaded already, so that a chart can be drawn without waiting for a promise. */
export function loadedChartLibrary(): ChartLibrary | null {
  return loaded;
}

/** Loads the library (once; after a failure, the next call tries again). */
export function loadChartLibrary(): Promise<ChartLibrary> {
  loading ??= import('./echarts-setup').then(
    (library) => (loaded = library),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
