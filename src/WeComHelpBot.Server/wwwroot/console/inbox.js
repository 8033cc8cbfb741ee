(async () => {
  await consoleApi.load();
  document.getElementById('logout').onclick = consoleApi.logout;
  const form = document.getElementById('filters');

  async function refresh() {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) query.set(key, value);
    const tickets = await consoleApi.get(`/console/api/tickets?${query}`);
    const rows = tickets.map((t) => `
      <tr class="${t.unread ? 'unread' : ''}" data-id="${consoleApi.text(t.id)}">
        <td><a href="/console/ticket.html?id=${encodeURIComponent(t.id)}">${consoleApi.text(t.id)}</a>
          ${t.unread ? '<span class="badge">未读</span>' : ''} ${t.unanswered ? '<span class="badge warn">超时未回复</span>' : ''}</td>
        <td>${consoleApi.text(t.statusText)}</td>
        <td>${consoleApi.text(t.category)}</td>
        <td>${consoleApi.text(t.company)}</td>
        <td>${consoleApi.text(t.channelText)}</td>
        <td>${consoleApi.text(t.assignee || '—')}</td>
        <td>${consoleApi.time(t.createdAt)}</td>
      </tr>`);
    document.getElementById('tickets').innerHTML = rows.join('');
    document.getElementById('empty').hidden = tickets.length > 0;
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
  consoleApi.live((event) => {
    if (event.kind === 'ticket-created') {
      const live = document.getElementById('live');
      live.hidden = false;
      live.textContent = `新工单 ${event.ticket}`;
    }
    refresh();
  });
  refresh();
})();
