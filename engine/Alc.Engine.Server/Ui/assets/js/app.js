// The page's shell: the two views (#/annotate, #/dashboard), the API-key dialog, and the keys help.

import { Api } from './api.js';
import { mountAnnotate } from './annotate.js';
import { mountDashboard } from './dashboard.js';

const api = new Api();
const main = document.getElementById('main');
const keyDialog = document.getElementById('key-dialog');
const keyInput = document.getElementById('key-input');
let mounted = null;

function route() {
  mounted?.unmount();
  const dashboard = location.hash.startsWith('#/dashboard');
  for (const [id, current] of [['nav-annotate', !dashboard], ['nav-dashboard', dashboard]]) {
    const link = document.getElementById(id);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = dashboard ? 'Dashboard · Alc.Engine' : 'Correct labels · Alc.Engine';
  mounted = (dashboard ? mountDashboard : mountAnnotate)(main, api);
}

function askForKey(reason) {
  if (keyDialog.open) return;
  document.getElementById('key-reason').textContent = reason;
  keyInput.value = '';
  keyDialog.showModal();
  keyInput.focus();
}

api.onUnauthorized = () => askForKey(api.key
  ? 'The engine did not accept this key. Enter another one.'
  : 'This engine needs an API key. Enter the key your lead gave you; it is kept in this tab only.');

document.getElementById('key-form').addEventListener('submit', () => {
  api.setKey(keyInput.value);
  route();
});
document.getElementById('key-cancel').addEventListener('click', () => keyDialog.close());
document.getElementById('key-button').addEventListener('click', () => askForKey('Enter an API key (an admin key for the dashboard). It is kept in this tab only.'));
window.addEventListener('hashchange', route);
route();
