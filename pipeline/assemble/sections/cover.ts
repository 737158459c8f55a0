/**
 * Section 1, Cover: who the pack is for and how it may be shared
 * (board-pack.md: service name, period, date produced, audience marking).
 */
import { formatPeriod, periodLabel, type Period } from '../../period.js';
import { formatProducedAt } from '../format.js';
import type { Audience, Cover } from '../model.js';

export const MARKINGS: Record<Audience, string> = {
  board: 'Board: OFFICIAL – not for publication',
  public: 'Public: published with disclosure control',
};

export function cover(serviceName: string, period: Period, producedAt: string, audience: Audience): Cover {
  return {
    title: 'Youth justice performance report',
    serviceName,
    periodLabel: periodLabel(period),
    periodCode: formatPeriod(period),
    producedAt: formatProducedAt(producedAt),
    producedAtIso: producedAt,
    audience,
    marking: MARKINGS[audience],
  };
}
