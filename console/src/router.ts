// Routing on the address's fragment (#/audit, #/cases/<id>): the console server serves one page, and no token or
// personal data is ever put into the address.
import { useEffect, useState } from 'preact/hooks';

export function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/');
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

export function go(hash: string) {
  location.hash = hash;
}
