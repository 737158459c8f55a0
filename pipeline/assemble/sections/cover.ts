/**
 * Section 1, Cover: who the pack is for and how it may be shared
 * (service name, period, date produced, audience marking),
 * with the service's logo when the config names one.
 */
import { formatPeriod, periodLabel, type Period } from '../../period.js';
import { formatProducedAt } from '../format.js';
import type { Audience, Cover, LogoImage } from '../model.js';

export const MARKINGS: Record<Audience, string> = {
  board: 'Board: OFFICIAL – not for publication',
  public: 'Public: published with disclosure control',
};

/** The Analysis Function dark blue: the accent when the config sets none. */
export const DEFAULT_ACCENT = '#12436D';

export function cover(serviceName: string, period: Period, producedAt: string, audience: Audience, logo: LogoImage | null = null): Cover {
  return {
    title: 'Youth justice performance report',
    serviceName,
    periodLabel: periodLabel(period),
    periodCode: formatPeriod(period),
    producedAt: formatProducedAt(producedAt),
    producedAtIso: producedAt,
    audience,
    marking: MARKINGS[audience],
    logo: logo ? { src: logoDataUri(logo), alt: `${serviceName} logo` } : null,
  };
}

/**
 * The logo as a data: URI, the only kind of image the pack's
 * Content-Security-Policy allows. Shown through <img>, an SVG runs no script
 * and loads nothing.
 */
export function logoDataUri(logo: LogoImage): string {
  return `data:${logo.mediaType};base64,${Buffer.from(logo.bytes.buffer, logo.bytes.byteOffset, logo.bytes.byteLength).toString('base64')}`;
}
