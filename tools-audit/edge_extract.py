#!/usr/bin/env python3
"""Write a hand-made extract whose children each sit on the edge of one KPI rule (kpis.md), for P = 2025-26-Q3
(1 October - 31 December 2025). Usage: edge_extract.py OUTDIR. Each child id names the case it tests."""
import os
import sys

from extract_writer import write_extract

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

children, interventions, accommodation, ete, needs, care, offences, victims, board = ([] for _ in range(9))
n_iv = [0]


def child(cid, dob='2010-06-15', sex='M', eth='WBRI', resident='Y'):
    children.append([cid, dob, sex, eth, resident])


def iv(cid, type_, start, end, completed=''):
    n_iv[0] += 1
    interventions.append(['IV%04d' % n_iv[0], cid, type_, start, end, completed])


def acc(cid, start, end, suitable, type_='FAMILY'):
    accommodation.append([cid, start, end, type_, suitable])


def et(cid, start, end, suit='SUITABLE', hours='30', provision='SCHOOL_FULL_TIME'):
    ete.append([cid, start, end, provision, suit, hours, ''])


def need(cid, need_, identified, plan='', offered='', attended=''):
    needs.append([cid, need_, identified, plan, offered, attended])


S, E = '2025-04-01', '2025-11-15'   # the default order: a YRO starting in Q1, ending in Q3


def simple(cid, **kw):
    """A child with the default order and suitable accommodation and ETE covering the whole order."""
    child(cid, **kw)
    iv(cid, 'YRO', S, E)
    acc(cid, '2024-01-01', '', 'Y')
    et(cid, '2024-01-01', '')


# --- the common population: the most serious type, ties, age at start, residence, the quarter's edges
child('P01_yro_beats_ro')
iv('P01_yro_beats_ro', 'RO', '2025-06-01', '2025-12-20')
iv('P01_yro_beats_ro', 'YRO', '2025-03-01', '2025-11-01')
acc('P01_yro_beats_ro', '2025-03-01', '2025-03-01', 'Y')   # covers the YRO's start only: start suitable iff YRO chosen
acc('P01_yro_beats_ro', '2025-11-01', '2025-11-01', 'Y')   # covers the YRO's end only

child('P02_ending_last')
iv('P02_ending_last', 'YRO', '2025-03-01', '2025-11-10')
iv('P02_ending_last', 'YRO', '2025-02-01', '2025-11-20')
acc('P02_ending_last', '2025-02-01', '2025-02-01', 'Y')    # start of the one ending last

child('P03_starting_last')
iv('P03_starting_last', 'YRO', '2025-02-01', '2025-11-20')
iv('P03_starting_last', 'YRO', '2025-04-01', '2025-11-20')
acc('P03_starting_last', '2025-04-01', '2025-04-01', 'Y')  # start of the one starting last

child('P04_custody_beats_all')
iv('P04_custody_beats_all', 'YRO', '2025-01-01', '2025-12-30')
iv('P04_custody_beats_all', 'CUSTODY', '2025-06-01', '2025-10-01')
child('P05_ycc_beats_yc_oocd')
iv('P05_ycc_beats_yc_oocd', 'OOCD', '2025-06-01', '2025-12-01', 'Y')
iv('P05_ycc_beats_yc_oocd', 'YCC', '2025-07-01', '2025-10-15', 'N')
iv('P05_ycc_beats_yc_oocd', 'YC', '2025-07-01', '2025-12-31', '')

child('P06_ten_on_start_day', dob='2015-05-01')
iv('P06_ten_on_start_day', 'OOCD', '2025-05-01', '2025-10-20', 'Y')
child('P07_nine_day_before', dob='2015-05-02')
iv('P07_nine_day_before', 'OOCD', '2025-05-01', '2025-10-20', 'Y')
child('P08_seventeen_last_day', dob='2007-06-02')
iv('P08_seventeen_last_day', 'RO', '2025-06-01', '2025-10-20')
child('P09_eighteen_on_start', dob='2007-06-01')
iv('P09_eighteen_on_start', 'RO', '2025-06-01', '2025-10-20')
child('P10_yc_at17_yro_at18', dob='2007-09-01')
iv('P10_yc_at17_yro_at18', 'YC', '2025-08-01', '2025-10-10', 'Y')
iv('P10_yc_at17_yro_at18', 'YRO', '2025-09-01', '2025-12-10')

