// The lead's content gaps: each group with its questions; accept a question into an entry or draft a new entry.
(async () => {
  await consoleApi.load();
  document.getElementById('logout').onclick = consoleApi.logout;
  const t = consoleApi.text;

  function message(card, ok, text, problems) {
    const box = card.querySelector('.result');
    box.className = `result ${ok ? 'ok' : 'error'}`;
    box.innerHTML = t(text) + (problems && problems.length ? `<ul>${problems.map((p) => `<li>${t(p)}</li>`).join('')}</ul>` : '');
  }

  async function save(card, button, path, body, done) {
    button.disabled = true;
    message(card, true, '正在检查并保存（校验格式、跑评测）……');
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': (await consoleApi.load()).csrfToken },
        body: JSON.stringify(body),
      });
      const json = await response.json().catch(() => ({}));
      if (response.ok) message(card, true, done(json));
      else message(card, false, json.error || `保存失败（${response.status}）`, json.problems);
    } finally {
      button.disabled = false;
    }
  }

  function card(gap) {
    const element = document.createElement('section');
    element.className = 'card gap';
    element.dataset.number = gap.number;
    const target = gap.proposedEntry || gap.closestEntry;
    const sources = Object.entries(gap.sources).filter(([, count]) => count > 0).map(([name, count]) => `<span class="badge">${t(name)} ${count}</span>`).join(' ');
    const proposal = gap.needsNewEntry
      ? '建议：起草新条目' + (gap.closestEntry ? `（最接近的是 ${t(gap.closestEntry.title)}）` : '')
      : `建议：加进条目「${t(gap.proposedEntry.title)}」`;
    element.innerHTML = `
      <h3>#${gap.number} ${t(gap.representative)} <span class="badge warn">${gap.count} 次</span></h3>
      <p>${sources} <small class="muted">${t(proposal)}</small></p>
      <ul class="questions">${gap.variants.map((v) => `<li>${t(v.text)} <small class="muted">×${v.count}</small></li>`).join('')}</ul>
      <form class="actions accept">
        <input name="question" aria-label="示例问题" value="${t(gap.representative)}" size="28">
        <input name="entryId" aria-label="条目" list="entries" placeholder="条目 id" value="${t(target ? target.id : '')}">
        <button type="submit" name="accept">采纳到条目</button>
        <button type="button" class="secondary" name="draft">起草新条目</button>
      </form>
      <form class="draft" hidden>
        <p><input name="id" placeholder="条目 id，如 invoice-annual-fee" required> <input name="title" placeholder="标题，用户会怎么说" required>
           <select name="section" aria-label="指南章节">${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `<option value="${n}">第 ${n} 节</option>`).join('')}</select>
           <input name="tags" placeholder="标签，用逗号分开"></p>
        <p><textarea name="questions" aria-label="示例问题（每行一个，至少 5 个）">${t(gap.variants.map((v) => v.text).join('\n'))}</textarea></p>
        <p><textarea name="answer" aria-label="回答" placeholder="回答：简短、具体、带数字" required></textarea></p>
        <button type="submit" name="saveEntry">保存新条目</button>
      </form>
      <div class="result"></div>`;

    const accept = element.querySelector('form.accept');
    accept.onsubmit = (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(accept));
      save(element, accept.querySelector('[name=accept]'), '/console/api/gaps/accept', data,
        (json) => `已加进条目 ${json.entryId}（${json.file}），机器人已按新内容回答。`);
    };
    const draft = element.querySelector('form.draft');
    accept.querySelector('[name=draft]').onclick = () => { draft.hidden = !draft.hidden; };
    draft.onsubmit = (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(draft));
      const lines = (text) => text.split(/[\n,，]/).map((s) => s.trim()).filter(Boolean);
      save(element, draft.querySelector('[name=saveEntry]'), '/console/api/knowledge/entries', {
        id: data.id, title: data.title, section: Number(data.section), tags: lines(data.tags),
        questions: data.questions.split('\n').map((s) => s.trim()).filter(Boolean), answer: data.answer,
      }, (json) => `新条目 ${json.entryId} 已保存到 knowledge/${json.file}，机器人已按新内容回答。`);
    };
    return element;
  }

  const [report, entries] = await Promise.all([consoleApi.get('/console/api/gaps'), consoleApi.get('/console/api/knowledge/entries')]);
  document.getElementById('entries').innerHTML = entries.map((e) => `<option value="${t(e.id)}">${t(e.title)}</option>`).join('');
  document.getElementById('summary').textContent =
    `${report.questionCount} 个没答好的问题，归成 ${report.gaps.length} 组` + (report.nowAnsweredGroups ? `；另有 ${report.nowAnsweredGroups} 组现在已经能答上了` : '') + '。';
  const list = document.getElementById('gaps');
  report.gaps.forEach((gap) => list.appendChild(card(gap)));
  document.getElementById('empty').hidden = report.gaps.length > 0;
})();
