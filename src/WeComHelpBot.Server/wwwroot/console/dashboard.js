// The lead's dashboard: figures from /console/api/stats drawn with Chart.js (bundled from npm at build time).
(async () => {
  await consoleApi.load();
  document.getElementById('logout').onclick = consoleApi.logout;
  const form = document.getElementById('period');
  const charts = {};
  const colors = { confirmed: '#12b76a', assumed: '#84caff', notResolved: '#f04438', pending: '#d0d5dd', blue: '#1f6feb', orange: '#f79009', purple: '#7a5af8' };

  const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
  const ratePoint = (rate) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function tiles(total) {
    const items = [
      ['对话数', total.conversations, `求助对话 ${total.helpConversations}`],
      ['解决率', percent(total.resolutionRate), `确认 ${total.confirmed} · 推定 ${total.assumed} · 未解决 ${total.notResolved} · 待定 ${total.pending}`],
      ['确认解决率', percent(total.confirmedResolutionRate), '有帮助或评分 ≥ 4'],
      ['分流率', percent(total.deflectionRate), '求助对话中没有转人工的'],
      ['转人工率', percent(total.transferToHumanRate), `工单 ${total.ticketsCreated} 张`],
      ['满意度', total.satisfactionAverage === null ? '—' : `${total.satisfactionAverage.toFixed(2)} 分`, `${total.ratings} 人评分，4–5 分占 ${percent(total.satisfactionRate)}`],
      ['知识命中率', percent(total.knowledgeHitRate), `提问 ${total.questions}，答偏 ${total.misreadAnswers}，未答 ${total.unanswered}`],
    ];
    document.getElementById('tiles').innerHTML = items.map(([name, value, note]) =>
      `<div class="card tile"><small>${consoleApi.text(name)}</small><b>${consoleApi.text(String(value))}</b><small>${consoleApi.text(note)}</small></div>`).join('');
  }

  function list(id, questions) {
    document.getElementById(id).innerHTML = questions.length === 0
      ? '<li class="muted">暂无</li>'
      : questions.map((q) => `<li>${consoleApi.text(q.question)} <span class="badge">${q.count} 次</span></li>`).join('');
  }

  async function refresh() {
    const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v)).toString();
    const stats = await consoleApi.get(`/console/api/stats${query ? `?${query}` : ''}`);
    document.getElementById('csv').href = `/console/api/stats.csv${query ? `?${query}` : ''}`;
    tiles(stats.total);

    draw('perDay', {
      data: {
        labels: stats.days.map((d) => d.date),
        datasets: [
          // Bars behind the lines: in Chart.js a higher order is drawn first.
          { type: 'bar', label: '对话数', data: stats.days.map((d) => d.conversations), backgroundColor: colors.pending, yAxisID: 'count', order: 2, maxBarThickness: 48 },
          { type: 'line', order: 1, pointRadius: 4, label: '解决率 %', data: stats.days.map((d) => ratePoint(d.resolutionRate)), borderColor: colors.confirmed, backgroundColor: colors.confirmed, yAxisID: 'rate' },
          { type: 'line', order: 1, pointRadius: 4, label: '分流率 %', data: stats.days.map((d) => ratePoint(d.deflectionRate)), borderColor: colors.blue, backgroundColor: colors.blue, yAxisID: 'rate' },
          { type: 'line', order: 1, pointRadius: 4, label: '转人工率 %', data: stats.days.map((d) => ratePoint(d.transferToHumanRate)), borderColor: colors.orange, backgroundColor: colors.orange, yAxisID: 'rate' },
          { type: 'line', order: 1, pointRadius: 4, label: '满意率 %', data: stats.days.map((d) => ratePoint(d.satisfactionRate)), borderColor: colors.purple, backgroundColor: colors.purple, yAxisID: 'rate' },
        ],
      },
      options: {
        scales: {
          count: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 } },
          rate: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } },
        },
      },
    });

    const t = stats.total;
    draw('outcomes', {
      type: 'doughnut',
      data: {
        labels: ['确认解决', '推定解决', '未解决', '待定（不满 24 小时）'],
        datasets: [{ data: [t.confirmed, t.assumed, t.notResolved, t.pending], backgroundColor: [colors.confirmed, colors.assumed, colors.notResolved, colors.pending] }],
      },
    });

    const outcome = (name, key, color) => ({ label: name, data: stats.channels.map((c) => c[key]), backgroundColor: color });
    draw('perChannel', {
      type: 'bar',
      data: {
        labels: stats.channels.map((c) => c.channel),
        datasets: [
          outcome('确认解决', 'confirmed', colors.confirmed),
          outcome('推定解决', 'assumed', colors.assumed),
          outcome('未解决', 'notResolved', colors.notResolved),
          outcome('待定', 'pending', colors.pending),
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });

    list('topQuestions', stats.topQuestions);
    list('topUnanswered', stats.topUnanswered);
    list('topNotHelpful', stats.topNotHelpful);
    document.body.dataset.drawn = 'true';
  }

  form.onsubmit = (event) => { event.preventDefault(); refresh(); };
  await refresh();
})();