simple('P11_resident_N', resident='N')
simple('P12_resident_blank', resident='')
simple('P13_resident_no_word', resident='no')
simple('P14_resident_yes_word', resident='Yes')

child('P15_ends_day_before_quarter')
iv('P15_ends_day_before_quarter', 'RO', '2025-01-01', '2025-09-30')
child('P16_ends_first_day')
iv('P16_ends_first_day', 'RO', '2025-01-01', '2025-10-01')
child('P17_ends_last_day')
iv('P17_ends_last_day', 'RO', '2025-01-01', '2025-12-31')
child('P18_ends_day_after')
iv('P18_ends_day_after', 'RO', '2025-01-01', '2026-01-01')
child('P19_open')
iv('P19_open', 'RO', '2025-01-01', '')
child('P20_lowercase_and_label', sex='female', eth='black african')
iv('P20_lowercase_and_label', 'referral order', '2025-01-01', '2025-11-30')
iv('P20_lowercase_and_label', 'yro', '2025-01-01', '2025-10-30')
child('P21_uk_dates', sex='2', eth='refu')
iv('P21_uk_dates', 'YRO', '01/04/2025', '15/11/2025')
child('P22_same_type_same_dates')
iv('P22_same_type_same_dates', 'RO', '2025-02-01', '2025-11-20')
iv('P22_same_type_same_dates', 'RO', '2025-02-01', '2025-11-20')

# --- status at a date (accommodation and ETE)
child('A01_ends_day_before_E')
iv('A01_ends_day_before_E', 'YRO', S, E)
acc('A01_ends_day_before_E', '2024-01-01', '2025-11-14', 'Y')
et('A01_ends_day_before_E', '2024-01-01', '2025-11-14')
child('A02_ends_on_E')
iv('A02_ends_on_E', 'YRO', S, E)
acc('A02_ends_on_E', '2024-01-01', E, 'Y')
et('A02_ends_on_E', '2024-01-01', E)
child('A03_latest_start_wins')
iv('A03_latest_start_wins', 'YRO', S, E)
acc('A03_latest_start_wins', '2024-01-01', '', 'Y')
acc('A03_latest_start_wins', '2025-10-01', '', 'N', 'bed and breakfast')
et('A03_latest_start_wins', '2024-01-01', '', 'SUITABLE', '20')
et('A03_latest_start_wins', '2025-10-01', '', 'unsuitable', '10', 'alternative_provision')
child('A04_tie_suitable_wins')
iv('A04_tie_suitable_wins', 'YRO', S, E)
acc('A04_tie_suitable_wins', '2025-10-01', '', 'no', 'foster care')
acc('A04_tie_suitable_wins', '2025-10-01', '', 'true', 'Kinship')
et('A04_tie_suitable_wins', '2025-10-01', '', 'UNKNOWN', '5', 'PRU')
et('A04_tie_suitable_wins', '2025-10-01', '', 'suitable', '20', 'school_part_time')
child('A05_none_covering')
iv('A05_none_covering', 'YRO', S, E)
acc('A05_none_covering', '2025-11-16', '', 'Y')
et('A05_none_covering', '2025-11-16', '')
child('A06_starts_on_E')
iv('A06_starts_on_E', 'YRO', S, E)
acc('A06_starts_on_E', E, '', '1')
et('A06_starts_on_E', E, '', 'Suitable', '25')
child('A07_older_later_unsuitable_tie_N')
iv('A07_older_later_unsuitable_tie_N', 'YRO', S, E)
acc('A07_older_later_unsuitable_tie_N', '2025-10-01', '', 'N')
acc('A07_older_later_unsuitable_tie_N', '2025-09-01', '', 'Y', 'OTHER')
child('A08_start_only_recorded')
iv('A08_start_only_recorded', 'YRO', S, E)
acc('A08_start_only_recorded', S, S, 'Y')
et('A08_start_only_recorded', S, S)
child('A09_ended_before_S')
iv('A09_ended_before_S', 'YRO', S, E)
acc('A09_ended_before_S', '2024-01-01', '2025-03-31', 'Y')

