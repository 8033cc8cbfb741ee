#!/usr/bin/env bash
# Publishes the server and the CLI into a temporary folder and runs them from another working directory, as an
# installation would: the web chat page and its script are served, a question is answered over /api/messages and by
# `wecomhelp ask`, the database lands in Storage:Directory, and SIGTERM stops the server within 10 s.
# Usage: bash deploy/smoke-test.sh   (from anywhere; exit 0 = all good). Used by .ci/run.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "部署冒烟测试失败：$*" >&2; [ -f "$work/server.log" ] && tail -n 20 "$work/server.log" >&2; exit 1; }

out="$work/app"
dotnet publish "$repo/src/WeComHelpBot.Server" -c Release -o "$out" --nologo -v quiet >/dev/null
dotnet publish "$repo/src/WeComHelpBot.Cli" -c Release -o "$out" --nologo -v quiet >/dev/null
for f in WeComHelpBot.Server.dll wecomhelp.dll appsettings.json wwwroot/index.html wwwroot/lib/webchat.js wwwroot/console/lib/chart.umd.js knowledge/failures.yaml dialogs/troubleshooting.yaml; do
  [ -f "$out/$f" ] || fail "发布目录缺少 $f"
done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$work/elsewhere" "$work/data"
cd "$work/elsewhere"
Storage__Directory="$work/data" dotnet "$out/WeComHelpBot.Server.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || fail "服务器没有启动"
  sleep 0.2
done

page=$(curl -fs "http://127.0.0.1:$port/") || fail "GET / 没有返回网页聊天页面"
grep -q "webchat" <<<"$page" || fail "GET / 的页面里没有 Web Chat"
curl -fs -o /dev/null "http://127.0.0.1:$port/lib/webchat.js" || fail "GET /lib/webchat.js 失败"

reply=$(curl -fs -X POST "http://127.0.0.1:$port/api/messages" -H 'Content-Type: application/json' \
  -d '{"type":"message","text":"个体户最多能加几个人","channelId":"emulator","conversation":{"id":"smoke"},"from":{"id":"smoke-user"},"recipient":{"id":"bot"},"deliveryMode":"expectReplies"}') \
  || fail "POST /api/messages 失败"
grep -q "50" <<<"$reply" || fail "POST /api/messages 的回答里没有个体户的人数上限：$reply"
[ -f "$work/data/wecomhelpbot.db" ] || fail "数据库没有建在 Storage__Directory 里"
curl -fs "http://127.0.0.1:$port/readyz" | grep -q '"ready"' || fail "GET /readyz 没有返回 ready"
# The server holds the database (Direct, the default): the support commands go through its local endpoint.
[ -f "$work/data/server.json" ] || fail "服务器没有在数据目录里写 server.json"
Storage__Directory="$work/data" dotnet "$out/wecomhelp.dll" stats >/dev/null || fail "服务器运行时 wecomhelp stats 失败"

start=$(date +%s)
kill -TERM "$server_pid"
for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server_pid" 2>/dev/null && fail "SIGTERM 之后 10 秒服务器仍在运行"
server_pid=""
echo "服务器在 $(( $(date +%s) - start )) 秒内停止"

answer=$(dotnet "$out/wecomhelp.dll" ask "对公打款好几天了还没到账怎么办") || fail "wecomhelp ask 失败"
[ -n "$answer" ] || fail "wecomhelp ask 没有回答"
Storage__Directory="$work/data" dotnet "$out/wecomhelp.dll" tickets list >/dev/null || fail "wecomhelp tickets list 读不了服务器的数据库"

echo "部署冒烟测试通过：发布目录 $out，从 $work/elsewhere 启动"
