#!/usr/bin/env python3
"""A random extract dense in coincidences (records starting and ending on each other's dates, on quarter edges,
on birthdays, on S - 12 months), with codes written as codes or labels in any case, for P = 2024-25-Q4.
Usage: fuzz_extract.py OUTDIR SEED [CHILDREN]"""
import datetime as dt
import os
import random
import sys

from extract_writer import write_extract

out, seed = sys.argv[1], int(sys.argv[2])
n_children = int(sys.argv[3]) if len(sys.argv) > 3 else 300
R = random.Random(seed)
os.makedirs(out, exist_ok=True)
D = dt.date
ANCHORS = [D(2024, 1, 1), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 1), D(2024, 6, 28), D(2024, 6, 30), D(2024, 7, 1),
           D(2024, 9, 30), D(2024, 10, 1), D(2024, 12, 31), D(2025, 1, 1), D(2025, 2, 28), D(2025, 3, 31)]


def day():
    if R.random() < 0.5:
        return R.choice(ANCHORS) + dt.timedelta(days=R.choice([-1, 0, 0, 1]))
    return D(2023, 1, 1) + dt.timedelta(days=R.randrange(0, 820))


def iso(d):
    return '' if d is None else (d.strftime('%d/%m/%Y') if R.random() < 0.1 else d.isoformat())


def cased(code, label):
    x = R.random()
    v = label if x < 0.2 else code
    return v.lower() if R.random() < 0.2 else v


def yn(p, blank=0.1):
    if R.random() < blank:
        return ''
    return R.choice(['Y', 'Yes', 'TRUE', '1', 'y']) if R.random() < p else R.choice(['N', 'No', 'FALSE', '0', 'n'])


TYPES = [('OOCD', 'Out-of-court disposal with YJS intervention'), ('YC', 'Youth Caution'), ('YCC', 'Youth Conditional Caution'),
         ('RO', 'Referral Order'), ('YRO', 'Youth Rehabilitation Order'), ('CUSTODY', 'Custodial part of a sentence')]
ACC = [('FAMILY', 'Parents or family'), ('FOSTER', 'Foster care'), ('CHILDRENS_HOME', "Children's home"),
       ('SECURE', "YOI, STC, SCH or secure children's home"), ('OTHER', 'Other'), ('KINSHIP', 'Kinship carers or friends')]
PROV = ['SCHOOL_FULL_TIME', 'SCHOOL_PART_TIME', 'ALTERNATIVE_PROVISION', 'PRU', 'COLLEGE', 'TRAINING', 'EMPLOYMENT']
NEEDS = [('SEND', 'Special educational needs or disability (ALN in Wales)'), ('MENTAL_HEALTH', 'Mental health and emotional wellbeing'),
         ('SUBSTANCE_MISUSE', 'Substance misuse')]
CARE = [('LAC', 'Looked after'), ('CPP', 'Child protection plan'), ('CIN', 'Child in need'), ('EARLY_HELP', 'Early help plan')]
SECTORS = [('POLICE', 'Police'), ('PROBATION', 'Probation'), ('HEALTH', 'Health'), ('EDUCATION', 'Education'),
           ('SOCIAL_CARE', "Children's social care")]
ETH = ['WBRI', 'White British', 'bcrb', 'MWBC', 'APKN', 'OOTH', 'REFU', '', 'Any other mixed background']
OUTCOMES = ['YC', 'Youth Caution', 'YCC', 'RO', 'referral order', 'YRO', 'YRO_ISS', 'DTO', 'S250', 'CR', 'OUTCOME_22', 'NFA',
            'AD', 'FINE', 'REPARATION']
CATS = ['VIOLENCE_AGAINST_THE_PERSON', 'Violence against the Person', 'robbery', 'DRUGS', 'THEFT_AND_HANDLING', 'ARSON']

