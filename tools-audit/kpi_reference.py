#!/usr/bin/env python3
"""Independent reference implementation of the YJB KPI records (docs/indicators.md, "YJB key performance
indicators") and the ETE records (ete.*), written from the definitions without reading yjpack's KPI code, to check
yjpack's figures against. Plain python3 (standard library only). A dev tool, not part of the product.

Usage:
  kpi_reference.py --data DIR --quarter 2026-27-Q2 [--quarter ...] [--period P] [--headline] [--out ref.json]
  kpi_reference.py --data DIR --quarter ... --compare indicators.json   (exit 1 on any difference)

Records for every quarter given, as a run for P (default: the latest quarter) reports them: a KPI file with no
record up to the end of P is [x]. --compare matches records by id, period and breakdown; quarters before the
first one a KPI's inputs cover, which yjpack leaves out, are skipped.
"""
import argparse
import csv
import datetime as dt
import json
import math
import os
import re
import sys
from collections import defaultdict

Z = 1.959963984540054

# ---------------------------------------------------------------------------------------------- parsing


def norm(s):
    return (s or '').strip()


def parse_date(s):
    s = norm(s)
    if not s:
        return None
    m = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', s)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r'(\d{2})/(\d{2})/(\d{4})', s)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError('bad date %r' % s)


YES = {'Y', 'YES', 'TRUE', '1'}
NO = {'N', 'NO', 'FALSE', '0'}


def yn(s):
    """True, False, or None for blank."""
    s = norm(s).upper()
    if not s:
        return None
    if s in YES:
        return True
    if s in NO:
        return False
    raise ValueError('bad Y/N %r' % s)


def code(s, table, aliases=None):
    """Canonical code from a code or its label, case-insensitively; None for blank."""
    s = norm(s)
    if not s:
        return None
    u = s.upper()
    if u in table:
        return u
    if aliases and u in aliases:
        return aliases[u]
    for k, label in table.items():
        if label.upper() == u:
            return k
    raise ValueError('bad code %r' % s)


# Labels as the spec (kpis.md, data-contract.md) words them.
INTERVENTION_TYPES = {
    'OOCD': 'Out-of-court disposal with YJS intervention', 'YC': 'Youth Caution',
    'YCC': 'Youth Conditional Caution', 'RO': 'Referral Order', 'YRO': 'Youth Rehabilitation Order',
    'CUSTODY': 'Custodial part of a sentence',
}
SERIOUSNESS = {'CUSTODY': 6, 'YRO': 5, 'RO': 4, 'YCC': 3, 'YC': 2, 'OOCD': 1}
ORDER_TYPES = ['OOCD', 'YC', 'YCC', 'RO', 'YRO', 'CUSTODY']
SEX = {'M': 'Male', 'F': 'Female', 'U': 'Unknown'}
SEX_ALIASES = {'1': 'M', '2': 'F', '9': 'U'}
ETHNICITY = {
    'WBRI': ('White British', 'White'), 'WIRI': ('Irish', 'White'), 'WIRT': ('Traveller of Irish heritage', 'White'),
    'WROM': ('Gypsy/Roma', 'White'), 'WOTH': ('Any other White background', 'White'),
    'MWBC': ('White and Black Caribbean', 'Mixed'), 'MWBA': ('White and Black African', 'Mixed'),
    'MWAS': ('White and Asian', 'Mixed'), 'MOTH': ('Any other mixed background', 'Mixed'),
    'AIND': ('Indian', 'Asian'), 'APKN': ('Pakistani', 'Asian'), 'ABAN': ('Bangladeshi', 'Asian'),
    'ACHN': ('Chinese', 'Asian'), 'AOTH': ('Any other Asian background', 'Asian'),
    'BCRB': ('Black Caribbean', 'Black'), 'BAFR': ('Black African', 'Black'), 'BOTH': ('Any other Black background', 'Black'),
    'OARA': ('Arab', 'Other'), 'OOTH': ('Any other ethnic group', 'Other'),
    'REFU': ('Refused', 'Not known'), 'NOBT': ('Information not obtained', 'Not known'),
}
ETHNIC_GROUPS = ['Asian', 'Black', 'Mixed', 'Not known', 'Other', 'White']
ACCOMMODATION = {
    'FAMILY': 'Parents or family', 'KINSHIP': 'Kinship carers or friends', 'FOSTER': 'Foster care',
    'CHILDRENS_HOME': "Children's home", 'SEMI_INDEPENDENT': 'Semi-independent or supported',
    'INDEPENDENT': 'Independent living', 'SECURE': "YOI, STC, SCH or secure children's home",
    'BED_AND_BREAKFAST': 'Bed and breakfast', 'NO_FIXED_ABODE': 'No fixed abode', 'OTHER': 'Other',
}
NEEDS = {'SEND': 'Special educational needs or disability (ALN in Wales)',
         'MENTAL_HEALTH': 'Mental health and emotional wellbeing', 'SUBSTANCE_MISUSE': 'Substance misuse'}
