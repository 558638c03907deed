// The reporting service's live stream (Server-Sent Events) read with fetch, because EventSource cannot
// send the bearer token. Reconnects with growing pauses; every change goes to the listeners.
import { token } from './api.js';

const listeners = new Set();
let controller = null;
let retryDelay = 1000;
let state = 'closed';
const stateListeners = new Set();

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onState(listener) {
  stateListeners.add(listener);
  listener(state);
  return () => stateListeners.delete(listener);
}

function setState(next) {
  state = next;
  stateListeners.forEach(listener => listener(next));
}

export function connect() {
  disconnect();
  if (!token()) {
    return;
  }
  controller = new AbortController();
  read(controller).catch(() => {});
}

export function disconnect() {
  if (controller) {
    controller.abort();
    controller = null;
  }
  setState('closed');
}

async function read(own) {
  try {
    const response = await fetch('/api/reports/stream', {
      headers: { Authorization: `Bearer ${token()}`, Accept: 'text/event-stream' },
      signal: own.signal,
    });
    if (!response.ok || !response.body) {
      throw new Error(`stream answered ${response.status}`);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += value;
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      }
    }
  } catch (error) {
    if (own.signal.aborted) {
      return;
    }
  }
  if (own.signal.aborted || controller !== own) {
    return;
  }
  setState('offline');
  setTimeout(() => { if (controller === own) { read(own); } }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30000);
}

function dispatch(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).trimStart());
    }
  }
  if (name === 'ready') {
    retryDelay = 1000;
    setState('open');
  } else if (name === 'change' && data.length) {
    const change = JSON.parse(data.join('\n'));
    listeners.forEach(listener => listener(change));
  }
}
