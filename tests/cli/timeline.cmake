# `narrative timeline`: golden text and JSON of the ceasefire case replayed at each of its six
# dates, and the refusal of more dates than --max-steps.
narrative_golden("timeline table" ceasefire-timeline.txt timeline -)
narrative_golden("timeline json" ceasefire-timeline.json timeline - --format json)
narrative_cli_test("timeline: more dates than --max-steps is refused with the count"
    ARGS timeline "${NARRATIVE_CEASEFIRE}" --max-steps 5 EXIT 2
    STDERR "6 distinct times, more than the 5 snapshots allowed")
narrative_cli_test("timeline: --max-steps 0 is a usage error"
    ARGS timeline "${NARRATIVE_CEASEFIRE}" --max-steps 0 EXIT 2 STDERR "--max-steps must be from 1 to")
# --threads reaches the solves of every snapshot; the output does not depend on it.
narrative_golden("timeline json with two threads" ceasefire-timeline.json timeline - --format json --threads 2)
narrative_cli_test("timeline refuses a thread count outside 0 to 1024"
    ARGS timeline "${NARRATIVE_CEASEFIRE}" --threads -1
    EXIT 2 NO_STDOUT STDERR "--threads must be from 0 to 1024, got -1 \\(0 uses every core\\)")
