# `narrative timeline`: golden text and JSON of the ceasefire case replayed at each of its six
# dates, and the refusal of more dates than --max-steps.
narrative_golden("timeline table" ceasefire-timeline.txt timeline -)
narrative_golden("timeline json" ceasefire-timeline.json timeline - --format json)
narrative_cli_test("timeline: more dates than --max-steps is refused with the count"
    ARGS timeline "${NARRATIVE_CEASEFIRE}" --max-steps 5 EXIT 2
    STDERR "6 distinct times, more than the 5 snapshots allowed")
narrative_cli_test("timeline: --max-steps 0 is a usage error"
    ARGS timeline "${NARRATIVE_CEASEFIRE}" --max-steps 0 EXIT 2 STDERR "--max-steps must be from 1 to")