CARE = {'LAC': 'Looked after', 'CPP': 'Child protection plan', 'CIN': 'Child in need', 'EARLY_HELP': 'Early help plan'}
SECTORS = {'POLICE': 'Police', 'PROBATION': 'Probation', 'HEALTH': 'Health', 'EDUCATION': 'Education',
           'SOCIAL_CARE': "Children's social care"}
SECTOR_ORDER = ['POLICE', 'PROBATION', 'HEALTH', 'EDUCATION', 'SOCIAL_CARE']
SUITABILITY = {'SUITABLE': 'Suitable', 'UNSUITABLE': 'Unsuitable', 'UNKNOWN': 'Unknown'}
OFFENCE_CATS = {'VIOLENCE_AGAINST_THE_PERSON': 'Violence against the Person', 'ROBBERY': 'Robbery', 'DRUGS': 'Drugs'}
SUBSTANTIVE = {'YC', 'YCC', 'AD', 'CD', 'FINE', 'RO', 'REPARATION', 'OTHER_FIRST_TIER', 'YRO', 'YRO_ISS',
               'DTO', 'S250', 'S254', 'S258', 'S259'}
OUTCOME_LABELS = {
    'CR': 'Community Resolution', 'OUTCOME_22': 'Deferred prosecution / diversion',
    'OUTCOME_20_21': 'Further action not in the public interest', 'YC': 'Youth Caution',
    'YCC': 'Youth Conditional Caution', 'AD': 'Absolute Discharge', 'CD': 'Conditional Discharge', 'FINE': 'Fine',
    'RO': 'Referral Order', 'REPARATION': 'Reparation Order', 'OTHER_FIRST_TIER': 'Other first-tier',
    'YRO': 'Youth Rehabilitation Order', 'YRO_ISS': 'YRO with Intensive Supervision and Surveillance',
    'DTO': 'Detention and Training Order', 'S250': 'Long-term detention', 'S254': 'Extended sentence',
    'S258': 'Detention for life', 'S259': "Detention at His Majesty's pleasure", 'NFA': 'No further action',
    'NOT_GUILTY': 'Not guilty', 'WITHDRAWN': 'Withdrawn',
}


