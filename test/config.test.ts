import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../pipeline/config.js';
import { YjpackError } from '../pipeline/errors.js';

function configFailure(text: string): YjpackError {
  try {
    parseConfig(text, 'yjs.yaml');
  } catch (e) {
    if (e instanceof YjpackError) return e;
    throw e;
  }
  throw new Error('expected the config to be refused');
}

describe('config', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig('', 'yjs.yaml')).toEqual(DEFAULT_CONFIG);
  });

  it('reads every setting', () => {
    const c = parseConfig([
      'service_name: Wolverhampton Youth Justice Service',
      'area_codes: [E08000031]',
      'comparators: [West Midlands]',
      'suppression_threshold: 3',
      'headline_min_count: 20',
      'include_non_substantive: true',
      'pooling: [custody, remand_yda]',
      'accent_colour: "#12436D"',
      'targets:',
      '  fte.rate: { value: 200, better: lower }',
    ].join('\n'), 'yjs.yaml');
    expect(c.serviceName).toBe('Wolverhampton Youth Justice Service');
    expect(c.areaCodes).toEqual(['E08000031']);
    expect(c.suppressionThreshold).toBe(3);
    expect(c.headlineMinCount).toBe(20);
    expect(c.includeNonSubstantive).toBe(true);
    expect(c.poolStages).toEqual(['custody', 'remand_yda']);
    expect(c.targets['fte.rate']).toEqual({ value: 200, better: 'lower' });
  });

  it('refuses a target that is not a finite number, naming its path', () => {
    const e = configFailure('targets:\n  fte.rate: { value: .nan, better: lower }\n  custody.rate: { value: -.inf, better: lower }\n');
    expect(e.exitCode).toBe(78);
    expect(e.message).toContain('targets.fte.rate.value: expected a finite number, not NaN.');
    expect(e.message).toContain('targets.custody.rate.value: expected a finite number, not -Infinity.');
  });

  it('reports every problem at once with its path, as a configuration error (78)', () => {
    const e = configFailure('suppression_threshold: five\npooling: [everything]\ntargets:\n  fte.rat: { value: 1, better: lower }\ncolour: red\n');
    expect(e.messageId).toBe('badConfig');
    expect(e.exitCode).toBe(78);
    expect(e.message).toContain('4 problem(s)');
    for (const path of ['suppression_threshold:', 'pooling:', 'targets.fte.rat:', 'colour:']) expect(e.message).toContain(path);
  });

  it('takes headline_min_count as a whole number of at least 1, defaulting to 10', () => {
    expect(parseConfig('', 'yjs.yaml').headlineMinCount).toBe(10);
    expect(parseConfig('headline_min_count: 1', 'yjs.yaml').headlineMinCount).toBe(1);
    for (const bad of ['0', '-3', '9.5', 'ten', '[10]']) {
      const e = configFailure(`headline_min_count: ${bad}`);
      expect(e.exitCode).toBe(78);
      expect(e.message).toContain('headline_min_count: expected a whole number from 1 to 1000 (default 10)');
    }
  });

  it('refuses YAML that does not parse', () => {
    expect(configFailure('service_name: [unclosed').messageId).toBe('badConfig');
  });
});

describe('config: logo and accent colour', () => {
  it('reads the logo path relative to the config file', () => {
    expect(parseConfig('logo: logo.png', '/srv/yjs/yjs.yaml').logoFile).toBe('/srv/yjs/logo.png');
    expect(parseConfig('logo: /img/crest.svg', '/srv/yjs/yjs.yaml').logoFile).toBe('/img/crest.svg');
    expect(configFailure('logo: logo.gif').message).toContain('logo: expected the path of a PNG, JPEG or SVG file');
  });

  it('accepts an accent colour with at least 4.5:1 contrast against white', () => {
    // #767676 on white: 1.05 / (0.18116 + 0.05) = 4.54.
    expect(parseConfig('accent_colour: "#767676"', 'yjs.yaml').accentColour).toBe('#767676');
  });

  it('refuses a lighter one, with its ratio and a darker shade that passes', () => {
    // #777777 on white: 1.05 / (0.18448 + 0.05) = 4.478 → "4.47:1"; one step darker, #767676, passes.
    const e = configFailure('accent_colour: "#777777"');
    expect(e.messageId).toBe('badConfig');
    expect(e.message).toContain('accent_colour: "#777777" has a contrast ratio of 4.47:1 against white');
    expect(e.message).toContain('"#767676"');
  });
});

describe('config: yjb_code (the KPI return)', () => {
  it('reads the service\'s YJB code as text, a code of digits included', () => {
    expect(parseConfig('yjb_code: YJS123', 'yjs.yaml').yjbCode).toBe('YJS123');
    expect(parseConfig('yjb_code: 4410', 'yjs.yaml').yjbCode).toBe('4410');
    expect(parseConfig('', 'yjs.yaml').yjbCode).toBeNull();
  });

  it('refuses a code with spaces, formula characters or too long, naming the setting', () => {
    for (const bad of ['"YJS 123"', '"=HYPERLINK(1)"', 'ABCDEFGHIJKLMNOPQ', '[A, B]']) {
      const e = configFailure(`yjb_code: ${bad}`);
      expect(e.exitCode).toBe(78);
      expect(e.message).toContain('yjb_code: expected');
    }
  });
});
