// The leader's chart: rates by row of the figure table, drawn with Apache ECharts served by the console itself.
(function () {
  var block = document.getElementById('chart-data');
  var target = document.getElementById('rates-chart');
  if (!block || !target || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(block.textContent);
  var chart = echarts.init(target, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + ' %'; } },
    legend: { top: 0, itemGap: 20 },
    // Long organisation names, rotated, stay inside the chart.
    grid: { left: 16, right: 16, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: data.series.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