def read_csv(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    out = []
    for r in rows[1:]:
        if not any(c.strip() for c in r):
            continue
        out.append({h: (r[i] if i < len(r) else '') for i, h in enumerate(header)})
    return out


def category_code(s):
    s = norm(s)
    u = s.upper()
    for k, v in OFFENCE_CATS.items():
        if u == k or u == v.upper():
            return k
    return u  # another category: not one of the three


def outcome_code(s):
    return code(s, OUTCOME_LABELS)


class Extract:
    def __init__(self, folder):
        self.children = {}
        for r in read_csv(folder, 'children.csv'):
            eth = norm(r.get('ethnicity'))
            group = 'Not known'
            if eth:
                u = eth.upper()
                if u in ETHNICITY:
                    group = ETHNICITY[u][1]
                else:
                    for k, (label, g) in ETHNICITY.items():
                        if label.upper() == u:
                            group = g
                            break
                    else:
                        raise ValueError('ethnicity %r' % eth)
            sex = code(r.get('sex'), SEX, SEX_ALIASES) or 'U'
            res = yn(r.get('resident_in_area'))
            self.children[norm(r['child_id'])] = {
                'dob': parse_date(r['date_of_birth']), 'sex': sex, 'eth': group, 'resident': res is not False}
        self.interventions = [
            {'id': norm(r['intervention_id']), 'child': norm(r['child_id']), 'type': code(r['type'], INTERVENTION_TYPES),
             'start': parse_date(r['start_date']), 'end': parse_date(r.get('end_date')),
             'completed': yn(r.get('completed'))}
            for r in (read_csv(folder, 'interventions.csv') or [])]
        self.has_interventions = read_csv(folder, 'interventions.csv') is not None
        self.offences = [
            {'id': norm(r['offence_id']), 'child': norm(r['child_id']), 'date': parse_date(r['offence_date']),
             'outcome_date': parse_date(r['outcome_date']), 'outcome': outcome_code(r['outcome']),
             'cat': category_code(r['offence_category']), 'gravity': int(norm(r['gravity'])) if norm(r['gravity']) else None}
            for r in read_csv(folder, 'offences.csv')]
        ete = read_csv(folder, 'ete.csv')
        self.ete = None if ete is None else [
            {'child': norm(r['child_id']), 'start': parse_date(r['start_date']), 'end': parse_date(r.get('end_date')),
             'suitable': code(r['suitability'], SUITABILITY) == 'SUITABLE',
             'hours': float(norm(r['hours_offered'])) if norm(r.get('hours_offered')) else 0.0}
            for r in ete]
        acc = read_csv(folder, 'accommodation.csv')
        self.accommodation = None if acc is None else [
            {'child': norm(r['child_id']), 'start': parse_date(r['start_date']), 'end': parse_date(r.get('end_date')),
             'type': code(r['type'], ACCOMMODATION), 'suitable': yn(r['suitable']) is True}
            for r in acc]
        needs = read_csv(folder, 'needs.csv')
        self.needs = None if needs is None else [
            {'child': norm(r['child_id']), 'need': code(r['need'], NEEDS), 'identified': parse_date(r['identified_date']),
             'plan': yn(r.get('plan')) is True, 'offered': parse_date(r.get('offered_date')),
             'attended': yn(r.get('attended')) is True}
            for r in needs]
        care = read_csv(folder, 'care_status.csv')
        self.care = None if care is None else [
            {'child': norm(r['child_id']), 'status': code(r['status'], CARE), 'start': parse_date(r['start_date']),
             'end': parse_date(r.get('end_date'))}
            for r in care]
        board = read_csv(folder, 'board_attendance.csv')
        self.board = None if board is None else [
            {'date': parse_date(r['meeting_date']), 'sector': code(r['sector'], SECTORS), 'attended': yn(r['attended']) is True,
             'senior': yn(r.get('senior')) is True, 'shared': yn(r.get('data_shared')) is True}
            for r in board]
        vic = read_csv(folder, 'victims.csv')
        self.victims = None if vic is None else [
            {'id': norm(r['victim_id']), 'child': norm(r['child_id']), 'identified': parse_date(r['identified_date']),
             'consented': yn(r.get('consented_contact')) is True, 'contacted': yn(r.get('contacted')) is True,
             'engaged': yn(r.get('engaged_rj')) is True, 'views': yn(r.get('views_considered')) is True}
            for r in vic]
        pop = read_csv(folder, 'population.csv')
        self.population = pop or []


# ---------------------------------------------------------------------------------------------- dates


def quarter_bounds(q):
    m = re.fullmatch(r'(\d{4})-(\d{2})-Q([1-4])', q)
    y, n = int(m[1]), int(m[3])
    if n == 4:
        return dt.date(y + 1, 1, 1), dt.date(y + 1, 3, 31)
    sm = 3 * n + 1
    start = dt.date(y, sm, 1)
    end = (dt.date(y, sm + 3, 1) if sm + 3 <= 12 else dt.date(y + 1, 1, 1)) - dt.timedelta(days=1)
    return start, end


def age_at(dob, d):
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


def minus_months(d, n):
    y, m = d.year, d.month - n
    while m <= 0:
        m += 12
        y -= 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def last_friday_of_june(y):
    d = dt.date(y, 6, 30)
    while d.weekday() != 4:
        d -= dt.timedelta(days=1)
    return d


def school_age_at(dob, d):
    """Compulsory school age until the last Friday of June of the school year (1 Sep-31 Aug) in which the child
    turns 16: school age on that Friday itself (the child may leave on it)."""
    b16 = dt.date(dob.year + 16, dob.month, dob.day) if not (dob.month == 2 and dob.day == 29) else dt.date(dob.year + 16, 3, 1)
    june_year = b16.year + 1 if b16.month >= 9 else b16.year
    return d <= last_friday_of_june(june_year)


def covers(rec, d):
    return rec['start'] <= d and (rec['end'] is None or rec['end'] >= d)


# ---------------------------------------------------------------------------------------------- statistics


def wilson(x, n):
    if n == 0:
        return None, None
    p = x / n
    denom = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / denom
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / denom
    return max(0.0, centre - half) * 100, min(1.0, centre + half) * 100


def poisson_cdf(k, lam):
    if k < 0:
        return 0.0
    term = math.exp(-lam)
    s = term
    for i in range(1, k + 1):
        term *= lam / i
        s += term
    return s


def exact_poisson(x):
    """Exact (Garwood) 95% limits for a Poisson count, by bisection on the Poisson distribution."""
    def bisect(too_low):
        lo, hi = 0.0, 10.0 * (x + 10)
        for _ in range(200):
            mid = (lo + hi) / 2
            if too_low(mid):
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2
    # lower: P(X >= x; lam) = 0.025; upper: P(X <= x; lam) = 0.025
    lower = 0.0 if x == 0 else bisect(lambda lam: 1 - poisson_cdf(x - 1, lam) < 0.025)
    upper = bisect(lambda lam: poisson_cdf(x, lam) > 0.025)
    return lower, upper


def byar(x):
    lower = x * (1 - 1 / (9 * x) - Z / (3 * math.sqrt(x))) ** 3
    upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + Z / (3 * math.sqrt(x + 1))) ** 3
    return lower, upper


