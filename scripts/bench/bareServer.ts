// The HTTP limit for `npm run bench`: restify with the same body parser, answering a constant JSON
// to POST /api/messages. No bot, no state. 127.0.0.1 only; port from PORT.
import * as restify from 'restify';

const REPLY = { activities: [] };
const server = restify.createServer({ name: 'bare' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.get('/healthz', async (_req, res) => {
  res.json({ status: 'ok' });
});
server.post('/api/messages', async (_req, res) => {
  res.json(REPLY);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
