/// <reference lib="webworker" />
/**
 * The browser's Web Worker: the model runs here, never on the page's thread.
 * The page talks to it through comlink (see ./client.ts).
 */
import { expose } from 'comlink';
import { createReplicationApi } from '../replication-api.js';

expose(createReplicationApi());