def rate_interval(x, per, pop):
    lo, hi = exact_poisson(x) if x < 10 else byar(x)
    return lo / pop * per, hi / pop * per


# ---------------------------------------------------------------------------------------------- records


def prop(id_, period, bd, x, n):
    lo, hi = wilson(x, n)
    return {'id': id_, 'period': period, 'breakdown': bd, 'numerator': x, 'denominator': n,
            'value': (x / n * 100) if n else None, 'lower': lo, 'upper': hi, 'unit': '%'}


def count(id_, period, bd, x):
    return {'id': id_, 'period': period, 'breakdown': bd, 'numerator': x, 'denominator': None, 'value': x,
            'lower': None, 'upper': None, 'unit': 'count'}


def unavailable(id_, period):
    return {'id': id_, 'period': period, 'breakdown': {}, 'numerator': None, 'denominator': None, 'value': None,
            'lower': None, 'upper': None, 'status': 'not_available'}


def band(age):
    return '10-14' if age <= 14 else '15-17'


def breakdowns(person, with_order_type=True):
    """The breakdowns a member of a population falls in ({} = headline)."""
    out = [{}]
    if with_order_type:
        out.append({'order_type': person['type']})
    out += [{'ethnic_group': person['eth']}, {'sex': person['sex']}, {'age_band': person['band']}]
    return out


ALL_CATS = ([('order_type', t) for t in ORDER_TYPES] + [('ethnic_group', g) for g in ETHNIC_GROUPS]
            + [('sex', s) for s in ['M', 'F', 'U']] + [('age_band', b) for b in ['10-14', '15-17']])


def empty_cells(zero, with_order_type):
    """Every breakdown cell, the headline first, each starting from zero(), so a cell nobody falls in is still reported."""
    cells = defaultdict(zero)
    cells[()]
    for k, v in ALL_CATS:
        if with_order_type or k != 'order_type':
            cells[((k, v),)]
    return cells


def split_prop(id_, period, people, num_pred, den_pred=lambda p: True, with_order_type=True):
    cells = empty_cells(lambda: [0, 0], with_order_type)
    for p in people:
        if not den_pred(p):
            continue
        for bd in breakdowns(p, with_order_type):
            c = cells[tuple(bd.items())]
            c[1] += 1
            if num_pred(p):
                c[0] += 1
    return [prop(id_, period, dict(k), x, n) for k, (x, n) in cells.items()]


def split_count(id_, period, people, pred, with_order_type=True, weight=lambda p: 1):
    cells = empty_cells(int, with_order_type)
    for p in people:
        if not pred(p):
            continue
        for bd in breakdowns(p, with_order_type):
            cells[tuple(bd.items())] += weight(p)
    return [count(id_, period, dict(k), x) for k, x in cells.items()]


# ---------------------------------------------------------------------------------------------- the KPIs


