// Draws every <canvas data-chart="ID"> as a Chart.js line chart from the JSON in <script id="ID">, values as shares (0-1) shown in %.
for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  const data = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
  new Chart(canvas, {
    type: 'line',
    data,
    options: {
      animation: false,
      spanGaps: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { min: 0, max: 1, ticks: { callback: value => `${Math.round(value * 100)}%` } },
        x: { ticks: { autoSkip: true, maxTicksLimit: 24 } },
      },
      plugins: {
        tooltip: { callbacks: { label: item => `${item.dataset.label}: ${(item.parsed.y * 100).toFixed(1)}%` } },
      },
    },
  });
  canvas.dataset.rendered = 'true';
}
