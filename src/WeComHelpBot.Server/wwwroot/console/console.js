// Shared by the console pages: the session (and its antiforgery token), JSON calls, and live events.
const consoleApi = (() => {
  let session = null;

  async function load() {
    const response = await fetch('/console/api/session');
    if (response.status === 401) { location.href = '/console/login.html'; throw new Error('no session'); }
    session = await response.json();
    const who = document.getElementById('who');
    if (who) who.textContent = `${session.user}（${session.role === 'lead' ? '主管' : '客服'}）`;
    document.querySelectorAll('[data-lead]').forEach((e) => { e.hidden = session.role !== 'lead'; });
    return session;
  }

  async function get(path) {
    const response = await fetch(path);
    if (response.status === 401) { location.href = '/console/login.html'; throw new Error('no session'); }
    return response.json();
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': session.csrfToken },
      body: JSON.stringify(body || {}),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(json.error || `请求失败（${response.status}）`);
    return json;
  }

  function live(onEvent) {
    const source = new EventSource('/console/api/events');
    source.onmessage = (message) => onEvent(JSON.parse(message.data));
    return source;
  }

  function time(value) {
    return new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }

  function text(value) {
    const span = document.createElement('span');
    span.textContent = value ?? '';
    return span.innerHTML;
  }

  async function logout() {
    await post('/console/api/logout');
    location.href = '/console/login.html';
  }

  return { load, get, post, live, time, text, logout };
})();