def common_population(ex, qs, qe):
    """One entry per child: the most serious qualifying intervention ending in [qs, qe]."""
    best = {}
    for iv in ex.interventions:
        if iv['end'] is None or not (qs <= iv['end'] <= qe):
            continue
        ch = ex.children[iv['child']]
        if not ch['resident']:
            continue
        if not (10 <= age_at(ch['dob'], iv['start']) <= 17):
            continue
        key = (SERIOUSNESS[iv['type']], iv['end'], iv['start'], iv['id'])
        if iv['child'] not in best or key > best[iv['child']][0]:
            best[iv['child']] = (key, iv)
    people = []
    for cid, (_, iv) in sorted(best.items()):
        ch = ex.children[cid]
        people.append({'child': cid, 'type': iv['type'], 'S': iv['start'], 'E': iv['end'], 'eth': ch['eth'],
                       'sex': ch['sex'], 'band': band(age_at(ch['dob'], iv['start'])), 'dob': ch['dob']})
    return people


def status_at(records, d):
    """Status at a date: (recorded, suitable)."""
    cov = [r for r in records if covers(r, d)]
    if not cov:
        return False, False
    top = max(r['start'] for r in cov)
    return True, any(r['suitable'] for r in cov if r['start'] == top)


def by_child(rows):
    out = defaultdict(list)
    for r in rows or []:
        out[r['child']].append(r)
    return out


def kpi_accommodation(ex, period, people, recs):
    acc = by_child(ex.accommodation)
    for p in people:
        p['acc_rec_E'], p['acc_suit_E'] = status_at(acc[p['child']], p['E'])
        p['acc_rec_S'], p['acc_suit_S'] = status_at(acc[p['child']], p['S'])
    recs += split_prop('kpi.accommodation.end', period, people, lambda p: p['acc_suit_E'])
    recs += split_prop('kpi.accommodation.start', period, people, lambda p: p['acc_suit_S'])
    recs += split_count('kpi.accommodation.not_recorded', period, people, lambda p: not p['acc_rec_E'])
    recs += split_count('kpi.accommodation.not_recorded_start', period, people, lambda p: not p['acc_rec_S'])


def kpi_ete(ex, period, people, recs):
    ete = by_child(ex.ete)
    for p in people:
        for tag, d in (('E', p['E']), ('S', p['S'])):
            rows = ete[p['child']]
            hours = sum(r['hours'] for r in rows if covers(r, d))
            school = school_age_at(p['dob'], d)
            rec, suit = status_at(rows, d)
            p['ete_school_' + tag] = school
            p['ete_met_' + tag] = hours >= (25 if school else 16)
            p['ete_rec_' + tag] = rec
            p['ete_suit_' + tag] = suit
    for tag, sfx, suit_id, nr_id in (('E', '', 'ete.suitable_end', 'ete.not_recorded'),
                                    ('S', '_start', 'ete.suitable_start', 'ete.not_recorded_start')):
        recs += split_prop('ete.school_age' + sfx, period, people, lambda p: p['ete_met_' + tag],
                           lambda p: p['ete_school_' + tag])
        recs += split_prop('ete.over_school_age' + sfx, period, people, lambda p: p['ete_met_' + tag],
                           lambda p: not p['ete_school_' + tag])
        recs += split_prop('ete.overall' + sfx, period, people, lambda p: p['ete_met_' + tag])
        recs += split_prop(suit_id, period, people, lambda p: p['ete_suit_' + tag])
        recs += split_count(nr_id, period, people, lambda p: not p['ete_rec_' + tag])


def kpi_needs(ex, period, people, recs):
    needs = by_child(ex.needs)
    for p in people:
        lo = minus_months(p['S'], 12)
        for need in NEEDS:
            rows = [r for r in needs[p['child']] if r['need'] == need and lo <= r['identified'] <= p['E']]
            offered = [r for r in rows if r['offered'] is not None and p['S'] <= r['offered'] <= p['E']]
            p[need] = (bool(rows), any(r['plan'] for r in rows), bool(offered), any(r['attended'] for r in offered))
    recs += split_prop('kpi.send.plan', period, people, lambda p: p['SEND'][1], lambda p: p['SEND'][0])
    for need, name in (('MENTAL_HEALTH', 'mental_health'), ('SUBSTANCE_MISUSE', 'substance_misuse')):
        recs += split_prop('kpi.%s.need' % name, period, people, lambda p: p[need][0])
        recs += split_prop('kpi.%s.offered' % name, period, people, lambda p: p[need][2], lambda p: p[need][0])
        recs += split_prop('kpi.%s.attended' % name, period, people, lambda p: p[need][3], lambda p: p[need][2])


