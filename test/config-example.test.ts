import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../pipeline/config.js';

describe('the shipped example config', () => {
  it('is valid and sets what its comments say', () => {
    const c = parseConfig(readFileSync('data-samples/yjpack.example.yaml', 'utf8'), 'yjpack.example.yaml');
    expect(c.serviceName).toBe('Example Youth Justice Service');
    expect(c.targets['ete.overall']).toEqual({ value: 75, better: 'higher' });
    expect(c.poolStages).toEqual(['custody', 'remand_yda']);
    expect(c.headlineMinCount).toBe(10);
  });
});
