import { render } from 'preact';
import './styles.css';
import { App } from './app';
import { loadConfig } from './config';
import { completeOidcRedirect } from './auth';

async function start() {
  const root = document.getElementById('app')!;
  try {
    await loadConfig();
    await completeOidcRedirect();
  } catch (e) {
    root.textContent = `The console could not start: ${e instanceof Error ? e.message : String(e)}`;
    return;
  }
  render(<App />, root);
}
void start();