def kpi_wider(ex, period, people, recs):
    care = by_child(ex.care)
    for p in people:
        got = {r['status'] for r in care[p['child']] if r['start'] <= p['E'] and (r['end'] is None or r['end'] >= p['S'])}
        p['care'] = got
    recs += split_prop('kpi.wider_services.any', period, people, lambda p: bool(p['care']))
    for st in CARE:
        recs += split_prop('kpi.wider_services.' + st.lower(), period, people, lambda p, st=st: st in p['care'])


def kpi_oocd(ex, period, qs, qe, recs):
    best = {}
    completed = defaultdict(bool)
    for iv in ex.interventions:
        if iv['type'] not in ('OOCD', 'YC', 'YCC') or iv['end'] is None or not (qs <= iv['end'] <= qe):
            continue
        ch = ex.children[iv['child']]
        if not ch['resident'] or not (10 <= age_at(ch['dob'], iv['start']) <= 17):
            continue
        completed[iv['child']] |= iv['completed'] is True
        key = (SERIOUSNESS[iv['type']], iv['end'], iv['start'], iv['id'])
        if iv['child'] not in best or key > best[iv['child']][0]:
            best[iv['child']] = (key, iv)
    people = []
    for cid, (_, iv) in sorted(best.items()):
        ch = ex.children[cid]
        people.append({'type': iv['type'], 'eth': ch['eth'], 'sex': ch['sex'],
                       'band': band(age_at(ch['dob'], iv['start'])), 'done': completed[cid]})
    recs += split_prop('kpi.oocd.completed', period, people, lambda p: p['done'])


def kpi_board(ex, period, qs, qe, recs):
    rows = [r for r in ex.board if qs <= r['date'] <= qe]
    meetings = sorted({r['date'] for r in rows})
    if not meetings:
        recs.append(unavailable('kpi.board_attendance.sectors', period))
        recs.append(unavailable('kpi.board_attendance.data_shared', period))
        return
    need = math.ceil(len(meetings) / 2)
    sectors, shared = 0, 0
    per = []
    for s in SECTOR_ORDER:
        sr = [r for r in rows if r['sector'] == s]
        senior_att = len({r['date'] for r in sr if r['attended'] and r['senior']})
        att = [r for r in sr if r['attended']]
        ok = senior_att >= need
        sh = bool(att) and all(r['shared'] for r in att)
        sectors += ok
        shared += sh
        per.append((s, ok, senior_att, sh, sum(r['shared'] for r in att), len(att)))
    base = {'period': period, 'lower': None, 'upper': None, 'unit': 'of 5'}
    recs.append(dict(base, id='kpi.board_attendance.sectors', breakdown={}, numerator=sectors, denominator=5, value=sectors))
    recs.append(dict(base, id='kpi.board_attendance.data_shared', breakdown={}, numerator=shared, denominator=5, value=shared))
    for s, ok, sa, sh, nsh, natt in per:
        recs.append(dict(base, id='kpi.board_attendance.sectors', breakdown={'sector': s}, numerator=sa,
                         denominator=len(meetings), value=int(ok)))
        recs.append(dict(base, id='kpi.board_attendance.data_shared', breakdown={'sector': s}, numerator=nsh,
                         denominator=natt, value=int(sh)))


def population_for(ex, qe):
    """Population aged 10-17 for the year to the quarter ending qe (the mid-year inside it, else the latest earlier)."""
    ys = qe.year if qe.month >= 6 else qe.year - 1  # 30 June of ys is in (qe - 12 months, qe]
    if qe < dt.date(ys, 6, 30):
        ys -= 1
    totals = {}
    by_year = defaultdict(list)
    for r in ex.population:
        by_year[int(norm(r['year']))].append(r)
    for y, rows in by_year.items():
        tot = [r for r in rows if norm(r['age']).replace(' ', '') in ('10-17',) and not norm(r.get('sex')) and not norm(r.get('ethnic_group'))]
        if tot:
            totals[y] = float(norm(tot[0]['population']))
            continue
        single = [r for r in rows if norm(r['age']).isdigit() and 10 <= int(norm(r['age'])) <= 17]
        persons = [r for r in single if not norm(r.get('sex')) and not norm(r.get('ethnic_group'))]
        if persons:
            totals[y] = sum(float(norm(r['population'])) for r in persons)
            continue
        ms = [r for r in single if norm(r.get('sex')) and not norm(r.get('ethnic_group'))]
        if ms:
            totals[y] = sum(float(norm(r['population'])) for r in ms)
            continue
        totals[y] = sum(float(norm(r['population'])) for r in single)
    cands = [y for y in totals if y <= ys]
    if not cands:
        return None
    return totals[max(cands)]


