"""The CSV files of a KPI test extract, with the contract's headers: one writer for edge_extract.py and fuzz_extract.py."""
import csv
import os

HEADERS = {
    'children.csv': ['child_id', 'date_of_birth', 'sex', 'ethnicity', 'resident_in_area'],
    'interventions.csv': ['intervention_id', 'child_id', 'type', 'start_date', 'end_date', 'completed'],
    'accommodation.csv': ['child_id', 'start_date', 'end_date', 'type', 'suitable'],
    'ete.csv': ['child_id', 'start_date', 'end_date', 'provision', 'suitability', 'hours_offered', 'hours_attended'],
    'needs.csv': ['child_id', 'need', 'identified_date', 'plan', 'offered_date', 'attended'],
    'care_status.csv': ['child_id', 'status', 'start_date', 'end_date'],
    'offences.csv': ['offence_id', 'child_id', 'offence_date', 'outcome_date', 'outcome', 'offence_category', 'gravity'],
    'victims.csv': ['victim_id', 'child_id', 'identified_date', 'consented_contact', 'contacted', 'engaged_rj', 'views_considered'],
    'board_attendance.csv': ['meeting_date', 'sector', 'attended', 'senior', 'data_shared'],
    'population.csv': ['year', 'age', 'sex', 'ethnic_group', 'population'],
}

# Two years of one all-children population row: enough for the serious-violence rate.
POPULATION = [[2023, '10-17', '', '', 9000], [2024, '10-17', '', '', 10000]]


def write_extract(out, rows_by_file):
    """Writes each file of HEADERS into the folder out, its rows from rows_by_file (population.csv from POPULATION)."""
    tables = {**rows_by_file, 'population.csv': POPULATION}
    for name, header in HEADERS.items():
        with open(os.path.join(out, name), 'w', newline='') as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(tables[name])
