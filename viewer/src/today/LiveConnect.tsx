/**
 * "Connect to a live twin…": the address of a running `hospital-twin serve`
 * (and its token, if it was started with one); once connected, Today follows
 * it and says when it last heard from it, what went wrong in plain words, and
 * the twin's own warnings (a stale feed, a failed forecast). `?live=ADDRESS`
 * in the page's address connects at once.
 */
import { useEffect, useState } from 'react';
import { connectLive, disconnectLive, useLive } from './live-connection.js';

const fromAddress = (): string | null => new URLSearchParams(globalThis.location?.search ?? '').get('live');

export function LiveConnect() {
  const { status, base, problem, updatedAt, forecastAsOf, messagesSince } = useLive();
  const [open, setOpen] = useState(() => fromAddress() !== null);
  const [url, setUrl] = useState(() => fromAddress() ?? 'http://127.0.0.1:8080');
  const [token, setToken] = useState('');
  useEffect(() => {
    const given = fromAddress();
    if (given) void connectLive(given, '');
  }, []);
  const connected = status === 'live' || status === 'lost';
  return (
    <>
      {!open && !connected && (
        <button
          data-testid="live-open"
          onClick={() => setOpen(true)}
          title="Show a running hospital-twin serve: its state now and its latest forecast, kept up to date"
        >
          Connect to a live twin…
        </button>
      )}
      {open && !connected && (
        <form
          className="live-connect"
          aria-label="Connect to a live twin"
          style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}
          onSubmit={(e) => {
            e.preventDefault();
            void connectLive(url, token);
          }}
        >
          <label>
            Live twin address <input data-testid="live-url" type="url" value={url} style={{ width: '15em' }} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <label>
            Token (if it has one){' '}
            <input
              data-testid="live-token"
              type="password"
              autoComplete="off"
              value={token}
              style={{ width: '10em' }}
              onChange={(e) => setToken(e.target.value)}
            />
          </label>
          <button className="primary" type="submit" data-testid="live-connect" disabled={status === 'connecting'}>
            {status === 'connecting' ? 'Connecting…' : 'Connect'}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      )}
      {connected && (
        <span data-testid="live-status" role="status">
          <strong>{status === 'live' ? 'Live' : 'Connection lost'}</strong>: {base}
          {updatedAt ? `, last heard from at ${updatedAt}` : ''}
          {forecastAsOf && messagesSince !== null && (
            <span data-testid="live-since">
              ; forecast as of {forecastAsOf.slice(11, 16)}, {messagesSince} {messagesSince === 1 ? 'message' : 'messages'} since
            </span>
          )}{' '}
          <button data-testid="live-disconnect" onClick={() => disconnectLive()}>
            Disconnect
          </button>
        </span>
      )}
      {problem && (
        <div className="errors" role="alert" data-testid="live-problem" style={{ flexBasis: '100%' }}>
          {problem}
        </div>
      )}
    </>
  );
}

const SHOWN = 3;

/** The twin's warnings, under the snapshot line: what the bed manager must know before trusting the forecast. */
export function LiveWarnings() {
  const { status, warnings } = useLive();
  if (status === 'off' || warnings.length === 0) return null;
  return (
    <div className="errors" data-testid="live-warnings" aria-label="Warnings from the live twin">
      <strong>The live twin warns:</strong>
      <ul>
        {warnings.slice(0, SHOWN).map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      {/* A partial feed warns of every ward: the first few, the rest a click away, so the forecast stays in view. */}
      {warnings.length > SHOWN && (
        <details>
          <summary>{warnings.length - SHOWN} more warning(s)</summary>
          <ul>
            {warnings.slice(SHOWN).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