def kpi_serious_violence(ex, period, qs, qe, recs):
    offs = []
    for o in ex.offences:
        if o['cat'] not in OFFENCE_CATS or o['gravity'] is None or o['gravity'] < 5:
            continue
        if o['outcome'] not in SUBSTANTIVE or not (qs <= o['outcome_date'] <= qe):
            continue
        ch = ex.children[o['child']]
        if not (10 <= age_at(ch['dob'], o['date']) <= 17):
            continue
        offs.append(o)
    first = {}
    n_off = defaultdict(int)
    for o in offs:
        n_off[o['child']] += 1
        if o['child'] not in first or o['date'] < first[o['child']]:
            first[o['child']] = o['date']
    people = []
    for cid, d in first.items():
        ch = ex.children[cid]
        people.append({'eth': ch['eth'], 'sex': ch['sex'], 'band': band(age_at(ch['dob'], d)), 'n': n_off[cid]})
    recs += split_count('kpi.serious_violence.offences', period, people, lambda p: True, False, lambda p: p['n'])
    recs += split_count('kpi.serious_violence.children', period, people, lambda p: True, False)
    pop = population_for(ex, qe)
    x = len(people)
    if pop is None:
        recs.append(unavailable('kpi.serious_violence.rate', period))
    else:
        lo, hi = rate_interval(x, 10000, pop)
        recs.append({'id': 'kpi.serious_violence.rate', 'period': period, 'breakdown': {}, 'numerator': x,
                     'denominator': pop, 'value': x / pop * 10000, 'lower': lo, 'upper': hi, 'unit': 'per 10,000'})


def kpi_victims(ex, period, qs, qe, recs):
    v = [r for r in ex.victims if qs <= r['identified'] <= qe]
    cons = [r for r in v if r['consented']]
    recs.append(prop('kpi.victims.engaged_rj', period, {}, sum(r['engaged'] for r in cons), len(cons)))
    recs.append(prop('kpi.victims.contacted', period, {}, sum(r['contacted'] for r in cons), len(cons)))
    recs.append(prop('kpi.victims.views_considered', period, {}, sum(r['views'] for r in v), len(v)))


ETE_IDS = ['ete.%s%s' % (m, s) for s in ('', '_start') for m in ('school_age', 'over_school_age', 'overall')] + [
    'ete.suitable_end', 'ete.suitable_start', 'ete.not_recorded', 'ete.not_recorded_start']

POP_IDS = {
    'accommodation': ['kpi.accommodation.end', 'kpi.accommodation.start', 'kpi.accommodation.not_recorded',
                      'kpi.accommodation.not_recorded_start'],
    'needs': ['kpi.send.plan'] + ['kpi.%s.%s' % (a, b) for a in ('mental_health', 'substance_misuse')
                                  for b in ('need', 'offered', 'attended')],
    'care': ['kpi.wider_services.' + s for s in ('any', 'lac', 'cpp', 'cin', 'early_help')],
    'victims': ['kpi.victims.engaged_rj', 'kpi.victims.contacted', 'kpi.victims.views_considered'],
    'board': ['kpi.board_attendance.sectors', 'kpi.board_attendance.data_shared'],
}


def upto(rows, field, end):
    """The file's rows dated up to the end of P, or None when the file is absent or has none (the KPI is [x])."""
    if rows is None:
        return None
    kept = [r for r in rows if r[field] <= end]
    return kept or None