# ETE hours and school age at the date
child('T01_school_25', dob='2011-01-01')
iv('T01_school_25', 'YRO', S, E)
et('T01_school_25', '2024-01-01', '', 'SUITABLE', '25')
child('T02_school_24_5', dob='2011-01-01')
iv('T02_school_24_5', 'YRO', S, E)
et('T02_school_24_5', '2024-01-01', '', 'SUITABLE', '24.5')
child('T03_school_sum_of_two', dob='2011-01-01')
iv('T03_school_sum_of_two', 'YRO', S, E)
et('T03_school_sum_of_two', '2024-01-01', '', 'SUITABLE', '15')
et('T03_school_sum_of_two', '2024-06-01', '', 'SUITABLE', '10', 'ALTERNATIVE_PROVISION')
child('T04_over_16', dob='2008-01-01')
iv('T04_over_16', 'YRO', S, E)
et('T04_over_16', '2024-01-01', '', 'SUITABLE', '16', 'COLLEGE')
child('T05_over_15_5', dob='2008-01-01')
iv('T05_over_15_5', 'YRO', S, E)
et('T05_over_15_5', '2024-01-01', '', 'SUITABLE', '15.5', 'COLLEGE')
child('T06_blank_hours', dob='2008-01-01')
iv('T06_blank_hours', 'YRO', S, E)
et('T06_blank_hours', '2024-01-01', '', 'SUITABLE', '', 'COLLEGE')
et('T06_blank_hours', '2024-01-01', '', 'SUITABLE', '16', 'TRAINING')
# last Friday of June 2025 is 27 June: a child turning 16 on 31 August 2025 is of school age on it, not the day after
child('T07_leaving_friday', dob='2009-08-31')
iv('T07_leaving_friday', 'YRO', '2025-01-01', '2025-06-27')
et('T07_leaving_friday', '2024-01-01', '', 'SUITABLE', '20', 'COLLEGE')
child('T08_day_after_leaving', dob='2009-08-31')
iv('T08_day_after_leaving', 'YRO', '2025-01-01', '2025-06-28')
et('T08_day_after_leaving', '2024-01-01', '', 'SUITABLE', '20', 'COLLEGE')
child('T09_sept_birthday_still_school', dob='2009-09-01')
iv('T09_sept_birthday_still_school', 'YRO', '2025-01-01', '2025-10-28')
et('T09_sept_birthday_still_school', '2024-01-01', '', 'SUITABLE', '20', 'COLLEGE')

# --- needs (S = 2025-04-01, so S - 12 months = 2024-04-01; E = 2025-11-15)
for cid, rows in [
    ('N01_identified_S_minus_12m', [('SEND', '2024-04-01', 'Y', '', '')]),
    ('N02_identified_day_earlier', [('SEND', '2024-03-31', 'Y', '', '')]),
    ('N03_identified_on_E', [('MENTAL_HEALTH', E, '', E, 'Y')]),
    ('N04_identified_after_E', [('MENTAL_HEALTH', '2025-11-16', '', '2025-11-16', 'Y')]),
    ('N05_offered_on_S', [('MENTAL_HEALTH', '2025-01-01', '', S, 'yes')]),
    ('N06_offered_day_before_S', [('MENTAL_HEALTH', '2025-01-01', '', '2025-03-31', 'Y')]),
    ('N07_offered_day_after_E', [('SUBSTANCE_MISUSE', '2025-01-01', '', '2025-11-16', 'Y')]),
    ('N08_offered_not_attended', [('substance misuse', '2025-01-01', '', '2025-05-01', '')]),
    ('N09_two_rows_count_once', [('SEND', '2025-01-01', 'N', '', ''), ('SEND', '2025-06-01', 'Y', '', '')]),
    ('N10_plan_on_uncounted_row', [('SEND', '2023-01-01', 'Y', '', ''), ('send', '2025-06-01', 'N', '', '')]),
    ('N11_offer_on_uncounted_row', [('MENTAL_HEALTH', '2023-01-01', '', '2025-05-01', 'Y'),
                                    ('Mental health and emotional wellbeing', '2025-02-01', '', '', '')]),
    ('N12_label_codes', [('Special educational needs or disability (ALN in Wales)', '2025-02-01', 'TRUE', '', ''),
                         ('SUBSTANCE_MISUSE', '2025-02-01', '', '2025-11-15', '1')]),
    ('N13_attended_N', [('MENTAL_HEALTH', '2025-02-01', '', '2025-06-01', 'N')]),
]:
    child(cid)
    iv(cid, 'YRO', S, E)
    for r in rows:
        need(cid, *r)
