// The part of ECharts that report.md's SVG images use (the charts and components of reports/charts, the SVG
// renderer): loaded on demand by svg.ts, a fraction of the whole library to read and set up.
import { init, use } from 'echarts/core';
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, HeatmapChart, ScatterChart, CustomChart, TitleComponent, TooltipComponent, LegendComponent, GridComponent, DataZoomComponent, VisualMapComponent, DatasetComponent, MarkLineComponent, SVGRenderer]);

export { init };
