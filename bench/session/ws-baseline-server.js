// The baseline: a bare WebSocket server that sends one small message to every socket on request.
const http = require('http');
const WebSocket = require('ws');
const server = http.createServer((req, res) => {
  const seq = new URL(req.url, 'http://x').searchParams.get('seq');
  const message = `${seq}|{"changes":[{"node":12,"type":"put","key":"text","value":"Vaihe 3 / 4"}]}`;
  for (const ws of wss.clients) ws.send(message);
  res.end('ok');
});
const wss = new WebSocket.Server({ server, perMessageDeflate: false });
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