# leap day: S = 29 February 2024, S - 12 months = 28 February 2023
child('N14_leap_S_minus_12m')
iv('N14_leap_S_minus_12m', 'YRO', '2024-02-29', '2025-11-15')
need('N14_leap_S_minus_12m', 'SEND', '2023-02-28', 'Y')
child('N15_leap_day_earlier')
iv('N15_leap_day_earlier', 'YRO', '2024-02-29', '2025-11-15')
need('N15_leap_day_earlier', 'SEND', '2023-02-27', 'Y')

# --- wider services: overlap with [S, E]
for cid, st, start, end in [
    ('W01_ends_on_S', 'LAC', '2024-01-01', S),
    ('W02_ends_day_before_S', 'LAC', '2024-01-01', '2025-03-31'),
    ('W03_starts_on_E', 'CPP', E, ''),
    ('W04_starts_day_after_E', 'CPP', '2025-11-16', ''),
    ('W05_open_before_S', 'cin', '2020-01-01', ''),
    ('W06_label', 'Early help plan', '2025-05-01', '2025-05-02'),
    ('W07_inside', 'looked after', '2025-05-01', '2025-06-01'),
]:
    child(cid)
    iv(cid, 'YRO', S, E)
    care.append([cid, st, start, end])

# --- OOCD completion
child('O01_yc_n_oocd_y')
iv('O01_yc_n_oocd_y', 'YC', '2025-06-01', '2025-10-10', 'N')
iv('O01_yc_n_oocd_y', 'OOCD', '2025-06-01', '2025-10-05', 'Y')
child('O02_blank_completed')
iv('O02_blank_completed', 'OOCD', '2025-06-01', '2025-10-10', '')
child('O03_ro_and_yc')
iv('O03_ro_and_yc', 'RO', '2025-01-01', '2025-12-01')
iv('O03_ro_and_yc', 'youth caution', '2025-06-01', '2025-10-10', 'yes')
child('O04_completed_ended_before_quarter')
iv('O04_completed_ended_before_quarter', 'YC', '2025-06-01', '2025-09-30', 'Y')
iv('O04_completed_ended_before_quarter', 'YC', '2025-07-01', '2025-10-30', 'N')
child('O05_non_resident', resident='N')
iv('O05_non_resident', 'YCC', '2025-06-01', '2025-10-10', 'Y')
child('O06_false_word')
iv('O06_false_word', 'ycc', '2025-06-01', '2025-10-10', 'FALSE')

# --- serious violence (quarter 2025-26-Q3), and an offence history so the extract's data reach 31 December 2025
for i, (cid, od, outd, outcome, cat, grav) in enumerate([
    ('V01_vap_g5_yc', '2025-09-01', '2025-10-05', 'YC', 'VIOLENCE_AGAINST_THE_PERSON', 5),
    ('V02_vap_g4', '2025-09-01', '2025-10-05', 'YC', 'VIOLENCE_AGAINST_THE_PERSON', 4),
    ('V03_robbery_label', '2025-09-01', '2025-10-05', 'Referral Order', 'Robbery', 6),
    ('V04_drugs_cr', '2025-09-01', '2025-10-05', 'CR', 'DRUGS', 5),
    ('V05_drugs_o22', '2025-09-01', '2025-10-05', 'OUTCOME_22', 'drugs', 7),
    ('V06_label_cat', '2025-09-01', '2025-12-31', 'dto', 'violence against the person', 8),
    ('V07_outcome_before_q', '2025-08-01', '2025-09-30', 'YRO', 'ROBBERY', 6),
    ('V08_nfa', '2025-09-01', '2025-10-05', 'NFA', 'ROBBERY', 6),
    ('V09_theft_g6', '2025-09-01', '2025-10-05', 'YRO', 'THEFT_AND_HANDLING', 6),
    ('V10_two_offences', '2025-09-01', '2025-10-05', 'YRO', 'ROBBERY', 5),
    ('V10_two_offences', '2025-09-02', '2025-11-05', 'youth rehabilitation order', 'DRUGS', 5),
    ('V11_non_resident', '2025-09-01', '2025-10-05', 'YCC', 'ROBBERY', 5),
    ('V12_eighteen_at_offence', '2025-09-01', '2025-10-05', 'YCC', 'ROBBERY', 5),
    ('V13_outcome_after_q', '2025-12-01', '2026-01-02', 'YCC', 'ROBBERY', 5),
]):
    if not any(c[0] == cid for c in children):
        child(cid, resident='N' if 'non_resident' in cid else 'Y',
              dob='2007-08-31' if 'eighteen' in cid else '2010-06-15')
    offences.append(['OF%04d' % i, cid, od, outd, outcome, cat, grav])