def compute(ex_all, quarter, period):
    """The records for one quarter of a run for period P: files with no record up to the end of P are [x]."""
    pe = quarter_bounds(period)[1]
    ex = Extract.__new__(Extract)
    ex.__dict__.update(ex_all.__dict__)
    ex.accommodation = upto(ex_all.accommodation, 'start', pe)
    ex.ete = upto(ex_all.ete, 'start', pe)
    ex.needs = upto(ex_all.needs, 'identified', pe)
    ex.care = upto(ex_all.care, 'start', pe)
    ex.board = upto(ex_all.board, 'date', pe)
    ex.victims = upto(ex_all.victims, 'identified', pe)
    qs, qe = quarter_bounds(quarter)
    recs = []
    people = common_population(ex, qs, qe)
    if ex.accommodation is None:
        recs += [unavailable(i, quarter) for i in POP_IDS['accommodation']]
    else:
        kpi_accommodation(ex, quarter, people, recs)
    if ex.ete is None:
        recs += [unavailable(i, quarter) for i in ETE_IDS]
    else:
        kpi_ete(ex, quarter, people, recs)
    if ex.needs is None:
        recs += [unavailable(i, quarter) for i in POP_IDS['needs']]
    else:
        kpi_needs(ex, quarter, people, recs)
    if ex.care is None:
        recs += [unavailable(i, quarter) for i in POP_IDS['care']]
    else:
        kpi_wider(ex, quarter, people, recs)
    if not any(iv['completed'] is not None and iv['start'] <= pe for iv in ex.interventions):
        recs.append(unavailable('kpi.oocd.completed', quarter))  # completed never recorded: not 0%
    else:
        kpi_oocd(ex, quarter, qs, qe, recs)
    if ex.board is None:
        recs += [unavailable(i, quarter) for i in POP_IDS['board']]
    else:
        kpi_board(ex, quarter, qs, qe, recs)
    kpi_serious_violence(ex, quarter, qs, qe, recs)
    if ex.victims is None:
        recs += [unavailable(i, quarter) for i in POP_IDS['victims']]
    else:
        kpi_victims(ex, quarter, qs, qe, recs)
    return recs


# ---------------------------------------------------------------------------------------------- compare


def key(r):
    return (r['id'], r['period'], tuple(sorted(r['breakdown'].items())))


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def compare(ref, theirs, quarters, verbose=True):
    mine = {key(r): r for r in ref}
    other = {key(r): r for r in theirs
             if (r['id'].startswith('kpi.') or r['id'].startswith('ete.')) and r['period'] in quarters}
    emitted = {(k[0], k[1]) for k in other}
    diffs = []
    skipped = 0
    for k, r in sorted(mine.items()):
        o = other.get(k)
        if o is None:
            if (k[0], k[1]) not in emitted:
                skipped += 1  # a quarter before the first one the KPI's inputs cover: yjpack gives no record at all
                continue
            diffs.append(('missing in yjpack', k, r, None))
            continue
        if r.get('status') == 'not_available':
            if o.get('status') != 'not_available':
                diffs.append(('availability', k, r, o))
            continue
        for f in ('numerator', 'denominator', 'value', 'lower', 'upper'):
            if not close(r[f], o[f]):
                diffs.append((f, k, r, o))
                break
    for k, o in sorted(other.items()):
        if k not in mine:
            diffs.append(('extra in yjpack', k, None, o))
    if verbose:
        print('%d (id, quarter) pairs before the inputs cover, not emitted by yjpack' % len({(k[0], k[1]) for k in mine if (k[0], k[1]) not in emitted}))
        for what, k, r, o in diffs:
            def short(x):
                return None if x is None else {f: x.get(f) for f in ('numerator', 'denominator', 'value', 'lower', 'upper', 'status')}
            print('%-18s %s %s %s\n    ref    %s\n    yjpack %s' % (what, k[0], k[1], dict(k[2]), short(r), short(o)))
    return diffs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--quarter', action='append', required=True)
    ap.add_argument('--period', help='the run\'s period P (default: the latest --quarter)')
    ap.add_argument('--out')
    ap.add_argument('--compare')
    ap.add_argument('--headline', action='store_true', help='print headline figures')
    a = ap.parse_args()
    ex = Extract(a.data)
    ref = []
    period = a.period or max(a.quarter)
    for q in a.quarter:
        ref += compute(ex, q, period)
    if a.out:
        with open(a.out, 'w') as f:
            json.dump(ref, f, indent=1, default=str)
    if a.headline:
        for r in ref:
            if not r['breakdown']:
                print('%-40s %s %s/%s %s' % (r['id'], r['period'], r['numerator'], r['denominator'], r['value']))
    if a.compare:
        with open(a.compare) as f:
            theirs = json.load(f)
        d = compare(ref, theirs, set(a.quarter))
        n = len([r for r in ref])
        print('%d reference records, %d differences' % (n, len(d)))
        sys.exit(1 if d else 0)


if __name__ == '__main__':
    main()