children, ivs, acc, ete, needs, care, offences, victims = ([] for _ in range(8))
n_iv = n_of = n_v = 0
for i in range(n_children):
    cid = 'C%04d' % i
    # birthdays on or near the 10th and 18th around the anchors, or anywhere 2006–2014
    if R.random() < 0.3:
        a = R.choice(ANCHORS) + dt.timedelta(days=R.choice([-1, 0, 1]))
        years = R.choice([10, 18, 16])
        dob = D(a.year - years, a.month, a.day) if not (a.month == 2 and a.day == 29) else D(a.year - years, 2, 28)
    else:
        dob = D(2006, 6, 1) + dt.timedelta(days=R.randrange(0, 8 * 365))
    children.append([cid, iso(dob), R.choice(['M', 'F', 'U', 'male', '2', '']), R.choice(ETH), R.choice(['Y', 'N', '', 'yes', 'no', ''])])
    # interventions: 1–3, often sharing end or start dates
    base_end = day()
    for _ in range(R.choice([1, 1, 2, 3])):
        n_iv += 1
        end = base_end if R.random() < 0.4 else day()
        start = end - dt.timedelta(days=R.choice([0, 1, 30, 90, 180, 366]))
        if R.random() < 0.1:
            end = None
        t = R.choice(TYPES)
        ivs.append(['IV%05d' % n_iv, cid, cased(*t), iso(start), iso(end), yn(0.6, 0.3)])
    used = set()

    def near():
        return base_end + dt.timedelta(days=R.choice([-400, -200, -90, -1, 0, 0, 1, 30])) if R.random() < 0.7 else day()
    for _ in range(R.choice([0, 1, 2, 3])):
        s = near()
        t = R.choice(ACC)
        if (s, t[0]) in used:
            continue
        used.add((s, t[0]))
        e = None if R.random() < 0.4 else s + dt.timedelta(days=R.choice([0, 1, 30, 200]))
        acc.append([cid, iso(s), iso(e), cased(*t), yn(0.8, 0)])
    used = set()
    for _ in range(R.choice([0, 1, 2, 3])):
        s = near()
        p = R.choice(PROV)
        if (s, p) in used:
            continue
        used.add((s, p))
        e = None if R.random() < 0.4 else s + dt.timedelta(days=R.choice([0, 1, 30, 200]))
        ete.append([cid, iso(s), iso(e), p, R.choice(['SUITABLE', 'suitable', 'UNSUITABLE', 'Unknown', '']),
                    R.choice(['25', '24.5', '16', '15.5', '10', '', '0', '30']), ''])
    used = set()
    for _ in range(R.choice([0, 1, 2, 3])):
        nd = R.choice(NEEDS)
        ident = near() - dt.timedelta(days=R.choice([0, 0, 365, 366, 367]))
        if (nd[0], ident) in used:
            continue
        used.add((nd[0], ident))
        off = None if R.random() < 0.3 else (ident + dt.timedelta(days=R.choice([-1, 0, 1, 30, 120])) if R.random() < 0.5 else near())
        att = '' if off is None else yn(0.6, 0.2)
        needs.append([cid, cased(*nd), iso(ident), yn(0.5, 0.3) if nd[0] == 'SEND' else '', iso(off), att])
    used = set()
    for _ in range(R.choice([0, 0, 1, 2])):
        st = R.choice(CARE)
        s = near()
        if (st[0], s) in used:
            continue
        used.add((st[0], s))
        e = None if R.random() < 0.3 else s + dt.timedelta(days=R.choice([0, 1, 60, 400]))
        care.append([cid, cased(*st), iso(s), iso(e)])
    for _ in range(R.choice([0, 0, 1, 2])):
        n_of += 1
        od = day()
        if (od - dob).days < 10 * 365.25 + 2:
            continue
        outd = od + dt.timedelta(days=R.choice([0, 5, 60]))
        offences.append(['OF%05d' % n_of, cid, iso(od), iso(outd), R.choice(OUTCOMES), R.choice(CATS), R.choice(['4', '5', '6', '8', '3'])])
    for _ in range(R.choice([0, 0, 1])):
        n_v += 1
        victims.append(['V%05d' % n_v, cid, iso(day()), yn(0.55, 0.1), yn(0.9, 0.1), yn(0.3, 0.1), yn(0.8, 0.1)])
# the data reach the end of P
offences.append(['OFEND', 'C0000', '2025-03-31', '2025-03-31', 'CR', 'ARSON', '2'])
children[0][1] = '2010-01-01'

board = []
meetings = sorted({D(2024, 1, 1) + dt.timedelta(days=R.randrange(0, 455)) for _ in range(12)})
for m in meetings:
    for s in SECTORS:
        if R.random() < 0.1:
            continue
        att = yn(0.7, 0)
        board.append([iso(m), cased(*s), att, yn(0.7, 0.2), yn(0.7, 0.2)])


write_extract(out, {
    'children.csv': children,
    'interventions.csv': ivs,
    'accommodation.csv': acc,
    'ete.csv': ete,
    'needs.csv': needs,
    'care_status.csv': care,
    'offences.csv': offences,
    'victims.csv': victims,
    'board_attendance.csv': board,
})
