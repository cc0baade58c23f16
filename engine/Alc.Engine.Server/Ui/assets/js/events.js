// Server-sent events read with fetch, so the API key travels in a header (EventSource cannot send one).

/**
 * Reads the text/event-stream at `path` and calls `onEvent(name, data)` for each event until the stream ends
 * or `signal` aborts. Rejects on network errors and error statuses.
 */
export async function readEvents(api, path, onEvent, signal) {
  const response = await api.request('GET', path, { headers: { Accept: 'text/event-stream' }, signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}

/** Like readEvents, but reconnects after a dropped connection (1 s, then up to 10 s apart) until `signal` aborts. */
export async function followEvents(api, path, onEvent, signal) {
  let wait = 1000;
  while (!signal.aborted) {
    try {
      await readEvents(api, path, (name, data) => { wait = 1000; onEvent(name, data); }, signal);
      wait = 0; // the server ended the stream (its lifetime): reconnect at once
    } catch (error) {
      if (signal.aborted || error?.status === 401 || error?.status === 403 || error?.status === 404) return;
    }
    await new Promise(resolve => setTimeout(resolve, wait));
    wait = Math.min(Math.max(wait * 2, 1000), 10000);
  }
}
