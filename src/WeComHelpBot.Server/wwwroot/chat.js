// Connects the Web Chat client to this server's own Direct Line endpoints (no cloud service, polling, no WebSocket).
(function () {
  'use strict';

  var status = document.getElementById('status');

  function showProblem(text) {
    status.textContent = text;
    status.hidden = false;
  }

  if (!window.WebChat) {
    showProblem('聊天组件没有加载成功，请刷新页面重试。');
    return;
  }

  var domain = new URL('v3/directline', window.location.href).href;

  fetch('v3/directline/tokens/generate', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('token ' + response.status);
      }
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        domain: domain,
        token: session.token,
        webSocket: false,
        pollingInterval: 500
      });

      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: session.userId,
          locale: 'zh-CN',
          styleOptions: {
            accent: '#2b6de5',
            botAvatarInitials: '助',
            userAvatarInitials: '我',
            botAvatarBackgroundColor: '#2b6de5',
            userAvatarBackgroundColor: '#8f959e',
            bubbleBackground: '#f2f3f5',
            bubbleBorderRadius: 8,
            bubbleFromUserBackground: '#2b6de5',
            bubbleFromUserTextColor: '#ffffff',
            bubbleFromUserBorderRadius: 8,
            hideUploadButton: false,
            sendAttachmentOn: 'attach',
            sendBoxTextWrap: true,
            suggestedActionLayout: 'flow',
            suggestedActionBorderRadius: 16,
            primaryFont: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'
          }
        },
        document.getElementById('webchat')
      );

      document.querySelector('#webchat').focus();
    })
    .catch(function () {
      showProblem('连接助手失败，请稍后刷新页面重试。');
    });
})();
