(async () => {
  await consoleApi.load();
  const id = new URLSearchParams(location.search).get('id');
  const path = `/console/api/tickets/${encodeURIComponent(id)}`;
  const error = document.getElementById('reply-error');

  async function refresh() {
    const detail = await consoleApi.get(path);
    const t = detail.ticket;
    document.getElementById('title').textContent = `${t.id} · ${t.category}`;
    document.getElementById('summary').innerHTML =
      `企业：${consoleApi.text(t.company || '未填')}　渠道：${consoleApi.text(t.channelText)}　联系电话：${consoleApi.text(detail.contactPhone)}<br>` +
      `机器人的判断：${consoleApi.text(detail.diagnosis)}　创建：${consoleApi.time(t.createdAt)}`;
    document.getElementById('status').value = t.status;
    document.getElementById('assignee').value = t.assignee || '';
    document.getElementById('answers').innerHTML = detail.answers
      .map((a) => `<dt>${consoleApi.text(a.label)}</dt><dd>${consoleApi.text(a.value)}</dd>`).join('');
    document.getElementById('transcript').innerHTML = detail.transcript
      .map((l) => `<div class="line ${l.from}"><small>${consoleApi.text(l.name)} · ${consoleApi.time(l.at)}</small>${consoleApi.text(l.text)}</div>`).join('');
    document.getElementById('held').textContent = detail.held ? `${detail.heldBy} 接手中，机器人暂停` : '机器人应答中';
    document.getElementById('release').hidden = !detail.held;
    document.getElementById('reply-form').hidden = !detail.canReply;
    document.getElementById('notes').innerHTML = detail.notes
      .map((n) => `<li>${consoleApi.text(n.author)}（${consoleApi.time(n.at)}）：${consoleApi.text(n.text)}</li>`).join('');
    document.getElementById('history').innerHTML = detail.history
      .map((n) => `<li>${consoleApi.time(n.at)} ${consoleApi.text(n.author)}：${consoleApi.text(n.text)}</li>`).join('');
  }

  async function act(action) {
    error.textContent = '';
    try { await action(); } catch (e) { error.textContent = e.message; }
    await refresh();
  }

  document.getElementById('reply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const box = document.getElementById('reply');
    act(async () => { await consoleApi.post(`${path}/reply`, { text: box.value }); box.value = ''; });
  });
  document.getElementById('release').onclick = () => act(() => consoleApi.post(`${path}/release`));
  document.getElementById('status').onchange = (e) => act(() => consoleApi.post(`${path}/status`, { status: e.target.value }));
  document.getElementById('assign').onclick = () => act(() => consoleApi.post(`${path}/assign`, { assignee: document.getElementById('assignee').value }));
  document.getElementById('note-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const box = document.getElementById('note');
    act(async () => { await consoleApi.post(`${path}/notes`, { text: box.value }); box.value = ''; });
  });

  consoleApi.live((event) => { if (event.ticket === t()) refresh(); });
  function t() { return id && id.toUpperCase(); }
  refresh();
})();
