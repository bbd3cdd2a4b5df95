// A loopback HTTP server for the trace-overhead figure: each request awaits an async function,
// as a handler that renders or looks something up does. Prints its port and pid, then serves
// until killed.
import http from 'node:http';

async function render(url) {
  await null;
  return `ok ${url}`;
}

const server = http.createServer(async (request, response) => {
  response.end(await render(request.url));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`${server.address().port} ${process.pid}`));
process.on('SIGTERM', () => process.exit(0));
