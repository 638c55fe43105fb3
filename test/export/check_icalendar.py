"""Independent cross-check of oncall's .ics output with python-icalendar (Debian python3-icalendar).

Usage: /usr/bin/python3 check_icalendar.py FILE.ics...
Prints JSON: {file: {"events": [[uid, start_utc_iso, end_utc_iso, summary, transp]], "errors": [...]}}.
Exit 0 even when errors are found: the vitest test asserts on the JSON.
"""
import json
import sys
from datetime import timezone

from icalendar import Calendar


def check(path):
    errors = []
    events = []
    with open(path, 'rb') as f:
        raw = f.read()
    try:
        cal = Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - report any parser failure as data
        return {'events': [], 'errors': ['parse: %s' % e]}
    for component in cal.walk():
        for err in getattr(component, 'errors', []):
            errors.append('%s: %s' % (component.name, err))
        if component.name != 'VEVENT':
            continue
        start = component.decoded('DTSTART')
        end = component.decoded('DTEND')
        if start.tzinfo is None or end.tzinfo is None:
            errors.append('floating time in %s' % component.get('UID'))
            continue
        events.append([
            str(component.get('UID')),
            start.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
            end.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
            str(component.get('SUMMARY')),
            str(component.get('TRANSP')),
        ])
    for name in ('X-WR-CALNAME', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL'):
        if cal.get(name) is None:
            errors.append('calendar property %s missing' % name)
    if cal.get('METHOD') is not None:
        errors.append('METHOD present')
    return {'events': events, 'errors': errors}


if __name__ == '__main__':
    print(json.dumps({p: check(p) for p in sys.argv[1:]}, ensure_ascii=False))
