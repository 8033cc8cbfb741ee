document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('error');
  error.textContent = '';
  const response = await fetch('/console/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: document.getElementById('user').value, password: document.getElementById('password').value }),
  });
  if (response.ok) {
    location.href = '/console/index.html';
    return;
  }
  const body = await response.json().catch(() => ({}));
  error.textContent = body.error || '登录失败，请稍后再试。';
});