# earlier history (an outcome per quarter since 2023) so the extract covers the trend window
child('H01_history')
for i, d in enumerate(['2023-04-10', '2023-07-10', '2023-10-10', '2024-01-10', '2024-04-10', '2024-07-10', '2024-10-10',
                       '2025-01-10', '2025-04-10', '2025-07-10', '2025-10-10', '2025-12-31']):
    offences.append(['OH%04d' % i, 'H01_history', d, d, 'CR', 'THEFT_AND_HANDLING', 2])

# --- victims
for i, (ident, cons, cont, eng, views) in enumerate([
    ('2025-10-01', 'Y', 'Y', 'Y', 'Y'),
    ('2025-12-31', 'yes', 'TRUE', 'N', ''),
    ('2025-09-30', 'Y', 'Y', 'Y', 'Y'),     # before the quarter
    ('2026-01-01', 'Y', 'Y', 'Y', 'Y'),     # after
    ('2025-11-01', 'N', 'Y', 'Y', 'Y'),     # contacted and engaged without consent
    ('2025-11-02', '', '', '', '1'),
    ('2025-11-03', '1', '0', '', 'no'),
]):
    victims.append(['VIC%02d' % i, 'H01_history', ident, cons, cont, eng, views])

# --- board attendance: Q3 has three meetings (half rounded up = 2), Q2 four (2), Q1 one (1)
Q3 = ['2025-10-14', '2025-11-11', '2025-12-09']
rows = {
    # sector: [(attended, senior, shared) per meeting]; None = no row for that meeting
    'POLICE': [('Y', 'Y', 'Y'), ('Y', 'Y', 'Y'), ('N', '', '')],           # 2 of 3 senior: counts; shared at both
    'probation': [('Y', 'Y', 'Y'), ('N', 'Y', ''), ('N', '', '')],         # 1 of 3: no; senior on a non-attended ignored
    'Health': [('Y', 'N', 'Y'), ('Y', 'N', 'Y'), ('Y', 'Y', 'N')],         # senior once: no; shared 2 of 3: no
    'EDUCATION': [('Yes', 'Yes', 'Yes'), None, ('1', '1', '1')],           # 2 of 3 with a missing row: counts
    "children's social care": [None, None, None],                          # no rows: attended nothing
}
for sector, ms in rows.items():
    for d, m in zip(Q3, ms):
        if m:
            board.append([d, sector, *m])
Q2 = ['2025-07-08', '2025-08-12', '2025-09-09', '2025-09-23']
for sector in ['POLICE', 'PROBATION', 'HEALTH', 'EDUCATION', 'SOCIAL_CARE']:
    for j, d in enumerate(Q2):
        # POLICE 2 of 4 (counts), PROBATION 1 of 4, others all four
        att = 'Y' if (sector not in ('POLICE', 'PROBATION') or (sector == 'POLICE' and j < 2) or (sector == 'PROBATION' and j == 0)) else 'N'
        board.append([d, sector, att, 'Y' if att == 'Y' else '', 'Y'])
board.append(['2025-05-13', 'POLICE', 'Y', 'Y', 'N'])
board.append(['2025-05-13', 'HEALTH', 'N', '', ''])


write_extract(out, {
    'children.csv': children,
    'interventions.csv': interventions,
    'accommodation.csv': accommodation,
    'ete.csv': ete,
    'needs.csv': needs,
    'care_status.csv': care,
    'offences.csv': offences,
    'victims.csv': victims,
    'board_attendance.csv': board,
})
