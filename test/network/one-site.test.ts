import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenHashesOfDocument, type GoldenHashes } from '../golden/golden-hashes.js';

const committed = JSON.parse(readFileSync(new URL('../golden/golden-hashes.json', import.meta.url), 'utf8')) as Record<string, GoldenHashes>;

describe('a network of one site runs exactly as its hospital alone', () => {
  for (const name of ['textbook-mmc', 'general-hospital']) {
    it(`a network whose one site is the built-in ${name} gives that built-in's golden trace and figures`, { timeout: 180_000 }, () => {
      const network = { name: `${name} as a network`, sites: [{ id: 'only', hospital: { builtin: name }, xKm: 3, yKm: 4 }] };
      expect(goldenHashesOfDocument(network, name)).toEqual(committed[name]);
    });
  }
});
